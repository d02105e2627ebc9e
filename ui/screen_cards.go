package ui

import (
	"fmt"
	"regexp"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/roadie-tools/jira-setup/jira"
	"github.com/roadie-tools/jira-setup/steps"
)

// previewRows is how many issues the card preview lists.
const previewRows = 5

// cardsScreen chooses the cards, tells where they go, and previews the
// overview card with live data.
type cardsScreen struct{}

func (cardsScreen) name() string         { return "5 Cards" }
func (cardsScreen) title(*Wizard) string { return "Step 5 · Add the Jira cards" }

func (cardsScreen) fields(w *Wizard) []*field {
	return []*field{w.form.overview, w.form.dashboard}
}

func (cardsScreen) bindings(w *Wizard) []key.Binding {
	return []key.Binding{withHelp(w.keys.Copy, "copy all"), w.keys.PageDown}
}

func (cardsScreen) validate(w *Wizard) (string, *field) {
	if !w.form.overview.on && !w.form.dashboard.on {
		return "choose at least one card (space toggles)", w.form.overview
	}
	return "", nil
}

func (cardsScreen) action(w *Wizard, k tea.KeyPressMsg) (bool, tea.Cmd) {
	if keyIs(k, w.keys.Copy) {
		text, err := steps.Snippet(w.target(), w.snippetInput())
		if err != nil {
			w.notice = err.Error()
			return true, nil
		}
		return true, w.copy(text, "card setup")
	}
	return false, nil
}

func (s cardsScreen) view(w *Wizard, width int) string {
	f := w.form
	blocks := []string{w.fieldView(f.overview, width), w.fieldView(f.dashboard, width)}
	if f.overview.on {
		blocks = append(blocks, w.previewCard(width))
	}
	secs, err := steps.Sections(w.target(), w.snippetInput())
	if err != nil {
		return join(append(blocks, w.problemLine(width, err.Error()))...)
	}
	for i, sec := range secs {
		blocks = append(blocks, w.sectionView(i+1, sec, width))
	}
	for _, n := range steps.SnippetNotes(w.target(), w.snippetInput()) {
		blocks = append(blocks, w.noteLine(width, n))
	}
	return join(blocks...)
}

// target is where the cards go, as the steps package names it.
func (w *Wizard) target() steps.Target {
	if w.form.roadie() {
		return steps.TargetRoadie
	}
	return steps.TargetBackstage
}

// snippetInput is what the card code and config are built from.
func (w *Wizard) snippetInput() steps.SnippetInput {
	cred, _ := w.form.credential(w.deployment())
	in := steps.SnippetInput{
		Site:        w.siteURL(),
		Deployment:  w.deployment(),
		Cards:       steps.Cards{Overview: w.form.overview.on, Dashboard: w.form.dashboard.on},
		EmailSuffix: strings.TrimSpace(w.form.suffix.Value()),
		TokenType:   w.annotations().TokenType,
		Realm:       cred.Realm,
	}
	if in.Deployment == jira.DeploymentUnknown {
		in.Deployment = jira.DeploymentCloud
	}
	return in
}

func (w *Wizard) sectionView(n int, sec steps.Section, width int) string {
	head := w.styles.Strong.Render(fmt.Sprintf("%d. %s", n, sec.Title))
	if sec.File != "" {
		head += w.styles.Muted.Render("  " + sec.File)
	}
	body := strings.TrimRight(sec.Body, "\n")
	if sec.Lang == "text" {
		return head + "\n" + w.styles.Text.Render(reflow(body, width))
	}
	var lines []string
	cut := false
	for _, l := range strings.Split(body, "\n") {
		if cellWidth(l) > width-2 {
			l, cut = truncate(l, width-2), true
		}
		lines = append(lines, "  "+w.styles.Code.Render(l))
	}
	if cut {
		how := w.keys.Copy.Help().Key + " copies everything"
		if sec.Part != "" {
			how += ", or: jira-setup snippet --target backstage --part " + string(sec.Part)
		}
		lines = append(lines, w.hint(width, "(long lines are cut here; "+how+")"))
	}
	return head + "\n" + strings.Join(lines, "\n")
}

// previewCard draws roughly what the overview card will show, from the
// project's live data.
func (w *Wizard) previewCard(width int) string {
	ov := w.data.overview
	var body []string
	switch {
	case w.data.overviewErr != nil:
		body = []string{w.styles.Error.Render("could not load the preview: see the checks")}
	case ov == nil:
		body = []string{w.styles.Muted.Render("the preview appears once the project check passes")}
	default:
		body = w.overviewLines(*ov, width-4)
	}
	return boxed(w.styles, "Preview · Jira overview card", strings.Join(body, "\n"), min(width, 90))
}

func (w *Wizard) overviewLines(ov jira.Overview, width int) []string {
	lines := []string{w.styles.Strong.Render(ov.Project.Name) +
		w.styles.Muted.Render("  "+ov.Project.Key)}
	counts := map[string]int{}
	var order []string
	for _, is := range ov.Issues {
		if counts[is.Type] == 0 {
			order = append(order, is.Type)
		}
		counts[is.Type]++
	}
	var tally []string
	for _, t := range order {
		tally = append(tally, fmt.Sprintf("%s %d", t, counts[t]))
	}
	if len(tally) > 0 {
		lines = append(lines, w.styles.Muted.Render(truncate(strings.Join(tally, " · "), width)))
	}
	if len(ov.Issues) == 0 {
		return append(lines, w.styles.Muted.Render("no open issues"))
	}
	for _, is := range ov.Issues[:min(len(ov.Issues), previewRows)] {
		row := fmt.Sprintf("%-9s %-12s %s", is.Key, truncate(is.Status, 12), is.Summary)
		lines = append(lines, w.styles.Text.Render(truncate(row, width)))
	}
	if more := len(ov.Issues) - previewRows; more > 0 {
		lines = append(lines, w.styles.Muted.Render(fmt.Sprintf("… and %d more open issues", more)))
	}
	return lines
}

// listItem matches the start of a numbered or bulleted line.
var listItem = regexp.MustCompile(`^\s*(\d+\.|[-*])\s+`)

// reflow re-wraps prose written for another width: lines of one paragraph
// or list item are joined and wrapped again at width, with list items
// keeping a hanging indent.
func reflow(text string, width int) string {
	var items []string
	for _, line := range strings.Split(text, "\n") {
		switch {
		case strings.TrimSpace(line) == "":
			items = append(items, "")
		case len(items) == 0 || items[len(items)-1] == "" || listItem.MatchString(line):
			items = append(items, line)
		default:
			items[len(items)-1] += " " + strings.TrimSpace(line)
		}
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		indent := len(it) - len(strings.TrimLeft(it, " "))
		if m := listItem.FindString(it); m != "" {
			indent = len(m)
		}
		lines := strings.Split(wrap(strings.TrimLeft(it, " "), max(width-indent, 1)), "\n")
		lead := strings.Repeat(" ", len(it)-len(strings.TrimLeft(it, " ")))
		for i, l := range lines {
			if i == 0 {
				lines[i] = lead + l
			} else {
				lines[i] = strings.Repeat(" ", indent) + l
			}
		}
		out = append(out, strings.Join(lines, "\n"))
	}
	return strings.Join(out, "\n")
}
