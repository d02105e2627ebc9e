package common

import "charm.land/bubbles/v2/key"

// KeyMap is every key the wizard answers to, grouped by purpose. Screens
// pick the actions that make sense for them; the shell owns the rest.
type KeyMap struct {
	// Moving between fields and screens.
	Next     key.Binding
	Prev     key.Binding
	Back     key.Binding
	Up       key.Binding
	Down     key.Binding
	Select   key.Binding // take the highlighted entry of a list
	Toggle   key.Binding
	Left     key.Binding // a choice moves left; any other toggle key right
	PageUp   key.Binding
	PageDown key.Binding

	// Actions on the current screen. Screens with a text field use the
	// ctrl forms, so that typing a letter always types it.
	Open   key.Binding
	Reveal key.Binding
	Copy   key.Binding
	Header key.Binding
	Accept key.Binding
	Apply  key.Binding
	Save   key.Binding

	// Everywhere. The single letters only act outside a text field.
	Recheck    key.Binding
	Scenario   key.Binding
	Help       key.Binding
	HelpLetter key.Binding
	Quit       key.Binding
	ForceQ     key.Binding
	QuitLetter key.Binding
	Yes        key.Binding
	No         key.Binding
}

// DefaultKeyMap returns the wizard's keys.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Next:     b("enter", "next", "enter", "tab"),
		Prev:     b("shift+tab", "previous", "shift+tab"),
		Back:     b("esc", "back a step", "esc"),
		Up:       b("↑", "up", "up", "ctrl+p"),
		Down:     b("↓", "down", "down", "ctrl+n"),
		Select:   b("enter", "take", "enter"),
		Toggle:   b("space", "toggle", "space", "left", "right"),
		Left:     b("←", "left", "left"),
		PageUp:   b("pgup", "scroll up", "pgup"),
		PageDown: b("pgdn", "scroll down", "pgdown"),

		Open:   b("ctrl+o", "open in browser", "ctrl+o"),
		Reveal: b("ctrl+t", "show/hide token", "ctrl+t"),
		Copy:   b("ctrl+y", "copy", "ctrl+y"),
		Header: b("ctrl+e", "header form", "ctrl+e"),
		Accept: b("ctrl+a", "use as given", "ctrl+a"),
		Apply:  b("ctrl+w", "write file", "ctrl+w"),
		Save:   b("ctrl+w", "save summary", "ctrl+w"),

		Recheck:    b("ctrl+r", "re-check", "ctrl+r"),
		Scenario:   b("ctrl+s", "demo scenario", "ctrl+s"),
		Help:       b("f1", "help", "f1"),
		HelpLetter: b("?", "help", "?"),
		Quit:       b("ctrl+c", "quit", "ctrl+c"),
		ForceQ:     b("ctrl+q", "quit", "ctrl+q"),
		QuitLetter: b("q", "quit", "q"),
		Yes:        b("y", "yes", "y", "Y"),
		No:         b("n", "no", "n", "N", "esc"),
	}
}
