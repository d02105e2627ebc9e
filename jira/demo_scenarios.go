package jira

import (
	"fmt"
	"slices"
	"time"
)

// ScenarioInfo describes one demo scenario: what it does and which check
// codes it makes appear. Flavors is empty when it works on both flavours.
type ScenarioInfo struct {
	Name        string
	Title       string
	Description string
	Codes       []string
	Flavors     []Flavor
}

// Scenario names.
const (
	ScenarioHealthy         = "healthy"
	ScenarioExpiredToken    = "expired-token"
	ScenarioWrongPassword   = "wrong-password"
	ScenarioCaptcha         = "captcha"
	ScenarioBearerOnCloud   = "bearer-on-cloud"
	ScenarioBasicDisabled   = "basic-disabled"
	ScenarioAnonymous       = "anonymous"
	ScenarioSSO             = "sso"
	ScenarioSiteUnavailable = "site-unavailable"
	ScenarioSearchRemoved   = "search-removed"
	ScenarioXSRF            = "xsrf"
	ScenarioNoProject       = "no-project"
	ScenarioSlow            = "slow"
	ScenarioRateLimited     = "rate-limited"
	ScenarioServerError     = "server-error"
)

// DemoSlowDelay is how long each answer takes in the slow scenario: longer
// than the default 10 s timeout, so the timeout shows.
const DemoSlowDelay = 12 * time.Second

var cloudOnly = []Flavor{FlavorCloud}
var dcOnly = []Flavor{FlavorDataCenter}

var scenarios = []ScenarioInfo{
	{ScenarioHealthy, "Healthy", "Everything works: every check passes.", nil, nil},
	{ScenarioExpiredToken, "Expired token", "Jira rejects the stored token as it does an " +
		"expired one (X-Seraph-LoginReason: AUTHENTICATED_FAILED).",
		[]string{"auth.bad_credentials"}, nil},
	{ScenarioWrongPassword, "Password instead of token", "Jira Cloud answers 401 " +
		"\"Basic authentication with passwords is deprecated\", as for an account password.",
		[]string{"auth.password"}, cloudOnly},
	{ScenarioCaptcha, "CAPTCHA lock", "After failed logins the account is locked: 403 with " +
		"X-Authentication-Denied-Reason: CAPTCHA_CHALLENGE.", []string{"auth.captcha"}, nil},
	{ScenarioBearerOnCloud, "Bearer sent to Cloud", "Jira Cloud answers 403 \"Failed to " +
		"parse Connect Session Auth Token\", as it does to any Bearer header.",
		[]string{"auth.bearer_on_cloud"}, cloudOnly},
	{ScenarioBasicDisabled, "Basic auth disabled", "The admin disabled Basic: a " +
		"username and password get 403 \"Basic Authentication has been disabled\"; a " +
		"personal access token still works (switch step 1 to show both).",
		[]string{"auth.basic_disabled"}, dcOnly},
	{ScenarioAnonymous, "Credentials stripped", "A proxy drops the Authorization header: " +
		"Jira answers as the anonymous user.", []string{"auth.anonymous"}, nil},
	{ScenarioSSO, "SSO in front", "An SSO proxy redirects /rest and /activity to a login " +
		"page on another host (302).", []string{"reach.not_jira"}, nil},
	{ScenarioSiteUnavailable, "Site unavailable", "Atlassian answers 404 \"Site temporarily " +
		"unavailable\", as for a wrong or suspended Cloud site name.",
		[]string{"reach.site_unavailable"}, cloudOnly},
	{ScenarioSearchRemoved, "Search API removed", "Every search endpoint answers 410 as " +
		"the removed API does, including the one the check calls (the real Cloud keeps " +
		"/search/jql working).", []string{"search.removed", "assignee.removed"}, nil},
	{ScenarioXSRF, "XSRF rejection", "Every POST is refused with 403 \"XSRF check failed\", " +
		"as when a browser User-Agent reaches Jira.", []string{"search.xsrf"}, nil},
	{ScenarioNoProject, "Project missing", "The DEMO project disappears: 404 \"No project " +
		"could be found with key 'DEMO'.\"", []string{"project.not_found"}, nil},
	{ScenarioSlow, "Slow server", fmt.Sprintf("Every answer takes %s, longer than the "+
		"default timeout.", DemoSlowDelay), []string{"reach.timeout"}, nil},
	{ScenarioRateLimited, "Rate limited", "Every request gets 429 with Retry-After: 30.",
		[]string{"http.rate_limited"}, nil},
	{ScenarioServerError, "Server error", "Every request gets 503 Service Unavailable.",
		[]string{"reach.server_error"}, nil},
}

// Scenarios lists every demo scenario, healthy first.
func Scenarios() []ScenarioInfo {
	out := make([]ScenarioInfo, len(scenarios))
	copy(out, scenarios)
	return out
}

// ScenariosFor lists the scenarios a flavour supports.
func ScenariosFor(f Flavor) []ScenarioInfo {
	var out []ScenarioInfo
	for _, s := range scenarios {
		if s.Supports(f) {
			out = append(out, s)
		}
	}
	return out
}

// Supports reports whether the scenario works on flavour f.
func (s ScenarioInfo) Supports(f Flavor) bool {
	return len(s.Flavors) == 0 || slices.Contains(s.Flavors, f)
}

func findScenario(name string) (ScenarioInfo, bool) {
	for _, s := range scenarios {
		if s.Name == name {
			return s, true
		}
	}
	return ScenarioInfo{}, false
}
