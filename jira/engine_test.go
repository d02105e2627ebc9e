package jira

import (
	"bytes"
	"context"
	"encoding/base64"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// sent lists "METHOD path" for the requests the demo got since the last reset.
func sent(d *Demo) []string {
	var out []string
	for _, r := range d.Requests() {
		p, _, _ := strings.Cut(r.Path, "?")
		out = append(out, r.Method+" "+p)
	}
	sort.Strings(out)
	return out
}

func TestEngine_OnlyChangedInputsAskAgain(t *testing.T) {
	d := startDemo(t, FlavorCloud, "")
	e := NewEngine(NewClient(ClientOptions{Timeout: 5 * time.Second}))
	in := d.Input()
	e.Run(context.Background(), in, nil)
	if n := len(d.Requests()); n != 8 {
		t.Errorf("first run sent %d requests, want 8: %v", n, sent(d))
	}

	d.ResetRequests()
	var emitted []Result
	rep := e.Run(context.Background(), in, func(r Result) { emitted = append(emitted, r) })
	if got := sent(d); len(got) != 0 {
		t.Errorf("unchanged inputs sent %v", got)
	}
	if len(emitted) != len(CheckIDs) || rep.Results[8].Status != StatusOK {
		t.Errorf("a cached run should re-emit each result once, got %d", len(emitted))
	}

	d.ResetRequests()
	in.Component = "Frontend"
	e.Run(context.Background(), in, nil)
	want := []string{"GET /rest/api/latest/project/DEMO/components",
		"POST /rest/api/latest/search/jql"}
	if got := sent(d); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("changing the component sent %v, want %v", got, want)
	}

	d.ResetRequests()
	e.Forget()
	e.Run(context.Background(), in, nil)
	if n := len(d.Requests()); n != 8 {
		t.Errorf("after Forget the run sent %d requests, want 8", n)
	}
}

func TestEngine_CancelledRunDoesNotPoisonTheCache(t *testing.T) {
	d := startDemo(t, FlavorCloud, ScenarioSlow)
	e := NewEngine(NewClient(ClientOptions{Timeout: 30 * time.Second}))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	guard, stop := context.WithTimeout(context.Background(), 5*time.Second)
	defer stop()
	rep := e.Run(ctx, d.Input(), nil)
	if guard.Err() != nil {
		t.Fatal("cancelling did not stop the in-flight requests")
	}
	if got := outcomes(rep)[CheckReach]; got != "skipped reach.cancelled" {
		t.Errorf("cancelled reach: %s", got)
	}

	if err := d.SetScenario(ScenarioHealthy); err != nil {
		t.Fatal(err)
	}
	compare(t, e.Run(context.Background(), d.Input(), nil), expect(nil))
}

func TestEngine_EmitIsSerialAndOrdered(t *testing.T) {
	d := startDemo(t, FlavorDataCenter, "")
	e := NewEngine(NewClient(ClientOptions{Timeout: 5 * time.Second}))
	var inside atomic.Int32
	running := map[CheckID]bool{}
	final := map[CheckID]int{}
	e.Run(context.Background(), d.Input(), func(r Result) {
		if inside.Add(1) != 1 {
			t.Error("emit was called concurrently")
		}
		time.Sleep(time.Millisecond)
		if r.Status == StatusRunning {
			running[r.ID] = true
		} else {
			final[r.ID]++
			if r.ID != CheckSite && !running[r.ID] {
				t.Errorf("%s ended without starting", r.ID)
			}
		}
		inside.Add(-1)
	})
	for _, id := range CheckIDs {
		if final[id] != 1 {
			t.Errorf("%s emitted %d final results", id, final[id])
		}
	}
}

func TestEngine_RateLimitIsNotHammered(t *testing.T) {
	d := startDemo(t, FlavorCloud, ScenarioRateLimited)
	e := NewEngine(NewClient(ClientOptions{Timeout: 5 * time.Second}))
	rep := e.Run(context.Background(), d.Input(), nil)
	for _, r := range rep.Results[1:3] {
		if !strings.Contains(r.Summary, "30s") || !strings.Contains(r.Hint, "30s") {
			t.Errorf("%s should say when to retry: %q / %q", r.ID, r.Summary, r.Hint)
		}
	}
	d.ResetRequests()
	e.Run(context.Background(), d.Input(), nil)
	if got := sent(d); len(got) != 0 {
		t.Errorf("a second run inside Retry-After sent %v", got)
	}
}

func TestSecrets_NeverInResultsErrorsOrTheDebugLog(t *testing.T) {
	for _, f := range []Flavor{FlavorCloud, FlavorDataCenter} {
		for _, s := range ScenariosFor(f) {
			if s.Name == ScenarioSlow {
				continue
			}
			t.Run(string(f)+" "+s.Name, func(t *testing.T) {
				d := startDemo(t, f, s.Name)
				var log bytes.Buffer
				c := NewClient(ClientOptions{Timeout: 5 * time.Second, Debug: &log})
				rep := NewEngine(c).Run(context.Background(), d.Input(), nil)
				c.Projects(context.Background(), d.URL(), d.Input().Credential, "", "", 0)
				var text strings.Builder
				for _, r := range rep.Results {
					text.WriteString(r.Code + r.Summary + r.Hint + "\n")
				}
				assertNoSecret(t, "results", text.String(), d.Account())
				assertNoSecret(t, "debug log", log.String(), d.Account())
				if !strings.Contains(log.String(), "Authorization: [redacted]") {
					t.Errorf("the debug log does not show the redacted header")
				}
			})
		}
	}
}

func TestSecrets_RedactorCoversEveryDerivedString(t *testing.T) {
	tok := demoToken("x")
	cred := BasicCredential("alice@example.com", tok)
	dec, _ := base64.StdEncoding.DecodeString(cred.Secret)
	text := strings.Join([]string{cred.Header(), cred.Secret, string(dec), tok}, " | ")
	out := newRedactor(cred).clean(text)
	if strings.Contains(out, tok) || strings.Contains(out, cred.Secret) {
		t.Errorf("redacted text still holds the token: %q", out)
	}
	if strings.Count(out, redacted) != 4 {
		t.Errorf("want four redactions, got %q", out)
	}
}

// assertNoSecret fails when text contains any form of the demo's secrets.
func assertNoSecret(t *testing.T, where, text string, a DemoAccount) {
	t.Helper()
	cred := a.Credential()
	for _, s := range []string{a.Token, a.PAT, a.Password, cred.Secret, cred.Header()} {
		if len(s) >= 4 && strings.Contains(text, s) {
			t.Errorf("the %s contains a secret", where)
		}
	}
}
