package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/roadie-tools/jira-setup/jira"
)

// handleKey routes a key press: overlays first, then the global keys, then
// the screen's own keys, then the focused field.
func (w *Wizard) handleKey(k tea.KeyPressMsg) tea.Cmd {
	w.notice = ""
	switch w.mode {
	case modeHelp:
		w.mode = modeNormal
		return nil
	case modeConfirmQuit:
		return w.confirmQuit(k)
	case modeConfirmApply:
		return w.confirmApply(k)
	case modeScenario:
		return w.pickScenario(k)
	}
	if cmd, ok := w.globalKey(k); ok {
		return cmd
	}
	if ok, cmd := w.screen().action(w, k); ok {
		return cmd
	}
	if cmd, ok := w.navKey(k); ok {
		return cmd
	}
	return w.updateField(k)
}

// globalKey handles the keys that work on every screen.
func (w *Wizard) globalKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	typing := w.focused() != nil && w.focused().typing()
	switch {
	case keyIs(k, w.keys.Quit), keyIs(k, w.keys.ForceQ),
		!typing && keyIs(k, w.keys.QuitLetter):
		return w.requestQuit(), true
	case keyIs(k, w.keys.Help), !typing && keyIs(k, w.keys.HelpLetter):
		w.mode = modeHelp
		return nil, true
	case keyIs(k, w.keys.Recheck):
		return w.recheckAll(), true
	case keyIs(k, w.keys.Scenario) && w.opts.Demo != nil:
		w.mode = modeScenario
		w.scenarioPick = w.scenarioIndex()
		return nil, true
	case keyIs(k, w.keys.PageDown):
		w.scroll[w.current] += max(w.size.Height/2, 1)
		return nil, true
	case keyIs(k, w.keys.PageUp):
		w.scroll[w.current] = max(w.scroll[w.current]-max(w.size.Height/2, 1), 0)
		return nil, true
	}
	return nil, false
}

// navKey moves between fields and screens.
func (w *Wizard) navKey(k tea.KeyPressMsg) (tea.Cmd, bool) {
	n := len(w.screen().fields(w))
	i := w.focus[w.current]
	switch {
	case keyIs(k, w.keys.Next):
		if i < n-1 {
			return w.setFocus(i + 1), true
		}
		return w.forward(), true
	case keyIs(k, w.keys.Prev):
		if i > 0 && n > 0 {
			return w.setFocus(i - 1), true
		}
		return w.backward(), true
	case keyIs(k, w.keys.Back):
		return w.backward(), true
	case keyIs(k, w.keys.Up) && i > 0:
		return w.setFocus(i - 1), true
	case keyIs(k, w.keys.Down) && i < n-1:
		return w.setFocus(i + 1), true
	}
	return nil, false
}

// forward leaves the screen when it is valid; else it says why and puts
// the focus on the field to fix.
func (w *Wizard) forward() tea.Cmd {
	if reason, f := w.screen().validate(w); reason != "" {
		w.problem = reason
		if f != nil {
			return w.focusField(f)
		}
		return nil
	}
	w.problem = ""
	if w.current == len(w.screens)-1 {
		w.finished = true
		return w.finish()
	}
	return w.goTo(w.current + 1)
}

func (w *Wizard) backward() tea.Cmd {
	w.problem = ""
	if w.current == 0 {
		return nil
	}
	return w.goTo(w.current - 1)
}

// goTo shows screen i with its first field focused.
func (w *Wizard) goTo(i int) tea.Cmd {
	if f := w.focused(); f != nil {
		f.blur()
	}
	w.current = i
	w.pickIdx = 0
	if i == screenAnnotations && w.form.project.Value() == "" {
		if s, err := jira.NormalizeSite(w.form.site.Value()); err == nil && s.ProjectKey != "" {
			w.form.project.SetValue(s.ProjectKey)
		}
	}
	fields := w.screen().fields(w)
	w.focus[i] = min(w.focus[i], max(len(fields)-1, 0))
	return w.focusCurrent()
}

// focused is the field that takes typing, or nil.
func (w *Wizard) focused() *field {
	fields := w.screen().fields(w)
	if len(fields) == 0 {
		return nil
	}
	return fields[min(w.focus[w.current], len(fields)-1)]
}

func (w *Wizard) setFocus(i int) tea.Cmd {
	if f := w.focused(); f != nil {
		f.blur()
	}
	w.focus[w.current] = i
	w.pickIdx, w.picking = 0, false
	return w.focusCurrent()
}

func (w *Wizard) focusField(target *field) tea.Cmd {
	for i, f := range w.screen().fields(w) {
		if f == target {
			return w.setFocus(i)
		}
	}
	return nil
}

func (w *Wizard) focusCurrent() tea.Cmd {
	w.scrolledTo = [2]int{-1, -1} // the next frame brings the field into view
	if f := w.focused(); f != nil {
		return f.focus()
	}
	return nil
}

// updateField gives a key or paste to the focused field, and schedules a
// re-check when its value changed.
func (w *Wizard) updateField(msg tea.Msg) tea.Cmd {
	f := w.focused()
	if f == nil {
		return nil
	}
	changed, cmd := f.update(msg, w.keys)
	if !changed {
		return cmd
	}
	w.problem = ""
	w.scrolledTo = [2]int{-1, -1} // keep the field and its notes in view
	if f == w.form.token {
		w.form.asGiven = w.form.asGiven && w.tokenLooksEncoded()
	}
	if f == w.form.project || f == w.form.component {
		w.pickIdx = 0
	}
	return tea.Batch(cmd, w.inputChanged())
}

// updateFocused passes other messages (cursor blinks) to the focused field.
func (w *Wizard) updateFocused(msg tea.Msg) tea.Cmd {
	if f := w.focused(); f != nil && f.typing() {
		var cmd tea.Cmd
		f.input, cmd = f.input.Update(msg)
		return cmd
	}
	return nil
}

// requestQuit quits, asking first when entries would be lost.
func (w *Wizard) requestQuit() tea.Cmd {
	if w.dirty {
		w.mode = modeConfirmQuit
		return nil
	}
	return w.finish()
}

func (w *Wizard) confirmQuit(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case keyIs(k, w.keys.Quit), keyIs(k, w.keys.Yes):
		return w.finish()
	case keyIs(k, w.keys.No):
		w.mode = modeNormal
	}
	return nil
}

// finish stops the checks and quits.
func (w *Wizard) finish() tea.Cmd {
	w.stop()
	w.quit = true
	return tea.Quit
}

// copy puts text on the clipboard with OSC 52, which works over SSH too.
func (w *Wizard) copy(text, what string) tea.Cmd {
	if text == "" {
		w.notice = "nothing to copy yet: " + what + " is empty"
		return nil
	}
	w.notice = "copied " + what + " to the clipboard"
	return tea.SetClipboard(text)
}

// open opens url in the browser without waiting for it.
func (w *Wizard) open(url string) tea.Cmd {
	opener := w.opts.OpenURL
	return func() tea.Msg {
		if err := opener(url); err != nil {
			return openedMsg{"could not open a browser: open the link by hand"}
		}
		return openedMsg{"opened " + url}
	}
}

// scenarioIndex is the position of the demo's scenario in the list.
func (w *Wizard) scenarioIndex() int {
	for i, s := range w.scenarios() {
		if s.Name == w.opts.Demo.Scenario() {
			return i
		}
	}
	return 0
}

// pickScenario moves through the demo scenarios and switches on enter.
func (w *Wizard) pickScenario(k tea.KeyPressMsg) tea.Cmd {
	list := w.scenarios()
	switch {
	case keyIs(k, w.keys.Up):
		w.scenarioPick = (w.scenarioPick + len(list) - 1) % len(list)
	case keyIs(k, w.keys.Down), keyIs(k, w.keys.Scenario):
		w.scenarioPick = (w.scenarioPick + 1) % len(list)
	case keyIs(k, w.keys.Select):
		w.mode = modeNormal
		name := list[w.scenarioPick].Name
		if err := w.opts.Demo.SetScenario(name); err != nil {
			w.notice = err.Error()
			return nil
		}
		w.notice = "demo Jira now plays: " + list[w.scenarioPick].Title
		return w.recheckAll()
	case keyIs(k, w.keys.No), keyIs(k, w.keys.Quit):
		w.mode = modeNormal
	}
	return nil
}

// scenarios lists what the demo Jira can play in its flavour.
func (w *Wizard) scenarios() []jira.ScenarioInfo {
	return jira.ScenariosFor(w.opts.Demo.Flavor())
}

// scenarioLabel is the demo badge text.
func (w *Wizard) scenarioLabel() string {
	if w.opts.Demo == nil {
		return ""
	}
	return "DEMO · " + strings.ReplaceAll(w.opts.Demo.Scenario(), "-", " ")
}
