package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/roadie-tools/jira-setup/jira"
	"github.com/roadie-tools/jira-setup/steps"
)

// summaryFile is the name of the saved summary.
const summaryFile = "jira-setup-summary.md"

// summaryScreen says what is done, what is left, and every warning.
type summaryScreen struct{}

func (summaryScreen) name() string         { return "Summary" }
func (summaryScreen) title(*Wizard) string { return "Summary" }

func (summaryScreen) fields(w *Wizard) []*field { return []*field{w.form.withToken} }

func (summaryScreen) bindings(w *Wizard) []key.Binding {
	return []key.Binding{w.keys.Save, withHelp(w.keys.Next, "finish")}
}

func (summaryScreen) validate(*Wizard) (string, *field) { return "", nil }

func (summaryScreen) action(w *Wizard, k tea.KeyPressMsg) (bool, tea.Cmd) {
	if keyIs(k, w.keys.Save) {
		w.saveSummary()
		return true, nil
	}
	return false, nil
}

func (s summaryScreen) view(w *Wizard, width int) string {
	var done, left, warns []string
	for _, item := range w.summaryItems() {
		switch {
		case item.done:
			done = append(done, w.okLine(width, item.text))
		default:
			left = append(left, w.styles.Text.Render(wrap("□ "+item.text, width)))
		}
	}
	for _, r := range w.panel.failing() {
		line := fmt.Sprintf("%s: %s", r.ID, r.Summary)
		if r.Hint != "" {
			line += " · fix: " + r.Hint
		}
		if r.Status == jira.StatusFail {
			warns = append(warns, w.problemLine(width, line))
		} else {
			warns = append(warns, w.noteLine(width, line))
		}
	}
	blocks := []string{
		w.styles.Strong.Render("Done") + "\n" + strings.Join(done, "\n"),
	}
	if len(left) > 0 {
		blocks = append(blocks, w.styles.Strong.Render("Left to do")+"\n"+strings.Join(left, "\n"))
	}
	if len(warns) > 0 {
		blocks = append(blocks, w.styles.Strong.Render("Check findings")+"\n"+strings.Join(warns, "\n"))
	} else {
		blocks = append(blocks, w.okLine(width, "every check passed"))
	}
	blocks = append(blocks, w.fieldView(w.form.withToken, width),
		w.muted(width, w.keys.Save.Help().Key, "saves", summaryFile,
			"(no token unless you ask); enter finishes."))
	return join(blocks...)
}

// summaryItem is one line of the summary's to-do list.
type summaryItem struct {
	text string
	done bool
}

func (w *Wizard) summaryItems() []summaryItem {
	ok := func(id jira.CheckID) bool { return w.passed(id) }
	items := []summaryItem{
		{"token created and accepted by Jira", ok(jira.CheckAuth)},
		{"Jira reachable at " + w.siteURL(), ok(jira.CheckReach)},
		{"project " + w.annotations().ProjectKey + " readable", ok(jira.CheckProject)},
		{"overview search works", ok(jira.CheckSearch)},
	}
	if w.form.roadie() {
		items = append(items, summaryItem{"paste the values of step 3 on Roadie's Jira page", false})
	} else {
		items = append(items, summaryItem{"set JIRA_TOKEN and add the config of step 5", false})
	}
	items = append(items, summaryItem{"annotations in catalog-info.yaml", w.applied})
	items = append(items, summaryItem{"place the cards as step 5 shows", false})
	return items
}

// saveSummary writes the summary file: without the token unless asked,
// and then readable by the owner only.
func (w *Wizard) saveSummary() {
	dir := w.opts.SaveDir
	if dir == "" {
		dir = "."
	}
	path := filepath.Join(dir, summaryFile)
	mode := os.FileMode(0o644)
	text := w.summaryText()
	if w.form.withToken.on {
		mode = 0o600
		cred, _ := w.form.credential(w.deployment())
		text += "\nJIRA_API_TOKEN: " + cred.Secret + "\n"
	}
	if err := writeFileAtomic(path, []byte(text), mode); err != nil {
		w.notice = "could not save: " + err.Error()
		return
	}
	w.dirty = false
	w.wrote(path)
	w.notice = "saved " + path
}

// summaryText is the saved summary, without any secret.
func (w *Wizard) summaryText() string {
	var b strings.Builder
	b.WriteString("# Jira setup summary\n\n")
	fmt.Fprintf(&b, "- Jira site: %s (%s)\n", w.siteURL(), w.report.Deployment)
	fmt.Fprintf(&b, "- Target: %s\n", w.target())
	fmt.Fprintf(&b, "- Cards: %s\n\n", w.snippetInput().Cards)
	w.writeWhereValuesGo(&b)
	fmt.Fprintf(&b, "## Annotations\n\n```yaml\n%s```\n\n## Checks\n\n", w.annotations().YAML())
	for _, id := range jira.CheckIDs {
		r := w.panel.result(id)
		fmt.Fprintf(&b, "- %s: %s (%s) %s\n", id, r.Status, r.Code, r.Summary)
		if r.Hint != "" {
			fmt.Fprintf(&b, "  fix: %s\n", r.Hint)
		}
	}
	b.WriteString("\n## To do\n\n")
	for _, it := range w.summaryItems() {
		mark := "[ ]"
		if it.done {
			mark = "[x]"
		}
		fmt.Fprintf(&b, "- %s %s\n", mark, it.text)
	}
	return b.String()
}

// writeWhereValuesGo says where each value goes: Roadie's settings page,
// or the commands that print the self-hosted config. The token itself is
// named, never written, here.
func (w *Wizard) writeWhereValuesGo(b *strings.Builder) {
	b.WriteString("## Where the values go\n\n")
	if w.form.roadie() {
		page, _ := steps.RoadieAdminURL(w.form.tenant.Value())
		fmt.Fprintf(b, "On %s:\n\n", page)
		for _, v := range w.pasteValues() {
			value := v.Value
			if v.Secret {
				value = w.secretPlaceholder()
			}
			fmt.Fprintf(b, "- %s: %s\n", v.Name, value)
		}
		b.WriteString("\n")
		return
	}
	in := w.snippetInput()
	dep := "cloud"
	if in.Deployment == jira.DeploymentSelfManaged {
		dep = "datacenter"
	}
	fmt.Fprintf(b, "Set JIRA_TOKEN to the whole Authorization value (Basic … or Bearer …), "+
		"then print each part with:\n\n```sh\n")
	for _, part := range steps.Parts() {
		fmt.Fprintf(b, "jira-setup snippet --target backstage --cards %s --url %s "+
			"--deployment %s --part %s\n", in.Cards, in.Site, dep, part)
	}
	b.WriteString("```\n\n")
}

// secretPlaceholder stands for JIRA_API_TOKEN in the summary.
func (w *Wizard) secretPlaceholder() string {
	cred, _ := w.form.credential(w.deployment())
	switch {
	case w.form.withToken.on:
		return "(at the end of this file)"
	case cred.Realm == jira.RealmBearer:
		return "(your personal access token; not saved here)"
	}
	return "(the encoded value of step 2; not saved here: " +
		"jira-setup encode --email EMAIL prints it again)"
}

// writeFileAtomic writes through a temporary file and a rename, so the
// file is either whole or untouched.
func writeFileAtomic(path string, data []byte, mode os.FileMode) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".jira-setup-*")
	if err != nil {
		return fmt.Errorf("create temporary file: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return fmt.Errorf("set file mode: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}
