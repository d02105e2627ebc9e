package steps

import (
	"errors"
	"testing"
)

// TestPatch_Cases pins the small shapes the golden files do not show.
func TestPatch_Cases(t *testing.T) {
	const head = "kind: Component\nmetadata:\n  name: a\n"
	tests := []struct {
		name string
		src  string
		ann  Annotations
		want string // "" means refused with ErrUnsupported
	}{
		{"explicit null annotations", head + "  annotations: ~\nspec: {}\n", annABC,
			head + "  annotations:\n    jira/project-key: ABC\nspec: {}\n"},
		{"empty jira value", head + "  annotations:\n    jira/project-key:\n    x: y\n", annABC,
			head + "  annotations:\n    jira/project-key: ABC\n    x: y\n"},
		{"missing key goes before a later jira key",
			head + "  annotations:\n    x: y\n    jira/token-type: Bearer\n    z: w\n",
			Annotations{ProjectKey: "ABC", TokenType: "Bearer"},
			head + "  annotations:\n    x: y\n    jira/project-key: ABC\n" +
				"    jira/token-type: Bearer\n    z: w\n"},
		{"missing key goes after an earlier jira key",
			head + "  annotations:\n    jira/project-key: ABC\n    z: w\n",
			Annotations{ProjectKey: "ABC", Component: "C"},
			head + "  annotations:\n    jira/project-key: ABC\n    jira/component: C\n" +
				"    z: w\n"},
		{"flow with a trailing comma", head + "  annotations: {x: y, }\n", annABC,
			head + "  annotations: {x: y, jira/project-key: ABC }\n"},
		{"empty flow mapping", head + "  annotations: {}\n", annABC,
			head + "  annotations: {jira/project-key: ABC}\n"},
		{"multi-line flow with a comment", head + "  annotations: {\n    x: y # note\n  }\n",
			annABC, head + "  annotations: {\n    x: y, jira/project-key: ABC # note\n  }\n"},
		{"flow value updated in place", head + "  annotations: {jira/project-key: OLD, x: y}\n",
			annABC, head + "  annotations: {jira/project-key: ABC, x: y}\n"},
		{"quoted key", head + "  annotations:\n    \"jira/project-key\": OLD\n", annABC,
			head + "  annotations:\n    \"jira/project-key\": ABC\n"},
		{"value on the next line", head + "  annotations:\n    jira/project-key:\n      OLD\n",
			annABC, head + "  annotations:\n    jira/project-key:\n      ABC\n"},
		{"single quotes kept with an apostrophe", head + "  annotations:\n" +
			"    jira/component: 'old'\n", Annotations{ProjectKey: "AB", Component: "it's"},
			head + "  annotations:\n    jira/project-key: AB\n    jira/component: 'it''s'\n"},
		{"non-string value is quoted", head + "  annotations:\n    jira/component: 1.0\n",
			Annotations{ProjectKey: "AB", Component: "1.0"},
			head + "  annotations:\n    jira/project-key: AB\n    jira/component: \"1.0\"\n"},
		{"last value a kept block scalar", head + "  description: |+\n    text\n\n",
			annABC, ""},
		{"last value a block scalar", head + "  description: |\n    text\n\n    more\n",
			annABC, head + "  description: |\n    text\n\n    more\n  annotations:\n" +
				"    jira/project-key: ABC\n"},
		{"anchored jira value", head + "  annotations:\n    jira/project-key: &k OLD\n",
			annABC, ""},
		{"CRLF without final newline", "kind: C\r\nmetadata:\r\n  name: a", annABC,
			"kind: C\r\nmetadata:\r\n  name: a\r\n  annotations:\r\n    jira/project-key: ABC"},
		{"metadata last before a document end", head + "...\n# trailer\n", annABC,
			head + "  annotations:\n    jira/project-key: ABC\n...\n# trailer\n"},
		{"bare carriage returns", "kind: C\rmetadata: {name: a}\r", annABC, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Patch([]byte(tt.src), "", tt.ann)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("patched, want a refusal:\n%s", out)
				}
				if !errors.Is(err, ErrUnsupported) {
					t.Errorf("err = %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", out, tt.want)
			}
			checkPatched(t, []byte(tt.src), out, "", tt.ann)
		})
	}
}
