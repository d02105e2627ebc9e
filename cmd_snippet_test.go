package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/roadie-tools/jira-setup/jira"
)

// snippetSecret is a made-up token put in the environment to prove it
// never reaches the output.
const snippetSecret = "c25pcHBldDpub3QtYS1yZWFsLXRva2Vu"

// runSnippetWith runs the command with env as the whole environment.
func runSnippetWith(args []string, env map[string]string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	io := cliIO{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv: func(k string) string { return env[k] },
	}
	code = runSnippet(context.Background(), args, io)
	return code, out.String(), errOut.String()
}

func TestSnippet_ExitCodes(t *testing.T) {
	cloud := map[string]string{"JIRA_API_URL": "https://acme.atlassian.net"}
	tests := []struct {
		name   string
		args   []string
		env    map[string]string
		code   int
		stdout string // a fragment stdout must contain
		stderr string // a fragment stderr must contain
	}{
		{"roadie, both cards", []string{"--target", "roadie"}, nil, exitOK,
			"EntityJiraDashboardContent", ""},
		{"roadie needs no site", []string{"--target", "roadie", "--cards", "overview"}, nil,
			exitOK, "spanner", ""},
		{"backstage, every part under a heading", []string{"--target", "backstage"}, cloud,
			exitOK, "==> 4/4 Configure", ""},
		{"a part that needs no site", []string{"--target", "backstage", "--part", "install"},
			nil, exitOK, "yarn --cwd packages/app add", ""},
		{"help", []string{"-h"}, nil, exitOK, "", "--target"},
		{"no target", nil, nil, exitBadArgs, "", "roadie or backstage"},
		{"an unknown target", []string{"--target", "heroku"}, nil, exitBadArgs, "",
			"roadie, backstage"},
		{"an unknown part", []string{"--target", "backstage", "--part", "config"}, cloud,
			exitBadArgs, "", "install, entity-page, backend, app-config"},
		{"an unknown card", []string{"--target", "roadie", "--cards", "overview,board"}, nil,
			exitBadArgs, "", "overview, dashboard"},
		{"no card", []string{"--target", "roadie", "--cards", ","}, nil, exitBadArgs, "",
			"no card"},
		{"a part for roadie", []string{"--target", "roadie", "--part", "install"}, nil,
			exitBadArgs, "", "--target backstage only"},
		{"app-config without a site", []string{"--target", "backstage", "--part",
			"app-config"}, nil, exitBadArgs, "", "--url"},
		{"a site that is not http", []string{"--target", "backstage", "--url",
			"ftp://acme.atlassian.net"}, nil, exitBadArgs, "", "use https://"},
		{"a browser link is cut to the site", []string{"--target", "backstage", "--part",
			"app-config", "--url", "acme.atlassian.net/browse/ABC-1"}, nil, exitOK,
			"target: https://acme.atlassian.net\n", ""},
		{"a password in the site", []string{"--target", "backstage", "--url",
			"https://bob:hunter2secret@acme.atlassian.net"}, nil, exitBadArgs, "",
			"user name or password"},
		{"a self-managed site without --deployment", []string{"--target", "backstage",
			"--url", "https://jira.example.com"}, nil, exitBadArgs, "",
			"--deployment datacenter"},
		{"an unknown deployment", []string{"--target", "backstage", "--deployment", "onprem"},
			cloud, exitBadArgs, "", "cloud or datacenter"},
		{"an unknown realm", []string{"--target", "backstage", "--realm", "digest"}, cloud,
			exitBadArgs, "", "basic or bearer"},
		{"a stray argument", []string{"--target", "roadie", "extra"}, nil, exitBadArgs, "",
			"unexpected argument"},
		{"an unknown flag", []string{"--target", "roadie", "--colour"}, nil, exitBadArgs, "",
			"flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runSnippetWith(tt.args, tt.env)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, stderr)
			}
			if !strings.Contains(stdout, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, stdout)
			}
			if strings.Contains(stdout+stderr, "hunter2") {
				t.Error("a password from the URL was echoed")
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr)
			}
			if code != exitOK && stdout != "" {
				t.Errorf("printed to stdout on failure: %s", stdout)
			}
		})
	}
}

func TestSnippet_AppConfigPartIsYAMLAlone(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		env     map[string]string
		product string
	}{
		{"cloud from the host name", nil,
			map[string]string{"JIRA_API_URL": "https://acme.atlassian.net/"}, "cloud"},
		{"data center from the flag", []string{"--url", "https://jira.example.com/jira",
			"--deployment", "datacenter", "--realm", "bearer"}, nil, "datacenter"},
		{"the flag wins over the host name", []string{"--deployment", "datacenter"},
			map[string]string{"JIRA_API_URL": "https://acme.atlassian.net"}, "datacenter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{"JIRA_API_TOKEN": snippetSecret}
			for k, v := range tt.env {
				env[k] = v
			}
			args := append([]string{"--target", "backstage", "--part", "app-config",
				"--email-suffix", "@example.com"}, tt.args...)
			code, stdout, stderr := runSnippetWith(args, env)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}

			var doc struct {
				Jira struct{ Product string } `yaml:"jira"`
			}
			if err := yaml.Unmarshal([]byte(stdout), &doc); err != nil {
				t.Fatalf("not YAML: %v\n%s", err, stdout)
			}
			if doc.Jira.Product != tt.product {
				t.Errorf("jira.product = %q, want %q", doc.Jira.Product, tt.product)
			}
			if !strings.HasPrefix(stdout, "# app-config.yaml") ||
				strings.Contains(stdout, "==>") || strings.Contains(stdout, "Notes") {
				t.Errorf("output has more than the YAML document:\n%s", stdout)
			}
			if strings.Contains(stdout+stderr, snippetSecret) {
				t.Error("the token from the environment reached the output")
			}
		})
	}
}

func TestSnippet_DetectDeploymentHook(t *testing.T) {
	tests := []struct {
		name    string
		detect  func(context.Context, string, time.Duration) (jira.Deployment, error)
		args    []string
		code    int
		product string
		warns   bool
	}{
		{"the server's answer is used first",
			func(context.Context, string, time.Duration) (jira.Deployment, error) {
				return jira.DeploymentSelfManaged, nil
			}, nil, exitOK, "datacenter", false},
		{"the server's answer beats a disagreeing flag, with a warning",
			func(context.Context, string, time.Duration) (jira.Deployment, error) {
				return jira.DeploymentCloud, nil
			}, []string{"--deployment", "datacenter"}, exitOK, "cloud", true},
		{"an unreachable server falls back to the flag",
			func(context.Context, string, time.Duration) (jira.Deployment, error) {
				return "", errors.New("dial tcp: connection refused")
			}, []string{"--deployment", "datacenter"}, exitOK, "datacenter", false},
		{"an unreachable server and no flag is unusable input",
			func(context.Context, string, time.Duration) (jira.Deployment, error) {
				return "", errors.New("dial tcp: connection refused")
			}, []string{"--url", "https://jira.example.com"}, exitBadArgs, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			saved := detectDeployment
			t.Cleanup(func() { detectDeployment = saved })
			var asked string
			detectDeployment = func(ctx context.Context, site string,
				timeout time.Duration) (jira.Deployment, error) {
				asked = site
				return tt.detect(ctx, site, timeout)
			}

			args := append([]string{"--target", "backstage", "--part", "app-config",
				"--url", "https://acme.atlassian.net/"}, tt.args...)
			code, stdout, stderr := runSnippetWith(args, nil)
			if code != tt.code {
				t.Fatalf("exit %d, want %d: %s", code, tt.code, stderr)
			}
			if asked == "" || strings.HasSuffix(asked, "/") {
				t.Errorf("the hook was asked about %q, want the site without a slash", asked)
			}
			if tt.product != "" && !strings.Contains(stdout, "product: "+tt.product+"\n") {
				t.Errorf("want product %s in:\n%s", tt.product, stdout)
			}
			if got := strings.Contains(stderr, "the server says"); got != tt.warns {
				t.Errorf("warned %v, want %v: %s", got, tt.warns, stderr)
			}
		})
	}
}
