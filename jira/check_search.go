package jira

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// searchFields are the fields the overview card asks for.
var searchFields = []string{
	"key", "issuetype", "summary", "status", "assignee", "priority", "parent",
	"created", "updated", "project",
}

// searchMax is the page size of the checks' searches.
const searchMax = 50

// OverviewJQL is the overview card's query, exactly as the plugin builds it.
func OverviewJQL(key, component string) string {
	jql := fmt.Sprintf("project = %s", quoteJQL(strings.TrimSpace(key)))
	if c := strings.TrimSpace(component); c != "" {
		jql += fmt.Sprintf(" AND component = %s", quoteJQL(c))
	}
	return jql + ` AND statuscategory not in ("Done")`
}

// AssigneeJQL is the Axis dashboard's "Assigned to me" query.
func AssigneeJQL(user string) string {
	return fmt.Sprintf("assignee = %s AND resolution = Unresolved ORDER BY updated DESC",
		quoteJQL(user))
}

func quoteJQL(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// searchRequest is the overview search for a deployment: POST search/jql on
// Cloud, POST search (paged by startAt) on self-managed.
func searchRequest(dep Deployment, jql string, limit int) request {
	body := map[string]any{"jql": jql, "maxResults": limit, "fields": searchFields}
	path := "rest/api/latest/search"
	if dep == DeploymentCloud {
		path += "/jql"
	} else {
		body["startAt"] = 0
	}
	return request{method: http.MethodPost, path: path, body: body}
}

// search runs the overview card's search on the endpoint it would use.
func (r *run) search(ctx context.Context) outcome {
	dep := r.dep
	req := searchRequest(dep, OverviewJQL(r.in.Project, r.in.Component), searchMax)
	resp, o, done := r.call(ctx, CheckSearch, req)
	if done {
		return o
	}
	if o, done := searchFailure(CheckSearch, dep, resp); done {
		return o
	}
	var page searchPage
	if err := resp.decode(&page); err != nil {
		return unexpected(CheckSearch, resp)
	}
	n := page.count()
	if n == "0" {
		return result(CheckSearch, StatusWarn, "search.empty", "the search works, "+
			"but finds no open issues: the card will be empty", "fine for a quiet "+
			"project; otherwise check the component")
	}
	return ok(CheckSearch, fmt.Sprintf("%s open issues on %s", n, endpointName(dep)))
}

func endpointName(dep Deployment) string {
	if dep == DeploymentCloud {
		return "/search/jql"
	}
	return "/search"
}

// searchFailure reads the answers specific to searches.
func searchFailure(id CheckID, dep Deployment, resp *response) (outcome, bool) {
	text := resp.text()
	switch {
	case resp.status == http.StatusGone:
		hint := "upgrade the plugin: Roadie's to 2.9.0 or later, Axis with useApiV3: true"
		if dep != DeploymentCloud {
			hint = "this looks like Jira Cloud: set jira.product: cloud (or leave it out)"
		}
		return fail(id, "removed", "Jira answered 410: this search API was removed", hint), true
	case resp.status == http.StatusForbidden && strings.Contains(text, "XSRF check failed"):
		return fail(id, "xsrf", "Jira rejected the POST: XSRF check failed",
			"set a non-browser User-Agent and X-Atlassian-Token: no-check on the proxy"), true
	case resp.status == http.StatusNotFound && dep == DeploymentCloud:
		return fail(id, "wrong_product", "this Jira has no /search/jql: it is not Cloud",
			"set jira.product: datacenter in app-config.yaml"), true
	case resp.status == http.StatusBadRequest:
		return fail(id, "bad_jql", "Jira rejected the query: "+firstMessage(resp),
			"check the project key and component"), true
	}
	return outcome{}, false
}

func firstMessage(resp *response) string {
	if e := resp.apiError(); len(e.Messages) > 0 {
		return shorten(e.Messages[0], 120)
	}
	for _, v := range resp.apiError().Errors {
		return shorten(v, 120)
	}
	return http.StatusText(resp.status)
}

// activity asks the activity stream the way the card does.
func (r *run) activity(ctx context.Context) outcome {
	key := strings.TrimSpace(r.in.Project)
	bearerAnnotation := strings.Contains(r.in.TokenType, "Bearer")
	path := "activity?maxResults=25&streams=key+IS+" + url.QueryEscape(key)
	if !bearerAnnotation {
		path += "&os_authType=basic"
	}
	resp, err := r.e.c.send(ctx, request{method: http.MethodGet, site: r.site.URL,
		path: path, cred: r.in.Credential})
	if err != nil {
		return transportFailure(ctx, CheckActivity, r.e.c.opts.Timeout, err)
	}
	if o, done := httpFailure(CheckActivity, r.site.URL, resp, false); done {
		return o
	}
	return activityResult(resp, r.in.Credential, bearerAnnotation)
}

func activityResult(resp *response, cred Credential, bearerAnnotation bool) outcome {
	switch {
	case resp.status == http.StatusUnauthorized && cred.Realm == RealmBearer && !bearerAnnotation:
		return fail(CheckActivity, "needs_bearer_annotation", "the activity stream refused "+
			"the token: its URL forces Basic auth", "add the annotation jira/token-type: Bearer")
	case resp.status == http.StatusUnauthorized || resp.status == http.StatusForbidden:
		return fail(CheckActivity, "unauthorized", fmt.Sprintf("the activity stream "+
			"answered %d", resp.status), "check the token type annotation matches the realm")
	case resp.status != http.StatusOK:
		return unexpected(CheckActivity, resp)
	case !strings.Contains(resp.text(), "<feed"):
		return fail(CheckActivity, "not_jira", "the activity stream did not answer a feed",
			"an SSO or proxy intercepts /activity: exempt it, or use Jira's direct URL")
	}
	n := strings.Count(resp.text(), "<entry")
	return ok(CheckActivity, fmt.Sprintf("the activity stream answers (%d recent events)", n))
}

// assignee runs the Axis "Assigned to me" query for the user.
func (r *run) assignee(ctx context.Context) outcome {
	user := strings.TrimSpace(r.in.User) + strings.TrimSpace(r.in.Suffix)
	q := url.Values{"jql": {AssigneeJQL(user)}}
	path := "rest/api/2/search?" + q.Encode()
	dep := r.dep
	if dep == DeploymentCloud {
		q.Set("fields", "*all")
		path = "rest/api/3/search/jql?" + q.Encode()
	}
	resp, o, done := r.get(ctx, CheckAssignee, path)
	if done {
		return o
	}
	if resp.status == http.StatusBadRequest &&
		strings.Contains(resp.text(), "for the field 'assignee'") {
		return fail(CheckAssignee, "unknown_user", fmt.Sprintf("Jira knows no user %q", user),
			"check the user name and the email suffix: together they must be a Jira email")
	}
	if o, done := searchFailure(CheckAssignee, dep, resp); done {
		return o
	}
	var page searchPage
	if err := resp.decode(&page); err != nil {
		return unexpected(CheckAssignee, resp)
	}
	if page.count() == "0" {
		return result(CheckAssignee, StatusWarn, "assignee.no_issues",
			fmt.Sprintf("no open issues are assigned to %s", user),
			"fine if that is true; otherwise the suffix may not match their Jira email")
	}
	return ok(CheckAssignee, fmt.Sprintf("%s open issues assigned to %s", page.count(), user))
}
