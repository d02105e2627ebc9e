package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/roadie-tools/jira-setup/ui/common"
)

type lipStyle = lipgloss.Style

// truncate cuts s to at most w cells, marking the cut with an ellipsis.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Truncate(s, w, "…")
}

// fitLines keeps at most n lines, saying how many were left out.
func fitLines(lines []string, n int) []string {
	if n <= 0 {
		return nil
	}
	if len(lines) <= n {
		return lines
	}
	out := append([]string(nil), lines[:n-1]...)
	return append(out, "…")
}

// wrapWords lays words out in lines of at most width cells.
func wrapWords(words []string, width int) []string {
	var lines []string
	line := ""
	for _, w := range words {
		switch {
		case line == "":
			line = w
		case lipgloss.Width(line)+1+lipgloss.Width(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, truncate(line, width))
	}
	return lines
}

// boxed draws body in a rounded box width cells wide with title in its
// top border.
func boxed(st common.Styles, title, body string, width int) string {
	inner := max(width-2, 1)
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		l = truncate(l, inner-2)
		lines[i] = " " + l + strings.Repeat(" ", max(inner-2-lipgloss.Width(l), 0)) + " "
	}
	b := lipgloss.RoundedBorder()
	border := st.Box.GetBorderTopForeground()
	paint := lipgloss.NewStyle().Foreground(border)
	t := truncate(" "+title+" ", max(inner-1, 0))
	top := paint.Render(b.TopLeft+b.Top) + st.BoxTitle.Render(t) +
		paint.Render(strings.Repeat(b.Top, max(inner-1-lipgloss.Width(t), 0))+b.TopRight)
	out := []string{top}
	for _, l := range lines {
		out = append(out, paint.Render(b.Left)+l+paint.Render(b.Right))
	}
	out = append(out, paint.Render(b.BottomLeft+strings.Repeat(b.Bottom, inner)+b.BottomRight))
	return strings.Join(out, "\n")
}

// wrap breaks s into lines of at most w cells.
func wrap(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return ansi.Wrap(s, w, " ")
}
