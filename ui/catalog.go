package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/roadie-tools/jira-setup/steps"
)

// catalogState is the pending change to the admin's catalog-info.yaml.
type catalogState struct {
	key      string // path, entity and annotations the plan was made for
	plan     *steps.Plan
	err      error
	entities []steps.Entity // set when the file holds several entities
}

// catalogMsg carries a plan worked out off the UI goroutine.
type catalogMsg struct {
	key      string
	plan     *steps.Plan
	err      error
	entities []steps.Entity
}

// diffRows is how many diff lines the annotations screen shows.
const diffRows = 14

// planCatalog reads the catalog file and plans the patch, when the path,
// the entity or the annotations changed since the last plan.
func (w *Wizard) planCatalog() tea.Cmd {
	path := strings.TrimSpace(w.form.catalog.Value())
	ann := w.annotations()
	entity := ""
	if w.entity != nil {
		entity = w.entity.Value()
	}
	key := path + "\x00" + entity + "\x00" + ann.YAML()
	if path == "" || ann.Validate() != nil {
		w.catalog = catalogState{key: key}
		return nil
	}
	if key == w.catalog.key {
		return nil
	}
	w.catalog.key = key
	return func() tea.Msg {
		plan, err := steps.ReadPlan(expandHome(path), entity, ann)
		msg := catalogMsg{key: key, plan: plan, err: err}
		var amb *steps.AmbiguousEntityError
		if errors.As(err, &amb) {
			msg.entities = amb.Entities
		}
		return msg
	}
}

// takeCatalog records a plan if it is still the one wanted.
func (w *Wizard) takeCatalog(msg catalogMsg) {
	if msg.key != w.catalog.key {
		return
	}
	w.catalog = catalogState(msg)
	if len(msg.entities) > 0 && w.entity == nil {
		names := make([]string, len(msg.entities))
		for i, e := range msg.entities {
			names[i] = e.Ref()
		}
		w.entity = newChoiceField("Entity to annotate (space to choose)", names...)
	}
}

// catalogPlan is the pending change, or nil when there is none to write.
func (w *Wizard) catalogPlan() *steps.Plan {
	if p := w.catalog.plan; p != nil && !p.UpToDate() {
		return p
	}
	return nil
}

// catalogView shows the diff of the pending change, or why there is none.
func (w *Wizard) catalogView(width int) string {
	c := w.catalog
	switch {
	case strings.TrimSpace(w.form.catalog.Value()) == "":
		return w.hint(width, "Give a path to see the change and write it for you.")
	case c.err != nil && len(c.entities) > 0:
		return w.noteLine(width, "the file holds several entities: choose one below")
	case c.err != nil:
		return w.problemLine(width, c.err.Error())
	case c.plan == nil:
		return ""
	case c.plan.UpToDate():
		return w.okLine(width, c.plan.Entity.Ref()+" already has these annotations")
	}
	head := w.styles.Strong.Render(fmt.Sprintf("Change to %s (%s to write it)",
		c.plan.Entity.Ref(), w.keys.Apply.Help().Key))
	return head + "\n" + w.diffView(c.plan.Diff(), width)
}

// diffView colours a unified diff.
func (w *Wizard) diffView(diff string, width int) string {
	lines := strings.Split(strings.TrimRight(diff, "\n"), "\n")
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		l = truncate(l, width)
		switch {
		case strings.HasPrefix(l, "+++"), strings.HasPrefix(l, "---"):
			out = append(out, w.styles.Muted.Render(l))
		case strings.HasPrefix(l, "+"):
			out = append(out, w.styles.DiffAdd.Render(l))
		case strings.HasPrefix(l, "-"):
			out = append(out, w.styles.DiffRemove.Render(l))
		case strings.HasPrefix(l, "@@"):
			out = append(out, w.styles.DiffHunk.Render(l))
		default:
			out = append(out, w.styles.Text.Render(l))
		}
	}
	return strings.Join(fitLines(out, diffRows), "\n")
}

// applyPrompt asks before writing the catalog file.
func (w *Wizard) applyPrompt(width int) string {
	p := w.catalogPlan()
	if p == nil {
		return ""
	}
	var changes []string
	for _, c := range p.Changes {
		changes = append(changes, "  "+c.String())
	}
	return join(
		w.para(width, "Write these annotations into", p.Path, "for", p.Entity.Ref()+"?"),
		strings.Join(changes, "\n"),
		w.muted(width, "Comments, order and every other line stay as they are. The",
			"write is refused if the file changed since it was read."),
		w.styles.Strong.Render("y writes · n goes back"),
	)
}

func (w *Wizard) confirmApply(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case keyIs(k, w.keys.Yes):
		w.mode = modeNormal
		p := w.catalogPlan()
		if p == nil {
			return nil
		}
		if err := p.Apply(); err != nil {
			w.notice = "not written: " + err.Error()
			return nil
		}
		w.applied, w.dirty = true, false
		w.wrote(p.Path)
		w.notice = fmt.Sprintf("wrote %d annotation(s) to %s", len(p.Changes), p.Path)
		w.catalog.key = "" // read the file again
		return w.planCatalog()
	case keyIs(k, w.keys.No):
		w.mode = modeNormal
	}
	return nil
}

// expandHome turns a leading ~/ into the home directory.
func expandHome(path string) string {
	if rest, ok := strings.CutPrefix(path, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return path
}

// wrote remembers a written file once, for the line after the run.
func (w *Wizard) wrote(path string) {
	for _, p := range w.written {
		if p == path {
			return
		}
	}
	w.written = append(w.written, path)
}
