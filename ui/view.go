package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Layout thresholds, in cells.
const (
	sideBySideMin = 100 // the panel goes beside the content from here
	panelMinWidth = 40
	panelMaxWidth = 64
)

// render draws the whole screen. Every line is cut to the terminal width
// and the frame to its height, so no size can break the layout.
func (w *Wizard) render() string {
	width, height := max(w.size.Width, 1), max(w.size.Height, 1)
	lines := []string{w.headerView(width)}
	bodyH := max(height-2, 1)
	lines = append(lines, strings.Split(w.bodyView(width, bodyH), "\n")...)
	lines = fitLines(lines, height-1)
	for len(lines) < height-1 {
		lines = append(lines, "")
	}
	if height > 1 {
		lines = append(lines, w.footerView(width))
	}
	for i, l := range lines {
		if cellWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "")
		}
	}
	return strings.Join(lines[:min(len(lines), height)], "\n")
}

// headerView is the product name, the step bar and the demo badge.
func (w *Wizard) headerView(width int) string {
	brand := w.styles.Brand.Render(" jira-setup ")
	badge := ""
	if label := w.scenarioLabel(); label != "" {
		badge = w.styles.Demo.Render(truncate(label, max(width/3, 6)))
	}
	// One column is kept free at the right: some terminals and screenshot
	// tools clip a line that fills the last column.
	room := width - cellWidth(brand) - cellWidth(badge) - 2
	bar := w.stepBar(room)
	gap := max(width-1-cellWidth(brand)-cellWidth(bar)-cellWidth(badge), 0)
	return brand + bar + strings.Repeat(" ", gap) + badge
}

// stepBar names every screen, the current one marked; when it does not
// fit, it shows only the current screen and its position.
func (w *Wizard) stepBar(room int) string {
	parts := make([]string, len(w.screens))
	for i, s := range w.screens {
		switch {
		case i == w.current:
			parts[i] = w.styles.StepCurrent.Render("[" + s.name() + "]")
		case i < w.current:
			parts[i] = w.styles.StepDone.Render(s.name())
		default:
			parts[i] = w.styles.StepTodo.Render(s.name())
		}
	}
	bar := strings.Join(parts, w.styles.Muted.Render(" · "))
	if lipgloss.Width(bar) <= room {
		return bar
	}
	short := fmt.Sprintf("%s (%d/%d)", w.screen().name(), w.current+1, len(w.screens))
	return w.styles.StepCurrent.Render(truncate(short, max(room, 0)))
}

// bodyView places the screen's content and the live panel.
func (w *Wizard) bodyView(width, height int) string {
	if overlay := w.overlayView(width, height); overlay != "" {
		return overlay
	}
	if width >= sideBySideMin {
		pw := min(max(width*2/5, panelMinWidth), panelMaxWidth)
		cw := width - pw - 1
		content := w.contentView(cw, height)
		p := w.panel.view(w.styles, pw, height)
		return besides(content, p, cw, " ")
	}
	pLines := min(max(height/3, 1), 1+4*len(w.panel.failing()))
	if height < 8 {
		pLines = min(pLines, 2)
	}
	p := w.panel.compactView(w.styles, width, pLines)
	content := w.contentView(width, max(height-lipgloss.Height(p), 3))
	return content + "\n" + p
}

// contentView draws the current screen in a box of the given size,
// scrolled so the focused field shows, with the problem and notice lines
// pinned at the bottom.
func (w *Wizard) contentView(width, height int) string {
	inner := max(width-4, 1)
	lines := strings.Split(w.screen().view(w, inner), "\n")
	var status []string
	if w.problem != "" {
		status = append(status, strings.Split(w.problemLine(inner, w.problem), "\n")...)
	}
	if w.notice != "" {
		status = append(status, w.styles.Notice.Render(truncate(w.notice, inner)))
	}
	status = status[:min(len(status), max(height-3, 0))]
	room := max(height-2-len(status), 1)
	lines = w.scrolled(lines, room)
	for len(lines) < room {
		lines = append(lines, "")
	}
	lines = append(lines, status...)
	return boxed(w.styles, w.screen().title(w), strings.Join(lines, "\n"), width)
}

// scrolled keeps room lines of the content, starting at the screen's
// scroll offset but moved so the focused field stays in view.
func (w *Wizard) scrolled(lines []string, room int) []string {
	if len(lines) <= room {
		w.scroll[w.current] = 0
		return lines
	}
	off := min(w.scroll[w.current], len(lines)-room)
	// Follow the focus when it moves; otherwise keep where the admin
	// scrolled to, so pgdn can read past the focused field.
	focus := [2]int{w.current, w.focus[w.current]}
	if at := focusLine(lines); at >= 0 && focus != w.scrolledTo {
		off = follow(off, room, len(lines), at, blockEnd(lines, at))
	}
	w.scrolledTo = focus
	w.scroll[w.current] = off
	out := append([]string(nil), lines[off:off+room]...)
	if off+room < len(lines) {
		out[room-1] = w.styles.Muted.Render("↓ more below: pgdn")
	}
	if off > 0 {
		out[0] = w.styles.Muted.Render("↑ more above: pgup")
	}
	return out
}

// follow moves the window [off, off+room) of n lines so that the focused
// block, lines first to last, shows whole. A window that already shows it
// stays; otherwise the block's label goes to the top, just under the "more
// above" marker, which with the "more below" marker takes an edge line.
func follow(off, room, n, first, last int) int {
	top := off
	if off > 0 {
		top++ // under "more above"
	}
	bottom := off + room - 1
	if off+room < n {
		bottom-- // above "more below"
	}
	if first < top || last > bottom {
		off = first - 1
	}
	return max(min(off, n-room), 0)
}

// blockEnd is the last line of the block starting at first: the field and
// the notes under it, up to the next blank line.
func blockEnd(lines []string, first int) int {
	for i := first + 1; i < len(lines); i++ {
		if strings.TrimSpace(ansi.Strip(lines[i])) == "" {
			return i - 1
		}
	}
	return len(lines) - 1
}

// focusLine finds the line of the focused field's label.
func focusLine(lines []string) int {
	for i, l := range lines {
		if strings.HasPrefix(ansi.Strip(l), "› ") && i > 0 {
			return i - 1
		}
	}
	return -1
}

// footerView is the help bar: the screen's keys, then the global ones.
func (w *Wizard) footerView(width int) string {
	bindings := w.shortHelp()
	var sig strings.Builder
	fmt.Fprintf(&sig, "%d|%t|", width, w.dark)
	for _, b := range bindings {
		sig.WriteString(b.Help().Key + "=" + b.Help().Desc + "|")
	}
	if sig.String() != w.footer.sig {
		w.help.SetWidth(width)
		w.footer.sig, w.footer.view = sig.String(), w.help.ShortHelpView(bindings)
	}
	return w.footer.view
}

func (w *Wizard) shortHelp() []key.Binding {
	k := w.keys
	switch w.mode {
	case modeHelp:
		return []key.Binding{helpOnly("any key", "close help")}
	case modeScenario:
		return []key.Binding{helpOnly("↑/↓", "choose"), helpOnly("enter", "switch"),
			helpOnly("esc", "cancel")}
	case modeConfirmQuit, modeConfirmApply:
		return []key.Binding{k.Yes, k.No}
	}
	b := append([]key.Binding{}, w.screen().bindings(w)...)
	b = append(b, k.Next, withHelp(k.Back, "back"), k.Recheck)
	if w.opts.Demo != nil {
		b = append(b, withHelp(k.Scenario, "scenario"))
	}
	return append(b, withHelp(k.Help, "help"), k.Quit)
}

// helpOnly is a help bar entry for keys matched elsewhere.
func helpOnly(keys, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, desc))
}

// overlayView draws help, confirmations and the scenario picker over the
// body; "" when none is open.
func (w *Wizard) overlayView(width, height int) string {
	inner := max(width-4, 1)
	switch w.mode {
	case modeHelp:
		return boxed(w.styles, "Keys", w.fullHelp(inner), width)
	case modeConfirmQuit:
		return boxed(w.styles, "Quit?", w.para(inner,
			"What you entered is not saved anywhere and will be lost.",
			"Quit anyway? y quits · n goes back")+"", width)
	case modeConfirmApply:
		return boxed(w.styles, "Write the catalog file?", w.applyPrompt(inner), width)
	case modeScenario:
		return boxed(w.styles, "Demo Jira scenario", w.scenarioList(inner, height-2), width)
	}
	return ""
}

func (w *Wizard) fullHelp(width int) string {
	k := w.keys
	groups := [][]key.Binding{
		{k.Next, k.Prev, k.Back, k.Up, k.Down, k.Toggle, k.PageUp, k.PageDown},
		w.screen().bindings(w),
		{k.Recheck, k.Help, k.HelpLetter, k.Quit, k.QuitLetter},
	}
	if w.opts.Demo != nil {
		groups[2] = append(groups[2], k.Scenario)
	}
	var lines []string
	for _, g := range groups {
		if len(g) == 0 {
			continue
		}
		for _, b := range g {
			h := b.Help()
			lines = append(lines, w.styles.HelpKey.Render(padRight(h.Key, 10))+
				w.styles.HelpDesc.Render(h.Desc))
		}
		lines = append(lines, "")
	}
	lines = append(lines, w.muted(width, "In a text field letters type; use the ctrl keys.",
		"Any key closes this help."))
	return strings.Join(lines, "\n")
}

func (w *Wizard) scenarioList(width, height int) string {
	text := "The demo Jira answers as a real one would in each case."
	if acc := w.opts.Demo.Account(); acc.Password != "" {
		// Data Center also takes Basic: the presenter needs the login.
		text += " Basic sign-in: " + acc.Username + " / " + acc.Password + "."
	}
	intro := strings.Split(w.muted(width, text), "\n")
	var rows []string
	sel := 0
	for i, s := range w.scenarios() {
		if i == w.scenarioPick {
			sel = len(rows)
			rows = append(rows, w.styles.FieldFocused.Render("▸ "+padRight(s.Name, 18)+s.Title))
			rows = append(rows, strings.Split(w.indented(w.styles.Muted, width, 4,
				s.Description), "\n")...)
			continue
		}
		rows = append(rows, w.styles.Text.Render("  "+padRight(s.Name, 18)+s.Title))
	}
	room := max(height-len(intro)-1, 1)
	start := max(0, min(sel-room/3, len(rows)-room))
	rows = rows[start:min(start+room, len(rows))]
	return strings.Join(append(append(intro, ""), rows...), "\n")
}
