package ui

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/roadie-tools/jira-setup/jira"
)

// Messages from work done off the UI goroutine. Each carries the attempt
// or key it was started for, so a reply that arrives after the inputs
// changed is recognised and dropped.
type (
	debounceMsg struct{ gen int }

	checkMsg struct {
		attempt int
		result  jira.Result
		stream  chan tea.Msg
	}

	checksDoneMsg struct {
		attempt int
		report  jira.Report
		stream  chan tea.Msg
	}

	projectsMsg struct {
		key  string
		page jira.ProjectPage
		more bool // a further page, to append
		err  error
	}

	componentsMsg struct {
		key        string
		components []jira.Component
		err        error
	}

	overviewMsg struct {
		key      string
		overview jira.Overview
		err      error
	}

	openedMsg struct{ text string }
)

// previewIssues is how many issues the card preview reads: enough to count
// them by type; it lists the first few.
const previewIssues = 50

// lookups are the data the pickers and the card preview show, each with
// the key of the inputs it was loaded for.
type lookups struct {
	projectsKey   string
	projects      []jira.Project
	projectsPage  jira.ProjectPage // the last page read: where the next starts
	projectsBusy  bool
	projectsErr   error
	componentsKey string
	components    []jira.Component
	overviewKey   string
	overview      *jira.Overview
	overviewErr   error
}

// inputChanged schedules a re-check once typing pauses.
func (w *Wizard) inputChanged() tea.Cmd {
	w.dirty = true
	w.inputGen++
	gen := w.inputGen
	return tea.Tick(w.opts.Debounce, func(time.Time) tea.Msg { return debounceMsg{gen} })
}

// startChecks cancels the run in flight and starts a new one over the
// current inputs. The engine answers unchanged checks from its cache, so
// only the checks whose inputs changed send requests.
func (w *Wizard) startChecks() tea.Cmd {
	if w.cancelRun != nil {
		w.cancelRun()
	}
	w.attempt++
	ctx, cancel := context.WithCancel(context.Background())
	w.cancelRun = cancel

	// Copy everything the goroutine needs: it never reads the wizard.
	engine, attempt := w.engine, w.attempt
	in := w.form.input(w.deployment())
	stream := make(chan tea.Msg, 2*len(jira.CheckIDs)+2)
	go func() {
		report := engine.Run(ctx, in, func(r jira.Result) {
			stream <- checkMsg{attempt: attempt, result: r, stream: stream}
		})
		stream <- checksDoneMsg{attempt: attempt, report: report, stream: stream}
		close(stream)
	}()
	return listen(stream)
}

// listen waits for the next message of a check run.
func listen(stream chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-stream
		if !ok {
			return nil
		}
		return msg
	}
}

// recheckAll forgets every cached result and runs all checks again.
func (w *Wizard) recheckAll() tea.Cmd {
	w.engine.Forget()
	w.data = lookups{}
	return w.startChecks()
}

// handleResult takes in a reply from work started earlier.
func (w *Wizard) handleResult(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case checkMsg:
		if msg.attempt != w.attempt {
			return listen(msg.stream)
		}
		w.panel.set(msg.result)
		if msg.result.Status == jira.StatusRunning && !w.ticking {
			w.ticking = true
			return tea.Batch(listen(msg.stream), w.panel.spinner.Tick)
		}
		return listen(msg.stream)
	case checksDoneMsg:
		if msg.attempt != w.attempt {
			return listen(msg.stream)
		}
		return w.checksDone(msg.report)
	case projectsMsg:
		w.takeProjects(msg)
	case componentsMsg:
		if msg.key == w.data.componentsKey {
			w.data.components = msg.components
		}
	case overviewMsg:
		if msg.key == w.data.overviewKey {
			w.data.overview, w.data.overviewErr = &msg.overview, msg.err
		}
	}
	return nil
}

// checksDone records a finished run and loads what the pickers need.
func (w *Wizard) checksDone(r jira.Report) tea.Cmd {
	before := w.deployment()
	w.report = r
	var cmds []tea.Cmd
	if w.deployment() != before && w.form.token.Value() != "" {
		// The credential's form depends on the deployment (a PAT is sent
		// as Bearer on Data Center), so check again with the right one.
		cmds = append(cmds, w.startChecks())
	}
	if w.passed(jira.CheckAuth) {
		cmds = append(cmds, w.loadProjects())
	}
	if w.passed(jira.CheckProject) {
		cmds = append(cmds, w.loadComponents(), w.loadOverview())
	}
	return tea.Batch(cmds...)
}

// deployment is what the checks found, or the demo's flavour before that.
func (w *Wizard) deployment() jira.Deployment {
	if w.report.Deployment != jira.DeploymentUnknown {
		return w.report.Deployment
	}
	if w.opts.Demo != nil && w.opts.Demo.Flavor() == jira.FlavorDataCenter {
		return jira.DeploymentSelfManaged
	}
	return jira.DeploymentUnknown
}

// passed reports whether a check's latest result is ok or a warning.
func (w *Wizard) passed(id jira.CheckID) bool {
	s := w.panel.result(id).Status
	return s == jira.StatusOK || s == jira.StatusWarn
}

// siteURL is the normalised site, or "" while it is not valid.
func (w *Wizard) siteURL() string {
	s, err := jira.NormalizeSite(w.form.site.Value())
	if err != nil {
		return ""
	}
	return s.URL
}

// loadProjects reads the first page of projects for the picker. On Cloud
// the server filters them by what was typed; elsewhere the picker does.
func (w *Wizard) loadProjects() tea.Cmd {
	dep := w.deployment()
	query := ""
	if dep == jira.DeploymentCloud {
		query = strings.TrimSpace(w.form.project.Value())
	}
	in := w.form.input(dep)
	key := lookupKey(w.siteURL(), in.Credential, string(dep), query)
	if key == w.data.projectsKey {
		return nil
	}
	w.data.projectsKey = key
	return w.projectsPage(key, query, 0, false)
}

// loadMoreProjects reads the next page, when there is one.
func (w *Wizard) loadMoreProjects() tea.Cmd {
	page := w.data.projectsPage
	if w.data.projectsBusy || page.IsLast || w.data.projectsKey == "" {
		return nil
	}
	query := ""
	if w.deployment() == jira.DeploymentCloud {
		query = strings.TrimSpace(w.form.project.Value())
	}
	return w.projectsPage(w.data.projectsKey, query, page.Next, true)
}

func (w *Wizard) projectsPage(key, query string, startAt int, more bool) tea.Cmd {
	w.data.projectsBusy = true
	dep := w.deployment()
	client, site, cred := w.opts.Client, w.siteURL(), w.form.input(dep).Credential
	return lookup(func(ctx context.Context) tea.Msg {
		page, err := client.Projects(ctx, site, cred, dep, query, startAt)
		return projectsMsg{key: key, page: page, more: more, err: err}
	})
}

// takeProjects records a page of projects if it is for the current inputs.
func (w *Wizard) takeProjects(msg projectsMsg) {
	if msg.key != w.data.projectsKey {
		return
	}
	w.data.projectsBusy, w.data.projectsErr = false, msg.err
	if msg.err != nil {
		return
	}
	if !msg.more {
		w.data.projects = nil
	}
	w.data.projects = append(w.data.projects, msg.page.Projects...)
	w.data.projectsPage = msg.page
}

func (w *Wizard) loadComponents() tea.Cmd {
	in := w.form.input(w.deployment())
	key := lookupKey(w.siteURL(), in.Credential, in.Project)
	if key == w.data.componentsKey {
		return nil
	}
	w.data.componentsKey = key
	client, site := w.opts.Client, w.siteURL()
	return lookup(func(ctx context.Context) tea.Msg {
		comps, err := client.Components(ctx, site, in.Credential, in.Project)
		return componentsMsg{key: key, components: comps, err: err}
	})
}

func (w *Wizard) loadOverview() tea.Cmd {
	in := w.form.input(w.deployment())
	dep := w.deployment()
	key := lookupKey(w.siteURL(), in.Credential, string(dep), in.Project, in.Component)
	if key == w.data.overviewKey {
		return nil
	}
	w.data.overviewKey = key
	client, site := w.opts.Client, w.siteURL()
	return lookup(func(ctx context.Context) tea.Msg {
		ov, err := client.Overview(ctx, site, in.Credential, dep, in.Project, in.Component,
			previewIssues)
		return overviewMsg{key: key, overview: ov, err: err}
	})
}

// lookupTimeout bounds a picker or preview lookup as a whole; each request
// in it has the client's own timeout too.
const lookupTimeout = 30 * time.Second

// lookup runs fetch off the UI goroutine, bounded by lookupTimeout.
func lookup(fetch func(ctx context.Context) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), lookupTimeout)
		defer cancel()
		return fetch(ctx)
	}
}

// lookupKey identifies the inputs a lookup was made for. The credential
// enters only as a fingerprint, so the key is safe to keep around.
func lookupKey(site string, cred jira.Credential, parts ...string) string {
	return site + "\x00" + fingerprint(cred.Header()) + "\x00" + strings.Join(parts, "\x00")
}

// fingerprint is a short one-way digest of a secret, for cache keys.
func fingerprint(secret string) string {
	if secret == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:8])
}
