package jira

import (
	"fmt"
	"hash/crc32"
	"strings"
)

// demoUser is a person the demo Jira knows.
type demoUser struct {
	AccountID, Name, Display, Email string
}

// demoProject is a project with its components.
type demoProject struct {
	ID, Key, Name string
	Components    []string
}

// demoStatus is a workflow status with its category.
type demoStatus struct {
	ID, Name, CatKey, CatName, Color string
	CatID                            int
}

// demoIssue is one issue of the sample data.
type demoIssue struct {
	Key, Project, Summary, Type, Status, Priority, Assignee, Component string
	Labels                                                             []string
	Created, Updated                                                   string
}

// demoData is everything the demo Jira serves.
type demoData struct {
	users    []demoUser
	projects []demoProject
	statuses []demoStatus
	issues   []demoIssue
}

var demoUsers = []demoUser{
	{"712020:4a3c6a7e-1f0b-4c5d-9e2a-7b8c9d0e1f2a", "alice", "Alice Admin", "alice@example.com"},
	{"712020:5b4d7b8f-2a1c-4d6e-8f3b-8c9d0e1f2a3b", "bob", "Bob Builder", "bob@example.com"},
	{"712020:6c5e8c9a-3b2d-4e7f-9a4c-9d0e1f2a3b4c", "carol", "Carol Chen", "carol@example.com"},
	{"712020:7d6f9dab-4c3e-4f80-ab5d-0e1f2a3b4c5d", "dave", "Dave Doe", "dave@example.com"},
}

var demoProjects = []demoProject{
	{"10000", "DEMO", "Demo Service", []string{"Backend", "Frontend", "API Gateway"}},
	{"10001", "OPS", "Operations", []string{"Monitoring", "Infrastructure"}},
	{"10002", "WEB", "Web Frontend", []string{"Design System", "Checkout"}},
	{"10003", "MOB", "Mobile App", nil},
}

// demoCloudExtra are more projects on Cloud, so project paging shows.
var demoCloudExtra = []demoProject{
	{"10004", "DATA", "Data Platform", []string{"Pipelines"}},
	{"10005", "SEC", "Security", nil},
	{"10006", "HR", "People Team", nil},
}

var demoStatuses = []demoStatus{
	{"10000", "To Do", "new", "To Do", "blue-gray", 2},
	{"3", "In Progress", "indeterminate", "In Progress", "yellow", 4},
	{"10001", "In Review", "indeterminate", "In Progress", "yellow", 4},
	{"10002", "Done", "done", "Done", "green", 3},
}

var demoIssueTypes = []string{"Task", "Bug", "Story"}

var demoIssues = []demoIssue{
	{"DEMO-1", "DEMO", "Set up the service catalog entry",
		"Task", "Done", "Medium", "alice", "Backend", nil, "2026-09-01", "2026-09-03"},
	{"DEMO-2", "DEMO", "Login page returns 500 under load",
		"Bug", "In Progress", "High", "alice", "Backend", []string{"incident"},
		"2026-09-02", "2026-11-20"},
	{"DEMO-3", "DEMO", "Add dark mode to the dashboard",
		"Story", "To Do", "Low", "bob", "Frontend", nil, "2026-09-05", "2026-11-18"},
	{"DEMO-4", "DEMO", "Rate limit the public API",
		"Story", "In Review", "High", "carol", "API Gateway", nil, "2026-09-10", "2026-11-25"},
	{"DEMO-5", "DEMO", "Document the deploy runbook",
		"Task", "To Do", "Medium", "", "", nil, "2026-10-01", "2026-11-02"},
	{"DEMO-6", "DEMO", "Flaky test in the billing client",
		"Bug", "To Do", "Medium", "alice", "Backend", []string{"tests"},
		"2026-10-12", "2026-11-27"},
	{"DEMO-7", "DEMO", "Upgrade the Node runtime",
		"Task", "In Progress", "Low", "bob", "Frontend", nil, "2026-10-20", "2026-11-26"},
	{"OPS-1", "OPS", "Alert on disk usage over 80%",
		"Task", "To Do", "High", "carol", "Monitoring", nil, "2026-08-11", "2026-11-01"},
	{"OPS-2", "OPS", "Rotate the TLS certificates",
		"Task", "Done", "High", "alice", "Infrastructure", nil, "2026-08-15", "2026-09-01"},
	{"OPS-3", "OPS", "Move backups to the new region",
		"Story", "In Progress", "Medium", "bob", "Infrastructure", nil, "2026-09-21", "2026-11-23"},
	{"WEB-1", "WEB", "Button focus ring is invisible",
		"Bug", "To Do", "Medium", "bob", "Design System", []string{"a11y"},
		"2026-10-02", "2026-11-10"},
	{"WEB-2", "WEB", "Checkout total rounds wrong",
		"Bug", "In Review", "Highest", "carol", "Checkout", nil, "2026-10-05", "2026-11-24"},
}

func newDemoData(f Flavor) *demoData {
	d := &demoData{users: demoUsers, statuses: demoStatuses, issues: demoIssues}
	d.projects = append(d.projects, demoProjects...)
	if f == FlavorCloud {
		d.projects = append(d.projects, demoCloudExtra...)
	}
	return d
}

func (d *demoData) project(key string) (demoProject, bool) {
	for _, p := range d.projects {
		if strings.EqualFold(p.Key, key) {
			return p, true
		}
	}
	return demoProject{}, false
}

func (d *demoData) user(login string) (demoUser, bool) {
	for _, u := range d.users {
		if strings.EqualFold(u.Email, login) || strings.EqualFold(u.Name, login) ||
			u.AccountID == login {
			return u, true
		}
	}
	return demoUser{}, false
}

func (d *demoData) status(name string) demoStatus {
	for _, s := range d.statuses {
		if s.Name == name {
			return s
		}
	}
	return d.statuses[0]
}

// demoToken builds a realistic Cloud API token: ATATT3, 192 characters,
// the last 8 a CRC32 (hex) of the first 184. It is a demo secret.
func demoToken(seed string) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	var b strings.Builder
	b.WriteString("ATATT3xFfGF0")
	x := crc32.ChecksumIEEE([]byte(seed))
	for b.Len() < 183 {
		x = x*1664525 + 1013904223
		b.WriteByte(alphabet[x>>26])
	}
	b.WriteByte('=')
	head := b.String()
	return head + fmt.Sprintf("%08X", crc32.ChecksumIEEE([]byte(head)))
}

// demoPAT builds a Data Center personal access token shape: 44 characters
// of the standard base64 alphabet, as Jira issues them.
func demoPAT(seed string) string {
	t := strings.NewReplacer("-", "+", "_", "/").Replace(demoToken(seed + "/pat"))
	return "NjE4" + t[20:60]
}
