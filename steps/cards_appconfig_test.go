package steps

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/roadie-tools/jira-setup/jira"
)

// cardsYAML parses an app-config fragment the way Backstage would.
func cardsYAML(t *testing.T, text string) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatalf("app-config is not valid YAML: %v\n%s", err, text)
	}
	return doc
}

// cardsAt walks doc along keys; ok is false when a key is missing.
func cardsAt(doc map[string]any, keys ...string) (any, bool) {
	var v any = doc
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[k]; !ok {
			return nil, false
		}
	}
	return v, true
}

// credentialLike matches an Authorization value with a literal secret.
var credentialLike = regexp.MustCompile(`(?i)\b(basic|bearer)\s+[A-Za-z0-9+/=._-]{6,}`)

func TestAppConfig_KeyFacts(t *testing.T) {
	sites := map[jira.Deployment]struct{ site, origin string }{
		jira.DeploymentCloud: {"https://acme.atlassian.net", "https://acme.atlassian.net"},
		jira.DeploymentSelfManaged: {
			"https://jira.example.com:8443/jira/", "https://jira.example.com:8443",
		},
	}
	suffixes := []struct{ words, value, want string }{
		{"suffix with @", "@acme.com", "@acme.com"},
		{"suffix without @", "acme.com", "@acme.com"},
		{"no suffix", "", ""},
	}
	realms := []jira.Realm{"", jira.RealmBasic, jira.RealmBearer}

	for dep, s := range sites {
		for _, c := range cardsChoices {
			for _, sfx := range suffixes {
				for _, realm := range realms {
					in := SnippetInput{Site: s.site, Deployment: dep, Cards: c,
						EmailSuffix: sfx.value, Realm: realm}
					name := fmt.Sprintf("%s, %s, %s, realm %q", dep, c, sfx.words, realm)
					t.Run(name, func(t *testing.T) {
						text, err := AppConfig(in)
						if err != nil {
							t.Fatal(err)
						}
						checkAppConfig(t, text, in, s.origin, sfx.want)
					})
				}
			}
		}
	}
}

func checkAppConfig(t *testing.T, text string, in SnippetInput, origin, suffix string) {
	t.Helper()
	doc := cardsYAML(t, text)
	site := strings.TrimRight(in.Site, "/")
	cloud := in.Deployment == jira.DeploymentCloud

	if m := credentialLike.FindString(text); m != "" {
		t.Errorf("a literal credential-like value %q is in the config", m)
	}
	if _, ok := cardsAt(doc, "proxy", ProxyPath); ok {
		t.Error("uses the deprecated root-level proxy form")
	}

	_, hasProxy := cardsAt(doc, "proxy", "endpoints", ProxyPath)
	_, hasJira := cardsAt(doc, "jira")
	if hasProxy != in.Cards.Overview || hasJira != in.Cards.Overview {
		t.Errorf("proxy endpoint %v, jira section %v; want both %v (overview card)",
			hasProxy, hasJira, in.Cards.Overview)
	}
	if in.Cards.Overview {
		checkProxy(t, doc, site)
		checkJiraSection(t, doc, cloud)
	}

	checkCSP(t, doc, origin)

	_, hasDashboard := cardsAt(doc, "jiraDashboard")
	if hasDashboard != in.Cards.Dashboard {
		t.Errorf("jiraDashboard section %v, want %v", hasDashboard, in.Cards.Dashboard)
	}
	if in.Cards.Dashboard {
		checkDashboard(t, doc, site, cloud, suffix)
	}
}

func checkProxy(t *testing.T, doc map[string]any, site string) {
	t.Helper()
	target, _ := cardsAt(doc, "proxy", "endpoints", ProxyPath, "target")
	ts, _ := target.(string)
	if ts != site || strings.HasSuffix(ts, "/") || strings.Contains(ts, "/rest") {
		t.Errorf("proxy target = %q, want %q (no trailing slash, no /rest)", target, site)
	}

	want := map[string]string{
		"Authorization":     "${JIRA_TOKEN}",
		"Accept":            "application/json",
		"Content-Type":      "application/json",
		"X-Atlassian-Token": "no-check",
	}
	for name, value := range want {
		got, _ := cardsAt(doc, "proxy", "endpoints", ProxyPath, "headers", name)
		if got != value {
			t.Errorf("proxy header %s = %v, want %q", name, got, value)
		}
	}
	ua, _ := cardsAt(doc, "proxy", "endpoints", ProxyPath, "headers", "User-Agent")
	uas, _ := ua.(string)
	if uas == "" || strings.ContainsAny(uas, " \t") || strings.Contains(uas, "Mozilla") {
		t.Errorf("proxy User-Agent = %v, want a non-browser value without spaces", ua)
	}
}

func checkJiraSection(t *testing.T, doc map[string]any, cloud bool) {
	t.Helper()
	if got, _ := cardsAt(doc, "jira", "proxyPath"); got != ProxyPath {
		t.Errorf("jira.proxyPath = %v, want %s", got, ProxyPath)
	}
	product := "datacenter"
	if cloud {
		product = "cloud"
	}
	if got, _ := cardsAt(doc, "jira", "product"); got != product {
		t.Errorf("jira.product = %v, want %s", got, product)
	}
	if v, ok := cardsAt(doc, "jira", "apiVersion"); ok {
		if _, isNumber := v.(int); !isNumber {
			t.Errorf("jira.apiVersion = %#v, want it left out or a number", v)
		}
	}
}

func checkCSP(t *testing.T, doc map[string]any, origin string) {
	t.Helper()
	v, _ := cardsAt(doc, "backend", "csp", "img-src")
	list, _ := v.([]any)
	for _, want := range []string{"'self'", "data:", origin} {
		found := false
		for _, got := range list {
			found = found || got == want
		}
		if !found {
			t.Errorf("backend.csp.img-src = %v, want it to list %q", v, want)
		}
	}
}

func checkDashboard(t *testing.T, doc map[string]any, site string, cloud bool, suffix string) {
	t.Helper()
	if got, _ := cardsAt(doc, "jiraDashboard", "token"); got != "${JIRA_TOKEN}" {
		t.Errorf("jiraDashboard.token = %v, want exactly ${JIRA_TOKEN}", got)
	}

	wantBase := site + "/rest/api/2/"
	if cloud {
		wantBase = site + "/rest/api/3/"
	}
	if got, _ := cardsAt(doc, "jiraDashboard", "baseUrl"); got != wantBase {
		t.Errorf("jiraDashboard.baseUrl = %v, want %s", got, wantBase)
	}

	v3, hasV3 := cardsAt(doc, "jiraDashboard", "useApiV3")
	if cloud && v3 != true {
		t.Errorf("jiraDashboard.useApiV3 = %v, want true on Cloud", v3)
	}
	if !cloud && hasV3 {
		t.Errorf("jiraDashboard.useApiV3 = %v, want it left out on Data Center", v3)
	}

	got, hasSuffix := cardsAt(doc, "jiraDashboard", "userEmailSuffix")
	if suffix == "" && hasSuffix {
		t.Errorf("userEmailSuffix = %v, want it left out without a suffix", got)
	}
	if s, _ := got.(string); suffix != "" && (s != suffix || !strings.HasPrefix(s, "@")) {
		t.Errorf("userEmailSuffix = %v, want %q", got, suffix)
	}

	if got, _ := cardsAt(doc, "jiraDashboard", "annotationPrefix"); got != AnnotationPrefix {
		t.Errorf("jiraDashboard.annotationPrefix = %v, want %s", got, AnnotationPrefix)
	}
}

func TestAppConfig_TokenHelpFitsTheRealm(t *testing.T) {
	tests := []struct {
		name       string
		in         SnippetInput
		basic, pat bool
	}{
		{"basic on cloud", withCards(cardsCloud, AllCards), true, false},
		{"bearer on data center", withCards(cardsDataCenter, AllCards), false, true},
		{"realm not known on data center shows both", SnippetInput{
			Site: "https://jira.example.com", Deployment: jira.DeploymentSelfManaged,
			Cards: AllCards}, true, true},
		{"realm not known on cloud shows basic", SnippetInput{
			Site: "https://acme.atlassian.net", Deployment: jira.DeploymentCloud,
			Cards: AllCards}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, err := AppConfig(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(text, "--header"); got != tt.basic {
				t.Errorf("shows how to build the Basic value: %v, want %v", got, tt.basic)
			}
			if got := strings.Contains(text, `"Bearer $PAT"`); got != tt.pat {
				t.Errorf("shows how to set a PAT: %v, want %v", got, tt.pat)
			}
		})
	}
}

func TestAppConfig_RefusesUnusableInput(t *testing.T) {
	ok := withCards(cardsCloud, AllCards)
	tests := []struct {
		name string
		edit func(*SnippetInput)
		want string
	}{
		{"no site", func(in *SnippetInput) { in.Site = "" }, "no Jira site"},
		{"no scheme", func(in *SnippetInput) { in.Site = "acme.atlassian.net" }, "http(s)"},
		{"not http", func(in *SnippetInput) { in.Site = "ftp://acme.atlassian.net" }, "http(s)"},
		{"the REST path", func(in *SnippetInput) {
			in.Site = "https://acme.atlassian.net/rest/api/3"
		}, "/rest/"},
		{"a user and password in the URL, not quoted back", func(in *SnippetInput) {
			in.Site = "https://bob:hunter2secret@acme.atlassian.net"
		}, "without a user name or password"},
		{"a query", func(in *SnippetInput) { in.Site = "https://acme.atlassian.net?x=1" },
			"base URL alone"},
		{"deployment unknown", func(in *SnippetInput) { in.Deployment = "" },
			"cloud or datacenter"},
		{"no card", func(in *SnippetInput) { in.Cards = Cards{} }, "no card"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok
			tt.edit(&in)
			_, err := AppConfig(in)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one mentioning %q", err, tt.want)
			}
			if err != nil && (credentialLike.MatchString(err.Error()) ||
				strings.Contains(err.Error(), "hunter2")) {
				t.Errorf("error carries a credential-like value: %v", err)
			}
		})
	}
}

// FuzzAppConfig feeds odd site URLs: whatever AppConfig accepts must parse
// as YAML and carry the site through unchanged.
func FuzzAppConfig(f *testing.F) {
	for _, s := range []string{
		"https://acme.atlassian.net", "https://jira.example.com/jira/",
		"http://10.0.0.1:8080/a b/#", "https://h/x: y", "https://h/'quoted'\"",
		"https://h/@at/&amp/*star/!bang/%25/{a}", "https://[::1]:8443/j",
		"https://0/0\xe80",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, site string) {
		for _, dep := range []jira.Deployment{jira.DeploymentCloud, jira.DeploymentSelfManaged} {
			in := SnippetInput{Site: site, Deployment: dep, Cards: AllCards, EmailSuffix: site}
			text, err := AppConfig(in)
			if err != nil {
				return
			}
			var doc map[string]any
			if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
				t.Fatalf("site %q: not valid YAML: %v\n%s", site, err, text)
			}
			want := strings.TrimRight(strings.TrimSpace(site), "/")
			if got, _ := cardsAt(doc, "proxy", "endpoints", ProxyPath, "target"); got != want {
				t.Fatalf("site %q: proxy target = %q, want %q", site, got, want)
			}
			base, _ := cardsAt(doc, "jiraDashboard", "baseUrl")
			if b, _ := base.(string); !strings.HasPrefix(b, want+"/rest/api/") {
				t.Fatalf("site %q: baseUrl = %q", site, base)
			}
		}
	})
}
