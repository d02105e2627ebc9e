package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/roadie-tools/jira-setup/jira"
	"github.com/roadie-tools/jira-setup/steps"
)

// pickerRows is how many matches a picker shows at once.
const pickerRows = 5

// annotationsScreen picks the project and component, shows the jira/*
// annotations, and can write them into a catalog file.
type annotationsScreen struct{}

func (annotationsScreen) name() string         { return "4 Annotations" }
func (annotationsScreen) title(*Wizard) string { return "Step 4 · Annotate your components" }

func (annotationsScreen) fields(w *Wizard) []*field {
	f := w.form
	out := []*field{f.project, f.component, f.bearer, f.catalog}
	if w.entity != nil && strings.TrimSpace(f.catalog.Value()) != "" {
		out = append(out, w.entity)
	}
	return out
}

func (annotationsScreen) bindings(w *Wizard) []key.Binding {
	b := []key.Binding{helpOnly("↑/↓", "pick"), withHelp(w.keys.Copy, "copy block")}
	if w.catalogPlan() != nil {
		b = append(b, w.keys.Apply)
	}
	return b
}

func (s annotationsScreen) view(w *Wizard, width int) string {
	f := w.form
	blocks := []string{
		w.para(width, "Each component that should show Jira gets these lines in its",
			"catalog-info.yaml:") + "\n" + w.annotationsBlock(width),
		w.fieldView(f.project, width) + w.pickerView(f.project, width),
		w.fieldView(f.component, width) + w.pickerView(f.component, width),
		w.fieldView(f.bearer, width) + "\n" + w.bearerNote(width),
		w.fieldView(f.catalog, width) + "\n" + w.catalogView(width),
	}
	if w.entity != nil && strings.TrimSpace(f.catalog.Value()) != "" {
		blocks = append(blocks, w.fieldView(w.entity, width))
	}
	return join(blocks...)
}

func (annotationsScreen) validate(w *Wizard) (string, *field) {
	key := strings.TrimSpace(w.form.project.Value())
	if key == "" {
		return "choose the Jira project the cards should show", w.form.project
	}
	if err := w.annotations().Validate(); err != nil {
		return err.Error(), w.form.project
	}
	if r := w.panel.result(jira.CheckProject); r.Status == jira.StatusFail {
		return r.Summary, w.form.project
	}
	return "", nil
}

func (annotationsScreen) action(w *Wizard, k tea.KeyPressMsg) (bool, tea.Cmd) {
	f := w.focused()
	picking := f == w.form.project || f == w.form.component
	switch {
	case picking && keyIs(k, w.keys.Up):
		w.pickIdx, w.picking = max(w.pickIdx-1, 0), true
		return true, nil
	case picking && keyIs(k, w.keys.Down):
		n := len(w.matches(f))
		w.pickIdx, w.picking = min(w.pickIdx+1, max(n-1, 0)), true
		if f == w.form.project && w.pickIdx >= n-2 {
			return true, w.loadMoreProjects()
		}
		return true, nil
	case picking && keyIs(k, w.keys.Select) && w.wantsPick(f):
		return w.acceptPick(f)
	case keyIs(k, w.keys.Copy):
		return true, w.copy(w.annotations().YAML(), "annotations")
	case keyIs(k, w.keys.Apply) && w.catalogPlan() != nil:
		w.mode = modeConfirmApply
		return true, nil
	}
	return false, nil
}

// annotations are the jira/* annotations for the current choices.
func (w *Wizard) annotations() steps.Annotations {
	a := steps.Annotations{
		ProjectKey: strings.TrimSpace(w.form.project.Value()),
		Component:  strings.TrimSpace(w.form.component.Value()),
	}
	if w.form.bearer.on {
		a.TokenType = "Bearer"
	}
	return a
}

// matches are the picker entries that fit what was typed in f.
func (w *Wizard) matches(f *field) []string {
	typed := strings.ToLower(strings.TrimSpace(f.Value()))
	var out []string
	if f == w.form.project {
		for _, p := range w.data.projects {
			entry := p.Key + "  " + p.Name
			if typed == "" || strings.Contains(strings.ToLower(entry), typed) {
				out = append(out, entry)
			}
		}
		return out
	}
	for _, c := range w.data.components {
		if typed == "" || strings.Contains(strings.ToLower(c.Name), typed) {
			out = append(out, c.Name)
		}
	}
	return out
}

// wantsPick reports whether enter should take the highlighted match: when
// the admin typed or moved in the list, or the project is still empty. An
// empty component stays empty: it means every component.
func (w *Wizard) wantsPick(f *field) bool {
	return w.picking || strings.TrimSpace(f.Value()) != "" || f == w.form.project
}

// acceptPick fills f from the highlighted match. When the field already
// holds exactly that value, Enter moves on as usual.
func (w *Wizard) acceptPick(f *field) (bool, tea.Cmd) {
	m := w.matches(f)
	if len(m) == 0 {
		return false, nil
	}
	choice := m[min(w.pickIdx, len(m)-1)]
	if f == w.form.project {
		choice, _, _ = strings.Cut(choice, "  ")
	}
	if choice == f.Value() {
		return false, nil
	}
	f.SetValue(choice)
	w.pickIdx, w.picking = 0, false
	return true, w.inputChanged()
}

// pickerView lists the matches under a focused picker field.
func (w *Wizard) pickerView(f *field, width int) string {
	if w.focused() != f {
		return ""
	}
	if f == w.form.project && w.data.projectsErr != nil {
		return "\n" + w.hint(width, "could not list projects; type the key instead")
	}
	m := w.matches(f)
	if len(m) == 0 {
		if !w.passed(jira.CheckAuth) {
			return "\n" + w.hint(width, "the list appears once the credentials work")
		}
		return "\n" + w.hint(width, "no match")
	}
	sel := min(w.pickIdx, len(m)-1)
	start := max(0, min(sel-pickerRows/2, len(m)-pickerRows))
	lines := []string{}
	for i := start; i < min(start+pickerRows, len(m)); i++ {
		row := "    " + truncate(m[i], width-4)
		if i == sel {
			row = w.styles.FieldFocused.Render("  ▸ " + truncate(m[i], width-4))
		}
		lines = append(lines, row)
	}
	total := fmt.Sprint(len(m))
	if f == w.form.project && !w.data.projectsPage.IsLast {
		total = fmt.Sprintf("%d+ (↓ reads more)", len(m))
	}
	more := fmt.Sprintf("    %d of %s · ↑/↓ choose · enter take", sel+1, total)
	return "\n" + strings.Join(lines, "\n") + "\n" + w.styles.Muted.Render(truncate(more, width))
}

// bearerNote says what the token-type annotation changes.
func (w *Wizard) bearerNote(width int) string {
	cred, _ := w.form.credential(w.deployment())
	text := "Only the activity stream reads it: with Bearer, the plugin stops " +
		"forcing Basic sign-in on /activity."
	if cred.Realm == jira.RealmBearer && !w.form.bearer.on {
		return w.noteLine(width, "your token is a PAT sent as Bearer: turn this on, "+
			"or the activity stream answers 401")
	}
	return w.hint(width, text)
}

// annotationsBlock shows the YAML to add.
func (w *Wizard) annotationsBlock(width int) string {
	a := w.annotations()
	if a.ProjectKey == "" {
		return w.hint(width, "(choose a project below to see them)")
	}
	if err := a.Validate(); err != nil {
		return w.problemLine(width, err.Error())
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimRight(a.YAML(), "\n"), "\n") {
		lines = append(lines, "  "+w.styles.Code.Render(l))
	}
	return strings.Join(lines, "\n")
}
