package jira

import (
	"fmt"
	"html"
	"net/http"
	"strconv"
	"strings"
)

func (d *Demo) projectJSON(r *http.Request, p demoProject, full bool) map[string]any {
	base := "http://" + r.Host + d.prefix
	out := map[string]any{
		"self": base + "/rest/api/2/project/" + p.ID, "id": p.ID, "key": p.Key,
		"name": p.Name, "avatarUrls": map[string]string{}, "projectTypeKey": "software",
		"simplified": false, "style": "classic", "isPrivate": false,
	}
	if !full {
		return out
	}
	lead := d.data.users[0]
	out["expand"] = "description,lead,issueTypes,url,projectKeys,permissions,insight"
	out["description"], out["assigneeType"] = "", "UNASSIGNED"
	out["lead"] = d.userJSON(r, lead, false)
	out["components"] = d.componentsJSON(r, p)
	out["versions"], out["roles"], out["properties"] = []any{}, map[string]any{}, map[string]any{}
	var types []any
	for i, t := range demoIssueTypes {
		types = append(types, map[string]any{"id": strconv.Itoa(10001 + i), "name": t,
			"subtask": false, "hierarchyLevel": 0})
	}
	out["issueTypes"] = types
	return out
}

func (d *Demo) componentsJSON(r *http.Request, p demoProject) []any {
	base := "http://" + r.Host + d.prefix
	out := []any{}
	for i, name := range p.Components {
		id := p.ID + strconv.Itoa(i)
		out = append(out, map[string]any{
			"self": base + "/rest/api/2/component/" + id, "id": id, "name": name,
			"description": name + " of " + p.Name, "assigneeType": "PROJECT_DEFAULT",
			"realAssigneeType": "PROJECT_DEFAULT", "isAssigneeTypeValid": false,
			"project": p.Key, "projectId": p.ID,
		})
	}
	return out
}

// projectList is GET rest/api/2/project: one array, no paging.
func (d *Demo) projectList(w http.ResponseWriter, r *http.Request, u *demoUser) {
	out := []any{}
	for _, p := range d.visible(u) {
		out = append(out, d.projectJSON(r, p, false))
	}
	writeJSON(w, http.StatusOK, out)
}

// projectSearch is Cloud's paged GET rest/api/3/project/search.
func (d *Demo) projectSearch(w http.ResponseWriter, r *http.Request, u *demoUser) {
	if d.opts.Flavor != FlavorCloud {
		writeText(w, http.StatusNotFound, "")
		return
	}
	q := r.URL.Query()
	start := max(0, atoiOr(q.Get("startAt"), 0))
	size := min(100, max(1, atoiOr(q.Get("maxResults"), 50)))
	query := strings.ToLower(q.Get("query"))
	var all []demoProject
	for _, p := range d.visible(u) {
		if strings.Contains(strings.ToLower(p.Key+" "+p.Name), query) {
			all = append(all, p)
		}
	}
	start = min(start, len(all))
	end := min(len(all), start+size)
	values := []any{}
	for _, p := range all[start:end] {
		values = append(values, d.projectJSON(r, p, false))
	}
	page := map[string]any{"startAt": start, "maxResults": size, "total": len(all),
		"isLast": end == len(all), "values": values,
		"self": "http://" + r.Host + r.URL.RequestURI()}
	if end < len(all) {
		page["nextPage"] = fmt.Sprintf("http://%s%s/rest/api/3/project/search?startAt=%d"+
			"&maxResults=%d", r.Host, d.prefix, end, size)
	}
	writeJSON(w, http.StatusOK, page)
}

// projectPart is GET project/{KEY}, …/components and …/statuses.
func (d *Demo) projectPart(w http.ResponseWriter, r *http.Request, u *demoUser, parts []string) {
	key := parts[0]
	p, found := d.visibleProject(u, key)
	if !found {
		writeJiraError(w, http.StatusNotFound,
			fmt.Sprintf("No project could be found with key '%s'.", key))
		return
	}
	switch {
	case len(parts) == 1:
		writeJSON(w, http.StatusOK, d.projectJSON(r, p, true))
	case parts[1] == "components":
		writeJSON(w, http.StatusOK, d.componentsJSON(r, p))
	case parts[1] == "statuses":
		writeJSON(w, http.StatusOK, d.statusesJSON(r))
	default:
		writeText(w, http.StatusNotFound, "")
	}
}

func (d *Demo) statusesJSON(r *http.Request) []any {
	base := "http://" + r.Host + d.prefix + "/rest/api/latest"
	var statuses []any
	for _, s := range d.data.statuses {
		statuses = append(statuses, d.statusJSON(base, s))
	}
	var out []any
	for i, t := range demoIssueTypes {
		id := strconv.Itoa(10001 + i)
		out = append(out, map[string]any{"self": base + "/issuetype/" + id, "id": id,
			"name": t, "subtask": false, "statuses": statuses})
	}
	return out
}

func (d *Demo) statusJSON(base string, s demoStatus) map[string]any {
	return map[string]any{
		"self": base + "/status/" + s.ID, "id": s.ID, "name": s.Name,
		"untranslatedName": s.Name, "description": "", "iconUrl": base + "/",
		"statusCategory": map[string]any{"self": base + "/statuscategory/" +
			strconv.Itoa(s.CatID), "id": s.CatID, "key": s.CatKey, "colorName": s.Color,
			"name": s.CatName},
	}
}

// activity is the Atom feed of GET activity?streams=key+IS+KEY.
func (d *Demo) activity(w http.ResponseWriter, r *http.Request, u *demoUser) {
	if u == nil {
		writeJiraError(w, http.StatusUnauthorized, "You are not authenticated.")
		return
	}
	key := strings.TrimPrefix(r.URL.Query().Get("streams"), "key IS ")
	base := "http://" + r.Host + d.prefix
	var b strings.Builder
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:atlassian=` +
		`"http://streams.atlassian.com/syndication/general/1.0">`)
	fmt.Fprintf(&b, `<id>%s</id><title type="text">Activity Streams</title>`,
		html.EscapeString(base+r.URL.RequestURI()))
	if _, found := d.visibleProject(u, key); found {
		for i, is := range d.data.issues {
			if is.Project != key {
				continue
			}
			fmt.Fprintf(&b, `<entry><id>urn:uuid:demo-%d</id><title type="html">%s updated `+
				`%s - %s</title><updated>%sT12:00:00.000Z</updated><link href="%s/browse/%s"/>`+
				`</entry>`, i, html.EscapeString(u.Display), is.Key,
				html.EscapeString(is.Summary), is.Updated, base, is.Key)
		}
	}
	b.WriteString("</feed>")
	w.Header().Set("Content-Type", "application/atom+xml;charset=UTF-8")
	w.WriteHeader(http.StatusOK)
	w.Write([]byte(b.String()))
}

func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return def
}
