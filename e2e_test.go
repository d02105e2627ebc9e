package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// tmuxSession is a real terminal running the built binary.
type tmuxSession struct {
	t    *testing.T
	name string
}

// startTmux builds jira-setup and runs it with args in a detached tmux
// session of the given size. In CI a missing tmux fails the test.
func startTmux(t *testing.T, width, height int, args ...string) *tmuxSession {
	return startTmuxEnv(t, width, height, nil, args...)
}

// startTmuxEnv is startTmux with extra environment variables.
func startTmuxEnv(t *testing.T, width, height int, env []string,
	args ...string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("tmux is missing in CI: .ci/run should install it")
		}
		t.Skip("tmux not installed; the end-to-end test needs it")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "jira-setup")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	name := fmt.Sprintf("jira-setup-e2e-%d", time.Now().UnixNano())
	cmdline := bin + " " + strings.Join(args, " ") + "; echo EXIT=$?; sleep 30"
	argv := []string{"new-session", "-d", "-s", name,
		"-x", fmt.Sprint(width), "-y", fmt.Sprint(height),
		"env", "TERM=xterm-256color", "COLORTERM=truecolor", "HOME=" + dir}
	argv = append(argv, env...)
	argv = append(argv, "bash", "-c", "cd "+dir+" && "+cmdline)
	start := exec.Command("tmux", argv...)
	if out, err := start.CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	s := &tmuxSession{t: t, name: name}
	t.Cleanup(func() { exec.Command("tmux", "kill-session", "-t", name).Run() })
	return s
}

// keys sends tmux key names ("Enter", "C-s", "Down") or literal text.
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	for _, k := range keys {
		if out, err := exec.Command("tmux", "send-keys", "-t", s.name, k).CombinedOutput(); err != nil {
			s.t.Fatalf("send-keys %q: %v\n%s", k, err, out)
		}
		time.Sleep(120 * time.Millisecond)
	}
}

// scenario switches the demo Jira from inside the wizard, as a presenter
// does: ctrl+s, down to the scenario, enter.
func (s *tmuxSession) scenario(name string) {
	s.t.Helper()
	s.keys("C-s")
	s.waitFor("Demo Jira scenario")
	for i := 0; i < 30 && !strings.Contains(s.screen(), "▸ "+name); i++ {
		s.keys("Down")
	}
	s.keys("Enter")
}

// colours is the pane with its escape sequences.
func (s *tmuxSession) colours() string {
	out, err := exec.Command("tmux", "capture-pane", "-e", "-p", "-t", s.name).Output()
	if err != nil {
		s.t.Fatalf("capture-pane: %v", err)
	}
	return string(out)
}

// screen is what the pane shows now.
func (s *tmuxSession) screen() string {
	out, err := exec.Command("tmux", "capture-pane", "-p", "-t", s.name).Output()
	if err != nil {
		s.t.Fatalf("capture-pane: %v", err)
	}
	return string(out)
}

// waitFor waits until every text shows on screen.
func (s *tmuxSession) waitFor(texts ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		screen := s.screen()
		missing := ""
		for _, want := range texts {
			if !strings.Contains(screen, want) {
				missing = want
				break
			}
		}
		if missing == "" {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %q; it shows:\n%s", missing, screen)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestEndToEnd_DemoWizardInTmux walks every screen of the built binary in a
// real terminal, wide (panel beside the content) and at 80x24 (panel below,
// one mark per check), with a failure scenario switched on from inside.
func TestEndToEnd_DemoWizardInTmux(t *testing.T) {
	for _, size := range []struct {
		width, height    int
		authOK, authFail string
	}{
		{120, 40, "✓ auth", "✗ auth"},
		{80, 24, "✓auth", "✗auth"},
	} {
		t.Run(fmt.Sprintf("%dx%d", size.width, size.height), func(t *testing.T) {
			s := startTmux(t, size.width, size.height, "--demo")
			s.waitFor("Connect Backstage to Jira", "DEMO", size.authOK)

			s.keys("Enter", "Enter", "Enter")
			s.waitFor("Step 1 · Create an API token", "id.atlassian.com")

			s.keys("Enter", "Enter")
			s.waitFor("Step 2 · Encode the credentials", "decodes to")

			s.keys("Enter")
			s.waitFor("Step 3 · Site and email suffix", "JIRA_API_URL")

			// A failure scenario, switched on from inside the wizard.
			s.scenario("expired-token")
			s.waitFor("DEMO · expired token", size.authFail, "fix:")

			// And back to a healthy Jira.
			s.scenario("healthy")
			s.waitFor("DEMO · healthy", size.authOK)

			s.keys("Enter", "Enter", "Enter", "Enter")
			s.waitFor("Step 4 · Annotate your components")
			s.keys("Enter")
			s.waitFor("jira/project-key:")
			s.keys("Enter", "Enter", "Enter", "Enter")
			s.waitFor("Step 5 · Add the Jira cards", "Preview")
			s.keys("Enter", "Enter")
			s.waitFor("Summary", "Done")
			s.keys("Enter")
			s.waitFor("EXIT=0")
		})
	}
}

// sgrColour matches an escape that sets a foreground or background colour
// (not 39 and 49, which go back to the terminal's own).
var sgrColour = regexp.MustCompile(`\x1b\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m`)

func TestEndToEnd_NoColorMeansNoColour(t *testing.T) {
	colour := startTmux(t, 100, 30, "--demo")
	colour.waitFor("Connect Backstage to Jira", "✓ auth")
	if !sgrColour.MatchString(colour.colours()) {
		t.Fatalf("the wizard drew no colour at all, so this test proves nothing")
	}

	plain := startTmuxEnv(t, 100, 30, []string{"NO_COLOR=yes"}, "--demo")
	plain.waitFor("Connect Backstage to Jira", "✓ auth")
	if m := sgrColour.FindString(plain.colours()); m != "" {
		t.Fatalf("NO_COLOR=yes, yet the screen has colour %q", m)
	}
}
