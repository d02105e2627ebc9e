package steps

// Showing and writing a planned patch: a unified diff, and an atomic write
// that refuses to overwrite a file someone else changed meanwhile.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"
)

// Diff returns the patch as a unified diff labelled a/<path> and b/<path>,
// or "" when the file is up to date.
func (p *Plan) Diff() string {
	name := strings.TrimPrefix(filepath.ToSlash(p.Path), "/")
	if name == "" {
		name = "catalog-info.yaml"
	}
	return udiff.Unified("a/"+name, "b/"+name, string(p.Before), string(p.After))
}

// WriteAtomic replaces the file at path with out. It refuses with
// ErrChangedOnDisk when the file no longer holds original, writes a
// temporary file in the same directory, syncs it, gives it the original's
// mode and renames it over the original, so a reader sees either the old
// or the new content. A symbolic link is followed, not replaced.
func WriteAtomic(path string, original, out []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("write catalog file: %w", err)
	}
	info, err := os.Stat(target)
	if err != nil {
		return fmt.Errorf("write catalog file: %w", err)
	}
	current, err := os.ReadFile(target)
	if err != nil {
		return fmt.Errorf("write catalog file: %w", err)
	}
	if !bytes.Equal(current, original) {
		return fmt.Errorf("%w: %s; run again to patch the new content",
			ErrChangedOnDisk, path)
	}
	return replaceFile(target, out, info.Mode().Perm())
}

// replaceFile writes data to a temporary file beside path and renames it
// over path.
func replaceFile(path string, data []byte, mode os.FileMode) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("write catalog file: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()

	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("write catalog file: %w", err)
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("write catalog file: %w", err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write catalog file: %w", err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write catalog file: %w", err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write catalog file: %w", err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable where the system allows it; failing to
// is not an error the user can act on.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
