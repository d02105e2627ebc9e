package steps

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// catalogUpdate reports whether -update was given. The flag is shared with
// the other golden tests of the package, whichever file registers it first.
var catalogUpdate = func() func() bool {
	if f := flag.Lookup("update"); f != nil {
		return func() bool { return f.Value.String() == "true" }
	}
	p := flag.Bool("update", false, "rewrite the golden files under testdata/")
	return func() bool { return *p }
}()

var (
	annABC     = Annotations{ProjectKey: "ABC"}
	annFull    = Annotations{ProjectKey: "ABC", Component: "Payments API", TokenType: "Bearer"}
	annAwkward = Annotations{ProjectKey: "FLG", Component: "no"}
)

// catalogCases are the golden tests: testdata/catalog/<input>.yaml patched
// into <golden>.golden (the new file, or "error: …" when refused).
var catalogCases = []struct {
	golden string
	input  string
	entity string
	ann    Annotations
}{
	{"comments-everywhere", "comments-everywhere", "", annFull},
	{"several-documents-component", "several-documents", "component:shop/cart", annFull},
	{"several-documents-api", "several-documents", "cart-api", annABC},
	{"several-documents-unchosen", "several-documents", "", annABC},
	{"several-documents-unknown", "several-documents", "nope", annABC},
	{"flow-annotations", "flow-annotations", "", annFull},
	{"crlf", "crlf", "ledger", annFull},
	{"four-space-indent", "four-space-indent", "", annFull},
	{"jira-keys-present", "jira-keys-present", "", annFull},
	{"jira-keys-present-project-only", "jira-keys-present", "", Annotations{ProjectKey: "NEW"}},
	{"no-annotations-no-final-newline", "no-annotations-no-final-newline", "", annFull},
	{"empty-annotations", "empty-annotations", "", annFull},
	{"up-to-date", "up-to-date", "", Annotations{ProjectKey: "INV", Component: "Stock"}},
	{"awkward-component-no", "awkward-component", "", annAwkward},
	{"awkward-component-colon", "awkward-component", "",
		Annotations{ProjectKey: "FLG", Component: "Flags: core # v2"}},
	{"awkward-component-number", "awkward-component", "",
		Annotations{ProjectKey: "FLG", Component: "1.0"}},
	{"flow-metadata", "flow-metadata", "", Annotations{ProjectKey: "TNY", Component: "a, b"}},
	{"anchors-merged-into", "anchors-and-merge", "queue", annABC},
	{"anchors-anchored-refused", "anchors-and-merge", "worker", Annotations{ProjectKey: "NEW"}},
	{"invalid", "invalid", "", annABC},
	{"no-metadata", "no-metadata", "", annABC},
}

func TestPatch_Golden(t *testing.T) {
	for _, tc := range catalogCases {
		t.Run(tc.golden, func(t *testing.T) {
			src := readTestdata(t, tc.input+".yaml")
			out, err := Patch(src, tc.entity, tc.ann)
			got := out
			if err != nil {
				if out != nil {
					t.Errorf("an error came with output")
				}
				got = []byte("error: " + err.Error() + "\n")
			} else {
				checkPatched(t, src, out, tc.entity, tc.ann)
			}
			compareGolden(t, filepath.Join("testdata", "catalog", tc.golden+".golden"), got)
		})
	}
}

// checkPatched asserts what every successful patch must satisfy.
func checkPatched(t *testing.T, src, out []byte, entity string, ann Annotations) {
	t.Helper()
	again, err := Patch(out, entity, ann)
	if err != nil || !bytes.Equal(again, out) {
		t.Errorf("a second patch is not a no-op: %v", err)
	}
	if bytes.Contains(src, []byte("\r\n")) &&
		bytes.Count(out, []byte("\n")) != bytes.Count(out, []byte("\r\n")) {
		t.Errorf("the patch mixed line endings into a CRLF file")
	}
	if lost := linesLost(src, out, entity); len(lost) > 0 {
		t.Errorf("lines lost: %q", lost)
	}
}

// linesLost returns the lines of src that are not in out, in order, other
// than those of the annotations block the patch owns.
func linesLost(src, out []byte, entity string) []string {
	var lost []string
	lo, hi := ownedLines(src, entity)
	outLines := splitLines(out)
	j := 0
	for i, line := range splitLines(src) {
		k := j
		for k < len(outLines) && !bytes.Equal(outLines[k], line) {
			k++
		}
		if k == len(outLines) {
			if (i+1 < lo || i+1 > hi) && !extendedIn(line, outLines[j:]) {
				lost = append(lost, string(line))
			}
			continue
		}
		j = k + 1
	}
	return lost
}

// ownedLines returns the first and last line of the chosen entity's
// metadata.annotations entry, which the patch may rewrite.
func ownedLines(src []byte, entity string) (lo, hi int) {
	docs, err := parseDocs(src)
	if err != nil {
		return 0, -1
	}
	ent, err := chooseEntity(docs, entity)
	if err != nil {
		return 0, -1
	}
	md, _ := mapGet(docRoot(docs[ent.Doc]), "metadata")
	if md == nil || md.Kind != yaml.MappingNode {
		return 0, -1
	}
	k, v := mapEntry(md, "annotations")
	if k == nil {
		return 0, -1
	}
	return k.Line, max(k.Line, maxLine(v))
}

// extendedIn reports whether some line of out is line with text inserted
// in it: a flow mapping that gained keys.
func extendedIn(line []byte, out [][]byte) bool {
	for _, o := range out {
		if len(o) <= len(line) {
			continue
		}
		pre := 0
		for pre < len(line) && o[pre] == line[pre] {
			pre++
		}
		if bytes.HasSuffix(o, line[pre:]) {
			return true
		}
	}
	return false
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "catalog", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if catalogUpdate() {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run: go test ./steps -run TestPatch_Golden -update", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestPatch_Errors(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		entity string
		want   error
	}{
		{"invalid YAML", "kind: [\n", "", ErrInvalidYAML},
		{"duplicate keys", "kind: A\nkind: B\nmetadata: {name: x}\n", "", ErrInvalidYAML},
		{"a list", "- a\n- b\n", "", ErrNotMapping},
		{"empty file", "", "", ErrNoEntity},
		{"no metadata", "kind: Component\nspec: {}\n", "", ErrNoMetadata},
		{"metadata not a mapping", "kind: Component\nmetadata: x\n", "", ErrNoMetadata},
		{"annotations a list", "kind: C\nmetadata:\n  name: x\n  annotations: [a]\n", "",
			ErrNotMapping},
		{"two entities", "kind: A\nmetadata: {name: a}\n---\nkind: B\nmetadata: {name: b}\n",
			"", ErrAmbiguousEntity},
		{"same name twice", "kind: A\nmetadata: {name: a}\n---\nkind: B\nmetadata: {name: a}\n",
			"a", ErrAmbiguousEntity},
		{"unknown entity", "kind: A\nmetadata: {name: a}\n", "b", ErrEntityNotFound},
		{"jira key is a list", "kind: A\nmetadata:\n  name: a\n  annotations:\n" +
			"    jira/project-key: [X]\n", "", ErrUnsupported},
		{"jira key is multi-line", "kind: A\nmetadata:\n  name: a\n  annotations:\n" +
			"    jira/project-key: |\n      X\n", "", ErrUnsupported},
		{"annotations alias", "x: &a {}\nkind: A\nmetadata:\n  name: a\n  annotations: *a\n",
			"", ErrUnsupported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Patch([]byte(tt.src), tt.entity, annABC)
			if !errors.Is(err, tt.want) || out != nil {
				t.Errorf("err = %v, want %v (output %q)", err, tt.want, out)
			}
		})
	}
}

func TestPatch_AmbiguousListsEntities(t *testing.T) {
	src := readTestdata(t, "several-documents.yaml")
	_, err := Patch(src, "", annABC)
	var amb *AmbiguousEntityError
	if !errors.As(err, &amb) || len(amb.Entities) != 3 {
		t.Fatalf("err = %v", err)
	}
	if got := amb.Entities[1].Ref(); got != "Component:shop/cart" {
		t.Errorf("second entity = %s", got)
	}
}

func TestPatch_RefusesBadAnnotations(t *testing.T) {
	_, err := Patch([]byte("kind: A\nmetadata: {name: a}\n"), "", Annotations{ProjectKey: "abc"})
	if !errors.Is(err, ErrInvalidAnnotation) || !strings.Contains(err.Error(), "use ABC") {
		t.Errorf("err = %v", err)
	}
}

func TestEntities(t *testing.T) {
	ents, err := Entities(readTestdata(t, "several-documents.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, e := range ents {
		refs = append(refs, e.Ref())
	}
	want := "System:default/checkout Component:shop/cart API:default/cart-api"
	if strings.Join(refs, " ") != want {
		t.Errorf("entities = %v", refs)
	}
}

func FuzzPatch(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "catalog", "*.yaml"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err == nil {
			f.Add(string(b), "", uint8(0))
		}
	}
	f.Add("kind: A\nmetadata:\n  name: a\n  annotations:\n    jira/project-key: X\n",
		"true", uint8(1))
	f.Add("kind: A\nmetadata: {name: a, annotations: {}}\n", "a, b", uint8(3))
	f.Fuzz(func(t *testing.T, src, component string, pick uint8) {
		ann := Annotations{ProjectKey: "ABC", Component: component}
		if pick&1 != 0 {
			ann.TokenType = "Bearer"
		}
		if ann.Validate() != nil {
			ann.Component = ""
		}
		entity := ""
		if pick&2 != 0 {
			entity = "a"
		}
		out, err := Patch([]byte(src), entity, ann)
		if err != nil {
			if out != nil {
				t.Fatalf("error %v came with output", err)
			}
			return
		}
		if _, err := decodeDocs(out); err != nil {
			t.Fatalf("the patched file does not parse: %v", err)
		}
		if lost := linesLost([]byte(src), out, entity); len(lost) > 0 {
			t.Fatalf("lines lost: %q", lost)
		}
		again, err := Patch(out, entity, ann)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("a second patch is not a no-op: %v", err)
		}
	})
}
