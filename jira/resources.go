package jira

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Project is one Jira project as the pickers show it.
type Project struct {
	ID   string `json:"id"`
	Key  string `json:"key"`
	Name string `json:"name"`
}

// ProjectPage is one page of projects. Next is the startAt of the next page.
type ProjectPage struct {
	Projects []Project
	StartAt  int
	Total    int
	IsLast   bool
	Next     int
}

// Component is one project component.
type Component struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
}

// Issue is what a card row shows of an issue.
type Issue struct {
	Key            string
	Summary        string
	Status         string
	StatusCategory string // new, indeterminate or done
	Type           string
	Assignee       string // display name; empty when unassigned
	Priority       string
}

// Overview is what the overview card would show for a project.
type Overview struct {
	Project Project
	JQL     string
	Issues  []Issue
}

// ProjectsPageSize is how many projects Projects asks for at a time.
const ProjectsPageSize = 50

// searchPage reads both search shapes: startAt/total and isLast.
type searchPage struct {
	Total  *int       `json:"total"`
	IsLast *bool      `json:"isLast"`
	Issues []rawIssue `json:"issues"`
}

type rawIssue struct {
	Key    string `json:"key"`
	Fields struct {
		Summary string `json:"summary"`
		Status  struct {
			Name     string `json:"name"`
			Category struct {
				Key string `json:"key"`
			} `json:"statusCategory"`
		} `json:"status"`
		IssueType struct {
			Name string `json:"name"`
		} `json:"issuetype"`
		Assignee *struct {
			DisplayName string `json:"displayName"`
		} `json:"assignee"`
		Priority *struct {
			Name string `json:"name"`
		} `json:"priority"`
	} `json:"fields"`
}

// count is the total when Jira gives one, else the issues on this page
// (with "+" when more pages follow).
func (p searchPage) count() string {
	if p.Total != nil {
		return strconv.Itoa(*p.Total)
	}
	n := strconv.Itoa(len(p.Issues))
	if p.IsLast != nil && !*p.IsLast {
		n += "+"
	}
	return n
}

func (ri rawIssue) issue() Issue {
	f := ri.Fields
	is := Issue{Key: ri.Key, Summary: f.Summary, Status: f.Status.Name,
		StatusCategory: f.Status.Category.Key, Type: f.IssueType.Name}
	if f.Assignee != nil {
		is.Assignee = f.Assignee.DisplayName
	}
	if f.Priority != nil {
		is.Priority = f.Priority.Name
	}
	return is
}

// Projects lists the projects the credential can see, a page at a time:
// on Cloud from rest/api/3/project/search, elsewhere from rest/api/2/project
// filtered here. query matches key or name, case-insensitively.
func (c *Client) Projects(ctx context.Context, site string, cred Credential,
	dep Deployment, query string, startAt int) (ProjectPage, error) {
	if dep == DeploymentCloud {
		return c.cloudProjects(ctx, site, cred, query, startAt)
	}
	var all []Project
	r := request{method: http.MethodGet, site: site, path: "rest/api/2/project", cred: cred}
	if err := c.getJSON(ctx, r, &all); err != nil {
		return ProjectPage{}, fmt.Errorf("list projects: %w", err)
	}
	return pageOf(filterProjects(all, query), startAt), nil
}

func (c *Client) cloudProjects(ctx context.Context, site string, cred Credential,
	query string, startAt int) (ProjectPage, error) {
	q := url.Values{"query": {query}, "startAt": {strconv.Itoa(startAt)},
		"maxResults": {strconv.Itoa(ProjectsPageSize)}}
	var page struct {
		StartAt int       `json:"startAt"`
		Total   int       `json:"total"`
		IsLast  bool      `json:"isLast"`
		Values  []Project `json:"values"`
	}
	r := request{method: http.MethodGet, site: site, cred: cred,
		path: "rest/api/3/project/search?" + q.Encode()}
	if err := c.getJSON(ctx, r, &page); err != nil {
		return ProjectPage{}, fmt.Errorf("search projects: %w", err)
	}
	return ProjectPage{Projects: page.Values, StartAt: page.StartAt, Total: page.Total,
		IsLast: page.IsLast, Next: page.StartAt + len(page.Values)}, nil
}

func filterProjects(all []Project, query string) []Project {
	q := strings.ToLower(strings.TrimSpace(query))
	var out []Project
	for _, p := range all {
		if q == "" || strings.Contains(strings.ToLower(p.Key), q) ||
			strings.Contains(strings.ToLower(p.Name), q) {
			out = append(out, p)
		}
	}
	return out
}

func pageOf(all []Project, startAt int) ProjectPage {
	startAt = max(0, min(startAt, len(all)))
	end := min(len(all), startAt+ProjectsPageSize)
	return ProjectPage{Projects: all[startAt:end], StartAt: startAt, Total: len(all),
		IsLast: end == len(all), Next: end}
}

// Components lists a project's components.
func (c *Client) Components(ctx context.Context, site string, cred Credential,
	key string) ([]Component, error) {
	var comps []Component
	r := request{method: http.MethodGet, site: site, cred: cred,
		path: projectPath(key, "/components")}
	if err := c.getJSON(ctx, r, &comps); err != nil {
		return nil, fmt.Errorf("list components of %s: %w", key, err)
	}
	return comps, nil
}

// Overview fetches what the overview card shows: the project and the first
// limit issues of its overview search, on the endpoint for dep.
func (c *Client) Overview(ctx context.Context, site string, cred Credential,
	dep Deployment, key, component string, limit int) (Overview, error) {
	ov := Overview{JQL: OverviewJQL(key, component)}
	r := request{method: http.MethodGet, site: site, cred: cred, path: projectPath(key, "")}
	if err := c.getJSON(ctx, r, &ov.Project); err != nil {
		return ov, fmt.Errorf("load project %s: %w", key, err)
	}
	if limit <= 0 {
		limit = 10
	}
	sr := searchRequest(dep, ov.JQL, limit)
	sr.site, sr.cred = site, cred
	var page searchPage
	if err := c.getJSON(ctx, sr, &page); err != nil {
		return ov, fmt.Errorf("search issues of %s: %w", key, err)
	}
	for _, ri := range page.Issues {
		ov.Issues = append(ov.Issues, ri.issue())
	}
	return ov, nil
}
