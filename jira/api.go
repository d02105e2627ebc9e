// Package jira talks to Jira the way the two Backstage Jira plugins do.
//
// It owns the REST client (timeouts, body caps, redirect policy, a redacting
// debug log), the connectivity checks and their diagnoses, the Jira site URL
// normaliser, and the embedded demo Jira used by the program and the tests.
// It imports nothing from the UI.
//
// Where things live: client.go (NewClient, APIError), resources.go
// (Projects, Components, Overview), site.go (NormalizeSite),
// credential.go (ParseCredential), checks.go and check_*.go (NewEngine,
// Engine.Run, Engine.Forget), diagnose.go (what each answer means), and
// demo*.go (StartDemo, Scenarios).
package jira

import "time"

// Deployment is what serverInfo says about the site.
type Deployment string

// Deployments; anything that is not Cloud is treated as self-managed.
const (
	DeploymentUnknown     Deployment = ""
	DeploymentCloud       Deployment = "cloud"
	DeploymentSelfManaged Deployment = "self-managed"
)

// Realm is the Authorization scheme the plugins will use.
type Realm string

// Realms, spelled as the Authorization header spells them.
const (
	RealmBasic  Realm = "Basic"
	RealmBearer Realm = "Bearer"
)

// Credential is what goes into the Authorization header: for Basic the
// base64 of user:token, for Bearer the personal access token itself.
type Credential struct {
	Realm  Realm
	Secret string
}

// Header returns the whole Authorization value, e.g. "Basic dXNlcjp0b2s=".
func (c Credential) Header() string {
	if c.Secret == "" {
		return ""
	}
	realm := c.Realm
	if realm == "" {
		realm = RealmBasic
	}
	return string(realm) + " " + c.Secret
}

// IsZero reports whether no credential was given.
func (c Credential) IsZero() bool { return c.Secret == "" }

// CheckID names one connectivity check. The ids are part of the contract.
type CheckID string

// The checks, in the order they are shown.
const (
	CheckSite      CheckID = "site"
	CheckReach     CheckID = "reach"
	CheckAuth      CheckID = "auth"
	CheckProject   CheckID = "project"
	CheckComponent CheckID = "component"
	CheckStatuses  CheckID = "statuses"
	CheckSearch    CheckID = "search"
	CheckActivity  CheckID = "activity"
	CheckAssignee  CheckID = "assignee"
)

// CheckIDs lists every check in display order.
var CheckIDs = []CheckID{
	CheckSite, CheckReach, CheckAuth, CheckProject, CheckComponent,
	CheckStatuses, CheckSearch, CheckActivity, CheckAssignee,
}

// Status is the outcome of a check. Running is only ever an interim state
// reported while a check is in flight; it never appears in a final Report.
type Status string

// Statuses.
const (
	StatusRunning Status = "running"
	StatusOK      Status = "ok"
	StatusWarn    Status = "warn"
	StatusFail    Status = "fail"
	StatusSkipped Status = "skipped"
)

// Result is one check's outcome, rendered alike by the UI and the CLI.
// Summary is the one-line finding; Hint the one-line fix (empty when ok).
// Neither ever contains a secret.
type Result struct {
	ID      CheckID
	Status  Status
	Code    string
	Summary string
	Hint    string
	Elapsed time.Duration
}

// Input is everything the checks read. Site is the URL as the user typed
// it; the site check normalises it.
type Input struct {
	Site       string
	Credential Credential
	Project    string
	Component  string
	TokenType  string // the jira/token-type annotation value, e.g. "Bearer"
	Suffix     string // the user email suffix, with its "@"
	User       string // Backstage user name for "Assigned to me"
	// Product overrides the detected deployment, as jira.product does in
	// app-config.yaml; empty means "use what serverInfo says".
	Product Deployment
}

// Report is the final outcome of a run of all checks.
type Report struct {
	Site       string
	Deployment Deployment
	Version    string
	Results    []Result
}
