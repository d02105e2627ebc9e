package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/roadie-tools/jira-setup/jira"
	"github.com/roadie-tools/jira-setup/steps"
)

// siteScreen settles the Jira URL and the email suffix, and for Roadie
// lists the values to paste on the admin page.
type siteScreen struct{}

func (siteScreen) name() string         { return "3 Site" }
func (siteScreen) title(*Wizard) string { return "Step 3 · Site and email suffix" }

func (siteScreen) fields(w *Wizard) []*field {
	f := w.form
	out := []*field{f.site, f.suffix, f.user}
	if f.roadie() {
		out = append(out, w.copyPick())
	}
	return out
}

func (siteScreen) bindings(w *Wizard) []key.Binding {
	b := []key.Binding{w.keys.Copy}
	if w.suggestedSuffix() != "" {
		b = append(b, withHelp(w.keys.Accept, "use suggested suffix"))
	}
	return b
}

func (s siteScreen) view(w *Wizard, width int) string {
	f := w.form
	blocks := []string{
		w.fieldView(f.site, width) + "\n" + w.siteNote(width),
		w.fieldView(f.suffix, width) + "\n" + w.suffixNote(width),
		w.fieldView(f.user, width),
	}
	if f.roadie() {
		blocks = append(blocks, w.pasteView(width))
	} else {
		blocks = append(blocks, w.muted(width, "Self-hosted Backstage takes these values in",
			"app-config.yaml: step 5 writes the fragment for you."))
	}
	blocks = append(blocks, w.caveats(width))
	return join(blocks...)
}

func (siteScreen) validate(w *Wizard) (string, *field) {
	if _, err := jira.NormalizeSite(w.form.site.Value()); err != nil {
		return err.Error(), w.form.site
	}
	if sfx := strings.TrimSpace(w.form.suffix.Value()); sfx != "" {
		if err := steps.ValidateSuffix(sfx); err != nil {
			return err.Error(), w.form.suffix
		}
	}
	return "", nil
}

func (siteScreen) action(w *Wizard, k tea.KeyPressMsg) (bool, tea.Cmd) {
	switch {
	case keyIs(k, w.keys.Accept) && w.suggestedSuffix() != "":
		w.form.suffix.SetValue(w.suggestedSuffix())
		return true, w.inputChanged()
	case keyIs(k, w.keys.Copy):
		return true, w.copyFocused()
	}
	return false, nil
}

// pasteValues are the settings of Roadie's Jira page, in its order.
func (w *Wizard) pasteValues() []steps.PasteValue {
	cred, _ := w.form.credential(w.deployment())
	return steps.RoadieValues(cred, w.siteURL(), strings.TrimSpace(w.form.suffix.Value()))
}

// copyPick is the choice of which pasted value the copy key takes.
func (w *Wizard) copyPick() *field {
	vals := w.pasteValues()
	names := make([]string, len(vals))
	for i, v := range vals {
		names[i] = v.Name
	}
	if w.pick == nil {
		w.pick = newChoiceField("Value to copy (space to choose)", names...)
	}
	w.pick.choices = names
	w.pick.choice = min(w.pick.choice, len(names)-1)
	return w.pick
}

// pasteView lists what goes on Roadie's Jira settings page.
func (w *Wizard) pasteView(width int) string {
	u, _ := steps.RoadieAdminURL(w.form.tenant.Value())
	head := w.styles.Strong.Render("Paste these on ") + w.link(u)
	lines := []string{head}
	pick := w.copyPick()
	for i, v := range w.pasteValues() {
		shown := v.Value
		if v.Secret {
			shown = steps.Mask(v.Value)
		}
		if shown == "" {
			shown = w.styles.Muted.Render("(empty)")
		}
		mark := "  "
		if i == pick.choice && w.focused() == pick {
			mark = w.styles.FieldFocused.Render("› ")
		}
		lines = append(lines, mark+w.kv(padRight(v.Name, 21), w.styles.Code.Render(shown), width-2))
	}
	lines = append(lines, "", w.fieldView(pick, width))
	return strings.Join(lines, "\n")
}

// copyFocused copies the focused value: a pasted value, the URL or suffix.
func (w *Wizard) copyFocused() tea.Cmd {
	switch w.focused() {
	case w.pick:
		v := w.pasteValues()[w.pick.choice]
		return w.copy(v.Value, v.Name)
	case w.form.suffix:
		return w.copy(strings.TrimSpace(w.form.suffix.Value()), "email suffix")
	}
	return w.copy(w.siteURL(), "Jira URL")
}

// suggestedSuffix is the suffix the account email suggests, when the
// field is still empty.
func (w *Wizard) suggestedSuffix() string {
	if strings.TrimSpace(w.form.suffix.Value()) != "" {
		return ""
	}
	return steps.SuggestSuffix(w.form.account.Value())
}

func (w *Wizard) suffixNote(width int) string {
	if s := w.suggestedSuffix(); s != "" {
		return w.hint(width, "suggested from the account email:", s,
			"("+w.keys.Accept.Help().Key+" to use it)")
	}
	return w.hint(width, "Backstage user name + suffix must equal the Jira user's",
		"email for \"Assigned to me\".")
}

// caveats are the guide's two caveats, with what the checks found.
func (w *Wizard) caveats(width int) string {
	var lines []string
	if w.deployment() == jira.DeploymentCloud {
		lines = append(lines, w.noteLine(width,
			"On Jira Cloud the dashboard tab must use API v3 (useApiV3: true, backend "+
				"5.0.0+); a frontend before 2.2.1 shows every assignee as Unassigned."))
	}
	a := w.panel.result(jira.CheckAssignee)
	switch a.Status {
	case jira.StatusOK:
		lines = append(lines, w.okLine(width, "Assigned to me: "+a.Summary))
	case jira.StatusWarn, jira.StatusFail:
		lines = append(lines, w.noteLine(width, "Assigned to me: "+a.Summary))
	default:
		lines = append(lines, w.muted(width,
			"\"Assigned to me\" looks Jira users up by Backstage user name + suffix: if",
			"your Backstage users come from GitHub, the names may not match."))
	}
	return strings.Join(lines, "\n")
}
