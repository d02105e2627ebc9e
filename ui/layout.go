package ui

import (
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/roadie-tools/jira-setup/ui/common"
)

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
		case cellWidth(line)+1+cellWidth(w) <= width:
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

// boxed draws body in a rounded box exactly width cells wide with title in
// its top border. Every line of the result is exactly width cells.
func boxed(st common.Styles, title, body string, width int) string {
	inner := max(width-2, 1)
	b := lipgloss.RoundedBorder()
	paint := st.Border
	left, right := paint.Render(b.Left+" "), paint.Render(" "+b.Right)

	t := truncate(" "+title+" ", max(inner-1, 0))
	var out strings.Builder
	out.WriteString(paint.Render(b.TopLeft+b.Top) + st.BoxTitle.Render(t) +
		paint.Render(strings.Repeat(b.Top, max(inner-1-cellWidth(t), 0))+b.TopRight))
	for _, l := range strings.Split(body, "\n") {
		l = fit(l, inner-2)
		out.WriteString("\n" + left + l + right)
	}
	out.WriteString("\n" + paint.Render(b.BottomLeft+strings.Repeat(b.Bottom, inner)+b.BottomRight))
	return out.String()
}

// fit cuts or pads s to exactly w cells.
func fit(s string, w int) string {
	n := cellWidth(s)
	if n > w {
		s = truncate(s, w)
		n = cellWidth(s)
	}
	return s + strings.Repeat(" ", max(w-n, 0))
}

// besides joins two blocks side by side, a gap between them. Both blocks
// must have lines of constant width, as boxed draws them.
func besides(left, right string, leftWidth int, gap string) string {
	l, r := strings.Split(left, "\n"), strings.Split(right, "\n")
	blank := strings.Repeat(" ", leftWidth)
	var out strings.Builder
	for i := range max(len(l), len(r)) {
		if i > 0 {
			out.WriteByte('\n')
		}
		if i < len(l) {
			out.WriteString(l[i])
		} else {
			out.WriteString(blank)
		}
		out.WriteString(gap)
		if i < len(r) {
			out.WriteString(r[i])
		}
	}
	return out.String()
}

// cellWidth is the printed width of s. Most of what the wizard draws is
// ASCII, escape sequences and one-cell symbols (box drawing, arrows, marks),
// which are counted here in one pass; anything else is measured with the
// full grapheme rules.
func cellWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			i = skipEscape(s, i)
			continue
		case c < 0x80:
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !narrowSymbol(r) {
			return ansi.StringWidth(s)
		}
		n++
		i += size
	}
	return n
}

// narrowSymbol reports runes known to take one cell and never combine.
func narrowSymbol(r rune) bool {
	return (r >= 0xA0 && r < 0x300) || (r >= 0x2010 && r < 0x2BFF && r != 0x2B50)
}

// skipEscape returns the index after the escape sequence starting at i.
func skipEscape(s string, i int) int {
	if i+1 >= len(s) {
		return len(s)
	}
	switch s[i+1] {
	case '[': // CSI: parameters, then a final byte in 0x40–0x7e
		for j := i + 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j + 1
			}
		}
	case ']': // OSC: ends with BEL or ESC \
		for j := i + 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
	default:
		return i + 2
	}
	return len(s)
}

// wrap breaks s into lines of at most w cells, at spaces: names such as
// catalog-info.yaml or jira/project-key stay whole where they fit.
func wrap(s string, w int) string {
	if w <= 0 {
		return ""
	}
	// The wrapper always breaks after a hyphen; hide hyphens from it.
	const keep = "\u2011" // non-breaking hyphen
	s = ansi.Wrap(strings.ReplaceAll(s, "-", keep), w, " ")
	return strings.ReplaceAll(s, keep, "-")
}

// padRight pads s with spaces to n cells.
func padRight(s string, n int) string {
	return s + strings.Repeat(" ", max(n-cellWidth(s), 0))
}
