package ui

import tea "charm.land/bubbletea/v2"

// catalogPlan is the pending change to the catalog file, or nil.
// TODO: wired to steps' catalog patcher once it lands.
func (w *Wizard) catalogPlan() *struct{} { return nil }

func (w *Wizard) catalogView(width int) string { return "" }

func (w *Wizard) applyPrompt(width int) string { return "" }

func (w *Wizard) confirmApply(k tea.KeyPressMsg) tea.Cmd {
	w.mode = modeNormal
	return nil
}
