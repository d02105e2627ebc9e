package jira

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// answer is one canned HTTP answer for the auth check's myself request.
type answer struct {
	status  int
	headers map[string]string
	ctype   string
	body    string
}

func serveAnswer(t *testing.T, a answer) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/rest/api/2/serverInfo" {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(dcInfo))
			return
		}
		for k, v := range a.headers {
			w.Header().Set(k, v)
		}
		w.Header().Set("Content-Type", a.ctype)
		w.WriteHeader(a.status)
		w.Write([]byte(a.body))
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestAuth_ReadsEverySignalJiraGives(t *testing.T) {
	const js, txt = "application/json", "text/plain"
	const bad = "fail auth.bad_credentials"
	me := `{"name":"fred","displayName":"Fred"}`
	cases := []struct {
		name string
		a    answer
		want string
	}{
		{"login failed on a 200", answer{200, map[string]string{
			"X-Seraph-LoginReason": "AUTHENTICATED_FAILED"}, js, me}, bad},
		{"login failed on a 404", answer{404, map[string]string{
			"X-Seraph-LoginReason": "AUTHENTICATED_FAILED"}, js, "{}"}, bad},
		{"anonymous 200", answer{200, map[string]string{"X-AUSERNAME": "anonymous"}, js, "{}"},
			"fail auth.anonymous"},
		{"plain 401", answer{401, nil, js, `{"errorMessages":["no"]}`}, bad},
		{"passwords deprecated", answer{401, nil, txt,
			"Basic authentication with passwords is deprecated."}, "fail auth.password"},
		{"Bearer on Cloud", answer{403, nil, txt, "Failed to parse Connect Session Auth Token"},
			"fail auth.bearer_on_cloud"},
		{"CAPTCHA", answer{403, map[string]string{"X-Authentication-Denied-Reason": "" +
			"CAPTCHA_CHALLENGE; login-url=https://jira.example.com/login.jsp"}, "text/html",
			"<html></html>"}, "fail auth.captcha"},
		{"Basic disabled", answer{403, nil, txt,
			"Basic Authentication has been disabled on this instance."},
			"fail auth.basic_disabled"},
		{"rate limited", answer{429, map[string]string{"Retry-After": "12"}, js, "{}"},
			"fail http.rate_limited"},
		{"Retry-After 0 on success is ignored", answer{200, map[string]string{
			"Retry-After": "0", "X-AUSERNAME": "fred"}, js, me}, "ok auth.ok"},
		{"HTML where JSON belongs", answer{200, nil, "text/html", "<html>sso</html>"},
			"fail auth.not_jira"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := Input{Site: serveAnswer(t, c.a), Credential: BasicCredential("fred", "pw")}
			if got := outcomes(runChecks(t, in))[CheckAuth]; got != c.want {
				t.Errorf("auth: %s, want %s", got, c.want)
			}
		})
	}
}

func TestSiteCheck_WarnsAboutPlainHTTPOffThisMachine(t *testing.T) {
	cases := []struct{ raw, want string }{
		{"http://jira.example.com", "warn site.insecure_http"},
		{"http://localhost:8080", "ok site.ok"},
		{"https://jira.example.com/jira/", "ok site.ok"},
		{"jira example", "fail site.invalid"},
	}
	for _, c := range cases {
		_, o := checkSite(c.raw)
		if got := string(o.Status) + " " + o.Code; got != c.want {
			t.Errorf("checkSite(%q) = %s, want %s", c.raw, got, c.want)
		}
		if o.Status != StatusOK && o.Hint == "" {
			t.Errorf("checkSite(%q) gives no fix", c.raw)
		}
	}
}

func TestComponent_SuggestsNearNames(t *testing.T) {
	names := []string{"Backend", "Frontend", "API Gateway"}
	cases := []struct{ want, hint string }{
		{"backend", `names are exact, case included: use "Backend"`},
		{"Fronted", `names are exact, case included: use "Frontend"`},
		{"Mobile", "use one of: API Gateway, Backend, Frontend"},
	}
	for _, c := range cases {
		if o := componentMissing("DEMO", c.want, names); o.Hint != c.hint {
			t.Errorf("%s: hint %q, want %q", c.want, o.Hint, c.hint)
		}
	}
}
