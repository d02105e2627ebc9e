package jira

import (
	"encoding/base64"
	"net/http"
	"strings"
)

// Messages the real Jira sends, used by the demo.
const (
	msgPasswordsDeprecated = "Basic authentication with passwords is deprecated. For more " +
		"information, see: https://developer.atlassian.com/cloud/confluence/" +
		"deprecation-notice-basic-auth/"
	msgConnectToken  = "Failed to parse Connect Session Auth Token"
	msgBasicDisabled = "Basic Authentication has been disabled on this instance."
	msgXSRF          = "XSRF check failed"
	msgSearchRemoved = "The requested API has been removed. Please migrate to the " +
		"/rest/api/3/search/jql API. A full migration guideline is available at " +
		"https://developer.atlassian.com/changelog/#CHANGE-2046"
)

// authenticate reads the Authorization header the way the flavour's Jira
// does. It returns the user (nil: anonymous) and whether it already wrote
// a refusal.
func (d *Demo) authenticate(w http.ResponseWriter, r *http.Request,
	scenario string) (*demoUser, bool) {
	auth := r.Header.Get("Authorization")
	if scenario == ScenarioAnonymous {
		auth = ""
	}
	if auth == "" {
		w.Header().Set("X-AUSERNAME", "anonymous")
		return nil, false
	}
	if refused := d.scenarioRefusal(w, scenario); refused {
		return nil, true
	}
	realm, value, _ := strings.Cut(auth, " ")
	if strings.EqualFold(realm, "Bearer") {
		return d.bearer(w, r, value)
	}
	if !strings.EqualFold(realm, "Basic") {
		return d.failed(w), false
	}
	if scenario == ScenarioBasicDisabled {
		// Only Basic is refused: a personal access token still works.
		writeText(w, http.StatusForbidden, msgBasicDisabled)
		return nil, true
	}
	return d.basic(w, value)
}

// scenarioRefusal answers the auth faults a scenario forces.
func (d *Demo) scenarioRefusal(w http.ResponseWriter, scenario string) bool {
	switch scenario {
	case ScenarioCaptcha:
		w.Header().Set("X-Seraph-LoginReason", "AUTHENTICATION_DENIED")
		w.Header().Set("X-Authentication-Denied-Reason",
			"CAPTCHA_CHALLENGE; login-url="+d.base+"/login.jsp")
		writeText(w, http.StatusForbidden, "Forbidden")
	case ScenarioBearerOnCloud:
		writeText(w, http.StatusForbidden, msgConnectToken)
	case ScenarioWrongPassword:
		writeText(w, http.StatusUnauthorized, msgPasswordsDeprecated)
	default:
		return false
	}
	return true
}

func (d *Demo) bearer(w http.ResponseWriter, r *http.Request, pat string) (*demoUser, bool) {
	if d.opts.Flavor == FlavorCloud {
		writeText(w, http.StatusForbidden, msgConnectToken)
		return nil, true
	}
	if r.URL.Query().Get("os_authType") == "basic" {
		// The URL forces Basic: Jira ignores the Bearer header.
		w.Header().Set("WWW-Authenticate", `Basic realm="protected-area"`)
		writeJiraError(w, http.StatusUnauthorized, "You are not authenticated.")
		return nil, true
	}
	if d.Scenario() == ScenarioExpiredToken || pat != d.account.PAT {
		return d.failed(w), false
	}
	return d.welcome(w, "alice"), false
}

func (d *Demo) basic(w http.ResponseWriter, value string) (*demoUser, bool) {
	raw, err := base64.StdEncoding.DecodeString(value)
	if err != nil {
		return d.failed(w), false
	}
	login, secret, _ := strings.Cut(string(raw), ":")
	a := d.account
	if d.Scenario() == ScenarioExpiredToken {
		return d.failed(w), false
	}
	if d.opts.Flavor == FlavorCloud {
		if strings.EqualFold(login, a.Email) && secret == a.Token {
			return d.welcome(w, login), false
		}
		if !tokenShaped(secret) {
			writeText(w, http.StatusUnauthorized, msgPasswordsDeprecated)
			return nil, true
		}
		return d.failed(w), false
	}
	if (login == a.Username || strings.EqualFold(login, a.Email)) && secret == a.Password {
		return d.welcome(w, login), false
	}
	return d.failed(w), false
}

// tokenShaped reports whether s looks like an Atlassian API token.
func tokenShaped(s string) bool {
	return strings.HasPrefix(s, "ATATT3") || strings.HasPrefix(s, "ATSTT3") || len(s) == 24
}

// failed marks the answer as Jira does for rejected credentials: the
// request goes on as anonymous.
func (d *Demo) failed(w http.ResponseWriter) *demoUser {
	w.Header().Set("X-Seraph-LoginReason", "AUTHENTICATED_FAILED")
	w.Header().Set("X-AUSERNAME", "anonymous")
	return nil
}

func (d *Demo) welcome(w http.ResponseWriter, login string) *demoUser {
	u, found := d.data.user(login)
	if !found {
		return d.failed(w)
	}
	if d.opts.Flavor == FlavorCloud {
		w.Header().Set("X-AACCOUNTID", u.AccountID)
	} else {
		w.Header().Set("X-AUSERNAME", u.Name)
		w.Header().Set("X-Seraph-LoginReason", "OK")
	}
	return &u
}

// xsrfRejected is Jira's rule for POSTs: a browser User-Agent without
// X-Atlassian-Token: no-check is refused (and every POST in the scenario).
func xsrfRejected(r *http.Request, scenario string) bool {
	if r.Method != http.MethodPost {
		return false
	}
	if scenario == ScenarioXSRF {
		return true
	}
	browser := strings.HasPrefix(r.UserAgent(), "Mozilla/")
	return browser && r.Header.Get("X-Atlassian-Token") != "no-check"
}
