package jira

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// startDemo starts a demo Jira for one test.
func startDemo(t testing.TB, f Flavor, scenario string) *Demo {
	t.Helper()
	d, err := StartDemo(DemoOptions{Flavor: f, Scenario: scenario})
	if err != nil {
		t.Fatalf("start demo: %v", err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// runChecks runs every check once against in. The timeout is generous
// because the machine may be busy; tests of timeouts use runChecksWithin.
func runChecks(t testing.TB, in Input) Report {
	t.Helper()
	return runChecksWithin(t, in, 5*time.Second)
}

func runChecksWithin(t testing.TB, in Input, timeout time.Duration) Report {
	t.Helper()
	e := NewEngine(NewClient(ClientOptions{Timeout: timeout}))
	return e.Run(context.Background(), in, nil)
}

// outcomes renders a report as id → "status code", for readable failures.
func outcomes(rep Report) map[CheckID]string {
	out := map[CheckID]string{}
	for _, r := range rep.Results {
		out[r.ID] = fmt.Sprintf("%s %s", r.Status, r.Code)
	}
	return out
}

// expect fills every check not named in diff with its healthy outcome.
func expect(diff map[CheckID]string) map[CheckID]string {
	out := map[CheckID]string{}
	for _, id := range CheckIDs {
		out[id] = "ok " + string(id) + ".ok"
		if d, named := diff[id]; named {
			out[id] = d
		}
	}
	return out
}

// blockedAfterAuth is every second-round check skipped for a failed auth.
func blockedAfterAuth(auth string) map[CheckID]string {
	m := map[CheckID]string{CheckAuth: auth}
	for _, id := range CheckIDs[3:] {
		m[id] = "skipped " + string(id) + ".needs_auth"
	}
	return m
}

func blockedAfterReach(reach string) map[CheckID]string {
	m := blockedAfterAuth("skipped auth.needs_reach")
	m[CheckReach] = reach
	return m
}

func compare(t *testing.T, rep Report, want map[CheckID]string) {
	t.Helper()
	got := outcomes(rep)
	for _, id := range CheckIDs {
		if got[id] != want[id] {
			t.Errorf("%s: got %q, want %q", id, got[id], want[id])
		}
	}
	if t.Failed() {
		for _, r := range rep.Results {
			t.Logf("%-9s %-8s %-34s %s | %s", r.ID, r.Status, r.Code, r.Summary, r.Hint)
		}
	}
}

func TestEngine_EveryScenarioOnBothFlavours(t *testing.T) {
	noProject := map[CheckID]string{CheckProject: "fail project.not_found"}
	for _, id := range []CheckID{CheckComponent, CheckStatuses, CheckSearch, CheckActivity} {
		noProject[id] = "skipped " + string(id) + ".needs_project"
	}
	want := map[string]map[CheckID]string{
		ScenarioHealthy:         {},
		ScenarioExpiredToken:    blockedAfterAuth("fail auth.bad_credentials"),
		ScenarioWrongPassword:   blockedAfterAuth("fail auth.password"),
		ScenarioCaptcha:         blockedAfterAuth("fail auth.captcha"),
		ScenarioBearerOnCloud:   blockedAfterAuth("fail auth.bearer_on_cloud"),
		ScenarioBasicDisabled:   blockedAfterAuth("fail auth.basic_disabled"),
		ScenarioAnonymous:       blockedAfterAuth("fail auth.anonymous"),
		ScenarioSSO:             blockedAfterReach("fail reach.not_jira"),
		ScenarioSiteUnavailable: blockedAfterReach("fail reach.site_unavailable"),
		ScenarioSearchRemoved: {CheckSearch: "fail search.removed",
			CheckAssignee: "fail assignee.removed"},
		ScenarioXSRF:        {CheckSearch: "fail search.xsrf"},
		ScenarioNoProject:   noProject,
		ScenarioSlow:        blockedAfterReach("fail reach.timeout"),
		ScenarioRateLimited: blockedAfterAuth("fail http.rate_limited"),
		ScenarioServerError: blockedAfterReach("fail reach.server_error"),
	}
	want[ScenarioRateLimited][CheckReach] = "fail http.rate_limited"
	for _, f := range []Flavor{FlavorCloud, FlavorDataCenter} {
		for _, s := range ScenariosFor(f) {
			diff, listed := want[s.Name]
			if !listed {
				t.Errorf("scenario %s has no expectation", s.Name)
				continue
			}
			t.Run(string(f)+" "+s.Name, func(t *testing.T) {
				t.Parallel()
				d := startDemo(t, f, s.Name)
				timeout := 5 * time.Second
				if s.Name == ScenarioSlow {
					timeout = 300 * time.Millisecond
				}
				in := d.Input()
				if s.Name == ScenarioBasicDisabled {
					// Only Basic is refused: sign in with the password.
					acc := d.Account()
					in.Credential = BasicCredential(acc.Username, acc.Password)
				}
				rep := runChecksWithin(t, in, timeout)
				compare(t, rep, expect(diff))
				assertCodesListed(t, s, rep)
			})
		}
	}
}

// assertCodesListed checks that every code the scenario lists shows up.
func TestDemo_BasicDisabledStillTakesAPAT(t *testing.T) {
	d := startDemo(t, FlavorDataCenter, ScenarioBasicDisabled)
	rep := runChecksWithin(t, d.Input(), 5*time.Second)
	compare(t, rep, expect(map[CheckID]string{}))
}

func assertCodesListed(t *testing.T, s ScenarioInfo, rep Report) {
	t.Helper()
	seen := map[string]bool{}
	for _, r := range rep.Results {
		seen[r.Code] = true
	}
	for _, c := range s.Codes {
		if !seen[c] {
			t.Errorf("scenario %s lists %s, which did not appear", s.Name, c)
		}
	}
}

func TestEngine_InputVariations(t *testing.T) {
	cases := []struct {
		name   string
		flavor Flavor
		change func(*Input)
		want   map[CheckID]string
	}{
		{"component in the wrong case", FlavorCloud,
			func(in *Input) { in.Component = "backend" },
			map[CheckID]string{CheckComponent: "fail component.not_found",
				CheckSearch: "ok search.ok"}},
		{"no component means the whole project", FlavorCloud,
			func(in *Input) { in.Component = "" },
			map[CheckID]string{CheckComponent: "ok component.not_set"}},
		{"unknown assignee", FlavorCloud,
			func(in *Input) { in.User = "zed" },
			map[CheckID]string{CheckAssignee: "fail assignee.unknown_user"}},
		{"assignee without open issues", FlavorDataCenter,
			func(in *Input) { in.User = "dave" },
			map[CheckID]string{CheckAssignee: "warn assignee.no_issues"}},
		{"PAT without the Bearer annotation", FlavorDataCenter,
			func(in *Input) { in.TokenType = "" },
			map[CheckID]string{CheckActivity: "fail activity.needs_bearer_annotation"}},
		{"Bearer sent to Cloud", FlavorCloud,
			func(in *Input) { in.Credential.Realm = RealmBearer },
			blockedAfterAuth("fail auth.bearer_on_cloud")},
		{"wrong token on Cloud", FlavorCloud,
			func(in *Input) {
				in.Credential = BasicCredential("alice@example.com", demoToken("x"))
			},
			blockedAfterAuth("fail auth.bad_credentials")},
		{"password on Cloud", FlavorCloud,
			func(in *Input) { in.Credential = BasicCredential("alice@example.com", "hunter2") },
			blockedAfterAuth("fail auth.password")},
		{"Basic user and password on Data Center", FlavorDataCenter,
			func(in *Input) { in.Credential = BasicCredential("alice", "demo-password") },
			map[CheckID]string{}},
		{"jira.product datacenter on Cloud", FlavorCloud,
			func(in *Input) { in.Product = DeploymentSelfManaged },
			map[CheckID]string{CheckSearch: "fail search.removed",
				CheckAssignee: "fail assignee.removed"}},
		{"jira.product cloud on Data Center", FlavorDataCenter,
			func(in *Input) { in.Product = DeploymentCloud },
			map[CheckID]string{CheckSearch: "fail search.wrong_product",
				CheckAssignee: "fail assignee.wrong_product"}},
		{"unknown project", FlavorDataCenter,
			func(in *Input) { in.Project = "NOPE" },
			map[CheckID]string{CheckProject: "fail project.not_found",
				CheckComponent: "skipped component.needs_project",
				CheckStatuses:  "skipped statuses.needs_project",
				CheckSearch:    "skipped search.needs_project",
				CheckActivity:  "skipped activity.needs_project"}},
		{"no credentials yet", FlavorCloud,
			func(in *Input) { in.Credential = Credential{} },
			waitingFor("auth.needs_input", CheckIDs[2:]...)},
		{"no project or user yet", FlavorCloud,
			func(in *Input) { in.Project, in.User = "", "" },
			waitingFor("", CheckIDs[3:]...)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			d := startDemo(t, c.flavor, "")
			in := d.Input()
			c.change(&in)
			compare(t, runChecks(t, in), expect(c.want))
		})
	}
}

// waitingFor expects ids to be skipped as waiting for an input.
func waitingFor(_ string, ids ...CheckID) map[CheckID]string {
	m := map[CheckID]string{}
	for _, id := range ids {
		m[id] = "skipped " + string(id) + ".needs_input"
	}
	return m
}

func TestEngine_MissingAndInvalidSite(t *testing.T) {
	cases := []struct {
		name, site, siteWant, othersWant string
	}{
		{"no site yet", "", "skipped site.needs_input", "needs_input"},
		{"credentials in the URL", "https://me:pw@jira.example.com", "fail site.invalid",
			"needs_site"},
		{"not a web address", "ftp://jira.example.com", "fail site.invalid", "needs_site"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := Input{Site: c.site, Credential: BasicCredential("a@b.c", "tok")}
			want := map[CheckID]string{CheckSite: c.siteWant}
			for _, id := range CheckIDs[1:] {
				want[id] = "skipped " + string(id) + "." + c.othersWant
			}
			rep := runChecks(t, in)
			compare(t, rep, want)
			if r := rep.Results[0]; r.Status == StatusFail && (r.Summary == "" || r.Hint == "") {
				t.Errorf("site.invalid needs a finding and a fix, got %q / %q", r.Summary, r.Hint)
			}
		})
	}
}

func TestEngine_NoCredentialedRequestAfterAuthFailure(t *testing.T) {
	for _, s := range []string{ScenarioExpiredToken, ScenarioCaptcha, ScenarioAnonymous} {
		t.Run(s, func(t *testing.T) {
			d := startDemo(t, FlavorCloud, s)
			e := NewEngine(NewClient(ClientOptions{Timeout: time.Second}))
			for range 3 {
				e.Run(context.Background(), d.Input(), nil)
			}
			var authed []string
			for _, r := range d.Requests() {
				if r.Authorization {
					authed = append(authed, r.Method+" "+r.Path)
				}
			}
			want := "GET /rest/api/2/myself"
			if len(authed) != 1 || authed[0] != want {
				t.Errorf("credentialed requests over three runs: %v, want only %s once",
					authed, want)
			}
		})
	}
}

func TestEngine_HeadersAsThePluginsSendThem(t *testing.T) {
	d := startDemo(t, FlavorCloud, "")
	runChecks(t, d.Input())
	for _, r := range d.Requests() {
		if r.UserAgent != UserAgent || strings.Contains(r.UserAgent, " ") {
			t.Errorf("%s %s: User-Agent %q", r.Method, r.Path, r.UserAgent)
		}
	}
}
