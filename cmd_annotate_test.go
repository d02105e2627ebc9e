package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// annotateRun runs the annotate command and captures its output.
func annotateRun(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	cio := cliIO{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv: func(string) string { return "" },
	}
	code = runAnnotate(context.Background(), args, cio)
	return code, out.String(), errb.String()
}

const annotateCatalog = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments # the service
  annotations:
    github.com/project-slug: acme/payments
spec:
  type: service
`

// writeCatalog writes content to a catalog file with mode 0640.
func writeCatalog(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "catalog-info.yaml")
	if err := os.WriteFile(path, []byte(content), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAnnotate_Command(t *testing.T) {
	path := writeCatalog(t, annotateCatalog)
	twoDocs := writeCatalog(t, annotateCatalog+"---\nkind: API\nmetadata: {name: pay-api}\n")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // a fragment
		stderr string // a fragment
	}{
		{"block only", []string{"--project-key", "ABC", "--component", "yes"}, exitOK,
			"    jira/project-key: ABC\n    jira/component: \"yes\"\n", ""},
		{"token type any case", []string{"--project-key", "ABC", "--token-type", "bearer"},
			exitOK, "jira/token-type: Bearer\n", ""},
		{"no project key", nil, exitBadArgs, "", "--project-key is required"},
		{"lower-case key", []string{"--project-key", "abc"}, exitBadArgs, "", "use ABC"},
		{"bad token type", []string{"--project-key", "ABC", "--token-type", "Basic"},
			exitBadArgs, "", "only be Bearer"},
		{"write without file", []string{"--project-key", "ABC", "--write"}, exitBadArgs, "",
			"--write needs --file"},
		{"stray argument", []string{"--project-key", "ABC", "catalog-info.yaml"}, exitBadArgs,
			"", "--file"},
		{"diff", []string{"--project-key", "ABC", "--file", path}, exitOK,
			"+    jira/project-key: ABC\n", ""},
		{"missing file", []string{"--project-key", "ABC", "--file", path + ".nope"},
			exitBadArgs, "", "check --file"},
		{"several entities", []string{"--project-key", "ABC", "--file", twoDocs},
			exitBadArgs, "", "Component:default/payments, API:default/pay-api"},
		{"chosen entity", []string{"--project-key", "ABC", "--file", twoDocs,
			"--entity", "api:pay-api"}, exitOK, "annotations: {jira/project-key: ABC}", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := annotateRun(tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) {
				t.Errorf("stdout = %q, want it to contain %q", stdout, tt.stdout)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr = %q, want it to mention %q", stderr, tt.stderr)
			}
		})
	}
	if b, _ := os.ReadFile(path); string(b) != annotateCatalog {
		t.Errorf("a diff-only run changed the file")
	}
}

func TestAnnotate_WriteKeepsModeAndIsIdempotent(t *testing.T) {
	path := writeCatalog(t, annotateCatalog)
	args := []string{"--project-key", "ABC", "--component", "Core", "--file", path, "--write"}

	code, stdout, stderr := annotateRun(args...)
	if code != exitOK || stdout != "" ||
		!strings.Contains(stderr, "jira/component: Core (added)") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o640 {
		t.Fatalf("mode after write: %v, %v", info.Mode(), err)
	}
	first, _ := os.ReadFile(path)
	if !strings.Contains(string(first), "  name: payments # the service\n") ||
		!strings.Contains(string(first), "    jira/component: Core\n") {
		t.Errorf("unexpected content:\n%s", first)
	}

	code, _, stderr = annotateRun(args...)
	second, _ := os.ReadFile(path)
	if code != exitOK || !strings.Contains(stderr, "already up to date") ||
		!bytes.Equal(first, second) {
		t.Errorf("second write: exit %d, stderr %q", code, stderr)
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.tmp"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestAnnotate_InvalidFileIsLeftAlone(t *testing.T) {
	bad := "kind: Component\nmetadata:\n  name: x\n   oops: [\n"
	path := writeCatalog(t, bad)
	code, _, stderr := annotateRun("--project-key", "ABC", "--file", path, "--write")
	if code != exitBadArgs || !strings.Contains(stderr, "not valid YAML") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(path); string(b) != bad {
		t.Errorf("the invalid file was changed")
	}
}

func TestAnnotate_RefusesFileChangedBeforeWrite(t *testing.T) {
	path := writeCatalog(t, annotateCatalog)
	edited := annotateCatalog + "# someone else was here\n"
	annotateBeforeWrite = func(p string) {
		if err := os.WriteFile(p, []byte(edited), 0o640); err != nil {
			t.Error(err)
		}
	}
	t.Cleanup(func() { annotateBeforeWrite = func(string) {} })

	code, _, stderr := annotateRun("--project-key", "ABC", "--file", path, "--write")
	if code != exitFailed || !strings.Contains(stderr, "changed since it was read") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(path); string(b) != edited {
		t.Errorf("the other writer's change was overwritten")
	}
}
