package jira

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// Site is a Jira base URL as the plugins want it: scheme, host, and a Data
// Center context path when there is one; no trailing slash, no browser path.
type Site struct {
	URL        string   // the normalised base URL
	Changes    []string // what normalisation changed, in words
	ProjectKey string   // a project key found in the pasted link, if any
	Insecure   bool     // the site uses plain http
}

// ErrInvalidSite is wrapped by every NormalizeSite error.
var ErrInvalidSite = errors.New("invalid site URL")

var (
	schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*://`)
	keyRE    = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{0,254}$`)
	issueRE  = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_]{0,254})-[0-9]+$`)
)

// browseRoots start a path a browser shows but the REST base never has.
var browseRoots = map[string]bool{
	"browse": true, "projects": true, "secure": true, "rest": true,
	"plugins": true, "issues": true, "servicedesk": true, "login.jsp": true,
	"dashboard.jsp": true, "activity": true, "wiki": true,
}

// cloudApps follow /jira/ on Cloud links (and on DC links under /jira).
var cloudApps = map[string]bool{
	"software": true, "core": true, "servicedesk": true, "your-work": true,
	"projects": true, "dashboards": true, "issues": true, "people": true,
	"for-you": true, "plans": true, "boards": true, "filters": true,
}

// NormalizeSite turns what a user pastes (a site, or any Jira link) into the
// base URL the plugins need, and says what it changed.
func NormalizeSite(raw string) (Site, error) {
	var site Site
	s := strings.TrimSpace(raw)
	if s == "" {
		return site, invalid("the site URL is empty: paste your Jira address, " +
			"e.g. https://your-company.atlassian.net")
	}
	if strings.ContainsFunc(s, isSpace) {
		return site, invalid("the site URL contains spaces: paste the address alone")
	}
	if !schemeRE.MatchString(s) {
		s = "https://" + strings.TrimPrefix(s, "//")
		site.Changes = append(site.Changes, "added https:// in front")
	}
	u, err := url.Parse(s)
	if err != nil {
		return site, invalid("the site URL does not parse: check for typos")
	}
	if err := checkURL(u); err != nil {
		return site, err
	}
	return normalizeParsed(site, u), nil
}

func checkURL(u *url.URL) error {
	scheme := strings.ToLower(u.Scheme)
	if scheme != "https" && scheme != "http" {
		return invalid(fmt.Sprintf("the site URL starts with %s://: use https://",
			shorten(scheme, 16)))
	}
	if u.User != nil {
		return invalid("the site URL contains a user name or password: remove it; " +
			"the credentials go in JIRA_API_TOKEN")
	}
	if u.Hostname() == "" || u.Opaque != "" {
		return invalid("the site URL has no host name: use https://your-jira-host")
	}
	if strings.ContainsAny(u.Host, "%\\") {
		return invalid("the site URL host has odd characters: check for typos")
	}
	return nil
}

func normalizeParsed(site Site, u *url.URL) Site {
	scheme := strings.ToLower(u.Scheme)
	site.Insecure = scheme == "http"
	host := strings.ToLower(u.Host)
	if host != u.Host {
		site.Changes = append(site.Changes, "lower-cased the host name")
	}
	if u.RawQuery != "" || u.ForceQuery {
		site.Changes = append(site.Changes, "removed the query (?…)")
	}
	if u.Fragment != "" {
		site.Changes = append(site.Changes, "removed the fragment (#…)")
	}
	segs := splitPath(u.EscapedPath())
	cloud := strings.HasSuffix(strings.ToLower(u.Hostname()), ".atlassian.net")
	ctx, rest := splitContext(segs, cloud)
	if len(rest) > 0 {
		site.Changes = append(site.Changes,
			"removed the browser path /"+shorten(strings.Join(rest, "/"), 60))
		site.ProjectKey = projectKey(rest)
	} else if strings.HasSuffix(u.EscapedPath(), "/") && u.EscapedPath() != "" {
		site.Changes = append(site.Changes, "removed the trailing slash")
	}
	site.URL = scheme + "://" + host
	if len(ctx) > 0 {
		site.URL += "/" + strings.Join(ctx, "/")
	}
	return site
}

// splitPath returns the non-empty segments of an escaped path.
func splitPath(p string) []string {
	var out []string
	for _, s := range strings.Split(p, "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// splitContext separates a Data Center context path from a browser path.
// Cloud sites have no context path, so everything after the host goes.
func splitContext(segs []string, cloud bool) (ctx, rest []string) {
	if cloud {
		return nil, segs
	}
	for i, s := range segs {
		low := strings.ToLower(s)
		if browseRoots[low] || strings.HasSuffix(low, ".jspa") ||
			(low == "jira" && i+1 < len(segs) && cloudApps[strings.ToLower(segs[i+1])]) {
			return segs[:i], segs[i:]
		}
	}
	return segs, nil
}

// projectKey finds KEY in browse/KEY-1, projects/KEY and friends.
func projectKey(rest []string) string {
	for i := 0; i+1 < len(rest); i++ {
		next, _ := url.PathUnescape(rest[i+1])
		switch strings.ToLower(rest[i]) {
		case "browse":
			if m := issueRE.FindStringSubmatch(next); m != nil {
				return strings.ToUpper(m[1])
			}
			if keyRE.MatchString(next) {
				return strings.ToUpper(next)
			}
		case "projects":
			if keyRE.MatchString(next) {
				return strings.ToUpper(next)
			}
		}
	}
	return ""
}

func invalid(msg string) error { return fmt.Errorf("%w: %s", ErrInvalidSite, msg) }

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' ||
		r == 0x85 || r == 0xA0
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
