package steps

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// cardsDecls stands in for React and the Backstage packages, so the
// generated code compiles without node_modules. The props are typed, so a
// wrong prop or argument fails as it would in a real app.
const cardsDecls = `declare namespace JSX {
  interface Element { readonly jsx: true }
  interface ElementChildrenAttribute { children: {} }
  interface IntrinsicElements {}
}
type Entity = { metadata: { name: string; annotations?: Record<string, string> } };
type EntityFilter = (entity: Entity) => boolean;

declare module '@material-ui/core' {
  export function Grid(props: {
    container?: boolean; item?: boolean; spacing?: number; alignItems?: string;
    xs?: number; md?: number; children?: unknown;
  }): JSX.Element;
}
declare module '@backstage/plugin-catalog' {
  export const EntitySwitch: {
    (props: { children?: unknown }): JSX.Element;
    Case: (props: { if?: EntityFilter; children?: unknown }) => JSX.Element;
  };
  export const EntityLayout: {
    (props: { children?: unknown }): JSX.Element;
    Route: (props: {
      path: string; title: string; if?: EntityFilter; children?: unknown;
    }) => JSX.Element;
  };
}
declare module '@roadiehq/backstage-plugin-jira' {
  export function EntityJiraOverviewCard(props: { hideIssueFilter?: boolean }): JSX.Element;
  export function isJiraAvailable(entity: Entity): boolean;
}
declare module '@axis-backstage/plugin-jira-dashboard' {
  export function EntityJiraDashboardContent(props: {}): JSX.Element;
  export function isJiraDashboardAvailable(entity: Entity, annotationPrefix?: string): boolean;
}
declare module '@axis-backstage/plugin-jira-dashboard-backend' {
  const feature: { readonly $$type: '@backstage/BackendFeature' };
  export default feature;
}
declare const backend: {
  add(feature: Promise<{ default: { readonly $$type: string } }>): void;
  start(): void;
};
`

// cardsTsc finds the TypeScript compiler: $JIRA_SETUP_TSC, then the one CI
// installs under .ci/node, then PATH. Without one the test skips, except
// under CI=true, where it fails.
func cardsTsc(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("JIRA_SETUP_TSC"); p != "" {
		return p
	}
	if root, ok := cardsModuleRoot(); ok {
		p := filepath.Join(root, ".ci", "node", "node_modules", ".bin", "tsc")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("tsc"); err == nil {
		return p
	}
	msg := "no TypeScript compiler: set JIRA_SETUP_TSC, or run " +
		"npm install --prefix .ci/node typescript@5.9.3"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// cardsModuleRoot is the directory holding go.mod, above the test's.
func cardsModuleRoot() (string, bool) {
	dir, err := os.Getwd()
	for err == nil {
		if _, statErr := os.Stat(filepath.Join(dir, "go.mod")); statErr == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return "", false
}

// cardsCompile type-checks one generated file with tsc, strictly, and
// returns the compiler's complaints (nil when it compiles).
func cardsCompile(t *testing.T, tsc, name, code string) error {
	t.Helper()
	dir := t.TempDir()
	for file, text := range map[string]string{"decls.d.ts": cardsDecls, name: code} {
		if err := os.WriteFile(filepath.Join(dir, file), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, tsc, "--noEmit", "--strict", "--jsx", "preserve",
		"--noUnusedLocals", "--target", "es2020", "--lib", "es2020", "--module", "esnext",
		"--moduleResolution", "bundler", "--pretty", "false",
		"decls.d.ts", name)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		if _, isExit := err.(*exec.ExitError); !isExit {
			t.Fatalf("cannot run %s: %v", tsc, err)
		}
		return &cardsTscError{strings.TrimSpace(out.String())}
	}
	return nil
}

type cardsTscError struct{ output string }

func (e *cardsTscError) Error() string { return "tsc: " + e.output }

func TestEntityPage_CompilesWithTypeScript(t *testing.T) {
	tsc := cardsTsc(t)
	for _, c := range cardsChoices {
		t.Run("entity page with "+c.String(), func(t *testing.T) {
			t.Parallel()
			if err := cardsCompile(t, tsc, "EntityPage.tsx", EntityPage(c)); err != nil {
				t.Errorf("%v\n--- code:\n%s", err, EntityPage(c))
			}
		})
		t.Run("backend with "+c.String(), func(t *testing.T) {
			t.Parallel()
			if err := cardsCompile(t, tsc, "index.ts", Backend(c)); err != nil {
				t.Errorf("%v\n--- code:\n%s", err, Backend(c))
			}
		})
	}
}

// The harness must catch what a user's build would: a broken tag, a wrong
// argument, an unused import, a misspelled component.
func TestEntityPage_HarnessCatchesBrokenCode(t *testing.T) {
	tsc := cardsTsc(t)
	good := EntityPage(AllCards)
	tests := []struct {
		name, old, new string
	}{
		{"a missing closing tag", "</EntitySwitch.Case>", ""},
		{"a syntax error", "if={entity =>", "if={entity =>>"},
		{"a number for the annotation prefix", "(entity, 'jira')", "(entity, 42)"},
		{"a misspelled component", "<EntityJiraOverviewCard />", "<EntityJiraOverview />"},
		{"an unused import", "import {\n  EntityJiraDashboardContent",
			"import { Grid as Unused } from '@material-ui/core';\nimport {\n" +
				"  EntityJiraDashboardContent"},
		{"an unknown prop", `path="/jira-dashboard"`, `pathname="/jira-dashboard"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			broken := strings.Replace(good, tt.old, tt.new, 1)
			if broken == good {
				t.Fatalf("the code has no %q to break", tt.old)
			}
			err := cardsCompile(t, tsc, "EntityPage.tsx", broken)
			if err == nil {
				t.Fatalf("tsc accepted code with %s", tt.name)
			}
			// The complaint must be about the code, not the harness.
			if !strings.Contains(err.Error(), "EntityPage.tsx(") {
				t.Errorf("tsc failed, but not on the code: %v", err)
			}
		})
	}
}
