package ui

import (
	"context"
	"errors"
	"fmt"
	"io"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// ErrAborted says the admin quit the wizard before its end.
var ErrAborted = errors.New("quit before the end")

// RunOptions are the terminal settings of a wizard run.
type RunOptions struct {
	Input   io.Reader
	Output  io.Writer
	NoColor bool // NO_COLOR was set to any non-empty value
}

// Outcome is what a wizard run left behind, for the line printed after it.
type Outcome struct {
	// Written lists the files the wizard wrote, in order.
	Written []string
}

// Run shows the wizard until the admin finishes or quits. The terminal is
// restored on every way out, panics included.
func Run(ctx context.Context, opts Options, ro RunOptions) (Outcome, error) {
	w := New(opts)
	popts := []tea.ProgramOption{tea.WithContext(ctx)}
	if ro.Input != nil {
		popts = append(popts, tea.WithInput(ro.Input))
	}
	if ro.Output != nil {
		popts = append(popts, tea.WithOutput(ro.Output))
	}
	if ro.NoColor {
		popts = append(popts, tea.WithColorProfile(colorprofile.Ascii))
	}
	_, err := tea.NewProgram(w, popts...).Run()
	w.stop()
	out := Outcome{Written: w.written}
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return out, ErrAborted
	}
	if err != nil {
		return out, fmt.Errorf("run the wizard: %w", err)
	}
	if !w.finished {
		return out, ErrAborted
	}
	return out, nil
}

// stop cancels any checks still in flight.
func (w *Wizard) stop() {
	if w.cancelRun != nil {
		w.cancelRun()
	}
}
