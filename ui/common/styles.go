package common

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles is every style the wizard draws with, named for its role.
type Styles struct {
	Brand       Paint
	Demo        lipgloss.Style
	StepDone    Paint
	StepCurrent Paint
	StepTodo    Paint

	BoxTitle Paint
	Text     Paint
	Muted    Paint
	Strong   Paint
	Link     Paint
	Code     Paint

	Label        Paint
	FieldFocused Paint
	Error        Paint
	Notice       Paint

	OK      Paint
	Warn    Paint
	Fail    Paint
	Pending Paint

	DiffAdd    Paint
	DiffRemove Paint
	DiffHunk   Paint

	HelpKey  Paint
	HelpDesc Paint

	// Findings in the panel: the colour of OK, Warn and Fail without bold.
	OKText   Paint
	WarnText Paint
	FailText Paint

	// Border is the colour of box borders.
	Border Paint

	// TextColor is the body text colour, for components that take a
	// colour rather than a Paint (the text inputs).
	TextColor color.Color
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
	p := NewPaint
	return Styles{
		Brand: p(fg(accent).Bold(true)),
		Demo: lipgloss.NewStyle().Bold(true).Padding(0, 1).
			Foreground(ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#1F1F1F"))).
			Background(yellow),
		StepDone:    p(fg(green)),
		StepCurrent: p(fg(accent).Bold(true).Underline(true)),
		StepTodo:    p(fg(muted)),

		BoxTitle: p(fg(accent).Bold(true)),
		Text:     p(fg(text)),
		Muted:    p(fg(muted)),
		Strong:   p(fg(text).Bold(true)),
		Link:     p(fg(blue).Underline(true)),
		Code:     p(fg(blue)),

		Label:        p(fg(muted)),
		FieldFocused: p(fg(accent).Bold(true)),
		Error:        p(fg(red)),
		Notice:       p(fg(yellow)),

		OK:      p(fg(green).Bold(true)),
		Warn:    p(fg(yellow).Bold(true)),
		Fail:    p(fg(red).Bold(true)),
		Pending: p(fg(muted)),

		DiffAdd:    p(fg(green)),
		DiffRemove: p(fg(red)),
		DiffHunk:   p(fg(blue)),

		HelpKey:  p(fg(text).Bold(true)),
		HelpDesc: p(fg(muted)),

		OKText:   p(fg(green)),
		WarnText: p(fg(yellow)),
		FailText: p(fg(red)),
		Border:   p(fg(border)),

		TextColor: text,
	}
}
