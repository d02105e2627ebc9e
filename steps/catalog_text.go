package steps

// Text positions for the catalog patcher: lines, columns (the parser counts
// characters, not bytes), where an entry ends, and where a scalar or a flow
// mapping ends, since the parser reports only where things start.

import (
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// offset turns a 1-based line and character column into a byte offset.
func (p *patcher) offset(line, col int) int {
	if line < 1 || line > len(p.starts) {
		return len(p.src) // never met: parseDocs and oddLineBreaks agree
	}
	off := p.starts[line-1]
	for i := 1; i < col && off < len(p.src); i++ {
		_, size := utf8.DecodeRune(p.src[off:])
		off += size
	}
	return off
}

// lineOf returns the 1-based line holding byte offset off.
func (p *patcher) lineOf(off int) int {
	return sort.Search(len(p.starts), func(i int) bool { return p.starts[i] > off })
}

// lineText returns line n without its line ending.
func (p *patcher) lineText(n int) string {
	end := len(p.src)
	if n < len(p.starts) {
		end = p.starts[n]
	}
	return strings.TrimRight(string(p.src[p.starts[n-1]:end]), "\r\n")
}

// afterLine is the offset just past line n and its line ending.
func (p *patcher) afterLine(n int) int {
	if n < len(p.starts) {
		return p.starts[n]
	}
	return len(p.src)
}

// afterEntry is the offset just past the last line of a block mapping
// entry: its key's line, every line of its value, and the lines indented
// deeper than the key that follow (multi-line scalars, closing brackets).
// Blank lines and comments at the key's own level stay after it.
func (p *patcher) afterEntry(k, v *yaml.Node) int {
	last := max(k.Line, maxLine(v))
	for n := last + 1; n <= len(p.starts); n++ {
		text := p.lineText(n)
		body := strings.TrimLeft(text, " ")
		if strings.TrimSpace(body) == "" {
			continue
		}
		indent := len(text) - len(body)
		closer := body[0] == ']' || body[0] == '}'
		if indent < k.Column-1 || indent == k.Column-1 && !closer {
			break
		}
		last = n
	}
	return p.afterLine(last)
}

// maxLine is the last line any node of the tree starts on. Empty values
// are left out: the parser places them where the next token is.
func maxLine(n *yaml.Node) int {
	if n.Kind == yaml.ScalarNode && n.Value == "" && n.Style == 0 {
		return 0
	}
	last := n.Line
	for _, c := range n.Content {
		last = max(last, maxLine(c))
	}
	return last
}

// scalarSpan returns the byte range of a single-line scalar as written,
// quotes included. Anything fancier is refused rather than guessed at.
func (p *patcher) scalarSpan(v *yaml.Node, flow bool) (int, int, error) {
	const fancy = yaml.TaggedStyle | yaml.LiteralStyle | yaml.FoldedStyle
	if v.Anchor != "" || v.Style&fancy != 0 {
		return 0, 0, unsupported(v, "the value has an anchor, a tag or several lines")
	}
	start := p.offset(v.Line, v.Column)
	var end int
	var ok bool
	switch {
	case v.Style&yaml.DoubleQuotedStyle != 0:
		end, ok = quotedEnd(p.src, start, '"')
	case v.Style&yaml.SingleQuotedStyle != 0:
		end, ok = quotedEnd(p.src, start, '\'')
	default:
		end = plainEnd(p.src, start, flow)
		ok = string(p.src[start:end]) == v.Value
	}
	if !ok {
		return 0, 0, unsupported(v, "the value spans several lines")
	}
	return start, end, nil
}

// quotedEnd finds the end of a quoted scalar starting at src[start] on the
// same line: a doubled single quote escapes one, \ escapes in double quotes.
func quotedEnd(src []byte, start int, q byte) (int, bool) {
	if start >= len(src) || src[start] != q {
		return 0, false
	}
	return quotedClose(src, start, q, false)
}

// plainEnd finds the end of a plain scalar on its line: before a comment,
// a flow indicator in flow context, or trailing blanks.
func plainEnd(src []byte, start int, flow bool) int {
	i := start
	for ; i < len(src); i++ {
		c := src[i]
		if c == '\n' || c == '\r' {
			break
		}
		if c == '#' && i > start && (src[i-1] == ' ' || src[i-1] == '\t') {
			break
		}
		if flow && strings.IndexByte(",[]{}", c) >= 0 {
			break
		}
	}
	for i > start && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	return i
}

// flowClose finds the brace that closes the flow mapping opening at
// src[open], and the last byte before it that is neither blank nor part of
// a comment. Quotes, nesting and comments are skipped. The caller has
// parsed src, so the brace exists.
func flowClose(src []byte, open int) (closeAt, last int) {
	depth := 0
	last = open
	for i := open; i < len(src); i++ {
		c := src[i]
		switch {
		case (c == '"' || c == '\'') && startsToken(src, i):
			end, ok := quotedClose(src, i, c, true)
			if !ok {
				return len(src) - 1, last
			}
			i, last = end-1, end-1
			continue
		case c == '#' && (i == 0 || isBlankByte(src[i-1])):
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				return i, last
			}
		}
		if !isBlankByte(c) {
			last = i
		}
	}
	return len(src) - 1, last
}

// quotedClose scans from the opening quote at src[start] to just past its
// closing quote. In flow context (multiline) a quoted scalar may span
// lines; elsewhere a line break before the close means it is not one.
func quotedClose(src []byte, start int, q byte, multiline bool) (int, bool) {
	for i := start + 1; i < len(src); i++ {
		switch c := src[i]; {
		case !multiline && (c == '\n' || c == '\r'):
			return 0, false
		case q == '"' && c == '\\':
			i++
		case c == q && q == '\'' && i+1 < len(src) && src[i+1] == '\'':
			i++
		case c == q:
			return i + 1, true
		}
	}
	return 0, false
}

// startsToken reports whether src[i] can begin a flow scalar: a quote in
// the middle of a plain scalar (don't) is just a character.
func startsToken(src []byte, i int) bool {
	return i == 0 || isBlankByte(src[i-1]) || strings.IndexByte("{[,", src[i-1]) >= 0
}

func isBlankByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}
