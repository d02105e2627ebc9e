package steps

import (
	"fmt"
	"strings"
)

// Where each self-hosted part goes, relative to the Backstage repository.
const (
	EntityPageFile   = "packages/app/src/components/catalog/EntityPage.tsx"
	BackendIndexFile = "packages/backend/src/index.ts"
	AppConfigFile    = "app-config.yaml"
)

// npm packages of the two plugins.
const (
	roadiePackage    = "@roadiehq/backstage-plugin-jira"
	dashboardPackage = "@axis-backstage/plugin-jira-dashboard"
	dashboardBackend = "@axis-backstage/plugin-jira-dashboard-backend"
)

// backstageSections are the self-hosted parts that apply to the cards.
func backstageSections(in SnippetInput) ([]Section, error) {
	config, err := AppConfig(in)
	if err != nil {
		return nil, err
	}
	secs := []Section{
		{Part: PartInstall, Title: "Install the packages, from the repository root",
			Lang: "sh", Body: Install(in.Cards)},
		{Part: PartEntityPage, Title: "Place the cards", File: EntityPageFile,
			Lang: "tsx", Body: EntityPage(in.Cards)},
	}
	if in.Cards.Dashboard {
		secs = append(secs, Section{Part: PartBackend, Title: "Start the dashboard backend",
			File: BackendIndexFile, Lang: "ts", Body: Backend(in.Cards)})
	}
	return append(secs, Section{Part: PartAppConfig, Title: "Configure both plugins",
		File: AppConfigFile, Lang: "yaml", Body: config}), nil
}

// Install returns the shell commands that add the plugins' packages, with
// the oldest versions that work today as comments.
func Install(c Cards) string {
	var b strings.Builder
	b.WriteString("# Run from the root of your Backstage repository.\n")
	if c.Overview {
		b.WriteString(`
# Overview card: Roadie's Jira plugin (frontend only; it calls Jira through
# the Backstage proxy). Use 2.9.0 or later on Jira Cloud, and 2.10.0 or
# later on Data Center (it reads jira.product: datacenter).
yarn --cwd packages/app add ` + roadiePackage + "\n")
	}
	if c.Dashboard {
		b.WriteString(`
# Dashboard tab: the Axis Jira dashboard, frontend and backend.
# Frontend 2.2.1 or later (older ones show every Cloud assignee as
# "Unassigned"); backend 5.0.0 or later (it has useApiV3, which Cloud needs).
yarn --cwd packages/app add ` + dashboardPackage + `
yarn --cwd packages/backend add ` + dashboardBackend + "\n")
	}
	return b.String()
}

// EntityPage returns a self-contained TSX file showing the EntityPage.tsx
// imports and JSX for the cards, each piece with a comment saying where it
// goes. It compiles on its own against the plugins' declarations.
func EntityPage(c Cards) string {
	var b strings.Builder
	b.WriteString(`// ` + EntityPageFile + `
//
// Merge these pieces into your EntityPage.tsx. The names around them
// (overviewContent, serviceEntityPage) are the ones the Backstage app
// template uses; yours may differ.

// 1. Imports, at the top of the file. Keep the ones you already have.
`)
	if c.Overview {
		b.WriteString("import { Grid } from '@material-ui/core';\n")
	}
	b.WriteString(catalogImport(c))
	if c.Overview {
		b.WriteString("import {\n  EntityJiraOverviewCard,\n  isJiraAvailable,\n} from '" +
			roadiePackage + "';\n")
	}
	if c.Dashboard {
		b.WriteString(`import {
  EntityJiraDashboardContent,
  isJiraDashboardAvailable,
} from '` + dashboardPackage + "';\n")
	}
	if c.Overview {
		b.WriteString(entityPageOverview)
	}
	if c.Dashboard {
		n := 2
		if c.Overview {
			n = 3
		}
		b.WriteString(fmt.Sprintf(entityPageDashboard, n))
	}
	return b.String()
}

// catalogImport imports the layout components the chosen cards sit in.
func catalogImport(c Cards) string {
	var names []string
	if c.Dashboard {
		names = append(names, "EntityLayout")
	}
	if c.Overview {
		names = append(names, "EntitySwitch")
	}
	return "import { " + strings.Join(names, ", ") + " } from '@backstage/plugin-catalog';\n"
}

const entityPageOverview = `
// 2. The overview card: inside the overview grid, next to the other cards.
//    The EntitySwitch hides it on entities without jira/project-key.
export const overviewContent = (
  <Grid container spacing={3} alignItems="stretch">
    {/* ...the cards already there... */}
    <EntitySwitch>
      <EntitySwitch.Case if={isJiraAvailable}>
        <Grid item md={6}>
          <EntityJiraOverviewCard />
        </Grid>
      </EntitySwitch.Case>
    </EntitySwitch>
  </Grid>
);
`

const entityPageDashboard = `
// %d. The dashboard tab: a route inside the EntityLayout of each page that
//    should have it (serviceEntityPage, websiteEntityPage, ...). The 'jira'
//    argument matches annotationPrefix: jira in app-config.yaml, so the tab
//    reads the same jira/project-key annotation as the overview card.
export const serviceEntityPage = (
  <EntityLayout>
    {/* ...the routes already there... */}
    <EntityLayout.Route
      path="/jira-dashboard"
      title="Jira Dashboard"
      if={entity => isJiraDashboardAvailable(entity, 'jira')}
    >
      <EntityJiraDashboardContent />
    </EntityLayout.Route>
  </EntityLayout>
);
`

// Backend returns the line that starts the dashboard's backend plugin, with
// where it goes. The overview card needs no backend: for it alone this is a
// comment saying so.
func Backend(c Cards) string {
	if !c.Dashboard {
		return "// " + BackendIndexFile + "\n//\n" +
			"// Nothing to add: the overview card calls Jira through the proxy, " +
			"configured\n// in app-config.yaml.\n"
	}
	return "// " + BackendIndexFile + "\n//\n" +
		"// Add this with the other backend.add(...) lines, before backend.start().\n" +
		"backend.add(import('" + dashboardBackend + "'));\n"
}
