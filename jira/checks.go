package jira

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"time"
)

// Engine runs the checks in two network round trips and remembers each
// result keyed by exactly the inputs it depends on, so a run after one
// input changed only sends the requests that input affects.
type Engine struct {
	c     *Client
	mu    sync.Mutex
	cache map[CheckID]entry
}

// entry is one remembered outcome.
type entry struct {
	key   string
	out   outcome
	until time.Time // zero: until Forget or an input change
}

// job is one check ready to run: its cache key and its work, or the
// outcome it already has (a skip) when now is set.
type job struct {
	id  CheckID
	key string
	run func(ctx context.Context) outcome
	now *outcome
}

// run is the state of one Engine.Run.
type run struct {
	e       *Engine
	ctx     context.Context
	in      Input
	emit    func(Result)
	site    Site
	dep     Deployment          // for the second round, fixed before it starts
	results map[CheckID]outcome // written only by Run's own goroutine
}

// projectDependents are reported as "needs the project" when it is missing.
var projectDependents = map[CheckID]bool{
	CheckComponent: true, CheckStatuses: true, CheckSearch: true, CheckActivity: true,
}

// NewEngine returns an engine sending its requests through c.
func NewEngine(c *Client) *Engine {
	return &Engine{c: c, cache: map[CheckID]entry{}}
}

// Forget drops the cache: the next Run asks Jira again.
func (e *Engine) Forget() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.cache = map[CheckID]entry{}
}

// Run runs every check; emit is called (never concurrently) with a
// StatusRunning result when a check starts and its final result when it
// ends. Results whose inputs did not change since the last Run are
// re-emitted from the cache without a request. The site check runs first
// (no I/O), then reach and auth together, then, only when auth succeeded,
// every project check together: two round trips in all.
func (e *Engine) Run(ctx context.Context, in Input, emit func(Result)) Report {
	if emit == nil {
		emit = func(Result) {}
	}
	r := &run{e: e, ctx: ctx, in: in, emit: emit, results: map[CheckID]outcome{}}
	if !r.checkSite() {
		return r.report()
	}
	r.round(r.firstRound())
	r.round(r.secondRound())
	return r.report()
}

// checkSite normalises the URL and skips everything else when it is unusable.
func (r *run) checkSite() bool {
	site, o := checkSite(r.in.Site)
	r.site = site
	r.finish(o)
	if o.Status == StatusOK || o.Status == StatusWarn {
		return true
	}
	for _, id := range CheckIDs[1:] {
		if o.Code == "site.needs_input" {
			r.finish(skipped(id, "needs_input", "waiting for the Jira site URL"))
		} else {
			r.finish(skipped(id, "needs_site", "waiting for a valid site URL"))
		}
	}
	return false
}

// round runs jobs in parallel, serving unchanged ones from the cache, and
// emits each final result as it arrives. A result that may repeat an
// earlier check's failure is held until that check is known.
func (r *run) round(jobs []job) {
	type done struct {
		job job
		out outcome
	}
	ch := make(chan done, len(jobs))
	pending := 0
	for _, j := range jobs {
		if j.now != nil {
			ch <- done{j, *j.now}
			pending++
			continue
		}
		if out, hit := r.e.lookup(j); hit {
			ch <- done{j, out}
			pending++
			continue
		}
		r.emit(Result{ID: j.id, Status: StatusRunning, Summary: "checking…"})
		pending++
		go func(j job) { ch <- done{j, j.run(r.ctx)} }(j)
	}
	var held []CheckID
	for ; pending > 0; pending-- {
		d := <-ch
		if d.job.now == nil {
			r.e.store(d.job, d.out)
		}
		r.results[d.job.id] = d.out
		if r.gate(d.job.id) {
			held = append(held, d.job.id)
			continue
		}
		r.finish(d.out)
		held = r.flush(held, false)
	}
	r.flush(held, true)
}

// flush emits the held results whose gate has opened, or all when force.
func (r *run) flush(held []CheckID, force bool) []CheckID {
	var still []CheckID
	for _, id := range held {
		if !force && r.gate(id) {
			still = append(still, id)
			continue
		}
		r.finish(r.results[id])
	}
	return still
}

// finish records the final (possibly rewritten) result and emits it.
func (r *run) finish(o outcome) {
	if o.ID == CheckAuth || projectDependents[o.ID] {
		o = r.rewrite(o)
	}
	r.results[o.ID] = o
	r.emit(o.Result)
}

// rewrite reports a failure that only repeats an earlier check's failure as
// "needs" that check instead.
func (r *run) rewrite(o outcome) outcome {
	if o.ID == CheckAuth {
		reach := r.results[CheckReach]
		if o.Status == StatusFail && reach.Status == StatusFail && isGeneric(o.Code) {
			return skipped(CheckAuth, "needs_reach", "waiting for Jira to answer (see reach)")
		}
		return o
	}
	// Whatever a project check found, it means little without the project.
	if p, done := r.results[CheckProject]; done && p.Status == StatusFail &&
		o.Status != StatusSkipped {
		return skipped(o.ID, "needs_project", "needs the project (see project)")
	}
	return o
}

// gate holds auth until reach is known, and project dependents until the
// project is known, so rewrite can see what they depend on.
func (r *run) gate(id CheckID) bool {
	var on CheckID
	switch {
	case id == CheckAuth:
		on = CheckReach
	case projectDependents[id]:
		on = CheckProject
	default:
		return false
	}
	_, known := r.results[on]
	return !known
}

// report builds the final Report from what was emitted.
func (r *run) report() Report {
	rep := Report{Site: r.site.URL}
	if reach, done := r.results[CheckReach]; done {
		rep.Deployment, rep.Version = reach.dep, reach.version
	}
	for _, id := range CheckIDs {
		o, done := r.results[id]
		if !done {
			o = skipped(id, "cancelled", "check cancelled")
		}
		rep.Results = append(rep.Results, o.Result)
	}
	return rep
}

// lookup serves a job from the cache when its inputs did not change.
func (e *Engine) lookup(j job) (outcome, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	ent, hit := e.cache[j.id]
	if !hit || ent.key != j.key {
		return outcome{}, false
	}
	if !ent.until.IsZero() && time.Now().After(ent.until) {
		delete(e.cache, j.id)
		return outcome{}, false
	}
	return ent.out, true
}

// store remembers an outcome unless it was cancelled or is transient.
func (e *Engine) store(j job, o outcome) {
	if o.cancelled || o.transient {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.cache[j.id] = entry{key: j.key, out: o, until: o.until}
}

// cacheKey hashes the inputs a check depends on; secrets stay hashed.
func cacheKey(id CheckID, parts ...string) string {
	h := sha256.New()
	h.Write([]byte(id))
	for _, p := range parts {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}
