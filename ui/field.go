package ui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/roadie-tools/jira-setup/ui/common"
)

// fieldKind says how a field takes input.
type fieldKind int

const (
	fieldText   fieldKind = iota // free text
	fieldSecret                  // free text, masked unless revealed
	fieldChoice                  // one of a few options, space or arrows to change
	fieldToggle                  // on or off
)

// field is one focusable input of a screen. The same field may appear on
// two screens (the Jira link on the welcome and the site screens), so
// fields are shared by pointer and the value lives in one place.
type field struct {
	label   string
	kind    fieldKind
	input   textinput.Model
	choices []string
	choice  int
	on      bool
}

func newTextField(label, placeholder string) *field {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = placeholder
	in.CharLimit = 4096
	return &field{label: label, kind: fieldText, input: in}
}

func newSecretField(label, placeholder string) *field {
	f := newTextField(label, placeholder)
	f.kind = fieldSecret
	f.input.EchoMode = textinput.EchoPassword
	f.input.EchoCharacter = '•'
	return f
}

func newChoiceField(label string, choices ...string) *field {
	return &field{label: label, kind: fieldChoice, choices: choices}
}

func newToggleField(label string, on bool) *field {
	return &field{label: label, kind: fieldToggle, on: on}
}

// Value is the field's text, or its chosen option.
func (f *field) Value() string {
	switch f.kind {
	case fieldChoice:
		return f.choices[f.choice]
	case fieldToggle:
		if f.on {
			return "on"
		}
		return ""
	}
	return f.input.Value()
}

// SetValue replaces the text of a text field.
func (f *field) SetValue(s string) {
	f.input.SetValue(s)
	f.input.CursorEnd()
}

func (f *field) typing() bool { return f.kind == fieldText || f.kind == fieldSecret }

func (f *field) focus() tea.Cmd {
	if f.typing() {
		return f.input.Focus()
	}
	return nil
}

func (f *field) blur() {
	if f.typing() {
		f.input.Blur()
	}
}

// revealed reports whether a secret field currently shows its text.
func (f *field) revealed() bool { return f.input.EchoMode == textinput.EchoNormal }

func (f *field) toggleReveal() {
	if f.revealed() {
		f.input.EchoMode = textinput.EchoPassword
		return
	}
	f.input.EchoMode = textinput.EchoNormal
}

// update feeds a message to the field and reports whether its value changed.
func (f *field) update(msg tea.Msg, keys common.KeyMap) (bool, tea.Cmd) {
	switch f.kind {
	case fieldChoice:
		return f.updateChoice(msg, keys), nil
	case fieldToggle:
		if k, ok := msg.(tea.KeyPressMsg); ok && keyIs(k, keys.Toggle) {
			f.on = !f.on
			return true, nil
		}
		return false, nil
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		// Pasted tokens and links arrive with stray newlines and spaces
		// around them; they never belong to the value.
		msg = tea.PasteMsg{Content: strings.TrimSpace(p.Content)}
	}
	before := f.input.Value()
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	return f.input.Value() != before, cmd
}

func (f *field) updateChoice(msg tea.Msg, keys common.KeyMap) bool {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || !keyIs(k, keys.Toggle) {
		return false
	}
	if keyIs(k, keys.Left) {
		f.choice = (f.choice + len(f.choices) - 1) % len(f.choices)
	} else {
		f.choice = (f.choice + 1) % len(f.choices)
	}
	return true
}

// view draws the field at width cells: label above, value below.
func (f *field) view(st common.Styles, focused bool, width int) string {
	label := st.Label.Render(f.label)
	mark := "  "
	if focused {
		label = st.FieldFocused.Render(f.label)
		mark = st.FieldFocused.Render("› ")
	}
	return label + "\n" + mark + f.valueView(st, focused, width-2)
}

func (f *field) valueView(st common.Styles, focused bool, width int) string {
	switch f.kind {
	case fieldChoice:
		parts := make([]string, len(f.choices))
		for i, c := range f.choices {
			if i == f.choice {
				parts[i] = st.Strong.Render("(•) " + c)
			} else {
				parts[i] = st.Muted.Render("( ) " + c)
			}
		}
		return strings.Join(parts, "  ")
	case fieldToggle:
		if f.on {
			return st.Strong.Render("[x] on")
		}
		return st.Muted.Render("[ ] off")
	}
	f.input.SetWidth(max(width-1, 1))
	if !focused && f.input.Value() == "" {
		return st.Muted.Render(truncate(f.input.Placeholder, width))
	}
	return f.input.View()
}
