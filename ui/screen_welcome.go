package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/roadie-tools/jira-setup/jira"
	"github.com/roadie-tools/jira-setup/steps"
)

// welcomeScreen asks where Backstage runs and which Jira to connect.
type welcomeScreen struct{}

func (welcomeScreen) name() string                   { return "Welcome" }
func (welcomeScreen) title(*Wizard) string           { return "Connect Backstage to Jira" }
func (welcomeScreen) bindings(*Wizard) []key.Binding { return nil }

func (welcomeScreen) fields(w *Wizard) []*field {
	if w.form.roadie() {
		return []*field{w.form.target, w.form.tenant, w.form.site}
	}
	return []*field{w.form.target, w.form.site}
}

func (s welcomeScreen) view(w *Wizard, width int) string {
	f := w.form
	intro := w.para(width,
		"This wizard sets up the Jira cards of your Backstage catalog in five steps:",
		"an API token, its encoding, the site settings, the catalog annotations and",
		"the cards. Every value is tried against your Jira as you type: watch the",
		"live checks.")
	blocks := []string{intro, w.fieldView(f.target, width)}
	if f.roadie() {
		blocks = append(blocks, w.fieldView(f.tenant, width)+"\n"+w.tenantNote(width))
	}
	blocks = append(blocks, w.fieldView(f.site, width)+"\n"+w.siteNote(width))
	return join(blocks...)
}

func (welcomeScreen) validate(w *Wizard) (string, *field) {
	if w.form.roadie() {
		if strings.TrimSpace(w.form.tenant.Value()) == "" {
			return "enter your Roadie tenant: the name in https://NAME.roadie.so", w.form.tenant
		}
		if _, err := steps.RoadieAdminURL(w.form.tenant.Value()); err != nil {
			return err.Error(), w.form.tenant
		}
	}
	if strings.TrimSpace(w.form.site.Value()) == "" {
		return "paste your Jira's address, or any link into it", w.form.site
	}
	if _, err := jira.NormalizeSite(w.form.site.Value()); err != nil {
		return err.Error(), w.form.site
	}
	return "", nil
}

func (welcomeScreen) action(*Wizard, tea.KeyPressMsg) (bool, tea.Cmd) { return false, nil }

// tenantNote shows the Roadie admin page the values will go to.
func (w *Wizard) tenantNote(width int) string {
	if strings.TrimSpace(w.form.tenant.Value()) == "" {
		return ""
	}
	u, err := steps.RoadieAdminURL(w.form.tenant.Value())
	if err != nil {
		return w.problemLine(width, err.Error())
	}
	return w.kv("  settings page", w.link(u), width)
}

// siteNote says what normalising the Jira link changed.
func (w *Wizard) siteNote(width int) string {
	raw := strings.TrimSpace(w.form.site.Value())
	if raw == "" {
		return w.hint(width, "Paste the address of your Jira, or any link into it.")
	}
	site, err := jira.NormalizeSite(raw)
	if err != nil {
		return w.problemLine(width, err.Error())
	}
	var lines []string
	if site.URL != raw {
		lines = append(lines, w.kv("  will use", w.styles.Code.Render(site.URL), width))
	}
	for _, c := range site.Changes {
		lines = append(lines, w.hint(width, "· "+c))
	}
	if r := w.panel.result(jira.CheckSite); site.Insecure && r.Status == jira.StatusWarn {
		lines = append(lines, w.noteLine(width, r.Summary+": "+r.Hint))
	}
	if site.ProjectKey != "" {
		lines = append(lines, w.hint(width, "· project "+site.ProjectKey+
			" found in the link: it is offered in step 4"))
	}
	return strings.Join(lines, "\n")
}

// link renders a clickable terminal hyperlink.
func (w *Wizard) link(url string) string {
	return w.styles.Link.Style().Hyperlink(url).Render(url)
}
