package steps

// The checks every patch passes before it is offered: the result parses,
// means the original plus the annotations and nothing else, and keeps every
// line it did not edit, byte for byte and in order.

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
)

// verifyPatch checks out against src; touched lists the edited lines.
func verifyPatch(src, out []byte, doc int, ann Annotations, touched map[int]bool) error {
	before, err := decodeDocs(src)
	if err != nil {
		return err
	}
	after, err := decodeDocs(out)
	if err != nil {
		return fmt.Errorf("%w: the patched file would not parse (%w); "+
			"add the annotations by hand", ErrUnsupported, err)
	}
	if len(before) != len(after) {
		return fmt.Errorf("%w: the patch would change the number of documents",
			ErrUnsupported)
	}
	for i := range before {
		want := before[i]
		if i == doc {
			want = withAnnotations(want, ann)
		}
		if !reflect.DeepEqual(want, after[i]) {
			return fmt.Errorf("%w: the patch would change more than the annotations; "+
				"add them by hand", ErrUnsupported)
		}
	}
	if !linesKept(src, out, touched) {
		return fmt.Errorf("%w: the patch would change lines it did not mean to",
			ErrUnsupported)
	}
	return nil
}

// decodeDocs decodes every document of src into plain Go values.
func decodeDocs(src []byte) ([]any, error) {
	docs, err := parseDocs(src)
	if err != nil {
		return nil, err
	}
	out := make([]any, len(docs))
	for i, d := range docs {
		if err := d.Decode(&out[i]); err != nil {
			return nil, fmt.Errorf("%w: %s", ErrInvalidYAML, yamlReason(err))
		}
	}
	return out, nil
}

// withAnnotations returns doc with metadata.annotations holding ann, as
// the patched document should decode.
func withAnnotations(doc any, ann Annotations) any {
	root, _ := doc.(map[string]any)
	md, _ := root["metadata"].(map[string]any)
	if md == nil {
		return doc
	}
	switch a := md["annotations"].(type) {
	case map[string]any:
		for _, p := range ann.Pairs() {
			a[p.Key] = p.Value
		}
	case map[any]any:
		for _, p := range ann.Pairs() {
			a[p.Key] = p.Value
		}
	case nil:
		a2 := map[string]any{}
		for _, p := range ann.Pairs() {
			a2[p.Key] = p.Value
		}
		md["annotations"] = a2
	}
	return doc
}

// linesKept reports whether every line of src outside touched appears in
// out, unchanged and in order. Line endings are not compared: the last
// line may gain one.
func linesKept(src, out []byte, touched map[int]bool) bool {
	outLines := splitLines(out)
	j := 0
	for i, line := range splitLines(src) {
		if touched[i+1] {
			continue
		}
		for j < len(outLines) && !bytes.Equal(outLines[j], line) {
			j++
		}
		if j == len(outLines) {
			return false
		}
		j++
	}
	return true
}

// splitLines splits b into lines without their "\n" or "\r\n".
func splitLines(b []byte) [][]byte {
	if len(b) == 0 {
		return nil
	}
	lines := bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n"))
	for i, l := range lines {
		lines[i] = []byte(strings.TrimSuffix(string(l), "\r"))
	}
	return lines
}
