// Package ui is the wizard shell: the state machine over the setup screens,
// the layout, the key map and help, and the live connectivity panel that
// runs the Jira checks while the admin types.
package ui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/roadie-tools/jira-setup/jira"
	"github.com/roadie-tools/jira-setup/ui/common"
)

// Options are what the wizard starts from.
type Options struct {
	// Client talks to Jira; Engine runs the checks with it.
	Client *jira.Client
	// Demo is the in-process demo Jira, when running with --demo.
	Demo *jira.Demo
	// Prefill holds values from flags and the environment.
	Prefill Prefill
	// OpenURL opens a link in the browser; nil disables the key.
	OpenURL func(url string) error
	// Debounce is how long typing must pause before checks re-run.
	Debounce time.Duration
	// SaveDir is where the summary file is written; empty means ".".
	SaveDir string
}

// Prefill is the wizard's starting values. Token is a secret.
type Prefill struct {
	SelfHosted  bool
	Tenant      string
	URL         string
	Email       string
	Token       string
	Realm       jira.Realm
	ProjectKey  string
	Component   string
	TokenType   string
	EmailSuffix string
	User        string
}

// mode is what the shell is doing on top of the current screen.
type mode int

const (
	modeNormal mode = iota
	modeHelp
	modeConfirmQuit
	modeScenario
	modeConfirmApply
)

// Wizard is the root model.
type Wizard struct {
	opts   Options
	engine *jira.Engine
	styles common.Styles
	keys   common.KeyMap
	help   help.Model
	size   common.Size
	dark   bool

	// The values entered, and where the admin is.
	form       *form
	screens    []screen
	current    int
	focus      []int  // focused field, per screen
	scroll     []int  // first content line shown, per screen
	scrolledTo [2]int // the screen and field the view last followed
	pickIdx    int    // highlighted picker entry
	picking    bool   // the admin moved in the picker list
	pick       *field // the site screen's choice of value to copy
	entity     *field // which entity of a multi-entity catalog file
	mode       mode
	problem    string // why the screen could not be left, shown until a key
	notice     string // a passing message: copied, opened, saved

	// What the run has done, for the summary, the quit question and the
	// line printed after the run.
	applied  bool     // the catalog file was written
	dirty    bool     // something typed would be lost on quit
	quit     bool     // asked to quit
	finished bool     // left the summary forward
	written  []string // files written

	// The live checks and the data the pickers and preview show.
	panel     panel
	ticking   bool // the spinner is animating
	report    jira.Report
	attempt   int
	inputGen  int
	cancelRun context.CancelFunc
	data      lookups
	catalog   catalogState

	// footer caches the help bar: the bubbles help view lays its text out
	// with lipgloss, which costs more than the rest of a frame.
	footer struct{ sig, view string }

	scenarioPick int
}

// New builds the wizard.
func New(opts Options) *Wizard {
	if opts.Client == nil {
		opts.Client = jira.NewClient(jira.ClientOptions{})
	}
	if opts.Debounce == 0 {
		opts.Debounce = 300 * time.Millisecond
	}
	w := &Wizard{
		opts:   opts,
		engine: jira.NewEngine(opts.Client),
		keys:   common.DefaultKeyMap(),
		help:   help.New(),
		dark:   true,
		panel:  newPanel(),
		size:   common.Size{Width: 80, Height: 24},
	}
	w.styles = common.NewStyles(w.dark)
	w.form = newForm(opts.Prefill)
	w.form.setStyles(w.dark, w.styles)
	w.screens = allScreens()
	w.focus = make([]int, len(w.screens))
	w.scroll = make([]int, len(w.screens))
	w.scrolledTo = [2]int{-1, -1}
	return w
}

// Init starts the first checks and asks the terminal for its background.
// Init implements tea.Model.
func (w *Wizard) Init() tea.Cmd {
	return tea.Batch(
		tea.RequestBackgroundColor,
		w.focusCurrent(),
		w.startChecks(),
	)
}

// Update implements tea.Model.
func (w *Wizard) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		w.size = common.Size{Width: msg.Width, Height: msg.Height}
		return w, nil
	case tea.BackgroundColorMsg:
		w.dark = msg.IsDark()
		w.styles = common.NewStyles(w.dark)
		w.help.Styles = help.DefaultStyles(w.dark)
		w.form.setStyles(w.dark, w.styles)
		return w, nil
	case spinner.TickMsg:
		if !w.panel.running() {
			w.ticking = false // idle: no frames until a check runs again
			return w, nil
		}
		var cmd tea.Cmd
		w.panel.spinner, cmd = w.panel.spinner.Update(msg)
		return w, cmd
	case debounceMsg:
		if msg.gen != w.inputGen {
			return w, nil
		}
		return w, tea.Batch(w.startChecks(), w.planCatalog())
	case catalogMsg:
		w.takeCatalog(msg)
		return w, nil
	case checkMsg, checksDoneMsg, projectsMsg, componentsMsg, overviewMsg:
		return w, w.handleResult(msg)
	case openedMsg:
		w.notice = msg.text
		return w, nil
	case tea.KeyPressMsg:
		return w, w.handleKey(msg)
	case tea.PasteMsg:
		return w, w.updateField(msg)
	}
	return w, w.updateFocused(msg)
}

// View implements tea.Model.
func (w *Wizard) View() tea.View {
	v := tea.NewView(w.render())
	v.AltScreen = true
	v.WindowTitle = "jira-setup · " + w.screens[w.current].name()
	return v
}

// Quitting reports whether the wizard has asked to quit.
func (w *Wizard) Quitting() bool { return w.quit }

func (w *Wizard) screen() screen { return w.screens[w.current] }

func keyIs(k tea.KeyPressMsg, b key.Binding) bool { return key.Matches(k, b) }
