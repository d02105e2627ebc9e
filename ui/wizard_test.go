package ui

import (
	"strings"
	"testing"

	"github.com/roadie-tools/jira-setup/jira"
)

func TestWizard_WalksEveryScreenOnCloud(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud)
	h.assertHas("Connect Backstage to Jira", "Roadie tenant name", "acme.roadie.so")
	if got := h.w.panel.result(jira.CheckAuth).Status; got != jira.StatusOK {
		t.Fatalf("auth on a healthy demo = %s, want ok", got)
	}

	h.key("enter", "enter", "enter") // target, tenant, site
	h.assertHas("Step 1 · Create an API token", "id.atlassian.com", "Roadie Backstage")

	h.key("enter", "enter")
	h.assertHas("Step 2 · Encode the credentials", "decodes to")

	h.key("enter")
	h.assertHas("Step 3 · Site and email suffix", "JIRA_API_URL", "User Email Suffix")

	h.key("enter", "enter", "enter", "enter")
	h.assertHas("Step 4 · Annotate your components")

	h.key("enter") // take the highlighted project from the picker
	if h.w.form.project.Value() == "" {
		t.Fatalf("enter on the project picker took nothing:\n%s", h.screen())
	}
	h.assertHas("jira/project-key: " + h.w.form.project.Value())
	h.key("enter", "enter", "enter", "enter")
	h.assertHas("Step 5 · Add the Jira cards", "Preview · Jira overview card")

	h.key("enter", "enter")
	h.assertHas("Summary", "Done")
	h.key("enter")
	if !h.w.finished {
		t.Fatalf("enter on the summary did not finish:\n%s", h.screen())
	}
}

func TestWizard_RefusesToLeaveAnInvalidScreen(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud, func(p *Prefill) { p.Token = "" })
	h.key("enter", "enter", "enter") // to the token screen
	h.key("enter", "enter")
	if h.w.current != screenToken {
		t.Fatalf("left the token screen without a token; now on %d", h.w.current)
	}
	h.assertHas("paste the token first")
	if h.w.focused() != h.w.form.token {
		t.Fatalf("focus is not on the token field after the refusal")
	}
}

func TestWizard_KeepsValuesWhenGoingBack(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud)
	h.key("enter", "enter", "enter", "enter", "enter", "enter") // to site
	h.key("esc", "esc", "esc")
	if h.w.current != screenWelcome {
		t.Fatalf("esc three times from step 3 landed on %d", h.w.current)
	}
	if h.w.form.account.Value() == "" || h.w.form.token.Value() == "" {
		t.Fatalf("going back lost the account or token")
	}
}

func TestWizard_ScenarioSwitchShowsDiagnosis(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud)
	h.key("ctrl+s")
	h.assertHas("Demo Jira scenario")
	for h.w.opts.Demo.Scenario() != "expired-token" {
		list := h.w.scenarios()
		if list[h.w.scenarioPick].Name == "expired-token" {
			h.key("enter")
			break
		}
		h.key("down")
	}
	r := h.w.panel.result(jira.CheckAuth)
	if r.Status != jira.StatusFail || r.Code != "auth.bad_credentials" {
		t.Fatalf("auth after expired-token = %s %s, want fail auth.bad_credentials", r.Status, r.Code)
	}
	h.assertHas("DEMO · expired token", "auth")
}

func TestWizard_TokenIsMaskedUnlessRevealed(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud)
	token := h.demo.Account().Token
	cred, _ := h.w.form.credential(jira.DeploymentCloud)
	for i := range h.w.screens {
		h.w.current = i
		for _, size := range [][2]int{{80, 24}, {160, 48}} {
			h.resize(size[0], size[1])
			s := h.screen()
			if strings.Contains(s, token) || strings.Contains(s, cred.Secret) {
				t.Fatalf("screen %d shows the secret unmasked at %v", i, size)
			}
		}
	}
}

func TestWizard_ChangingComponentRechecksOnlyWhatDependsOnIt(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud, func(p *Prefill) { p.ProjectKey = "DEMO" })
	h.w.goTo(screenAnnotations)
	h.w.setFocus(1)
	h.demo.ResetRequests()
	h.typeText("Nope")
	h.settle()

	c := h.w.panel.result(jira.CheckComponent)
	if c.Status != jira.StatusFail || c.Code != "component.not_found" {
		t.Fatalf("component Nope = %s %s, want fail component.not_found", c.Status, c.Code)
	}
	// The card preview reads the project once for its name; the project
	// check itself must not run again.
	projectReads := 0
	for _, r := range h.demo.Requests() {
		switch {
		case strings.HasSuffix(r.Path, "/project/DEMO"):
			projectReads++
		case !strings.Contains(r.Path, "/components") && !strings.Contains(r.Path, "/search"):
			t.Errorf("typing a component sent %s %s", r.Method, r.Path)
		}
	}
	if projectReads > 1 {
		t.Errorf("the project was read %d times: its check ran again", projectReads)
	}
	if len(h.demo.Requests()) == 0 {
		t.Fatalf("typing a component sent no request at all")
	}
}
