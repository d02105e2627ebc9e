package common

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles is every style the wizard draws with, named for its role.
type Styles struct {
	App         lipgloss.Style
	Brand       lipgloss.Style
	Demo        lipgloss.Style
	StepDone    lipgloss.Style
	StepCurrent lipgloss.Style
	StepTodo    lipgloss.Style

	Box      lipgloss.Style
	BoxTitle lipgloss.Style
	Text     lipgloss.Style
	Muted    lipgloss.Style
	Strong   lipgloss.Style
	Link     lipgloss.Style
	Code     lipgloss.Style

	Label        lipgloss.Style
	FieldFocused lipgloss.Style
	FieldBlurred lipgloss.Style
	Error        lipgloss.Style
	Notice       lipgloss.Style

	OK      lipgloss.Style
	Warn    lipgloss.Style
	Fail    lipgloss.Style
	Pending lipgloss.Style

	DiffAdd    lipgloss.Style
	DiffRemove lipgloss.Style
	DiffHunk   lipgloss.Style

	HelpKey  lipgloss.Style
	HelpDesc lipgloss.Style
	HelpSep  lipgloss.Style

	Overlay lipgloss.Style
}

// NewStyles builds the styles for a dark or a light terminal background.
// Colours only ever add to a mark or a word: nothing depends on them, so
// NO_COLOR terminals lose nothing but the colour.
func NewStyles(dark bool) Styles {
	ld := lipgloss.LightDark(dark)
	accent := ld(lipgloss.Color("#5A4FCF"), lipgloss.Color("#9D8CFF"))
	muted := ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8C8C8C"))
	text := ld(lipgloss.Color("#1F1F1F"), lipgloss.Color("#E4E4E4"))
	green := ld(lipgloss.Color("#1A7F37"), lipgloss.Color("#3FB950"))
	yellow := ld(lipgloss.Color("#9A6700"), lipgloss.Color("#D29922"))
	red := ld(lipgloss.Color("#CF222E"), lipgloss.Color("#F85149"))
	blue := ld(lipgloss.Color("#0550AE"), lipgloss.Color("#58A6FF"))
	border := ld(lipgloss.Color("#B8B8B8"), lipgloss.Color("#4A4A4A"))

	fg := func(c color.Color) lipgloss.Style { return lipgloss.NewStyle().Foreground(c) }
	return Styles{
		App:   lipgloss.NewStyle(),
		Brand: fg(accent).Bold(true),
		Demo: lipgloss.NewStyle().Bold(true).Padding(0, 1).
			Foreground(ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#1F1F1F"))).
			Background(yellow),
		StepDone:    fg(green),
		StepCurrent: fg(accent).Bold(true).Underline(true),
		StepTodo:    fg(muted),

		Box:      lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(border),
		BoxTitle: fg(accent).Bold(true),
		Text:     fg(text),
		Muted:    fg(muted),
		Strong:   fg(text).Bold(true),
		Link:     fg(blue).Underline(true),
		Code:     fg(blue),

		Label:        fg(muted),
		FieldFocused: fg(accent).Bold(true),
		FieldBlurred: fg(muted),
		Error:        fg(red),
		Notice:       fg(yellow),

		OK:      fg(green).Bold(true),
		Warn:    fg(yellow).Bold(true),
		Fail:    fg(red).Bold(true),
		Pending: fg(muted),

		DiffAdd:    fg(green),
		DiffRemove: fg(red),
		DiffHunk:   fg(blue),

		HelpKey:  fg(text).Bold(true),
		HelpDesc: fg(muted),
		HelpSep:  fg(border),

		Overlay: lipgloss.NewStyle().Border(lipgloss.DoubleBorder()).
			BorderForeground(accent).Padding(0, 1),
	}
}
