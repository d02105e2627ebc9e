package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

// encodeRun runs the encode command with stdin and an environment.
func encodeRun(args []string, env map[string]string, stdin string,
	secret func(string) (string, error)) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	cio := cliIO{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv:     func(k string) string { return env[k] },
		StdinIsTTY: secret != nil, ReadSecret: secret,
	}
	code = runEncode(context.Background(), args, cio)
	return code, out.String(), errb.String()
}

const (
	encEmail   = "jira-mail@example.com"
	encToken   = "hTBgqVcrcxRYpT5TCzTA9C0F"
	encEncoded = "amlyYS1tYWlsQGV4YW1wbGUuY29tOmhUQmdxVmNyY3hSWXBUNVRDelRBOUMwRg=="
)

func TestEncode_Command(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		env    map[string]string
		stdin  string
		code   int
		stdout string
		stderr string // a fragment
	}{
		{"guide vector from a pipe", []string{"--email", encEmail}, nil, encToken + "\n",
			exitOK, encEncoded + "\n", ""},
		{"email from the environment", nil, map[string]string{"JIRA_EMAIL": encEmail},
			encToken, exitOK, encEncoded + "\n", ""},
		{"header form", []string{"--email", encEmail, "--header"}, nil, encToken + "\r\n",
			exitOK, "Basic " + encEncoded + "\n", ""},
		{"no email", nil, nil, encToken, exitBadArgs, "", "--email"},
		{"email with a colon", []string{"--email", "a:b@example.com"}, nil, encToken,
			exitBadArgs, "", "colon"},
		{"empty stdin", []string{"--email", encEmail}, nil, "\n", exitBadArgs, "",
			"no token"},
		{"token with a space", []string{"--email", encEmail}, nil, encToken[:5] + " " +
			encToken[5:], exitBadArgs, "", "a space at character 6"},
		{"already encoded", []string{"--email", encEmail}, nil, encEncoded, exitBadArgs, "",
			"already an encoded"},
		{"password warns", []string{"--email", encEmail}, nil, "hunter2\n", exitOK,
			"", "looks like a password"},
		{"help", []string{"-h"}, nil, "", exitOK, "", "usage: jira-setup encode"},
		{"unknown flag", []string{"--nope"}, nil, "", exitBadArgs, "", "nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := encodeRun(tt.args, tt.env, tt.stdin, nil)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			if tt.stdout != "" && stdout != tt.stdout {
				t.Errorf("stdout = %q", stdout)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr = %q, want it to mention %q", stderr, tt.stderr)
			}
			if code != exitOK && stdout != "" {
				t.Errorf("stdout not empty on failure")
			}
			tok := strings.TrimSpace(tt.stdin)
			if len(tok) >= 6 && strings.Contains(stderr+stdout, tok) {
				t.Errorf("the token is echoed in clear")
			}
		})
	}
}

func TestEncode_ReadsTerminalWithoutEcho(t *testing.T) {
	var prompted string
	secret := func(p string) (string, error) { prompted = p; return encToken, nil }
	code, stdout, stderr := encodeRun([]string{"--email", encEmail}, nil, "", secret)
	if code != exitOK || stdout != encEncoded+"\n" || prompted == "" {
		t.Errorf("exit %d, stdout %q, prompt %q", code, stdout, prompted)
	}
	if strings.Contains(stderr, encToken) {
		t.Errorf("stderr echoes the token")
	}

	failing := func(string) (string, error) { return "", errors.New("no terminal") }
	code, _, _ = encodeRun([]string{"--email", encEmail}, nil, "", failing)
	if code != exitFailed {
		t.Errorf("a failed terminal read exits %d", code)
	}
}
