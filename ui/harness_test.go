package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/roadie-tools/jira-setup/jira"
)

// harness drives a Wizard by hand: it sends messages, runs the commands
// they return off the test goroutine, and feeds the replies back, until
// nothing more arrives. Timers that only animate (spinner, cursor blink)
// are dropped so the loop ends.
type harness struct {
	t    testing.TB
	w    *Wizard
	demo *jira.Demo
	msgs chan tea.Msg
}

// newHarness starts a demo Jira and a wizard pre-filled for it.
func newHarness(t testing.TB, flavor jira.Flavor, mutate ...func(*Prefill)) *harness {
	t.Helper()
	demo, err := jira.StartDemo(jira.DemoOptions{Addr: "127.0.0.1:0", Flavor: flavor})
	if err != nil {
		t.Fatalf("start demo: %v", err)
	}
	t.Cleanup(func() { demo.Close() })
	acc := demo.Account()
	p := Prefill{
		Tenant: "acme", URL: demo.URL(), Email: acc.Email, Token: acc.Token,
		EmailSuffix: "@example.com", User: "alice",
	}
	if flavor == jira.FlavorDataCenter {
		p.Email, p.Token, p.Realm = "", acc.PAT, jira.RealmBearer
	}
	for _, m := range mutate {
		m(&p)
	}
	w := New(Options{
		Client:   jira.NewClient(jira.ClientOptions{Timeout: 2 * time.Second}),
		Demo:     demo,
		Prefill:  p,
		Debounce: time.Millisecond,
		SaveDir:  t.TempDir(),
		OpenURL:  func(string) error { return nil },
	})
	h := &harness{t: t, w: w, demo: demo, msgs: make(chan tea.Msg, 256)}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(w.Init())
	h.settle()
	return h
}

// run executes cmd in the background; its message lands in h.msgs.
func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go func() { h.msgs <- cmd() }()
}

// send delivers one message and runs what it returns.
func (h *harness) send(msg tea.Msg) {
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			h.run(c)
		}
		return
	}
	if animation(msg) {
		return
	}
	_, cmd := h.w.Update(msg)
	h.run(cmd)
}

// animation reports messages that only move a spinner or a cursor.
func animation(msg tea.Msg) bool {
	if msg == nil {
		return true
	}
	name := fmt.Sprintf("%T", msg)
	return strings.HasPrefix(name, "spinner.") || strings.HasPrefix(name, "cursor.")
}

// settle feeds replies back until the wizard is quiet: no message for a
// short while and no check in flight.
func (h *harness) settle() {
	h.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case msg := <-h.msgs:
			h.send(msg)
		case <-time.After(80 * time.Millisecond):
			if !h.w.panel.running() {
				return
			}
		case <-deadline:
			h.t.Fatalf("wizard did not settle; screen:\n%s", h.screen())
		}
	}
}

// key presses one key, by its name ("enter", "ctrl+s", "a").
func (h *harness) key(names ...string) {
	for _, n := range names {
		h.send(keyPress(n))
		h.settle()
	}
}

// typeText types s one rune at a time.
func (h *harness) typeText(s string) {
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	h.settle()
}

// screen is the current frame without colours.
func (h *harness) screen() string { return ansi.Strip(h.w.render()) }

// resize sets the terminal size.
func (h *harness) resize(width, height int) {
	h.send(tea.WindowSizeMsg{Width: width, Height: height})
}

func keyPress(name string) tea.KeyPressMsg {
	special := map[string]tea.Key{
		"enter":     {Code: tea.KeyEnter},
		"tab":       {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
		"esc":       {Code: tea.KeyEscape},
		"up":        {Code: tea.KeyUp},
		"down":      {Code: tea.KeyDown},
		"left":      {Code: tea.KeyLeft},
		"right":     {Code: tea.KeyRight},
		"space":     {Code: tea.KeySpace, Text: " "},
		"backspace": {Code: tea.KeyBackspace},
		"pgdown":    {Code: tea.KeyPgDown},
		"pgup":      {Code: tea.KeyPgUp},
		"f1":        {Code: tea.KeyF1},
	}
	if k, ok := special[name]; ok {
		return tea.KeyPressMsg(k)
	}
	if rest, ok := strings.CutPrefix(name, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(rest[0]), Mod: tea.ModCtrl}
	}
	r := []rune(name)[0]
	return tea.KeyPressMsg{Code: r, Text: name}
}

// urlPattern matches the demo's loopback address, whose port changes.
var urlPattern = regexp.MustCompile(`127\.0\.0\.1:\d+`)

// msPattern matches timings, which change run to run.
var msPattern = regexp.MustCompile(`\d+ ms *`)

// stable removes what changes between runs from a frame.
func stable(frame string) string {
	frame = urlPattern.ReplaceAllStringFunc(frame, func(s string) string {
		return "127.0.0.1:" + strings.Repeat("P", len(s)-len("127.0.0.1:"))
	})
	return msPattern.ReplaceAllStringFunc(frame, func(s string) string {
		return "N ms" + strings.Repeat(" ", max(len(s)-4, 0))
	})
}

// assertHas fails when the frame lacks any of the texts.
func (h *harness) assertHas(texts ...string) {
	h.t.Helper()
	s := h.screen()
	for _, want := range texts {
		if !strings.Contains(s, want) {
			h.t.Fatalf("screen lacks %q:\n%s", want, s)
		}
	}
}
