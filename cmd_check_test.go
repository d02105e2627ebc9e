package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadie-tools/jira-setup/jira"
)

// checkRunWith runs the check command with an environment and stdin.
func checkRunWith(args []string, env map[string]string, stdin string) (int, string, string) {
	var out, errb bytes.Buffer
	cio := cliIO{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return env[k] }}
	code := runCheck(context.Background(), args, cio)
	return code, out.String(), errb.String()
}

func startCheckDemo(t *testing.T, f jira.Flavor, scenario string) *jira.Demo {
	t.Helper()
	d, err := jira.StartDemo(jira.DemoOptions{Flavor: f, Scenario: scenario})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// demoArgs are the flags for a complete check of the demo.
func demoArgs(d *jira.Demo, extra ...string) []string {
	in := d.Input()
	args := []string{"--project-key", in.Project, "--component", in.Component,
		"--email-suffix", in.Suffix, "--user", in.User}
	if in.TokenType != "" {
		args = append(args, "--token-type", in.TokenType)
	}
	return append(args, extra...)
}

func demoEnv(d *jira.Demo) map[string]string {
	cred := d.Input().Credential
	return map[string]string{"JIRA_API_URL": d.URL(), "JIRA_API_TOKEN": cred.Secret,
		"JIRA_API_TOKEN_REALM": string(cred.Realm)}
}

func TestCheck_ExitCodes(t *testing.T) {
	cloud := startCheckDemo(t, jira.FlavorCloud, "")
	dc := startCheckDemo(t, jira.FlavorDataCenter, "")
	expired := startCheckDemo(t, jira.FlavorCloud, jira.ScenarioExpiredToken)
	acc := cloud.Account()
	cases := []struct {
		name  string
		args  []string
		env   map[string]string
		stdin string
		code  int
		says  string // a fragment of stderr
	}{
		{"healthy Cloud", demoArgs(cloud), demoEnv(cloud), "", exitOK, ""},
		{"healthy Data Center", demoArgs(dc), demoEnv(dc), "", exitOK, ""},
		{"raw token on stdin with --email", demoArgs(cloud, "--email", acc.Email,
			"--url", cloud.URL()), nil, acc.Token + "\n", exitOK, ""},
		{"expired token fails", demoArgs(expired), demoEnv(expired), "", exitFailed, ""},
		{"no site", nil, nil, "", exitBadArgs, "--url"},
		{"credentials in the site URL", []string{"--url", "https://a:b@x.atlassian.net"}, nil,
			"", exitBadArgs, "user name or password"},
		{"a raw API token without the email", []string{"--url", cloud.URL()},
			map[string]string{"JIRA_API_TOKEN": acc.Token}, "", exitBadArgs, "without the email"},
		{"encoded with echo's newline: refused, and says why", []string{"--url", cloud.URL()},
			map[string]string{"JIRA_API_TOKEN": base64.StdEncoding.EncodeToString(
				[]byte(acc.Email + ":" + acc.Token + "\n"))}, "", exitBadArgs, "line break"},
		{"Basic word where Roadie wants the bare value", []string{"--url", cloud.URL()},
			map[string]string{"JIRA_API_TOKEN": "Basic " + acc.Credential().Secret}, "",
			exitOK, ""},
		{"unknown realm", []string{"--url", cloud.URL(), "--realm", "token"}, nil, "",
			exitBadArgs, "basic or bearer"},
		{"empty token on stdin", []string{"--url", cloud.URL(), "--email", acc.Email}, nil,
			"\n", exitBadArgs, "standard input"},
		{"unknown flag", []string{"--nope"}, nil, "", exitBadArgs, "nope"},
		{"help", []string{"-h"}, nil, "", exitOK, "usage: jira-setup check"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, stdout, stderr := checkRunWith(c.args, c.env, c.stdin)
			if code != c.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr: %s", code, c.code, stdout, stderr)
			}
			if !strings.Contains(stderr, c.says) {
				t.Errorf("stderr %q should mention %q", stderr, c.says)
			}
			for _, s := range []string{acc.Token, cloud.Input().Credential.Secret,
				dc.Account().PAT} {
				if strings.Contains(stdout, s) || strings.Contains(stderr, s) {
					t.Errorf("the output contains a secret")
				}
			}
		})
	}
}

func TestCheck_HumanLines(t *testing.T) {
	d := startCheckDemo(t, jira.FlavorCloud, jira.ScenarioNoProject)
	code, stdout, _ := checkRunWith(demoArgs(d), demoEnv(d), "")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if code != exitFailed || len(lines) != len(jira.CheckIDs) {
		t.Fatalf("exit %d, %d lines:\n%s", code, len(lines), stdout)
	}
	if !strings.HasPrefix(lines[3], "✗ project") || !strings.Contains(lines[3], "fix: ") {
		t.Errorf("project line: %q", lines[3])
	}
	if !strings.HasPrefix(lines[0], "✓ site") || strings.Contains(lines[0], "fix:") {
		t.Errorf("site line: %q", lines[0])
	}
}

func TestCheck_JSONShape(t *testing.T) {
	d := startCheckDemo(t, jira.FlavorCloud, "")
	debug := filepath.Join(t.TempDir(), "debug.log")
	env := demoEnv(d)
	env["JIRA_SETUP_DEBUG"] = debug
	code, stdout, _ := checkRunWith(demoArgs(d, "--json"), env, "")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var out map[string]any
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, stdout)
	}
	if out["deployment"] != "cloud" || out["site"] != d.URL() || out["version"] == "" {
		t.Errorf("header fields: %v %v %v", out["site"], out["deployment"], out["version"])
	}
	checks, _ := out["checks"].([]any)
	if len(checks) != len(jira.CheckIDs) {
		t.Fatalf("%d checks", len(checks))
	}
	for i, c := range checks {
		item := c.(map[string]any)
		for _, k := range []string{"id", "status", "code", "summary", "hint", "elapsed_ms"} {
			if _, found := item[k]; !found {
				t.Errorf("check %d lacks %q", i, k)
			}
		}
		if item["id"] != string(jira.CheckIDs[i]) {
			t.Errorf("check %d is %v", i, item["id"])
		}
	}
	info, err := os.Stat(debug)
	if err != nil || info.Mode().Perm() != 0o600 || info.Size() == 0 {
		t.Fatalf("debug log: %v, %v", info, err)
	}
	data, _ := os.ReadFile(debug)
	if strings.Contains(string(data), d.Account().Token) ||
		strings.Contains(string(data), d.Input().Credential.Secret) {
		t.Errorf("the debug log contains the token")
	}
}

func TestDemoServer_PrintsAndStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb bytes.Buffer
	cio := cliIO{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv: func(string) string { return "" }}
	done := make(chan int)
	go func() {
		done <- runDemoServer(ctx, []string{"--flavor", "datacenter", "--scenario", "xsrf"}, cio)
	}()
	cancel()
	if code := <-done; code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"/jira", "JIRA_API_TOKEN_REALM=Bearer", "scenario xsrf",
		"jira-setup check --project-key DEMO"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	bad := runDemoServer(context.Background(), []string{"--scenario", "nope"}, cio)
	if bad != exitBadArgs {
		t.Errorf("unknown scenario exits %d", bad)
	}
}
