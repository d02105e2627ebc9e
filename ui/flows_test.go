package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/roadie-tools/jira-setup/jira"
)

func TestAnnotations_WritesTheCatalogFileOnConfirmation(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud, func(p *Prefill) { p.ProjectKey = "DEMO" })
	path := filepath.Join(t.TempDir(), "catalog-info.yaml")
	original := "# payments\nkind: Component\nmetadata:\n  name: payments # team-pay\n" +
		"spec:\n  type: service\n"
	if err := os.WriteFile(path, []byte(original), 0o640); err != nil {
		t.Fatal(err)
	}

	h.w.goTo(screenAnnotations)
	h.w.setFocus(3)
	h.typeText(path)
	h.assertHas("Change to Component:default/payments", "+    jira/project-key: DEMO")

	h.key("ctrl+w")
	h.assertHas("Write the catalog file?")
	h.key("n")
	if b, _ := os.ReadFile(path); string(b) != original {
		t.Fatalf("answering n changed the file:\n%s", b)
	}

	h.key("ctrl+w", "y")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "    jira/project-key: DEMO\n") ||
		!strings.HasPrefix(string(b), "# payments\n") {
		t.Fatalf("written file lacks the annotation or lost its comment:\n%s", b)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Fatalf("file mode changed to %v", fi.Mode().Perm())
	}
	h.assertHas("already has these annotations")
	if !h.w.applied || len(h.w.written) != 1 || h.w.written[0] != path {
		t.Fatalf("the wizard lost track of the write: applied %v, written %v",
			h.w.applied, h.w.written)
	}
}

func TestSummary_SavesWithoutTheTokenUnlessAsked(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud, func(p *Prefill) { p.ProjectKey = "DEMO" })
	cred, _ := h.w.form.credential(jira.DeploymentCloud)
	path := filepath.Join(h.w.opts.SaveDir, summaryFile)

	h.w.goTo(screenSummary)
	h.key("ctrl+w")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("summary not saved: %v", err)
	}
	if strings.Contains(string(b), cred.Secret) ||
		strings.Contains(string(b), h.demo.Account().Token) {
		t.Fatalf("the summary holds the token though nobody asked")
	}
	for _, want := range []string{"jira/project-key: DEMO", "JIRA_API_URL: " + h.demo.URL(),
		"https://acme.roadie.so/administration/jira"} {
		if !strings.Contains(string(b), want) {
			t.Fatalf("summary lacks %q:\n%s", want, b)
		}
	}
	if len(h.w.written) != 1 || h.w.written[0] != path {
		t.Fatalf("written = %v, want [%s]", h.w.written, path)
	}

	h.key("space", "ctrl+w") // include the token
	b, _ = os.ReadFile(path)
	fi, _ := os.Stat(path)
	if !strings.Contains(string(b), cred.Secret) || fi.Mode().Perm() != 0o600 {
		t.Fatalf("asked-for token summary: has token %v, mode %v; want true, 0600",
			strings.Contains(string(b), cred.Secret), fi.Mode().Perm())
	}
}

func TestDataCenter_PATNeedsTheBearerAnnotation(t *testing.T) {
	h := newHarness(t, jira.FlavorDataCenter, func(p *Prefill) { p.ProjectKey = "DEMO" })
	a := h.w.panel.result(jira.CheckActivity)
	if a.Status != jira.StatusFail || a.Code != "activity.needs_bearer_annotation" {
		t.Fatalf("activity with a PAT and no token type = %s %s", a.Status, a.Code)
	}
	h.w.goTo(screenAnnotations)
	h.w.setFocus(2)
	h.key("space")
	if a := h.w.panel.result(jira.CheckActivity); a.Status != jira.StatusOK {
		t.Fatalf("activity after jira/token-type: Bearer = %s %s, want ok", a.Status, a.Code)
	}
}

func TestChecks_StaleResultsAreDropped(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud)
	stale := jira.Result{ID: jira.CheckAuth, Status: jira.StatusFail, Code: "auth.bad_credentials"}
	h.w.Update(checkMsg{attempt: h.w.attempt - 1, result: stale, stream: make(chan tea.Msg, 1)})
	if got := h.w.panel.result(jira.CheckAuth); got.Status != jira.StatusOK {
		t.Fatalf("a reply from an older run replaced the current result: %s", got.Code)
	}
}

func TestQuit_AsksOnlyWhenSomethingWouldBeLost(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud)
	h.key("ctrl+c")
	if !h.w.quit {
		t.Fatalf("nothing typed yet, but quit asked first")
	}

	h = newHarness(t, jira.FlavorCloud)
	h.key("tab")
	h.typeText("x")
	h.key("ctrl+c")
	if h.w.quit || h.w.mode != modeConfirmQuit {
		t.Fatalf("quit without asking after typing")
	}
	h.key("n")
	if h.w.quit || h.w.mode != modeNormal {
		t.Fatalf("n did not go back to the wizard")
	}
}

func TestSpinner_OnlyAnimatesWhileChecksRun(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud)
	if _, cmd := h.w.Update(h.w.panel.spinner.Tick()); cmd != nil || h.w.ticking {
		t.Fatalf("idle wizard keeps animating: cmd %v, ticking %v", cmd != nil, h.w.ticking)
	}
	running := jira.Result{ID: jira.CheckAuth, Status: jira.StatusRunning}
	stream := make(chan tea.Msg, 1)
	_, cmd := h.w.Update(checkMsg{attempt: h.w.attempt, result: running, stream: stream})
	if cmd == nil || !h.w.ticking {
		t.Fatalf("a running check did not start the spinner")
	}
}

func TestDataCenter_BasicSignInAndBasicDisabled(t *testing.T) {
	h := newHarness(t, jira.FlavorDataCenter)
	acc := h.demo.Account()
	h.w.goTo(screenToken)
	h.key("space") // Username and password
	h.key("enter")
	h.typeText(acc.Username)
	h.key("enter")
	h.w.form.token.SetValue("")
	h.typeText(acc.Password)
	h.assertHas("Sign in with a Jira username and password")
	if r := h.w.panel.result(jira.CheckAuth); r.Status != jira.StatusOK {
		t.Fatalf("Basic sign-in on a healthy Data Center: %s %s", r.Status, r.Code)
	}

	if err := h.demo.SetScenario("basic-disabled"); err != nil {
		t.Fatal(err)
	}
	h.key("ctrl+r")
	if r := h.w.panel.result(jira.CheckAuth); r.Code != "auth.basic_disabled" {
		t.Fatalf("Basic with Basic disabled: %s %s", r.Status, r.Code)
	}
	h.w.setFocus(0)
	h.key("space") // back to the personal access token
	h.w.form.token.SetValue(acc.PAT)
	h.key("ctrl+r")
	if r := h.w.panel.result(jira.CheckAuth); r.Status != jira.StatusOK {
		t.Fatalf("a PAT with Basic disabled: %s %s", r.Status, r.Code)
	}
}
