package jira

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// projectPath is rest/api/latest/project/{KEY} plus an optional tail.
func projectPath(key, tail string) string {
	return "rest/api/latest/project/" + url.PathEscape(strings.TrimSpace(key)) + tail
}

// call sends an authenticated request and settles the failures every check
// shares. done is true when o is already the check's outcome.
func (r *run) call(ctx context.Context, id CheckID, req request) (*response, outcome, bool) {
	req.site, req.cred = r.site.URL, r.in.Credential
	resp, err := r.e.c.send(ctx, req)
	if err != nil {
		return nil, transportFailure(ctx, id, r.e.c.opts.Timeout, err), true
	}
	if o, done := httpFailure(id, r.site.URL, resp, true); done {
		return resp, o, true
	}
	return resp, outcome{}, false
}

func (r *run) get(ctx context.Context, id CheckID, path string) (*response, outcome, bool) {
	return r.call(ctx, id, request{method: http.MethodGet, path: path})
}

// unexpected reports an answer no diagnosis explains, with Jira's words.
func unexpected(id CheckID, resp *response) outcome {
	e := resp.apiError()
	summary := fmt.Sprintf("Jira answered %d %s", resp.status, http.StatusText(resp.status))
	if len(e.Messages) > 0 {
		summary += ": " + shorten(e.Messages[0], 120)
	}
	return fail(id, "unexpected", summary, "check the value and this account's permissions")
}

// project proves the project exists and the account can browse it.
func (r *run) project(ctx context.Context) outcome {
	key := strings.TrimSpace(r.in.Project)
	resp, o, done := r.get(ctx, CheckProject, projectPath(key, ""))
	if done {
		return o
	}
	switch resp.status {
	case http.StatusNotFound:
		return fail(CheckProject, "not_found", "no project "+key+" that this account can see",
			"check the key (step 4 lists the projects), or grant the account Browse Projects")
	case http.StatusUnauthorized, http.StatusForbidden:
		return fail(CheckProject, "forbidden", "this account may not read project "+key,
			"grant the account Browse Projects on "+key)
	}
	var p Project
	if err := resp.decode(&p); err != nil {
		return unexpected(CheckProject, resp)
	}
	return ok(CheckProject, fmt.Sprintf("%s %q", p.Key, p.Name))
}

// component proves the component exists, with the exact case.
func (r *run) component(ctx context.Context) outcome {
	key, want := strings.TrimSpace(r.in.Project), strings.TrimSpace(r.in.Component)
	resp, o, done := r.get(ctx, CheckComponent, projectPath(key, "/components"))
	if done {
		return o
	}
	var comps []Component
	if err := resp.decode(&comps); err != nil {
		return unexpected(CheckComponent, resp)
	}
	names := make([]string, len(comps))
	for i, c := range comps {
		if c.Name == want {
			return ok(CheckComponent, fmt.Sprintf("%q exists in %s", want, key))
		}
		names[i] = c.Name
	}
	return componentMissing(key, want, names)
}

func componentMissing(key, want string, names []string) outcome {
	summary := fmt.Sprintf("no component %q in %s", want, key)
	if len(names) == 0 {
		return fail(CheckComponent, "not_found", summary,
			"this project has no components: leave the component empty")
	}
	if near := nearMatches(want, names); len(near) > 0 {
		return fail(CheckComponent, "not_found", summary,
			fmt.Sprintf("names are exact, case included: use %q", near[0]))
	}
	sort.Strings(names)
	if len(names) > 5 {
		names = append(names[:5], "…")
	}
	return fail(CheckComponent, "not_found", summary, "use one of: "+strings.Join(names, ", "))
}

// nearMatches are names equal but for case, or within two edits.
func nearMatches(want string, names []string) []string {
	var out []string
	for _, n := range names {
		if strings.EqualFold(n, want) {
			out = append([]string{n}, out...)
		} else if editDistance(strings.ToLower(n), strings.ToLower(want)) <= 2 {
			out = append(out, n)
		}
	}
	return out
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// statuses proves the project's statuses load.
func (r *run) statuses(ctx context.Context) outcome {
	key := strings.TrimSpace(r.in.Project)
	resp, o, done := r.get(ctx, CheckStatuses, projectPath(key, "/statuses"))
	if done {
		return o
	}
	var types []struct {
		Statuses []struct {
			Name string `json:"name"`
		} `json:"statuses"`
	}
	if err := resp.decode(&types); err != nil {
		return unexpected(CheckStatuses, resp)
	}
	var names []string
	seen := map[string]bool{}
	for _, t := range types {
		for _, s := range t.Statuses {
			if !seen[s.Name] {
				seen[s.Name] = true
				names = append(names, s.Name)
			}
		}
	}
	if len(names) == 0 {
		return result(CheckStatuses, StatusWarn, "statuses.empty",
			"the project lists no statuses", "check the project's workflow scheme")
	}
	return ok(CheckStatuses, fmt.Sprintf("%d statuses: %s", len(names),
		shorten(strings.Join(names, ", "), 60)))
}
