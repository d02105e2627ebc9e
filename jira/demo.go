package jira

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Flavor is the kind of Jira the demo plays.
type Flavor string

// Flavours of the demo Jira.
const (
	FlavorCloud      Flavor = "cloud"
	FlavorDataCenter Flavor = "datacenter"
)

// DemoOptions configure StartDemo. The zero value is a healthy Cloud demo
// on a free loopback port.
type DemoOptions struct {
	Addr     string        // listen address; "" means 127.0.0.1:0
	Flavor   Flavor        // "" means cloud
	Scenario string        // "" means healthy
	Latency  time.Duration // added to every answer
}

// DemoAccount is the demo's own account. Cloud takes Basic email:Token;
// Data Center takes Basic Username:Password or Bearer PAT. These are demo
// secrets, fine to print.
type DemoAccount struct {
	Email    string
	Username string
	Password string // Data Center only
	Token    string // Cloud API token (ATATT3…, 192 characters)
	PAT      string // Data Center personal access token
	flavor   Flavor
}

// DemoRequest is one request the demo received, for tests and the wizard.
type DemoRequest struct {
	Method        string
	Path          string // without the context path, with the raw query
	Authorization bool   // an Authorization header was sent
	UserAgent     string
}

// Demo is a running demo Jira on loopback.
type Demo struct {
	opts     DemoOptions
	srv      *http.Server
	ln       net.Listener
	base     string
	prefix   string // the Data Center context path, "/jira"
	account  DemoAccount
	data     *demoData
	mu       sync.Mutex
	scenario string
	requests []DemoRequest
}

// ParseFlavor reads "cloud" or "datacenter" (also "dc", "server").
func ParseFlavor(s string) (Flavor, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "cloud":
		return FlavorCloud, nil
	case "datacenter", "data-center", "dc", "server":
		return FlavorDataCenter, nil
	}
	return "", fmt.Errorf("unknown flavour %q: use cloud or datacenter", s)
}

// Credential is what Roadie would store for the demo: Basic email:token on
// Cloud, the PAT with realm Bearer on Data Center.
func (a DemoAccount) Credential() Credential {
	if a.flavor == FlavorDataCenter {
		return Credential{Realm: RealmBearer, Secret: a.PAT}
	}
	return BasicCredential(a.Email, a.Token)
}

// StartDemo starts a demo Jira and returns once it accepts connections.
func StartDemo(opts DemoOptions) (*Demo, error) {
	if opts.Flavor == "" {
		opts.Flavor = FlavorCloud
	}
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	d := &Demo{opts: opts, data: newDemoData(opts.Flavor), scenario: ScenarioHealthy}
	if err := d.SetScenario(opts.Scenario); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("start the demo jira on %s: %w", opts.Addr, err)
	}
	d.ln = ln
	if opts.Flavor == FlavorDataCenter {
		d.prefix = "/jira"
	}
	d.base = "http://" + ln.Addr().String() + d.prefix
	d.account = DemoAccount{Email: "alice@example.com", Username: "alice",
		Token: demoToken("alice@example.com"), flavor: opts.Flavor}
	if opts.Flavor == FlavorDataCenter {
		d.account.Password, d.account.PAT = "demo-password", demoPAT("alice")
		d.account.Token = ""
	}
	d.srv = &http.Server{Handler: http.HandlerFunc(d.serve), ReadHeaderTimeout: 5 * time.Second}
	go d.srv.Serve(ln)
	return d, nil
}

// URL is the demo site's base URL (with /jira on Data Center).
func (d *Demo) URL() string { return d.base }

// Account is the demo account the wizard pre-fills.
func (d *Demo) Account() DemoAccount { return d.account }

// Flavor is the demo's flavour.
func (d *Demo) Flavor() Flavor { return d.opts.Flavor }

// Input is a complete, healthy set of check inputs for the demo.
func (d *Demo) Input() Input {
	in := Input{Site: d.base, Credential: d.account.Credential(), Project: "DEMO",
		Component: "Backend", Suffix: "@example.com", User: "alice"}
	if d.opts.Flavor == FlavorDataCenter {
		in.TokenType = "Bearer" // the PAT is sent as Bearer: the activity card needs it
	}
	return in
}

// SetScenario switches the fault the demo plays; safe while it serves.
func (d *Demo) SetScenario(name string) error {
	if name == "" {
		name = ScenarioHealthy
	}
	s, found := findScenario(name)
	if !found {
		return fmt.Errorf("unknown demo scenario %q: see jira-setup demo-server -h", name)
	}
	if !s.Supports(d.opts.Flavor) {
		return fmt.Errorf("scenario %q needs the %s flavour", name, s.Flavors[0])
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.scenario = name
	return nil
}

// Scenario is the current scenario's name.
func (d *Demo) Scenario() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.scenario
}

// Requests returns what the demo received so far, oldest first.
func (d *Demo) Requests() []DemoRequest {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]DemoRequest(nil), d.requests...)
}

// ResetRequests forgets the recorded requests.
func (d *Demo) ResetRequests() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.requests = nil
}

// Close stops the demo and drops open connections.
func (d *Demo) Close() error {
	err := d.srv.Close()
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// serve records the request, waits the latency, then answers it.
func (d *Demo) serve(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimPrefix(r.URL.Path, d.prefix)
	if r.URL.RawQuery != "" {
		path += "?" + r.URL.RawQuery
	}
	d.mu.Lock()
	d.requests = append(d.requests, DemoRequest{Method: r.Method, Path: path,
		Authorization: r.Header.Get("Authorization") != "", UserAgent: r.UserAgent()})
	scenario := d.scenario
	d.mu.Unlock()

	delay := d.opts.Latency
	if scenario == ScenarioSlow {
		delay += DemoSlowDelay
	}
	if !sleep(r.Context(), delay) {
		return
	}
	if d.prefix != "" && !strings.HasPrefix(r.URL.Path, d.prefix+"/") {
		notFoundPage(w)
		return
	}
	d.route(w, r, scenario, strings.TrimPrefix(r.URL.Path, d.prefix))
}

// sleep waits d or until ctx ends; it reports whether the wait completed.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
