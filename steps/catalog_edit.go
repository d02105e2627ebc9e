package steps

// The text splice behind Patch: node positions from the parser become byte
// offsets, and each change becomes a small edit of the original bytes.

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// patcher collects the edits of one entity's annotations.
type patcher struct {
	src    []byte
	doc    *yaml.Node
	starts []int  // byte offset where each line starts; line n is starts[n-1]
	eol    string // "\r\n" when the file uses it, else "\n"
	edits  []edit
}

// edit replaces src[off:end] with text; off == end inserts.
type edit struct {
	off, end int
	text     string
}

func newPatcher(src []byte, doc *yaml.Node) *patcher {
	p := &patcher{src: src, doc: doc, starts: []int{0}, eol: "\n"}
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			p.starts = append(p.starts, i+1)
		}
	}
	if strings.Contains(string(src), "\r\n") {
		p.eol = "\r\n"
	}
	return p
}

// patch plans every edit for ann and returns the changes in key order.
func (p *patcher) patch(ann Annotations) ([]Change, error) {
	root := docRoot(p.doc)
	mdKey, md := mapEntry(root, "metadata")
	switch {
	case mdKey == nil:
		return nil, fmt.Errorf("%w: add a metadata mapping with a name first", ErrNoMetadata)
	case md.Kind == yaml.AliasNode:
		return nil, unsupported(md, "metadata is an alias")
	case md.Kind != yaml.MappingNode:
		return nil, fmt.Errorf("%w: metadata at line %d is not a mapping",
			ErrNoMetadata, md.Line)
	}

	pairs := ann.Pairs()
	annKey, annVal := mapEntry(md, "annotations")
	switch {
	case annKey == nil:
		return p.addAnnotations(root, md, pairs)
	case annVal.Kind == yaml.AliasNode:
		return nil, unsupported(annVal, "metadata.annotations is an alias")
	case isNull(annVal):
		return p.fillAnnotations(root, md, annKey, annVal, pairs)
	case annVal.Kind != yaml.MappingNode:
		return nil, fmt.Errorf("%w: metadata.annotations at line %d must be a mapping",
			ErrNotMapping, annVal.Line)
	}
	return p.updateAnnotations(annVal, pairs)
}

// addAnnotations adds a whole annotations mapping to metadata.
func (p *patcher) addAnnotations(root, md *yaml.Node, pairs []Annotation) ([]Change, error) {
	if md.Style&yaml.FlowStyle != 0 {
		err := p.flowAppend(md, []string{"annotations: {" + flowPairs(pairs) + "}"})
		return added(pairs), err
	}
	n := len(md.Content)
	at := p.afterEntry(md.Content[n-2], md.Content[n-1])
	indent := strings.Repeat(" ", md.Column-1)
	text := indent + "annotations:" + p.eol + p.blockPairs(indent+p.unit(root, md), pairs)
	p.insertLines(at, text)
	return added(pairs), nil
}

// fillAnnotations replaces an empty `annotations:` (or `annotations: ~`).
func (p *patcher) fillAnnotations(root, md, key, val *yaml.Node,
	pairs []Annotation) ([]Change, error) {
	flow := md.Style&yaml.FlowStyle != 0
	if val.Value != "" || flow {
		start, end, err := p.scalarSpan(val, flow)
		if err != nil {
			return nil, err
		}
		if flow {
			p.replace(start, end, "{"+flowPairs(pairs)+"}")
			return added(pairs), nil
		}
		for start > 0 && p.src[start-1] == ' ' {
			start--
		}
		p.replace(start, end, "")
	}
	indent := strings.Repeat(" ", md.Column-1) + p.unit(root, md)
	p.insertLines(p.afterLine(key.Line), p.blockPairs(indent, pairs))
	return added(pairs), nil
}

// updateAnnotations updates the jira keys of an existing mapping in place
// and adds the missing ones next to them, or at its end.
func (p *patcher) updateAnnotations(m *yaml.Node, pairs []Annotation) ([]Change, error) {
	flow := m.Style&yaml.FlowStyle != 0
	var changes []Change
	var missing []Annotation
	pos := -1
	for i, a := range pairs {
		k, v := mapEntry(m, a.Key)
		if k == nil {
			changes = append(changes, Change{Key: a.Key, New: a.Value})
			missing = append(missing, a)
			if !flow {
				if pos < 0 {
					pos = p.insertPoint(m, pairs[i+1:])
				}
				p.insertLines(pos, p.blockPairs(strings.Repeat(" ", m.Column-1), pairs[i:i+1]))
			}
			continue
		}
		ch, err := p.updateValue(a, v, flow)
		if err != nil {
			return nil, err
		}
		if ch != nil {
			changes = append(changes, *ch)
		}
		if !flow {
			pos = p.afterEntry(k, v)
		}
	}
	if flow && len(missing) > 0 {
		if err := p.flowAppend(m, []string{flowPairs(missing)}); err != nil {
			return nil, err
		}
	}
	return changes, nil
}

// insertPoint is where a missing key goes when no earlier jira key exists:
// before the first later one, else after the mapping's last entry.
func (p *patcher) insertPoint(m *yaml.Node, later []Annotation) int {
	for _, a := range later {
		if k, _ := mapEntry(m, a.Key); k != nil {
			return p.starts[k.Line-1]
		}
	}
	n := len(m.Content)
	return p.afterEntry(m.Content[n-2], m.Content[n-1])
}

// updateValue rewrites an existing value, keeping its quote style.
func (p *patcher) updateValue(a Annotation, v *yaml.Node, flow bool) (*Change, error) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!str" && v.Value == a.Value {
		return nil, nil
	}
	if v.Kind != yaml.ScalarNode {
		return nil, unsupported(v, a.Key+" is not a single value")
	}
	ch := &Change{Key: a.Key, Old: v.Value, New: a.Value}
	text := quoteScalar(a.Value, flow, v.Style)
	if isNull(v) && v.Value == "" {
		at := p.offset(v.Line, v.Column)
		if at > 0 && p.src[at-1] == ':' {
			text = " " + text
		}
		p.insert(at, text)
		return ch, nil
	}
	start, end, err := p.scalarSpan(v, flow)
	if err != nil {
		return nil, err
	}
	p.replace(start, end, text)
	return ch, nil
}

// flowAppend adds items before the closing brace of flow mapping m.
func (p *patcher) flowAppend(m *yaml.Node, items []string) error {
	open := p.offset(m.Line, m.Column)
	if open >= len(p.src) || p.src[open] != '{' {
		return unsupported(m, "the flow mapping could not be located")
	}
	_, last := flowClose(p.src, open)
	text := strings.Join(items, ", ")
	switch p.src[last] {
	case '{':
	case ',':
		text = " " + text
	default:
		text = ", " + text
	}
	p.insert(last+1, text)
	return nil
}

// blockPairs renders pairs as block mapping lines at indent.
func (p *patcher) blockPairs(indent string, pairs []Annotation) string {
	var b strings.Builder
	for _, a := range pairs {
		b.WriteString(indent + a.Key + ": " + quoteScalar(a.Value, false, 0) + p.eol)
	}
	return b.String()
}

// unit is the file's indentation step: how much deeper metadata's keys are
// than the top level's.
func (p *patcher) unit(root, md *yaml.Node) string {
	if n := md.Column - root.Column; n > 0 {
		return strings.Repeat(" ", n)
	}
	return "  "
}

func flowPairs(pairs []Annotation) string {
	parts := make([]string, len(pairs))
	for i, a := range pairs {
		parts[i] = a.Key + ": " + quoteScalar(a.Value, true, 0)
	}
	return strings.Join(parts, ", ")
}

func added(pairs []Annotation) []Change {
	out := make([]Change, len(pairs))
	for i, a := range pairs {
		out[i] = Change{Key: a.Key, New: a.Value}
	}
	return out
}

func (p *patcher) insert(off int, text string) { p.replace(off, off, text) }

func (p *patcher) replace(off, end int, text string) {
	p.edits = append(p.edits, edit{off: off, end: end, text: text})
}

// insertLines inserts whole lines at a line start; at the end of a file
// without a final newline it starts a new line instead, and keeps the file
// without one.
func (p *patcher) insertLines(off int, text string) {
	if off == len(p.src) && off > 0 && p.src[off-1] != '\n' {
		text = p.eol + strings.TrimSuffix(text, p.eol)
	}
	p.insert(off, text)
}

// apply returns src with every edit made; edits at the same offset keep
// the order they were planned in.
func (p *patcher) apply() []byte {
	edits := slices.Clone(p.edits)
	slices.SortStableFunc(edits, func(a, b edit) int { return a.off - b.off })
	var out []byte
	at := 0
	for _, e := range edits {
		out = append(out, p.src[at:e.off]...)
		out = append(out, e.text...)
		at = e.end
	}
	return append(out, p.src[at:]...)
}

// touched returns the original lines (1-based) that an edit changes.
func (p *patcher) touched() map[int]bool {
	lines := map[int]bool{}
	for _, e := range p.edits {
		if e.off == e.end && (e.off == len(p.src) || slices.Contains(p.starts, e.off)) {
			continue
		}
		for l := p.lineOf(e.off); l <= p.lineOf(max(e.end-1, e.off)); l++ {
			lines[l] = true
		}
	}
	return lines
}

func unsupported(n *yaml.Node, why string) error {
	return fmt.Errorf("%w: %s (line %d); add the annotations by hand", ErrUnsupported,
		why, n.Line)
}
