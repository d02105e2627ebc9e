package ui

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/roadie-tools/jira-setup/jira"
)

// TestProgram_SmokeRun runs the wizard in a real Bubble Tea program: it
// draws, answers keys, asks before losing typed values, and quits.
func TestProgram_SmokeRun(t *testing.T) {
	tm := programOnDemo(t, 100, 30, func(*Prefill) {})
	waitText(t, tm, "Connect Backstage to Jira")

	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	tm.Type("x") // the tenant field takes it: now something would be lost
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	waitText(t, tm, "Quit anyway?")
	tm.Send(tea.KeyPressMsg{Code: 'y', Text: "y"})

	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Wizard)
	if _, ok := final.panel.results[jira.CheckSite]; !ok {
		t.Fatalf("the checks never started")
	}
	if !final.Quitting() || final.finished {
		t.Fatalf("want quit before the end; quitting=%v finished=%v", final.Quitting(), final.finished)
	}
}

// programOnDemo runs the wizard in a teatest program against a Cloud demo
// Jira, with the demo account pre-filled and then changed by mutate.
func programOnDemo(t *testing.T, width, height int, mutate func(*Prefill)) *teatest.TestModel {
	t.Helper()
	demo, err := jira.StartDemo(jira.DemoOptions{Addr: "127.0.0.1:0", Flavor: jira.FlavorCloud})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { demo.Close() })
	acc := demo.Account()
	p := Prefill{Tenant: "acme", URL: demo.URL(), Email: acc.Email, Token: acc.Token}
	mutate(&p)
	w := New(Options{Demo: demo, SaveDir: t.TempDir(), Prefill: p})
	return teatest.NewTestModel(t, w, teatest.WithInitialTermSize(width, height))
}

func waitText(t *testing.T, tm *teatest.TestModel, text string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte(text))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// TestProgram_HappyPath walks the whole wizard with Enter in a real
// program and ends on the summary, finished.
func TestProgram_HappyPath(t *testing.T) {
	tm := programOnDemo(t, 120, 40, func(p *Prefill) {
		p.ProjectKey, p.EmailSuffix, p.User = "DEMO", "@example.com", "alice"
	})
	waitText(t, tm, "Connect Backstage to Jira")
	for range 16 { // every field of every screen up to the summary
		tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	}
	waitText(t, tm, "Left to do")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})

	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Wizard)
	if !final.finished {
		t.Fatalf("the walk did not finish on the summary; stopped on screen %d", final.current)
	}
}
