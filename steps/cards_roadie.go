package steps

// roadieSections are the UI-editor steps for a Roadie tenant: one section
// per chosen card. Roadie installs and configures both plugins itself.
func roadieSections(in SnippetInput) []Section {
	var secs []Section
	if in.Cards.Overview {
		secs = append(secs, Section{
			Title: "Add the overview card (EntityJiraOverviewCard)",
			Lang:  "text", Body: roadieOverview,
		})
	}
	if in.Cards.Dashboard {
		secs = append(secs, Section{
			Title: "Add the dashboard tab (EntityJiraDashboardContent)",
			Lang:  "text", Body: roadieDashboard,
		})
	}
	return secs
}

const roadieOverview = `Roadie keeps one page layout per entity kind and type (a Component of
type "service" and one of type "website" are laid out apart), so repeat
this for each kind and type whose entities carry the jira/project-key
annotation.

  1. In the catalog, open an entity of that kind and type, on its
     Overview tab.
  2. Click the cog icon to enter edit mode.
  3. Click "+", pick EntityJiraOverviewCard, and drag or resize it in the
     grid where you want it.
  4. Optional: click the spanner icon on the card and enter its props as
     JSON. To hide the status filter above the issue counts:
       {"hideIssueFilter": true}
  5. Click Save.

The card shows on entities that have the jira/project-key annotation.
`

const roadieDashboard = `The tab is part of the same per-kind-and-type layout: repeat this for
each kind and type that should have it.

  1. In the catalog, open an entity of that kind and type.
  2. Click the "+" at the end of the tab bar.
  3. Pick EntityJiraDashboardContent.
  4. Name the tab, e.g. "Jira", and click Create.

The tab reads the same jira/project-key annotation as the overview card.
`
