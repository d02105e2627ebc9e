package steps

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeTemp(t *testing.T, content string, mode os.FileMode) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "catalog-info.yaml")
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	return path
}

const planCatalog = "kind: Component\nmetadata:\n  name: a\nspec: {}\n"

func TestPlan_ApplyKeepsModeAndRefusesChangedFile(t *testing.T) {
	path := writeTemp(t, planCatalog, 0o600)
	plan, err := ReadPlan(path, "", annABC)
	if err != nil {
		t.Fatal(err)
	}
	if plan.UpToDate() || len(plan.Changes) != 1 || plan.Changes[0].String() !=
		"jira/project-key: ABC (added)" {
		t.Fatalf("changes = %v", plan.Changes)
	}
	if d := plan.Diff(); !strings.Contains(d, "+  annotations:\n+    jira/project-key: ABC\n") ||
		!strings.Contains(d, "--- a/") {
		t.Errorf("diff:\n%s", d)
	}

	edited := planCatalog + "# edited meanwhile\n"
	if err := os.WriteFile(path, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := plan.Apply(); !errors.Is(err, ErrChangedOnDisk) {
		t.Fatalf("err = %v, want ErrChangedOnDisk", err)
	}
	if b, _ := os.ReadFile(path); string(b) != edited {
		t.Errorf("the changed file was overwritten")
	}

	plan, err = ReadPlan(path, "", annABC)
	if err != nil {
		t.Fatal(err)
	}
	if err := plan.Apply(); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v", info.Mode())
	}
	again, err := ReadPlan(path, "", annABC)
	if err != nil || !again.UpToDate() || again.Diff() != "" {
		t.Errorf("second plan is not up to date: %v", err)
	}
}

func TestWriteAtomic_FollowsSymlink(t *testing.T) {
	path := writeTemp(t, planCatalog, 0o644)
	link := filepath.Join(t.TempDir(), "link.yaml")
	if err := os.Symlink(path, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := WriteAtomic(link, []byte(planCatalog), []byte("kind: B\n")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file")
	}
	if b, _ := os.ReadFile(path); string(b) != "kind: B\n" {
		t.Errorf("target not written")
	}
}

func TestWriteAtomic_MissingFile(t *testing.T) {
	err := WriteAtomic(filepath.Join(t.TempDir(), "nope.yaml"), nil, []byte("x"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v", err)
	}
}
