package jira

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// serverInfo is the part of GET rest/api/2/serverInfo the checks read.
type serverInfo struct {
	BaseURL        string `json:"baseUrl"`
	Version        string `json:"version"`
	DeploymentType string `json:"deploymentType"`
	ServerTitle    string `json:"serverTitle"`
}

// myself is the part of GET rest/api/2/myself the checks read.
type myself struct {
	AccountID    string `json:"accountId"`
	Name         string `json:"name"`
	DisplayName  string `json:"displayName"`
	EmailAddress string `json:"emailAddress"`
}

// reach asks serverInfo without credentials.
func (r *run) reach(ctx context.Context) outcome {
	c, site := r.e.c, r.site.URL
	resp, err := c.send(ctx, request{method: http.MethodGet, site: site,
		path: "rest/api/2/serverInfo"})
	if err != nil {
		return transportFailure(ctx, CheckReach, c.opts.Timeout, err)
	}
	if o, done := httpFailure(CheckReach, site, resp, true); done {
		return o
	}
	if resp.status == http.StatusUnauthorized || resp.status == http.StatusForbidden {
		return result(CheckReach, StatusWarn, "reach.login_required",
			"Jira answers, but hides serverInfo from anonymous requests",
			"fine for the cards; set jira.product yourself if the deployment is unknown")
	}
	var info serverInfo
	if err := resp.decode(&info); err != nil || (info.Version == "" && info.BaseURL == "") {
		return fail(CheckReach, "not_jira", fmt.Sprintf("serverInfo answered %d, "+
			"but not as Jira does", resp.status), "check that the URL is your Jira's base URL")
	}
	return reachOK(site, info)
}

func reachOK(site string, info serverInfo) outcome {
	dep, name := DeploymentSelfManaged, "Jira Server / Data Center"
	if strings.EqualFold(info.DeploymentType, "Cloud") {
		dep, name = DeploymentCloud, "Jira Cloud"
	}
	o := ok(CheckReach, fmt.Sprintf("%s %s", name, info.Version))
	o.dep, o.version = dep, info.Version
	if want := contextPath(info.BaseURL); want != contextPath(site) {
		o.Status, o.Code = StatusWarn, "reach.base_url_differs"
		o.Summary += ", which calls itself " + shorten(info.BaseURL, 60)
		o.Hint = "if the cards fail, use the path of " + shorten(info.BaseURL, 60)
	}
	return o
}

func contextPath(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimRight(u.Path, "/")
}

// auth asks who the credentials are, and reads every signal Jira gives.
func (r *run) auth(ctx context.Context) outcome {
	c, site, cred := r.e.c, r.site.URL, r.in.Credential
	resp, err := c.send(ctx, request{method: http.MethodGet, site: site,
		path: "rest/api/2/myself", cred: cred})
	if err != nil {
		return transportFailure(ctx, CheckAuth, c.opts.Timeout, err)
	}
	if o, done := authSignal(resp, cred); done {
		return o
	}
	if o, done := httpFailure(CheckAuth, site, resp, true); done {
		return o
	}
	if resp.status == http.StatusUnauthorized {
		return badCredentials(cred)
	}
	if resp.status == http.StatusForbidden {
		return fail(CheckAuth, "forbidden", "Jira refused these credentials (403)",
			"check the account is active and may use Jira")
	}
	var me myself
	if err := resp.decode(&me); err != nil {
		return fail(CheckAuth, "not_jira", "myself did not answer as Jira does",
			"check that the URL is your Jira's base URL")
	}
	if me.AccountID == "" && me.Name == "" {
		return anonymous()
	}
	o := ok(CheckAuth, who(me))
	o.cloudUser = me.AccountID != ""
	return o
}

// authSignal reads the headers and bodies Jira uses to say why it refused.
func authSignal(resp *response, cred Credential) (outcome, bool) {
	text := resp.text()
	switch {
	case strings.Contains(resp.header.Get("X-Authentication-Denied-Reason"), "CAPTCHA_CHALLENGE"):
		return fail(CheckAuth, "captcha", "the account is locked behind a CAPTCHA "+
			"after failed logins", "log in once in a browser to clear it, "+
			"or use a personal access token; do not retry"), true
	case resp.status == http.StatusForbidden &&
		strings.Contains(text, "Failed to parse Connect Session Auth Token"):
		return fail(CheckAuth, "bearer_on_cloud", "Jira Cloud refuses Bearer tokens",
			"use Basic: the base64 of email:token, with the realm set to basic"), true
	case resp.status == http.StatusForbidden &&
		strings.Contains(text, "Basic Authentication has been disabled"):
		return fail(CheckAuth, "basic_disabled", "this Jira has Basic authentication disabled",
			"create a personal access token and use it with the realm set to bearer"), true
	case resp.status == http.StatusUnauthorized &&
		strings.Contains(text, "Basic authentication with passwords is deprecated"):
		return fail(CheckAuth, "password", "Jira Cloud refused a password: "+
			"it takes API tokens only", "create an API token at "+
			"id.atlassian.com and encode email:token with it"), true
	case strings.Contains(resp.header.Get("X-Seraph-LoginReason"), "AUTHENTICATED_FAILED"):
		return badCredentials(cred), true
	case strings.EqualFold(resp.header.Get("X-AUSERNAME"), "anonymous") &&
		resp.header.Get("X-AACCOUNTID") == "":
		return anonymous(), true
	}
	return outcome{}, false
}

func badCredentials(cred Credential) outcome {
	if cred.Realm == RealmBearer {
		return fail(CheckAuth, "bad_credentials", "Jira rejected the personal access "+
			"token: expired, revoked or mistyped", "create a new token on your "+
			"profile's Personal Access Tokens tab")
	}
	return fail(CheckAuth, "bad_credentials", "Jira rejected the credentials: "+
		"token expired or wrong, or the email is not the account's",
		"create a new API token and encode it with the account's exact email")
}

func anonymous() outcome {
	return fail(CheckAuth, "anonymous", "Jira answered as an anonymous user: "+
		"no credentials arrived", "check the Authorization value and its Basic/Bearer "+
		"word; a proxy may strip it")
}

func who(me myself) string {
	name := me.DisplayName
	id := me.EmailAddress
	if id == "" {
		id = me.Name
	}
	switch {
	case name == "":
		return id
	case id == "":
		return name
	}
	return name + " (" + id + ")"
}
