package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/roadie-tools/jira-setup/steps"
)

// annotateFlags are annotate's own flags, beside the shared inputs.
type annotateFlags struct {
	file   string
	entity string
	write  bool
}

// annotateBeforeWrite runs between planning and writing; tests use it to
// change the file in that window.
var annotateBeforeWrite = func(string) {}

// runAnnotate prints the jira/* annotations block; with --file it shows the
// patch of that catalog file as a unified diff, and with --write applies it.
func runAnnotate(ctx context.Context, args []string, io cliIO) int {
	_ = ctx
	var in inputs
	var f annotateFlags
	fset := newFlagSet("annotate", "--project-key K [--component C] [--token-type Bearer] "+
		"[--file F] [--entity NAME] [--write]", io.Stderr)
	in.bind(fset)
	fset.StringVar(&f.file, "file", "", "catalog-info.yaml to patch (prints a diff)")
	fset.StringVar(&f.entity, "entity", "",
		"entity to patch: name, kind:name or kind:namespace/name")
	fset.BoolVar(&f.write, "write", false, "apply the patch to --file")
	if err := fset.Parse(args); err != nil {
		return flagExit(err)
	}

	ann, err := annotateInput(in, f, fset.Args())
	if err != nil {
		fmt.Fprintf(io.Stderr, "jira-setup annotate: %v\n", err)
		return exitBadArgs
	}
	if f.file == "" {
		fmt.Fprint(io.Stdout, ann.YAML())
		return exitOK
	}
	return annotateFile(io, f, ann)
}

// annotateInput reads the annotations from the flags and checks them.
func annotateInput(in inputs, f annotateFlags, rest []string) (steps.Annotations, error) {
	if len(rest) > 0 {
		return steps.Annotations{}, fmt.Errorf("unexpected argument %q: "+
			"the catalog file goes in --file", rest[0])
	}
	if f.write && f.file == "" {
		return steps.Annotations{}, errors.New("--write needs --file catalog-info.yaml")
	}
	key := strings.TrimSpace(in.ProjectKey)
	if key == "" {
		return steps.Annotations{}, errors.New("--project-key is required, e.g. --project-key ABC")
	}
	tokenType, err := steps.NormalizeTokenType(in.TokenType)
	if err != nil {
		return steps.Annotations{}, err
	}
	ann := steps.Annotations{ProjectKey: key, Component: in.Component, TokenType: tokenType}
	return ann, ann.Validate()
}

// annotateFile plans the patch of the catalog file, then shows or applies it.
func annotateFile(io cliIO, f annotateFlags, ann steps.Annotations) int {
	plan, err := steps.ReadPlan(f.file, f.entity, ann)
	if err != nil {
		fmt.Fprintf(io.Stderr, "jira-setup annotate: %v%s\n", err, annotateHint(err))
		return annotateExit(err)
	}
	where := fmt.Sprintf("%s (%s)", f.file, plan.Entity.Ref())
	if plan.UpToDate() {
		fmt.Fprintf(io.Stderr, "%s: already up to date\n", where)
		return exitOK
	}
	if !f.write {
		fmt.Fprint(io.Stdout, plan.Diff())
		return exitOK
	}

	annotateBeforeWrite(f.file)
	if err := plan.Apply(); err != nil {
		fmt.Fprintf(io.Stderr, "jira-setup annotate: %v\n", err)
		return exitFailed
	}
	var keys []string
	for _, c := range plan.Changes {
		keys = append(keys, c.String())
	}
	fmt.Fprintf(io.Stderr, "wrote %s:\n  %s\n", where, strings.Join(keys, "\n  "))
	return exitOK
}

// annotateHint adds what to do for the errors a flag can fix.
func annotateHint(err error) string {
	switch {
	case errors.Is(err, steps.ErrAmbiguousEntity):
		return " (use --entity)"
	case errors.Is(err, steps.ErrEntityNotFound):
		return " (check --entity)"
	case errors.Is(err, fs.ErrNotExist):
		return " (check --file)"
	}
	return ""
}

// annotateExit maps a planning error: input the user can fix is exit 2.
func annotateExit(err error) int {
	for _, bad := range []error{
		fs.ErrNotExist, steps.ErrInvalidYAML, steps.ErrNotMapping, steps.ErrNoEntity,
		steps.ErrNoMetadata, steps.ErrEntityNotFound, steps.ErrAmbiguousEntity,
		steps.ErrInvalidAnnotation,
	} {
		if errors.Is(err, bad) {
			return exitBadArgs
		}
	}
	return exitFailed
}
