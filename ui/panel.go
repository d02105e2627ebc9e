package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/spinner"

	"github.com/roadie-tools/jira-setup/jira"
	"github.com/roadie-tools/jira-setup/ui/common"
)

// panel is the live connectivity panel: the latest result of every check.
type panel struct {
	results map[jira.CheckID]jira.Result
	spinner spinner.Model
}

func newPanel() panel {
	return panel{
		results: map[jira.CheckID]jira.Result{},
		spinner: spinner.New(spinner.WithSpinner(spinner.MiniDot)),
	}
}

// set records a result as the engine reports it.
func (p *panel) set(r jira.Result) { p.results[r.ID] = r }

// running reports whether any check is in flight.
func (p panel) running() bool {
	for _, r := range p.results {
		if r.Status == jira.StatusRunning {
			return true
		}
	}
	return false
}

// result returns a check's latest result, or a waiting placeholder.
func (p panel) result(id jira.CheckID) jira.Result {
	if r, ok := p.results[id]; ok {
		return r
	}
	return jira.Result{ID: id, Status: jira.StatusSkipped, Summary: "not run yet"}
}

// failing lists the checks that failed or warned, in display order.
func (p panel) failing() []jira.Result {
	var out []jira.Result
	for _, id := range jira.CheckIDs {
		r := p.result(id)
		if r.Status == jira.StatusFail || r.Status == jira.StatusWarn {
			out = append(out, r)
		}
	}
	return out
}

// mark is the one-cell symbol of a result. Symbols carry the meaning, so
// the panel reads the same without colour.
func (p panel) mark(st common.Styles, r jira.Result) string {
	switch r.Status {
	case jira.StatusRunning:
		return st.Pending.Render(p.spinner.View())
	case jira.StatusOK:
		return st.OK.Render("✓")
	case jira.StatusWarn:
		return st.Warn.Render("!")
	case jira.StatusFail:
		return st.Fail.Render("✗")
	}
	return st.Pending.Render("·")
}

// view draws the full panel, one or two lines a check, width cells wide
// (border included) and at most height lines tall.
func (p panel) view(st common.Styles, width, height int) string {
	inner := max(width-4, 8)
	lines := make([]string, 0, 2*len(jira.CheckIDs))
	for _, id := range jira.CheckIDs {
		r := p.result(id)
		head := p.mark(st, r) + " " + st.Text.Render(fmt.Sprintf("%-9s", id)) + " "
		for i, l := range clampLines(summaryOf(r), inner-12, 2) {
			if i > 0 {
				head = strings.Repeat(" ", 12)
			}
			lines = append(lines, head+styleFor(st, r).Render(l))
		}
		if r.Hint != "" && (r.Status == jira.StatusFail || r.Status == jira.StatusWarn) {
			for _, l := range clampLines("fix: "+r.Hint, inner-4, 3) {
				lines = append(lines, "  "+st.Muted.Render(l))
			}
		}
	}
	lines = fitLines(lines, max(height-2, 1))
	for len(lines) < height-2 {
		lines = append(lines, "")
	}
	return boxed(st, "Live checks", strings.Join(lines, "\n"), width)
}

// compactView is the panel for narrow terminals: one line of marks, then
// the finding and fix of the first checks that need attention.
func (p panel) compactView(st common.Styles, width, maxLines int) string {
	if len(p.failing()) == 0 && p.allOK() {
		return st.OK.Render(truncate("✓ all checks pass", width))
	}
	var marks []string
	for _, id := range jira.CheckIDs {
		marks = append(marks, p.mark(st, p.result(id))+string(id))
	}
	lines := wrapWords(marks, width)
	for _, r := range p.failing() {
		for _, l := range clampLines(string(r.ID)+": "+r.Summary, width, 2) {
			lines = append(lines, styleFor(st, r).Render(l))
		}
		if r.Hint != "" {
			for _, l := range clampLines("fix: "+r.Hint, width-2, 2) {
				lines = append(lines, "  "+st.Muted.Render(l))
			}
		}
	}
	return strings.Join(fitLines(lines, maxLines), "\n")
}

// allOK reports whether every check has passed.
func (p panel) allOK() bool {
	for _, id := range jira.CheckIDs {
		if p.result(id).Status != jira.StatusOK {
			return false
		}
	}
	return true
}

// clampLines wraps s to width and keeps at most n lines, the last one
// marked when cut.
func clampLines(s string, width, n int) []string {
	lines := strings.Split(wrap(s, max(width, 1)), "\n")
	if len(lines) > n {
		lines = lines[:n]
		lines[n-1] = truncate(lines[n-1]+"…", width)
	}
	return lines
}

func summaryOf(r jira.Result) string {
	s := r.Summary
	if r.Status == jira.StatusRunning {
		s = "checking…"
	}
	if r.Status == jira.StatusOK && r.Elapsed > 0 && r.ID == jira.CheckReach {
		s += fmt.Sprintf(", %d\u00a0ms", r.Elapsed.Round(time.Millisecond).Milliseconds())
	}
	return s
}

func styleFor(st common.Styles, r jira.Result) common.Paint {
	switch r.Status {
	case jira.StatusFail:
		return st.FailText
	case jira.StatusWarn:
		return st.WarnText
	case jira.StatusOK:
		return st.Text
	}
	return st.Muted
}
