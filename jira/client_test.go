package jira

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// fixtureServer answers paths with files from testdata and records what it got.
type fixtureServer struct {
	*httptest.Server
	mu   sync.Mutex
	got  []*http.Request
	body map[string]string // "METHOD /path" → file name or inline JSON
}

func newFixtureServer(t *testing.T, routes map[string]string) *fixtureServer {
	t.Helper()
	fs := &fixtureServer{body: routes}
	fs.Server = httptest.NewServer(http.HandlerFunc(fs.serve(t)))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *fixtureServer) serve(t *testing.T) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		fs.got = append(fs.got, r.Clone(context.Background()))
		fs.mu.Unlock()
		src, found := fs.body[r.Method+" "+r.URL.Path]
		if !found {
			http.NotFound(w, r)
			return
		}
		data := []byte(src)
		if !strings.HasPrefix(src, "{") && !strings.HasPrefix(src, "[") {
			var err error
			if data, err = os.ReadFile(filepath.Join("testdata", src)); err != nil {
				t.Errorf("fixture %s: %v", src, err)
			}
		}
		ct := "application/json;charset=UTF-8"
		if strings.HasSuffix(src, ".xml") {
			ct = "application/atom+xml"
		}
		w.Header().Set("Content-Type", ct)
		w.Write(data)
	}
}

// Answers with no recorded fixture, written in the recorded shapes.
const (
	cloudInfo    = `{"baseUrl":"","version":"1001.0.0-SNAPSHOT","deploymentType":"Cloud"}`
	dcInfo       = `{"baseUrl":"","version":"9.4.0","deploymentType":"Server"}`
	dcComponents = `[{"id":"42102","name":"Some Component"}]`
)

func TestEngine_RecordedCloudAnswers(t *testing.T) {
	fs := newFixtureServer(t, map[string]string{
		"GET /rest/api/2/serverInfo":                   cloudInfo,
		"GET /rest/api/2/myself":                       "cloud-myself.json",
		"GET /rest/api/latest/project/TEST":            "cloud-project.json",
		"GET /rest/api/latest/project/TEST/components": "cloud-project-components.json",
		"GET /rest/api/latest/project/TEST/statuses":   "cloud-project-statuses.json",
		"POST /rest/api/latest/search/jql":             "cloud-search-jql.json",
		"GET /rest/api/3/search/jql":                   "cloud-search-jql.json",
		"GET /activity":                                "cloud-activity.xml",
	})
	in := Input{Site: fs.URL, Credential: BasicCredential("mia@example.com", "tok"),
		Project: "TEST", Component: "Component 1", Suffix: "@example.com", User: "mia"}
	rep := runChecks(t, in)
	compare(t, rep, expect(nil))
	summary := map[CheckID]string{}
	for _, r := range rep.Results {
		summary[r.ID] = r.Summary
	}
	for id, want := range map[CheckID]string{CheckAuth: "Mia Krystof (mia@example.com)",
		CheckProject: `TEST "test"`, CheckSearch: "3 open issues on /search/jql",
		CheckStatuses: "3 statuses"} {
		if !strings.HasPrefix(summary[id], want) {
			t.Errorf("%s summary %q, want it to start %q", id, summary[id], want)
		}
	}
	if rep.Deployment != DeploymentCloud || rep.Version != "1001.0.0-SNAPSHOT" {
		t.Errorf("report says %q %q", rep.Deployment, rep.Version)
	}
}

func TestEngine_RecordedDataCenterAnswers(t *testing.T) {
	fs := newFixtureServer(t, map[string]string{
		"GET /rest/api/2/serverInfo":                     dcInfo,
		"GET /rest/api/2/myself":                         "dc-myself.json",
		"GET /rest/api/latest/project/ABDERA":            "dc-project.json",
		"GET /rest/api/latest/project/ABDERA/components": dcComponents,
		"GET /rest/api/latest/project/ABDERA/statuses":   "cloud-project-statuses.json",
		"POST /rest/api/latest/search":                   "dc-search.json",
		"GET /rest/api/2/search":                         "dc-search.json",
		"GET /activity":                                  "cloud-activity.xml",
	})
	in := Input{Site: fs.URL, Credential: Credential{Realm: RealmBearer, Secret: "pat"},
		Project: "ABDERA", Component: "Some Component", TokenType: "Bearer", User: "fred",
		Suffix: "@example.com"}
	rep := runChecks(t, in)
	compare(t, rep, expect(nil))
	if got := rep.Results[2].Summary; got != "Fred F. User (fred@example.com)" {
		t.Errorf("auth summary %q", got)
	}
	if got := rep.Results[6].Summary; !strings.HasPrefix(got, "6 open issues on /search") {
		t.Errorf("search summary %q", got)
	}
	for _, r := range fs.got {
		if strings.Contains(r.URL.RawQuery, "os_authType") {
			t.Errorf("activity with the Bearer annotation still forces basic: %s", r.URL)
		}
	}
}

func TestClient_ProjectsComponentsOverviewFromRecordings(t *testing.T) {
	fs := newFixtureServer(t, map[string]string{
		"GET /rest/api/3/project/search":              "cloud-project-search.json",
		"GET /rest/api/2/project":                     "dc-projects.json",
		"GET /rest/api/latest/project/HSP/components": "cloud-project-components.json",
		"GET /rest/api/latest/project/TEST":           "cloud-project.json",
		"POST /rest/api/latest/search/jql":            "cloud-search-jql.json",
		"POST /rest/api/latest/search":                "cloud-search-legacy-v3.json",
	})
	c, ctx, cred := NewClient(ClientOptions{}), context.Background(), BasicCredential("a", "b")

	page, err := c.Projects(ctx, fs.URL, cred, DeploymentCloud, "", 0)
	if err != nil || len(page.Projects) != 2 || page.Total != 7 || page.IsLast || page.Next != 2 {
		t.Errorf("cloud projects: %+v, %v", page, err)
	}
	page, err = c.Projects(ctx, fs.URL, cred, DeploymentSelfManaged, "abd", 0)
	if err != nil || len(page.Projects) != 1 || page.Projects[0].Key != "ABDERA" {
		t.Errorf("data center projects filtered by abd: %+v, %v", page, err)
	}
	comps, err := c.Components(ctx, fs.URL, cred, "HSP")
	if err != nil || len(comps) != 2 || comps[0].Name != "Component 1" {
		t.Errorf("components: %+v, %v", comps, err)
	}
	ov, err := c.Overview(ctx, fs.URL, cred, DeploymentCloud, "TEST", "", 10)
	if err != nil || ov.Project.Name != "test" || len(ov.Issues) != 3 {
		t.Fatalf("overview: %+v, %v", ov, err)
	}
	if is := ov.Issues[2]; is.Key != "TEST-3" || is.Assignee != "Person A" ||
		is.Status != "Done" || is.Priority != "Low" || is.Type != "Task" {
		t.Errorf("overview issue: %+v", is)
	}
	ov, err = c.Overview(ctx, fs.URL, cred, DeploymentSelfManaged, "TEST", "", 10)
	if err != nil || len(ov.Issues) != 6 || ov.Issues[0].StatusCategory != "new" {
		t.Errorf("overview from the legacy search: %+v, %v", ov, err)
	}
}

func TestClient_APIErrorCarriesJiraMessages(t *testing.T) {
	fs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := os.ReadFile("testdata/error-404.json")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		w.Write(data)
	}))
	defer fs.Close()
	_, err := NewClient(ClientOptions{}).Components(context.Background(), fs.URL,
		BasicCredential("a", "b"), "NOPE")
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		t.Fatalf("want an *APIError, got %v", err)
	}
	if apiErr.Status != 404 || len(apiErr.Messages) != 1 ||
		!strings.Contains(apiErr.Messages[0], "Issue does not exist") {
		t.Errorf("api error: %+v", apiErr)
	}
}

func TestClient_BodyIsCutAtTheCap(t *testing.T) {
	huge := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		chunk := bytes.Repeat([]byte("x"), 64<<10)
		for range 160 { // 10 MiB
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	defer huge.Close()
	c := NewClient(ClientOptions{MaxBody: 1024})
	resp, err := c.send(context.Background(), request{method: "GET", site: huge.URL, path: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.body) != 1024 || !resp.truncated {
		t.Errorf("read %d bytes, truncated=%v; want 1024, true", len(resp.body), resp.truncated)
	}
	if err := resp.decode(&struct{}{}); !errors.Is(err, ErrBodyTooLarge) {
		t.Errorf("decode of a cut body: %v, want ErrBodyTooLarge", err)
	}
}

func TestClient_RedirectToAnotherHostCarriesNoCredentials(t *testing.T) {
	var leaked sync.Map
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked.Store("hit", r.Header.Get("Authorization"))
		w.Write([]byte("<html>login</html>"))
	}))
	defer other.Close()
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/login", http.StatusFound)
	}))
	defer site.Close()
	in := Input{Site: site.URL, Credential: BasicCredential("a@b.c", "secret-token"),
		Project: "ABC"}
	rep := runChecks(t, in)
	if got := outcomes(rep)[CheckReach]; got != "fail reach.not_jira" {
		t.Errorf("reach: %s, want fail reach.not_jira", got)
	}
	if auth, hit := leaked.Load("hit"); hit {
		t.Errorf("the redirect was followed (Authorization %q)", auth)
	}
}

func TestClient_UnreachableServersEndWithinTheTimeout(t *testing.T) {
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedURL := "http://" + closed.Addr().String()
	closed.Close()
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	go func() { // accept and never answer
		for {
			conn, err := silent.Accept()
			if err != nil {
				return
			}
			defer conn.Close()
		}
	}()
	cases := []struct{ name, url, want string }{
		{"closed port", closedURL, "fail reach.refused"},
		{"silent server", "http://" + silent.Addr().String(), "fail reach.timeout"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// The outer deadline proves the run ends because of the 300ms
			// per-request timeout, not the test's patience.
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			e := NewEngine(NewClient(ClientOptions{Timeout: 300 * time.Millisecond}))
			rep := e.Run(ctx, Input{Site: c.url}, nil)
			if ctx.Err() != nil {
				t.Fatalf("the run outlived its 5s guard")
			}
			if got := outcomes(rep)[CheckReach]; got != c.want {
				t.Errorf("reach: %s, want %s", got, c.want)
			}
		})
	}
}

func TestClient_TransportFailuresAreNamed(t *testing.T) {
	tlsSrv := httptest.NewUnstartedServer(http.NotFoundHandler())
	tlsSrv.Config.ErrorLog = log.New(io.Discard, "", 0)
	tlsSrv.StartTLS()
	defer tlsSrv.Close()
	dns := &http.Transport{DialContext: func(context.Context, string, string) (net.Conn, error) {
		return nil, &net.DNSError{Err: "no such host", Name: "jira.invalid", IsNotFound: true}
	}}
	cases := []struct {
		name, site string
		rt         http.RoundTripper
		want       string
	}{
		{"untrusted certificate", tlsSrv.URL, nil, "fail reach.tls_untrusted"},
		{"unknown host", "https://jira.invalid", dns, "fail reach.dns"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := NewEngine(NewClient(ClientOptions{Timeout: time.Second, Transport: c.rt}))
			rep := e.Run(context.Background(), Input{Site: c.site}, nil)
			if got := outcomes(rep)[CheckReach]; got != c.want {
				t.Errorf("reach: %s, want %s", got, c.want)
			}
		})
	}
}

func TestClient_HTTPAnswersThatAreNotJira(t *testing.T) {
	cases := []struct {
		name   string
		status int
		ctype  string
		body   string
		want   string
	}{
		{"SSO page with 200", 200, "text/html", "<html>Sign in</html>", "fail reach.not_jira"},
		{"wrong context path", 404, "text/html", "<html>dead link</html>", "fail reach.wrong_path"},
		{"site unavailable", 404, "application/json",
			`{"errorMessage":"Site temporarily unavailable"}`, "fail reach.site_unavailable"},
		{"server error", 502, "text/html", "<html>bad gateway</html>", "fail reach.server_error"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", c.ctype)
				w.WriteHeader(c.status)
				w.Write([]byte(c.body))
			}
			srv := httptest.NewServer(http.HandlerFunc(h))
			defer srv.Close()
			if got := outcomes(runChecks(t, Input{Site: srv.URL}))[CheckReach]; got != c.want {
				t.Errorf("reach: %s, want %s", got, c.want)
			}
		})
	}
}
