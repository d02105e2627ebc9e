package steps

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/roadie-tools/jira-setup/jira"
)

// Values both plugins are configured with.
const (
	// ProxyPath is the Backstage proxy endpoint Roadie's plugin calls.
	ProxyPath = "/jira/api"
	// TokenEnv is the environment variable holding the whole Authorization
	// value; the config refers to it and never holds the secret itself.
	TokenEnv = "JIRA_TOKEN"
	// ProxyUserAgent replaces the browser's User-Agent on proxied requests:
	// Jira refuses POSTs that carry a browser's ("XSRF check failed").
	ProxyUserAgent = "Backstage-Jira-Proxy"
	// AnnotationPrefix makes the dashboard read the jira/* annotations the
	// overview card reads.
	AnnotationPrefix = "jira"
)

// AppConfig returns one app-config.yaml document configuring the chosen
// cards: the proxy endpoint and jira section for the overview card, the
// jiraDashboard section for the tab, and the image policy for both. The
// token appears only as ${JIRA_TOKEN}; a comment says how to set it. It
// needs a valid Site and a known Deployment.
func AppConfig(in SnippetInput) (string, error) {
	if in.Cards.None() {
		return "", errNoCards
	}
	site, origin, err := configSite(in.Site)
	if err != nil {
		return "", err
	}
	cloud, err := isCloud(in.Deployment)
	if err != nil {
		return "", err
	}

	var b strings.Builder
	b.WriteString(configHeader(in, cloud))
	if in.Cards.Overview {
		b.WriteString(proxySection(site))
		b.WriteString(jiraSection(cloud))
	}
	b.WriteString(cspSection(origin))
	if in.Cards.Dashboard {
		b.WriteString(dashboardSection(site, cloud, suffixWithAt(in.EmailSuffix)))
	}
	return b.String(), nil
}

// isCloud tells Cloud from self-managed, and refuses an unknown deployment.
func isCloud(d jira.Deployment) (bool, error) {
	switch d {
	case jira.DeploymentCloud:
		return true, nil
	case jira.DeploymentSelfManaged:
		return false, nil
	}
	return false, fmt.Errorf("unknown jira deployment %q: say cloud or datacenter", d)
}

// configHeader says what the document is and how to set JIRA_TOKEN.
func configHeader(in SnippetInput, cloud bool) string {
	var b strings.Builder
	b.WriteString("# " + AppConfigFile + ": Jira for Backstage (" + in.Cards.String() +
		"). Merge each\n# top-level section into the one you have, e.g. backend.csp into " +
		"backend.\n#\n")
	b.WriteString("# The token is not in this file: Backstage reads ${" + TokenEnv +
		"} from its\n# environment, and it must hold the whole Authorization value.\n")
	bearer := in.Realm == jira.RealmBearer
	if !bearer {
		b.WriteString("# For Basic (the base64 of email:token; user name:password on " +
			"Data Center):\n" +
			"#   export " + TokenEnv + "=\"$(jira-setup encode --email you@example.com " +
			"--header)\"\n" +
			"# (which reads the API token from standard input, without echo), or from\n" +
			"# the value Roadie stores: export " + TokenEnv + "=\"Basic $JIRA_API_TOKEN\"\n")
	}
	if bearer || (in.Realm == "" && !cloud) {
		b.WriteString("# For a Data Center personal access token:\n" +
			"#   read -rs PAT && export " + TokenEnv + "=\"Bearer $PAT\" && unset PAT\n")
	}
	return b.String()
}

// proxySection is the proxy endpoint Roadie's plugin reaches Jira through.
func proxySection(site string) string {
	return `
proxy:
  endpoints:
    # Roadie's plugin (the overview card) reaches Jira through this endpoint.
    '` + ProxyPath + `':
      # The Jira base URL: any context path, no /rest/api, no trailing slash.
      target: ` + configScalar(site) + `
      headers:
        Authorization: ${` + TokenEnv + `}
        Accept: application/json
        Content-Type: application/json
        # This and the User-Agent below keep Jira's XSRF check from refusing
        # the card's searches.
        X-Atlassian-Token: no-check
        User-Agent: ` + ProxyUserAgent + "\n"
}

// jiraSection is Roadie's plugin's own configuration.
func jiraSection(cloud bool) string {
	product := "datacenter"
	if cloud {
		product = "cloud"
	}
	return `
jira:
  proxyPath: ` + ProxyPath + `
  product: ` + product + `
  # apiVersion is left out on purpose: the plugin then uses "latest". If you
  # set it, write a number (2 or 3), never the string "latest".
`
}

// cspSection lets the browser load icons and avatars from Jira.
func cspSection(origin string) string {
	return `
backend:
  csp:
    # Issue-type icons, priorities and avatars load from Jira. Keep any
    # sources you already list here.
    img-src:
      - "'self'"
      - "data:"
      - ` + configScalar(origin) + "\n"
}

// dashboardSection configures the Axis dashboard backend, which calls Jira
// itself.
func dashboardSection(site string, cloud bool, suffix string) string {
	var b strings.Builder
	version := "2"
	if cloud {
		version = "3"
	}
	b.WriteString(`
jiraDashboard:
  token: ${` + TokenEnv + `}
  # The REST API root; it must end in "/" (paths are appended to it).
  baseUrl: ` + configScalar(site+"/rest/api/"+version+"/") + "\n")
	if cloud {
		b.WriteString("  # Required on Cloud, where the old search API is gone.\n" +
			"  useApiV3: true\n")
	}
	if suffix != "" {
		b.WriteString("  # \"Assigned to me\" looks for <Backstage user name>" +
			"<suffix> in Jira.\n" +
			"  userEmailSuffix: " + configScalar(suffix) + "\n")
	}
	b.WriteString("  # Read jira/project-key and the other jira/* annotations (the default\n" +
		"  # prefix is jira.com).\n" +
		"  annotationPrefix: " + AnnotationPrefix + "\n")
	return b.String()
}

// configScalar writes s as a YAML scalar, quoted only when YAML needs it.
func configScalar(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil || strings.Count(string(out), "\n") != 1 {
		// A string always marshals; a multi-line form would break the
		// layout, so fall back to a double-quoted JSON-style string.
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(string(out), "\n")
}
