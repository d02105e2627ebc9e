package jira

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var restRE = regexp.MustCompile(`^/rest/api/(2|3|latest)/(.+)$`)

// route answers one request after the latency, as the flavour's Jira would.
func (d *Demo) route(w http.ResponseWriter, r *http.Request, scenario, path string) {
	if d.fault(w, r, scenario, path) {
		return
	}
	m := restRE.FindStringSubmatch(path)
	if m != nil && m[2] == "serverInfo" {
		d.serverInfo(w, r)
		return
	}
	if xsrfRejected(r, scenario) {
		writeText(w, http.StatusForbidden, msgXSRF)
		return
	}
	u, refused := d.authenticate(w, r, scenario)
	if refused {
		return
	}
	switch {
	case path == "/activity":
		d.activity(w, r, u)
	case m != nil:
		d.rest(w, r, u, m[2])
	default:
		notFoundPage(w)
	}
}

// fault answers for the scenarios that stop a request before Jira.
func (d *Demo) fault(w http.ResponseWriter, r *http.Request, scenario, path string) bool {
	switch scenario {
	case ScenarioSSO:
		if !strings.HasPrefix(path, "/rest") && path != "/activity" {
			return false
		}
		login := "https://sso.example.com/login?continue=" + url.QueryEscape(d.base+path)
		w.Header().Set("Location", login)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusFound)
		w.Write([]byte(`<html><body>Redirecting to sign in…</body></html>`))
	case ScenarioSiteUnavailable:
		writeJSON(w, http.StatusNotFound, map[string]string{
			"errorMessage": "Site temporarily unavailable"})
	case ScenarioServerError:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("<html><body><h1>503 Service Unavailable</h1></body></html>"))
	case ScenarioRateLimited:
		w.Header().Set("Retry-After", "30")
		w.Header().Set("X-RateLimit-Limit", "100")
		w.Header().Set("X-RateLimit-Remaining", "0")
		reset := time.Now().Add(30 * time.Second).UTC()
		w.Header().Set("X-RateLimit-Reset", reset.Format(time.RFC3339))
		writeJiraError(w, http.StatusTooManyRequests, "Rate limit exceeded.")
	default:
		return false
	}
	return true
}

// rest answers rest/api/{2,3,latest}/sub; the version changes nothing here.
func (d *Demo) rest(w http.ResponseWriter, r *http.Request, u *demoUser, sub string) {
	parts := strings.Split(sub, "/")
	switch {
	case sub == "myself":
		d.myself(w, r, u)
	case sub == "project":
		d.projectList(w, r, u)
	case sub == "project/search":
		d.projectSearch(w, r, u)
	case parts[0] == "project" && len(parts) <= 3:
		d.projectPart(w, r, u, parts[1:])
	case sub == "search" || sub == "search/jql":
		d.search(w, r, u, sub == "search/jql")
	default:
		writeText(w, http.StatusNotFound, "")
	}
}

func (d *Demo) serverInfo(w http.ResponseWriter, r *http.Request) {
	info := map[string]any{
		"baseUrl": "http://" + r.Host + d.prefix, "serverTitle": "Jira",
		"buildDate": "2026-10-01T10:00:00.000+0000", "defaultLocale": map[string]string{
			"locale": "en_US"},
		"serverTime": time.Now().UTC().Format("2006-01-02T15:04:05.000+0000"),
		"scmInfo":    "948b370c557f4bbf768b92203f3aca5d86ee9758",
	}
	if d.opts.Flavor == FlavorCloud {
		info["version"], info["versionNumbers"] = "1001.0.0-SNAPSHOT", []int{1001, 0, 0}
		info["deploymentType"], info["buildNumber"] = "Cloud", 100275
	} else {
		info["version"], info["versionNumbers"] = "9.12.15", []int{9, 12, 15}
		info["deploymentType"], info["buildNumber"] = "Server", 9120015
	}
	writeJSON(w, http.StatusOK, info)
}

func (d *Demo) myself(w http.ResponseWriter, r *http.Request, u *demoUser) {
	if u == nil {
		msg := "Client must be authenticated to access this resource."
		if d.opts.Flavor == FlavorDataCenter {
			msg = "You are not authenticated. Authentication required to perform this operation."
		}
		writeJiraError(w, http.StatusUnauthorized, msg)
		return
	}
	writeJSON(w, http.StatusOK, d.userJSON(r, *u, true))
}

// userJSON is a user as the flavour shows one.
func (d *Demo) userJSON(r *http.Request, u demoUser, full bool) map[string]any {
	base := "http://" + r.Host + d.prefix
	out := map[string]any{"displayName": u.Display, "emailAddress": u.Email, "active": true,
		"avatarUrls": map[string]string{}}
	if d.opts.Flavor == FlavorCloud {
		out["accountId"], out["accountType"] = u.AccountID, "atlassian"
		out["self"] = base + "/rest/api/2/user?accountId=" + u.AccountID
	} else {
		out["name"], out["key"] = u.Name, "JIRAUSER"+strconv.Itoa(10000+len(u.Name))
		out["self"] = base + "/rest/api/2/user?username=" + u.Name
	}
	if full {
		out["timeZone"], out["locale"] = "Europe/London", "en_US"
		out["groups"] = map[string]any{"size": 2, "items": []any{}}
	}
	return out
}

// visible is the projects the user can browse now.
func (d *Demo) visible(u *demoUser) []demoProject {
	if u == nil {
		return nil
	}
	var out []demoProject
	for _, p := range d.data.projects {
		if p.Key == "DEMO" && d.Scenario() == ScenarioNoProject {
			continue
		}
		out = append(out, p)
	}
	return out
}

func (d *Demo) visibleProject(u *demoUser, key string) (demoProject, bool) {
	for _, p := range d.visible(u) {
		if strings.EqualFold(p.Key, key) {
			return p, true
		}
	}
	return demoProject{}, false
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func writeJiraError(w http.ResponseWriter, status int, msgs ...string) {
	writeJSON(w, status, map[string]any{"errorMessages": msgs, "errors": map[string]any{}})
}

func writeText(w http.ResponseWriter, status int, text string) {
	w.Header().Set("Content-Type", "text/plain;charset=UTF-8")
	w.WriteHeader(status)
	w.Write([]byte(text))
}

func notFoundPage(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html;charset=UTF-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write([]byte("<!DOCTYPE html><html><head><title>Oops, you've found a dead link - " +
		"Jira</title></head><body>Oops, you've found a dead link.</body></html>"))
}
