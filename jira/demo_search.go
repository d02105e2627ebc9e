package jira

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// jqlQuery is the subset of JQL the plugins send.
type jqlQuery struct {
	project, component, assignee string
	notDone, unresolved          bool
	labels                       []string
	clauses                      int
}

// searchParams are a search's inputs, from the query string or the body.
type searchParams struct {
	JQL           string `json:"jql"`
	StartAt       int    `json:"startAt"`
	MaxResults    int    `json:"maxResults"`
	NextPageToken string `json:"nextPageToken"`
}

var (
	orderByRE = regexp.MustCompile(`(?i)\s+order\s+by\s+[\w\s,]+$`)
	clauseRE  = regexp.MustCompile(`(?i)^\s*([a-z]+)\s*(!=|=|not in|in)\s*(.+?)\s*$`)
)

// search is search (startAt paging) or search/jql (nextPageToken paging).
func (d *Demo) search(w http.ResponseWriter, r *http.Request, u *demoUser, jql bool) {
	removed := d.Scenario() == ScenarioSearchRemoved
	if removed || (!jql && d.opts.Flavor == FlavorCloud) {
		writeJiraError(w, http.StatusGone, msgSearchRemoved)
		return
	}
	if jql && d.opts.Flavor != FlavorCloud {
		writeText(w, http.StatusNotFound, "")
		return
	}
	p, msg := searchInput(r)
	if msg != "" {
		writeJiraError(w, http.StatusBadRequest, msg)
		return
	}
	q, msg := d.parseJQL(u, p.JQL)
	if msg == "" && jql && q.clauses == 0 {
		msg = "Unbounded JQL queries are not allowed here. Please add a search restriction."
	}
	if msg != "" {
		writeJiraError(w, http.StatusBadRequest, msg)
		return
	}
	d.writeIssues(w, r, d.match(q), p, jql)
}

// searchInput reads a search's parameters; the message is Jira's 400 text.
func searchInput(r *http.Request) (searchParams, string) {
	p := searchParams{MaxResults: 50}
	if r.Method == http.MethodPost {
		if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
			return p, "Invalid request payload. Refer to the REST API documentation."
		}
		return p, ""
	}
	q := r.URL.Query()
	p.JQL, p.NextPageToken = q.Get("jql"), q.Get("nextPageToken")
	p.StartAt, p.MaxResults = atoiOr(q.Get("startAt"), 0), atoiOr(q.Get("maxResults"), 50)
	return p, ""
}

func (d *Demo) writeIssues(w http.ResponseWriter, r *http.Request, all []demoIssue,
	p searchParams, jql bool) {
	start := p.StartAt
	if jql {
		raw, _ := base64.RawURLEncoding.DecodeString(p.NextPageToken)
		start = atoiOr(string(raw), 0)
	}
	size := min(100, max(1, p.MaxResults))
	start = max(0, min(start, len(all)))
	end := min(len(all), start+size)
	issues := []any{}
	for _, is := range all[start:end] {
		issues = append(issues, d.issueJSON(r, is))
	}
	if jql {
		page := map[string]any{"issues": issues, "isLast": end == len(all)}
		if end < len(all) {
			page["nextPageToken"] = base64.RawURLEncoding.EncodeToString(
				[]byte(strconv.Itoa(end)))
		}
		writeJSON(w, http.StatusOK, page)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"expand": "schema,names", "startAt": start,
		"maxResults": size, "total": len(all), "issues": issues})
}

// parseJQL reads the plugins' JQL; the message is Jira's 400 text.
func (d *Demo) parseJQL(u *demoUser, jql string) (jqlQuery, string) {
	var q jqlQuery
	body := orderByRE.ReplaceAllString(strings.TrimSpace(jql), "")
	if body == "" {
		return q, ""
	}
	for _, c := range splitAnd(body) {
		m := clauseRE.FindStringSubmatch(c)
		if m == nil {
			return q, fmt.Sprintf("Error in the JQL Query: cannot read %q.", shorten(c, 40))
		}
		if msg := d.clause(u, &q, strings.ToLower(m[1]), strings.ToLower(m[2]), m[3]); msg != "" {
			return q, msg
		}
		q.clauses++
	}
	return q, ""
}

func (d *Demo) clause(u *demoUser, q *jqlQuery, field, op, raw string) string {
	vals := jqlValues(raw)
	missing := func(v string) string {
		return fmt.Sprintf("The value '%s' does not exist for the field '%s'.", v, field)
	}
	switch field {
	case "project":
		if _, found := d.visibleProject(u, vals[0]); !found {
			return missing(vals[0])
		}
		q.project = strings.ToUpper(vals[0])
	case "component":
		if !d.componentExists(u, vals[0]) {
			return missing(vals[0])
		}
		q.component = vals[0]
	case "assignee":
		if _, found := d.data.user(vals[0]); !found {
			return missing(vals[0])
		}
		q.assignee = vals[0]
	case "statuscategory":
		q.notDone = op == "not in" || op == "!="
	case "resolution":
		q.unresolved = strings.EqualFold(vals[0], "Unresolved")
	case "labels":
		q.labels = vals
	default:
		return fmt.Sprintf("Field '%s' does not exist or you do not have permission to view it.",
			field)
	}
	return ""
}

func (d *Demo) componentExists(u *demoUser, name string) bool {
	for _, p := range d.visible(u) {
		for _, c := range p.Components {
			if strings.EqualFold(c, name) {
				return true
			}
		}
	}
	return false
}

// match filters the sample issues by q, most recently updated first.
func (d *Demo) match(q jqlQuery) []demoIssue {
	var out []demoIssue
	for _, is := range d.data.issues {
		done := is.Status == "Done"
		assignee, _ := d.data.user(q.assignee)
		switch {
		case q.project != "" && is.Project != q.project,
			q.component != "" && !strings.EqualFold(is.Component, q.component),
			q.assignee != "" && is.Assignee != assignee.Name,
			(q.notDone || q.unresolved) && done,
			len(q.labels) > 0 && !anyIn(is.Labels, q.labels):
			continue
		}
		out = append(out, is)
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Updated > out[j-1].Updated; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func (d *Demo) issueJSON(r *http.Request, is demoIssue) map[string]any {
	base := "http://" + r.Host + d.prefix
	id := strconv.Itoa(10000 + len(is.Key)*100 + atoiOr(is.Key[strings.Index(is.Key, "-")+1:], 0))
	p, _ := d.data.project(is.Project)
	fields := map[string]any{
		"summary":   is.Summary,
		"issuetype": map[string]any{"name": is.Type, "subtask": false},
		"status":    d.statusJSON(base+"/rest/api/2", d.data.status(is.Status)),
		"priority":  map[string]any{"name": is.Priority},
		"created":   is.Created + "T09:00:00.000+0000",
		"updated":   is.Updated + "T16:30:00.000+0000",
		"project":   map[string]any{"id": p.ID, "key": p.Key, "name": p.Name},
		"labels":    append([]string{}, is.Labels...), "assignee": nil, "components": []any{},
	}
	if u, found := d.data.user(is.Assignee); found && is.Assignee != "" {
		fields["assignee"] = d.userJSON(r, u, false)
	}
	if is.Component != "" {
		fields["components"] = []any{map[string]any{"name": is.Component}}
	}
	return map[string]any{"id": id, "key": is.Key, "self": base + "/rest/api/2/issue/" + id,
		"fields": fields}
}

// splitAnd splits JQL on AND outside quotes and parentheses.
func splitAnd(s string) []string {
	var out []string
	depth, quoted, last := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && quoted:
			i++
		case c == '"':
			quoted = !quoted
		case c == '(' && !quoted:
			depth++
		case c == ')' && !quoted:
			depth--
		case !quoted && depth == 0 && i+5 <= len(s) && strings.EqualFold(s[i:i+5], " and "):
			out = append(out, s[last:i])
			last, i = i+5, i+4
		}
	}
	return append(out, s[last:])
}

// jqlValues reads "a", a or ("a", "b") into plain strings.
func jqlValues(raw string) []string {
	raw = strings.TrimSpace(raw)
	if strings.HasPrefix(raw, "(") && strings.HasSuffix(raw, ")") {
		var out []string
		for _, v := range strings.Split(raw[1:len(raw)-1], ",") {
			out = append(out, unquoteJQL(v))
		}
		return out
	}
	return []string{unquoteJQL(raw)}
}

func unquoteJQL(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		v = strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(v[1 : len(v)-1])
	}
	return v
}

func anyIn(have, want []string) bool {
	for _, h := range have {
		for _, w := range want {
			if strings.EqualFold(h, w) {
				return true
			}
		}
	}
	return false
}
