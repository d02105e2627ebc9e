package jira

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// startDemo starts a demo Jira for one test.
func startDemo(t testing.TB, f Flavor, scenario string) *Demo {
	t.Helper()
	d, err := StartDemo(DemoOptions{Flavor: f, Scenario: scenario})
	if err != nil {
		t.Fatalf("start demo: %v", err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// runChecks runs every check once against in, with a short timeout.
func runChecks(t testing.TB, in Input) Report {
	t.Helper()
	e := NewEngine(NewClient(ClientOptions{Timeout: 2 * time.Second}))
	return e.Run(context.Background(), in, nil)
}

// codes renders a report as "id=status/code" lines, for readable failures.
func codes(rep Report) map[CheckID]string {
	out := map[CheckID]string{}
	for _, r := range rep.Results {
		out[r.ID] = fmt.Sprintf("%s/%s", r.Status, r.Code)
	}
	return out
}

func TestEngine_DemoHealthy(t *testing.T) {
	for _, f := range []Flavor{FlavorCloud, FlavorDataCenter} {
		t.Run(string(f), func(t *testing.T) {
			d := startDemo(t, f, "")
			rep := runChecks(t, d.Input())
			for _, r := range rep.Results {
				t.Logf("%-10s %-7s %-28s %s | %s", r.ID, r.Status, r.Code, r.Summary, r.Hint)
				if r.Status != StatusOK {
					t.Errorf("%s: got %s %s, want ok", r.ID, r.Status, r.Code)
				}
			}
			_ = strings.TrimSpace
		})
	}
}
