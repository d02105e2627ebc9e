package ui

import (
	"strings"

	"github.com/roadie-tools/jira-setup/ui/common"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// screen is one page of the wizard. Screens only ask to move on; the
// wizard validates, moves, and owns everything shared.
type screen interface {
	// name is the short label in the step bar.
	name() string
	// title heads the content box.
	title(w *Wizard) string
	// fields are the focusable inputs, in order; they may depend on the
	// values entered so far.
	fields(w *Wizard) []*field
	// view draws the content at width cells.
	view(w *Wizard, width int) string
	// validate says why the screen cannot be left forward, and which
	// field to fix; "" when it can.
	validate(w *Wizard) (string, *field)
	// bindings are the screen's own keys, for the help bar.
	bindings(w *Wizard) []key.Binding
	// action handles a screen key; it reports whether it used the key.
	action(w *Wizard, k tea.KeyPressMsg) (bool, tea.Cmd)
}

// allScreens lists the wizard's screens in order.
func allScreens() []screen {
	return []screen{
		welcomeScreen{}, tokenScreen{}, encodeScreen{}, siteScreen{},
		annotationsScreen{}, cardsScreen{}, summaryScreen{},
	}
}

// Screen indexes, for tests and the step bar.
const (
	screenWelcome = iota
	screenToken
	screenEncode
	screenSite
	screenAnnotations
	screenCards
	screenSummary
)

// para renders text wrapped to width in the body style.
func (w *Wizard) para(width int, text ...string) string {
	return w.styles.Text.Render(wrap(strings.Join(text, " "), width))
}

// muted renders secondary text wrapped to width.
func (w *Wizard) muted(width int, text ...string) string {
	return w.styles.Muted.Render(wrap(strings.Join(text, " "), width))
}

// fieldView draws f, marking it when it has the focus.
func (w *Wizard) fieldView(f *field, width int) string {
	return f.view(w.styles, w.focused() == f, width)
}

// kv draws a label and a value on one line.
func (w *Wizard) kv(label, value string, width int) string {
	l := w.styles.Label.Render(label + " ")
	return l + truncate(value, max(width-len(label)-1, 1))
}

// hint renders secondary text under a field, indented to the field's value.
func (w *Wizard) hint(width int, text ...string) string {
	return w.indented(w.styles.Muted, width, 2, strings.Join(text, " "))
}

// indented wraps text to width and indents every line by n cells.
func (w *Wizard) indented(st common.Paint, width, n int, text string) string {
	pad := strings.Repeat(" ", n)
	lines := strings.Split(wrap(text, max(width-n, 1)), "\n")
	for i, l := range lines {
		lines[i] = pad + st.Render(l)
	}
	return strings.Join(lines, "\n")
}

// problemLine draws a finding in the error style.
func (w *Wizard) problemLine(width int, text string) string {
	return w.styles.Error.Render(wrap("✗ "+text, width))
}

// noteLine draws a note in the notice style.
func (w *Wizard) noteLine(width int, text string) string {
	return w.styles.Notice.Render(wrap("! "+text, width))
}

// okLine draws a confirmation.
func (w *Wizard) okLine(width int, text string) string {
	return w.styles.OKText.Render(wrap("✓ "+text, width))
}

// join stacks the non-empty blocks with a blank line between them.
func join(blocks ...string) string {
	out := blocks[:0]
	for _, b := range blocks {
		if b != "" {
			out = append(out, b)
		}
	}
	return strings.Join(out, "\n\n")
}
