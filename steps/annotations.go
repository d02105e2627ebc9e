package steps

// Step 4, "Annotations": the jira/* annotations of a catalog entity, their
// validation by Backstage's rules, and the YAML text they are written as.

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
)

// Annotations are the jira/* values the wizard sets on an entity. Empty
// Component and TokenType are left out.
type Annotations struct {
	ProjectKey string // e.g. "ABC"
	Component  string // one component, exact name; empty means all
	TokenType  string // "Bearer" or empty
}

// Annotation is one key and its string value.
type Annotation struct {
	Key   string
	Value string
}

// The annotation keys both Jira plugins read.
const (
	AnnotationProjectKey = "jira/project-key"
	AnnotationComponent  = "jira/component"
	AnnotationTokenType  = "jira/token-type"
)

// ErrInvalidAnnotation wraps every validation error of this file.
var ErrInvalidAnnotation = errors.New("invalid annotation")

// Backstage limits on annotation keys.
const (
	maxAnnotationName   = 63
	maxAnnotationPrefix = 253
)

// Pairs returns the annotations to write, in the order they are written.
func (a Annotations) Pairs() []Annotation {
	out := []Annotation{{AnnotationProjectKey, a.ProjectKey}}
	if a.Component != "" {
		out = append(out, Annotation{AnnotationComponent, a.Component})
	}
	if a.TokenType != "" {
		out = append(out, Annotation{AnnotationTokenType, a.TokenType})
	}
	return out
}

// Validate checks every value the way Backstage and the plugins read them.
func (a Annotations) Validate() error {
	if err := ValidateProjectKey(a.ProjectKey); err != nil {
		return err
	}
	if strings.TrimSpace(a.Component) != a.Component {
		return fmt.Errorf("%w: the component name has spaces around it; "+
			"component names must match exactly", ErrInvalidAnnotation)
	}
	if strings.ContainsFunc(a.Component, unicode.IsControl) {
		return fmt.Errorf("%w: the component name has a line break or control "+
			"character", ErrInvalidAnnotation)
	}
	if a.TokenType != "" && a.TokenType != "Bearer" {
		return fmt.Errorf("%w: the token type can only be Bearer, "+
			"or left out for Basic", ErrInvalidAnnotation)
	}
	return nil
}

// ValidateProjectKey checks a Jira project key: an upper-case letter, then
// upper-case letters, digits or underscores.
func ValidateProjectKey(k string) error {
	switch {
	case k == "":
		return fmt.Errorf("%w: the project key is missing, e.g. ABC", ErrInvalidAnnotation)
	case strings.ToUpper(k) != k && isProjectKey(strings.ToUpper(k)):
		return fmt.Errorf("%w: project keys are upper case: use %s",
			ErrInvalidAnnotation, strings.ToUpper(k))
	case !isProjectKey(k):
		return fmt.Errorf("%w: %q is not a project key: an upper-case letter "+
			"then letters, digits or _, e.g. ABC or OPS2", ErrInvalidAnnotation, k)
	}
	return nil
}

func isProjectKey(k string) bool {
	if len(k) < 2 || k[0] < 'A' || k[0] > 'Z' {
		return false
	}
	for _, r := range k[1:] {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') && r != '_' {
			return false
		}
	}
	return true
}

// NormalizeTokenType accepts "bearer" in any case and returns "Bearer",
// the spelling the plugin looks for; "" stays "".
func NormalizeTokenType(s string) (string, error) {
	switch {
	case s == "":
		return "", nil
	case strings.EqualFold(strings.TrimSpace(s), "bearer"):
		return "Bearer", nil
	}
	return "", fmt.Errorf("%w: the token type can only be Bearer, "+
		"or left out for Basic", ErrInvalidAnnotation)
}

// ValidateAnnotationKey checks a key by Backstage's rules: prefix/name, the
// prefix a DNS subdomain, the name up to 63 of [a-zA-Z0-9._-] starting and
// ending with a letter or digit.
func ValidateAnnotationKey(k string) error {
	prefix, name, ok := strings.Cut(k, "/")
	if !ok {
		prefix, name = "", k
	}
	if ok && (len(prefix) > maxAnnotationPrefix || validateSubdomain(prefix) != nil) {
		return fmt.Errorf("%w: the key prefix %q is not a DNS subdomain",
			ErrInvalidAnnotation, prefix)
	}
	if !isAnnotationName(name) {
		return fmt.Errorf("%w: the key name %q must be 1 to %d of a-z, A-Z, 0-9, "+
			". _ -, starting and ending with a letter or digit",
			ErrInvalidAnnotation, name, maxAnnotationName)
	}
	return nil
}

func validateSubdomain(s string) error {
	for _, l := range strings.Split(s, ".") {
		if !isDNSLabel(l) {
			return errors.New("not a DNS subdomain")
		}
	}
	return nil
}

func isAnnotationName(s string) bool {
	if s == "" || len(s) > maxAnnotationName {
		return false
	}
	alnum := func(b byte) bool {
		return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
	}
	if !alnum(s[0]) || !alnum(s[len(s)-1]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !alnum(s[i]) && !strings.ContainsRune("._-", rune(s[i])) {
			return false
		}
	}
	return true
}

// Lines returns the annotations as YAML mapping lines, each starting with
// indent and ending with "\n", exactly as they go under
// metadata.annotations.
func (a Annotations) Lines(indent string) string {
	var b strings.Builder
	for _, p := range a.Pairs() {
		b.WriteString(indent + p.Key + ": " + QuoteValue(p.Value) + "\n")
	}
	return b.String()
}

// YAML returns the annotations block as the guide shows it, from
// "metadata:" down, ready to paste into a catalog-info.yaml.
func (a Annotations) YAML() string {
	return "metadata:\n  annotations:\n" + a.Lines("    ")
}

// QuoteValue returns v as a YAML scalar that every YAML reader takes for the
// string v: plain when that is safe, else double-quoted.
func QuoteValue(v string) string { return quoteScalar(v, false, yaml.Style(0)) }

// quoteScalar renders v for a block (flow false) or flow context, keeping
// an existing quote style when there was one.
func quoteScalar(v string, flow bool, style yaml.Style) string {
	switch {
	case style&yaml.SingleQuotedStyle != 0 && !strings.ContainsFunc(v, unicode.IsControl):
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	case style&yaml.DoubleQuotedStyle != 0 || !plainSafe(v, flow):
		return strconv.Quote(v)
	}
	return v
}

// yaml11Words are read as booleans by YAML 1.1 readers; quote them.
var yaml11Words = map[string]bool{
	"y": true, "yes": true, "n": true, "no": true, "on": true, "off": true,
}

// plainSafe reports whether v can be written unquoted and read back as the
// same string, by a YAML 1.1 or 1.2 reader.
func plainSafe(v string, flow bool) bool {
	switch {
	case v == "" || strings.TrimSpace(v) != v || !utf8Printable(v):
		return false
	case strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(v[0])):
		return false
	case strings.Contains(v, ": ") || strings.Contains(v, " #") ||
		strings.HasSuffix(v, ":") || strings.Contains(v, "\t"):
		return false
	case flow && strings.ContainsAny(v, ",[]{}"):
		return false
	case yaml11Words[strings.ToLower(v)] || looksNumeric(v):
		return false
	}
	return resolvesToString(v)
}

func utf8Printable(v string) bool {
	return !strings.ContainsFunc(v, func(r rune) bool {
		return !unicode.IsPrint(r) || r == unicode.ReplacementChar
	})
}

// looksNumeric is deliberately broad: "1.0", "1_000", "0x1F", "+1", ".5".
func looksNumeric(v string) bool {
	s := strings.TrimLeft(v, "+-.")
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// resolvesToString asks the YAML parser what a plain v would be.
func resolvesToString(v string) bool {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("k: "+v+"\n"), &doc); err != nil {
		return false
	}
	if len(doc.Content) != 1 || len(doc.Content[0].Content) != 2 {
		return false
	}
	n := doc.Content[0].Content[1]
	return n.Kind == yaml.ScalarNode && n.Tag == "!!str" && n.Value == v
}
