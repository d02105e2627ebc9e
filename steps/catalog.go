package steps

// Step 4, "Annotations", applied to a file: patch the jira/* annotations
// into one entity of a catalog-info.yaml. YAML is parsed only to find where
// things are; the edit itself is a minimal text splice, so comments, key
// order, quoting, indentation, line endings, anchors and every other
// document stay byte for byte as they were. Every patch is checked: the
// result must parse and mean exactly the original plus the annotations.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Errors of the catalog patcher; match them with errors.Is. Nothing is ever
// written when one is returned.
var (
	ErrInvalidYAML     = errors.New("not valid YAML")
	ErrNotMapping      = errors.New("not a YAML mapping")
	ErrNoEntity        = errors.New("no catalog entity in the file")
	ErrNoMetadata      = errors.New("the entity has no metadata")
	ErrEntityNotFound  = errors.New("no such entity in the file")
	ErrAmbiguousEntity = errors.New("several entities in the file")
	ErrUnsupported     = errors.New("cannot patch this file safely")
	ErrChangedOnDisk   = errors.New("the file changed since it was read")
)

// Entity is one catalog entity found in a file.
type Entity struct {
	Kind      string
	Namespace string // as written; empty means "default"
	Name      string
	Doc       int // index of its YAML document in the file
	Line      int // line where the document's content starts
}

// Ref returns the entity reference, e.g. "Component:default/payments".
func (e Entity) Ref() string {
	ns := e.Namespace
	if ns == "" {
		ns = "default"
	}
	return e.Kind + ":" + ns + "/" + e.Name
}

// AmbiguousEntityError is returned when the file holds several entities
// and none, or more than one, matches the choice. It matches
// ErrAmbiguousEntity.
type AmbiguousEntityError struct {
	Entities []Entity
}

// Error lists the entities to choose from.
func (e *AmbiguousEntityError) Error() string {
	return fmt.Sprintf("%s: %s; choose one by name", ErrAmbiguousEntity,
		entityRefs(e.Entities))
}

// Is makes errors.Is(err, ErrAmbiguousEntity) true.
func (e *AmbiguousEntityError) Is(target error) bool { return target == ErrAmbiguousEntity }

// Change is one annotation the patch adds or updates.
type Change struct {
	Key string
	Old string // empty when the key is added
	New string
}

// String describes the change in words, without quoting rules.
func (c Change) String() string {
	if c.Old == "" {
		return c.Key + ": " + c.New + " (added)"
	}
	return c.Key + ": " + c.New + " (was " + c.Old + ")"
}

// Plan is a patch worked out but not yet written. Before is the file as
// read; After is what Apply writes.
type Plan struct {
	Path    string
	Entity  Entity
	Changes []Change
	Before  []byte
	After   []byte
}

// maxCatalogSize caps what ReadPlan reads: catalog files are small.
const maxCatalogSize = 4 << 20

// ReadPlan reads the catalog file at path and plans the patch of the chosen
// entity ("" when the file holds one). See Patch.
func ReadPlan(path, entity string, ann Annotations) (*Plan, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read catalog file: %w", err)
	}
	defer f.Close()

	src, err := io.ReadAll(io.LimitReader(f, maxCatalogSize+1))
	if err != nil {
		return nil, fmt.Errorf("read catalog file: %w", err)
	}
	if len(src) > maxCatalogSize {
		return nil, fmt.Errorf("%w: %s is larger than %d MiB", ErrUnsupported, path,
			maxCatalogSize>>20)
	}
	return PlanPatch(path, src, entity, ann)
}

// PlanPatch plans the patch of src, read from path (used for the diff
// labels and by Apply).
func PlanPatch(path string, src []byte, entity string, ann Annotations) (*Plan, error) {
	if err := ann.Validate(); err != nil {
		return nil, err
	}
	docs, err := parseDocs(src)
	if err != nil {
		return nil, err
	}
	ent, err := chooseEntity(docs, entity)
	if err != nil {
		return nil, err
	}
	if oddLineBreaks(src) {
		return nil, fmt.Errorf("%w: the file has line breaks other than \\n and \\r\\n; "+
			"add the annotations by hand", ErrUnsupported)
	}

	p := newPatcher(src, docs[ent.Doc])
	changes, err := p.patch(ann)
	if err != nil {
		return nil, err
	}
	out := p.apply()
	if err := verifyPatch(src, out, ent.Doc, ann, p.touched()); err != nil {
		return nil, err
	}
	return &Plan{Path: path, Entity: ent, Changes: changes, Before: src, After: out}, nil
}

// Patch inserts or updates the jira/* annotations under metadata.annotations
// of one entity in src and returns the new file content. entity chooses the
// entity by metadata.name, kind:name or kind:namespace/name; "" is only
// accepted when the file holds a single entity. On error, out is nil.
func Patch(src []byte, entity string, ann Annotations) ([]byte, error) {
	p, err := PlanPatch("", src, entity, ann)
	if err != nil {
		return nil, err
	}
	return p.After, nil
}

// Entities lists the catalog entities in src, in file order.
func Entities(src []byte) ([]Entity, error) {
	docs, err := parseDocs(src)
	if err != nil {
		return nil, err
	}
	return entitiesOf(docs), nil
}

// UpToDate reports whether the file already has every annotation.
func (p *Plan) UpToDate() bool { return len(p.Changes) == 0 }

// Apply writes the patched file atomically; see WriteAtomic. An up to date
// plan writes nothing.
func (p *Plan) Apply() error {
	if p.UpToDate() {
		return nil
	}
	return WriteAtomic(p.Path, p.Before, p.After)
}

// parseDocs parses every document of src, and decodes each once so that
// duplicate keys and similar mistakes are caught before any edit.
func parseDocs(src []byte) (docs []*yaml.Node, err error) {
	defer func() {
		// XXX: the parser has panicked on malformed input in the past;
		// a file it cannot read is invalid, not a crash.
		if r := recover(); r != nil {
			docs, err = nil, fmt.Errorf("%w: the parser gave up on it", ErrInvalidYAML)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %s", ErrInvalidYAML, yamlReason(err))
		}
		var v any
		if err := n.Decode(&v); err != nil {
			return nil, fmt.Errorf("%w: %s", ErrInvalidYAML, yamlReason(err))
		}
		docs = append(docs, &n)
	}
}

// yamlReason strips the "yaml: " prefix from a parser error.
func yamlReason(err error) string {
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

// entitiesOf returns the documents whose top level is a mapping with a
// kind or a metadata key.
func entitiesOf(docs []*yaml.Node) []Entity {
	var out []Entity
	for i, d := range docs {
		root := docRoot(d)
		if root == nil || root.Kind != yaml.MappingNode {
			continue
		}
		kind, hasKind := mapGet(root, "kind")
		md, hasMD := mapGet(root, "metadata")
		if !hasKind && !hasMD {
			continue
		}
		e := Entity{Doc: i, Line: root.Line, Kind: scalarText(kind)}
		if md != nil && md.Kind == yaml.MappingNode {
			name, _ := mapGet(md, "name")
			ns, _ := mapGet(md, "namespace")
			e.Name, e.Namespace = scalarText(name), scalarText(ns)
		}
		out = append(out, e)
	}
	return out
}

// chooseEntity picks the entity to patch; it never guesses.
func chooseEntity(docs []*yaml.Node, choice string) (Entity, error) {
	ents := entitiesOf(docs)
	if len(ents) == 0 {
		for _, d := range docs {
			if r := docRoot(d); r != nil && !isNull(r) {
				return Entity{}, fmt.Errorf("%w: the file's top level must be a "+
					"mapping with kind and metadata", ErrNotMapping)
			}
		}
		return Entity{}, ErrNoEntity
	}
	if choice == "" {
		if len(ents) > 1 {
			return Entity{}, &AmbiguousEntityError{Entities: ents}
		}
		return ents[0], nil
	}

	var found []Entity
	for _, e := range ents {
		if entityMatches(e, choice) {
			found = append(found, e)
		}
	}
	switch len(found) {
	case 0:
		return Entity{}, fmt.Errorf("%w: %q; the file has %s", ErrEntityNotFound, choice,
			entityRefs(ents))
	case 1:
		return found[0], nil
	}
	return Entity{}, &AmbiguousEntityError{Entities: found}
}

// entityMatches compares a choice written as name, kind:name or
// kind:namespace/name, case-insensitively as Backstage does.
func entityMatches(e Entity, choice string) bool {
	kind, rest, hasKind := strings.Cut(choice, ":")
	if !hasKind {
		rest = choice
	} else if !strings.EqualFold(kind, e.Kind) {
		return false
	}
	if ns, name, ok := strings.Cut(rest, "/"); ok {
		want := e.Namespace
		if want == "" {
			want = "default"
		}
		return strings.EqualFold(ns, want) && strings.EqualFold(name, e.Name)
	}
	return e.Name != "" && strings.EqualFold(rest, e.Name)
}

func entityRefs(ents []Entity) string {
	refs := make([]string, len(ents))
	for i, e := range ents {
		refs[i] = e.Ref()
		if e.Name == "" {
			refs[i] = fmt.Sprintf("an entity without a name (line %d)", e.Line)
		}
	}
	return strings.Join(refs, ", ")
}

// docRoot returns a document's top node, or nil for an empty document.
func docRoot(d *yaml.Node) *yaml.Node {
	if d.Kind != yaml.DocumentNode || len(d.Content) == 0 {
		return nil
	}
	return d.Content[0]
}

// mapGet returns the value of key in mapping m.
func mapGet(m *yaml.Node, key string) (*yaml.Node, bool) {
	k, v := mapEntry(m, key)
	return v, k != nil
}

// mapEntry returns the key and value nodes of key in mapping m.
func mapEntry(m *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yaml.ScalarNode && k.Value == key {
			return k, m.Content[i+1]
		}
	}
	return nil, nil
}

func scalarText(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// oddLineBreaks reports a bare \r, NEL, LS or PS: the parser counts them
// as line breaks, and the patcher counts lines by \n only.
func oddLineBreaks(src []byte) bool {
	for i, c := range src {
		if c == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
			return true
		}
	}
	return bytes.ContainsRune(src, '\u0085') || bytes.ContainsRune(src, '\u2028') ||
		bytes.ContainsRune(src, '\u2029')
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}
