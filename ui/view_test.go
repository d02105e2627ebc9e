package ui

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/roadie-tools/jira-setup/jira"
)

// goldenSizes are the terminal sizes every screen is pinned at.
var goldenSizes = [][2]int{{80, 24}, {120, 40}, {40, 12}}

func TestView_Golden(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud, func(p *Prefill) { p.ProjectKey = "DEMO" })
	goldenScreens(t, h, goldenSizes)
}

// TestView_GoldenSelfHostedDataCenter pins the other branch of every
// screen: a self-hosted Backstage on Jira Data Center with a PAT.
func TestView_GoldenSelfHostedDataCenter(t *testing.T) {
	h := newHarness(t, jira.FlavorDataCenter, func(p *Prefill) {
		p.ProjectKey, p.SelfHosted, p.TokenType = "DEMO", true, "Bearer"
	})
	goldenScreens(t, h, [][2]int{{120, 40}})
}

// goldenScreens pins every screen of h at the given sizes.
func goldenScreens(t *testing.T, h *harness, sizes [][2]int) {
	h.w.data.overviewKey = "" // make sure the preview loaded for DEMO
	h.send(h.w.loadOverview()())
	for id, r := range h.w.panel.results {
		r.Elapsed = 0 // timings change run to run; the frame must not
		h.w.panel.results[id] = r
	}
	for i, s := range h.w.screens {
		for _, size := range sizes {
			name := fmt.Sprintf("%d-%s-%dx%d", i, slug(s.name()), size[0], size[1])
			t.Run(name, func(t *testing.T) {
				h.w.goTo(i)
				h.resize(size[0], size[1])
				frame := stable(h.screen())
				assertNoSecret(t, h, frame)
				golden.RequireEqual(t, []byte(frame))
			})
		}
	}
}

// assertNoSecret fails when a frame shows a token, a password or the
// encoded value.
func assertNoSecret(t *testing.T, h *harness, frame string) {
	t.Helper()
	cred, _ := h.w.form.credential(h.w.deployment())
	acc := h.demo.Account()
	for _, secret := range []string{acc.Token, acc.PAT, acc.Password, cred.Secret} {
		if secret != "" && strings.Contains(frame, secret) {
			t.Fatalf("the frame shows a secret")
		}
	}
}

func slug(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", "-"))
}

// TestView_AnySizeAnyKeys resizes through many sizes and presses random
// keys: no panic, and no frame wider or taller than the terminal.
func TestView_AnySizeAnyKeys(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud)
	rng := rand.New(rand.NewSource(7))
	keys := []string{"enter", "tab", "shift+tab", "esc", "up", "down", "left", "right",
		"space", "backspace", "pgdown", "pgup", "f1", "ctrl+t", "ctrl+e", "ctrl+a",
		"ctrl+y", "ctrl+s", "a", "Z", "7", "/", "?", "q", "n"}
	sizes := [][2]int{{1, 1}, {2, 1}, {1, 5}, {10, 3}, {40, 12}, {41, 13}, {79, 23},
		{80, 24}, {99, 30}, {100, 30}, {101, 31}, {160, 48}, {300, 100}}
	for i := 0; i < 40; i++ {
		sizes = append(sizes, [2]int{1 + rng.Intn(300), 1 + rng.Intn(100)})
	}
	for _, size := range sizes {
		h.resize(size[0], size[1])
		for j := 0; j < 60; j++ {
			k := keys[rng.Intn(len(keys))]
			if k == "q" || (k == "enter" && h.w.current == screenSummary) {
				continue // quitting would end the run
			}
			h.send(keyPress(k))
			assertFits(t, h.w.render(), size[0], size[1])
		}
		h.drain()
	}
}

// drain takes in the replies that arrived, without waiting for quiet.
func (h *harness) drain() {
	for {
		select {
		case msg := <-h.msgs:
			h.send(msg)
		default:
			return
		}
	}
}

func assertFits(t *testing.T, frame string, width, height int) {
	t.Helper()
	lines := strings.Split(frame, "\n")
	if len(lines) > height {
		t.Fatalf("%d lines at height %d", len(lines), height)
	}
	for _, l := range lines {
		if w := lipgloss.Width(l); w > width {
			t.Fatalf("line %d cells wide at width %d: %q", w, width, l)
		}
	}
}

func BenchmarkView(b *testing.B) {
	h := newHarness(b, jira.FlavorCloud, func(p *Prefill) { p.ProjectKey = "DEMO" })
	h.resize(160, 48)
	for i, s := range h.w.screens {
		b.Run(slug(s.name()), func(b *testing.B) {
			h.w.goTo(i)
			for b.Loop() {
				_ = h.w.View()
			}
		})
	}
}

// BenchmarkKeystroke is one typed character: Update plus View, at 160x48
// on the token screen.
func BenchmarkKeystroke(b *testing.B) {
	h := newHarness(b, jira.FlavorCloud)
	h.resize(160, 48)
	h.w.goTo(screenSite)
	h.w.setFocus(2)
	k := tea.KeyPressMsg{Code: 'x', Text: "x"}
	bs := tea.KeyPressMsg{Code: tea.KeyBackspace}
	// Type and delete in turn, so the value (and the frame) stays the same
	// size: each iteration is one keystroke.
	typed := false
	for b.Loop() {
		if typed {
			h.w.Update(bs)
		} else {
			h.w.Update(k)
		}
		typed = !typed
		_ = h.w.View()
	}
}

// TestView_LongProblemKeepsTheFrame pins a bug: a reason that wraps to two
// lines made the content box one line taller than its room.
func TestView_LongProblemKeepsTheFrame(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud)
	h.resize(80, 24)
	h.w.problem = strings.Repeat("a reason long enough to wrap onto a second line ", 3)
	frame := h.screen()
	assertFits(t, h.w.render(), 80, 24)
	if strings.Contains(frame, "\n…") {
		t.Fatalf("the frame was cut:\n%s", frame)
	}
}

func TestFollow_KeepsTheFocusedBlockInView(t *testing.T) {
	tests := []struct {
		name                         string
		off, room, n, first, last, w int
	}{
		{"already in view: stays", 0, 10, 30, 2, 4, 0},
		{"below the window: label to the top", 0, 10, 30, 15, 17, 14},
		{"above the window: label to the top", 12, 10, 30, 3, 4, 2},
		{"under the more-below marker: moves", 0, 10, 30, 7, 9, 6},
		{"near the end: clamped to the last window", 0, 10, 30, 27, 29, 20},
		{"first block: no marker above", 5, 10, 30, 0, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := follow(tt.off, tt.room, tt.n, tt.first, tt.last); got != tt.w {
				t.Fatalf("follow = %d, want %d", got, tt.w)
			}
		})
	}
}
