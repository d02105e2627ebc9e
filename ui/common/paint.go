package common

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Paint is a style of colour and emphasis only (no padding, border or
// width), turned once into the escape codes that open and close it.
// Rendering is then two string concatenations a line, where a lipgloss
// Style measures and lays out the text each time: the wizard paints a few
// hundred spans a frame, and this keeps a frame well under a millisecond.
type Paint struct {
	style     lipgloss.Style
	pre, post string
}

// NewPaint prepares a colour-and-emphasis style for fast rendering.
func NewPaint(s lipgloss.Style) Paint {
	const probe = "x"
	out := s.Render(probe)
	i := strings.Index(out, probe)
	if i < 0 {
		return Paint{style: s}
	}
	return Paint{style: s, pre: out[:i], post: out[i+len(probe):]}
}

// Render paints s, line by line, as the lipgloss style would.
func (p Paint) Render(s string) string {
	if p.pre == "" && p.post == "" || s == "" {
		return s
	}
	if !strings.Contains(s, "\n") {
		return p.pre + s + p.post
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = p.pre + l + p.post
		}
	}
	return strings.Join(lines, "\n")
}

// Style is the lipgloss style the paint was made from.
func (p Paint) Style() lipgloss.Style { return p.style }
