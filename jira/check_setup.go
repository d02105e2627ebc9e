package jira

import (
	"context"
	"net"
	"net/url"
	"strings"
	"time"
)

// checkSite is the site check: pure, no I/O.
func checkSite(raw string) (Site, outcome) {
	if strings.TrimSpace(raw) == "" {
		return Site{}, skipped(CheckSite, "needs_input", "waiting for the Jira site URL")
	}
	site, err := NormalizeSite(raw)
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), ErrInvalidSite.Error()+": ")
		summary, hint, _ := strings.Cut(msg, ": ")
		return site, fail(CheckSite, "invalid", summary, hint)
	}
	summary := site.URL
	if len(site.Changes) > 0 {
		summary += " (" + strings.Join(site.Changes, ", ") + ")"
	}
	if site.Insecure && isLoopback(site.URL) {
		return site, ok(CheckSite, summary+" (plain http, on this machine only)")
	}
	if site.Insecure {
		return site, result(CheckSite, StatusWarn, "site.insecure_http",
			summary+": plain http sends the token unencrypted",
			"use https:// unless this Jira only speaks http on a trusted network")
	}
	return site, ok(CheckSite, summary)
}

// isLoopback reports whether a site URL points at this machine.
func isLoopback(site string) bool {
	u, err := url.Parse(site)
	if err != nil {
		return false
	}
	h := u.Hostname()
	if ip := net.ParseIP(h); ip != nil {
		return ip.IsLoopback()
	}
	return h == "localhost"
}

// firstRound is reach and auth: they need only the site.
func (r *run) firstRound() []job {
	site := r.site.URL
	jobs := []job{r.job(CheckReach, r.reach, site)}
	cred := r.in.Credential
	if cred.IsZero() {
		return append(jobs, settled(skipped(CheckAuth, "needs_input", "waiting for the API token")))
	}
	return append(jobs, r.job(CheckAuth, r.auth, site, string(cred.Realm), cred.Secret))
}

// secondRound is every check that needs working credentials.
func (r *run) secondRound() []job {
	site, cred, in := r.site.URL, r.in.Credential, r.in
	r.dep = r.deployment()
	dep := string(r.dep)
	base := []string{site, string(cred.Realm), cred.Secret}
	with := func(extra ...string) []string { return append(append([]string{}, base...), extra...) }
	jobs := []job{
		r.job(CheckProject, r.project, with(in.Project)...),
		r.job(CheckComponent, r.component, with(in.Project, in.Component)...),
		r.job(CheckStatuses, r.statuses, with(in.Project)...),
		r.job(CheckSearch, r.search, with(in.Project, in.Component, dep)...),
		r.job(CheckActivity, r.activity, with(in.Project, in.TokenType)...),
		r.job(CheckAssignee, r.assignee, with(in.User, in.Suffix, dep)...),
	}
	projectKey := jobs[0].key
	for i, j := range jobs {
		if o, blocked := r.blocked(j.id, projectKey); blocked {
			jobs[i] = settled(o)
		}
	}
	return jobs
}

// blocked says why a second-round check cannot run, if it cannot.
func (r *run) blocked(id CheckID, projectKey string) (outcome, bool) {
	if what := r.missingInput(id); what != "" {
		return skipped(id, "needs_input", "waiting for "+what), true
	}
	if id == CheckComponent && strings.TrimSpace(r.in.Component) == "" {
		return result(id, StatusOK, "component.not_set",
			"none set: the cards show the whole project", ""), true
	}
	auth := r.results[CheckAuth]
	if auth.Code == "auth.needs_input" {
		return skipped(id, "needs_input", "waiting for the API token"), true
	}
	if auth.Status != StatusOK && auth.Status != StatusWarn {
		return skipped(id, "needs_auth", "needs working credentials (see auth)"), true
	}
	if projectDependents[id] && r.e.cachedFailure(CheckProject, projectKey) {
		return skipped(id, "needs_project", "needs the project (see project)"), true
	}
	return outcome{}, false
}

// missingInput names the input a check waits for, or "".
func (r *run) missingInput(id CheckID) string {
	in := r.in
	switch {
	case id == CheckAssignee && strings.TrimSpace(in.User) == "":
		return "a Backstage user name"
	case id == CheckAssignee && in.Suffix == "" && !strings.Contains(in.User, "@"):
		return "the user email suffix"
	case id != CheckAssignee && strings.TrimSpace(in.Project) == "":
		return "the project key"
	}
	return ""
}

// deployment is jira.product when set, else what the site said.
func (r *run) deployment() Deployment {
	switch {
	case r.in.Product == DeploymentCloud:
		return DeploymentCloud
	case r.in.Product != DeploymentUnknown:
		return DeploymentSelfManaged
	case r.results[CheckReach].dep != DeploymentUnknown:
		return r.results[CheckReach].dep
	case r.results[CheckAuth].cloudUser:
		return DeploymentCloud
	}
	return DeploymentSelfManaged
}

// job wraps a check function with its cache key and timing.
func (r *run) job(id CheckID, fn func(context.Context) outcome, parts ...string) job {
	return job{id: id, key: cacheKey(id, parts...), run: func(ctx context.Context) outcome {
		start := time.Now()
		o := fn(ctx)
		o.Elapsed = time.Since(start)
		return o
	}}
}

// settled is a job whose outcome is already known (a skip).
func settled(o outcome) job { return job{id: o.ID, now: &o} }

// cachedFailure reports whether id's cached result for key is a failure.
func (e *Engine) cachedFailure(id CheckID, key string) bool {
	o, hit := e.lookup(job{id: id, key: key})
	return hit && o.Status == StatusFail
}
