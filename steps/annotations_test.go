package steps

import (
	"errors"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestAnnotations_YAML(t *testing.T) {
	tests := []struct {
		name string
		ann  Annotations
		want string
	}{
		{"project only", Annotations{ProjectKey: "ABC"},
			"metadata:\n  annotations:\n    jira/project-key: ABC\n"},
		{"everything", Annotations{ProjectKey: "OPS2", Component: "Payments API",
			TokenType: "Bearer"}, "metadata:\n  annotations:\n    jira/project-key: OPS2\n" +
			"    jira/component: Payments API\n    jira/token-type: Bearer\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.ann.YAML(); got != tt.want {
				t.Errorf("got:\n%s", got)
			}
		})
	}
}

func TestQuoteValue(t *testing.T) {
	tests := []struct {
		in     string
		quoted bool
	}{
		{"Payments API", false}, {"Core", false}, {"dir:.", false},
		{"true", true}, {"no", true}, {"Yes", true}, {"off", true}, {"null", true},
		{"~", true}, {"1.0", true}, {"42", true}, {"0x1F", true}, {".5", true},
		{"a: b", true}, {"a #b", true}, {"#tag", true}, {"", true}, {" x", true},
		{"- item", true}, {"*ref", true}, {"&anchor", true}, {"it's", false},
		{`say "hi"`, false}, {"{x}", true}, {"@team", true}, {"Über Team", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := QuoteValue(tt.in)
			if (got != tt.in) != tt.quoted {
				t.Errorf("QuoteValue(%q) = %s", tt.in, got)
			}
			var back map[string]any
			if err := yaml.Unmarshal([]byte("k: "+got+"\n"), &back); err != nil ||
				back["k"] != tt.in {
				t.Errorf("%s reads back as %#v (%v)", got, back["k"], err)
			}
		})
	}
}

func TestAnnotations_Validate(t *testing.T) {
	tests := []struct {
		name string
		ann  Annotations
		want string // a fragment of the error; "" means valid
	}{
		{"good", Annotations{ProjectKey: "ABC", Component: "x", TokenType: "Bearer"}, ""},
		{"underscore and digits", Annotations{ProjectKey: "A_1"}, ""},
		{"missing key", Annotations{}, "missing"},
		{"lower case", Annotations{ProjectKey: "abc"}, "upper case: use ABC"},
		{"digit first", Annotations{ProjectKey: "1AB"}, "not a project key"},
		{"one letter", Annotations{ProjectKey: "A"}, "not a project key"},
		{"dash", Annotations{ProjectKey: "AB-1"}, "not a project key"},
		{"component with spaces around", Annotations{ProjectKey: "AB", Component: " x"},
			"spaces around"},
		{"component with a newline", Annotations{ProjectKey: "AB", Component: "x\ny"},
			"line break"},
		{"token type basic", Annotations{ProjectKey: "AB", TokenType: "Basic"}, "Bearer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.ann.Validate()
			if tt.want == "" {
				if err != nil {
					t.Errorf("unexpected error %v", err)
				}
				return
			}
			if !errors.Is(err, ErrInvalidAnnotation) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestValidateAnnotationKey(t *testing.T) {
	tests := []struct {
		key string
		ok  bool
	}{
		{"jira/project-key", true}, {"jira/token-type", true}, {"backstage.io/techdocs-ref", true},
		{"name-only", true}, {"Jira/x", false}, {"jira/", false}, {"jira/-x", false},
		{"jira/" + strings.Repeat("a", 64), false}, {"jira/a b", false}, {"-bad.io/x", false},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			if err := ValidateAnnotationKey(tt.key); (err == nil) != tt.ok {
				t.Errorf("err = %v", err)
			}
		})
	}
	all := Annotations{ProjectKey: "A1", Component: "c", TokenType: "Bearer"}
	for _, a := range all.Pairs() {
		if err := ValidateAnnotationKey(a.Key); err != nil {
			t.Errorf("our own key %s is invalid: %v", a.Key, err)
		}
	}
}

func TestNormalizeTokenType(t *testing.T) {
	for in, want := range map[string]string{"": "", "bearer": "Bearer", " BEARER ": "Bearer"} {
		if got, err := NormalizeTokenType(in); got != want || err != nil {
			t.Errorf("%q -> %q, %v", in, got, err)
		}
	}
	if _, err := NormalizeTokenType("Basic"); !errors.Is(err, ErrInvalidAnnotation) {
		t.Errorf("Basic accepted")
	}
}
