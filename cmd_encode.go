package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/roadie-tools/jira-setup/steps"
)

// maxTokenLine caps what encode reads from standard input.
const maxTokenLine = 64 << 10

// runEncode prints base64(email:token) for a raw token read from standard
// input, or the whole "Basic …" value with --header.
func runEncode(ctx context.Context, args []string, io cliIO) int {
	_ = ctx
	var in inputs
	fs := newFlagSet("encode", "--email E [--header] < token", io.Stderr)
	in.bind(fs)
	header := fs.Bool("header", false, "print the whole header value: Basic <base64>")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	in.fromEnv(io.Getenv)

	email := strings.TrimSpace(in.Email)
	if msg := checkEncodeUser(email); msg != "" {
		fmt.Fprintln(io.Stderr, "jira-setup encode: "+msg)
		return exitBadArgs
	}

	raw, err := readToken(io)
	if err != nil {
		fmt.Fprintf(io.Stderr, "jira-setup encode: %v\n", err)
		return exitFailed
	}
	info := steps.ClassifyToken(raw)
	if msg := refuseToken(info); msg != "" {
		fmt.Fprintln(io.Stderr, "jira-setup encode: "+msg)
		return exitBadArgs
	}
	warnToken(io.Stderr, info)

	value := steps.EncodeBasic(email, info.Trimmed)
	if *header {
		value = "Basic " + value
	}
	fmt.Fprintln(io.Stdout, value)
	return exitOK
}

// checkEncodeUser returns what is wrong with the account email, or "".
func checkEncodeUser(email string) string {
	switch {
	case email == "":
		return "no account email: pass --email you@example.com or set JIRA_EMAIL"
	case strings.Contains(email, ":"):
		return "the email cannot contain a colon: Basic auth splits on it"
	case strings.ContainsAny(email, " \t"):
		return "the email has a space in it: check --email or JIRA_EMAIL"
	}
	return ""
}

// readToken reads the raw token: without echo from a terminal, else one
// line of standard input.
func readToken(cio cliIO) (string, error) {
	if cio.StdinIsTTY && cio.ReadSecret != nil {
		s, err := cio.ReadSecret("API token (input hidden): ")
		if err != nil {
			return "", fmt.Errorf("read the token from the terminal: %w", err)
		}
		return s, nil
	}
	r := bufio.NewReader(io.LimitReader(cio.Stdin, maxTokenLine))
	line, err := r.ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read the token from standard input: %w", err)
	}
	return line, nil
}

// refuseToken returns why the token cannot be encoded, or "".
func refuseToken(info steps.TokenInfo) string {
	switch info.Kind {
	case steps.TokenEmpty:
		return "no token on standard input: pipe it in, e.g. " +
			"jira-setup encode --email you@example.com < token.txt"
	case steps.TokenEncodedBasic, steps.TokenBasicHeader:
		return "the input is already an encoded user:token; " +
			"it needs no encoding: use it as it is"
	case steps.TokenBearerHeader:
		return "the input is a whole Bearer header value: a personal access " +
			"token is not encoded, use it with JIRA_API_TOKEN_REALM=Bearer"
	case steps.TokenEmailPair:
		return "the input is email:token; pipe in the token alone, " +
			"the email comes from --email"
	}
	if strings.ContainsFunc(info.Trimmed, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r'
	}) {
		return info.Problem
	}
	return ""
}

// warnToken tells on standard error what is odd about the token; nothing
// it prints contains the token.
func warnToken(w io.Writer, info steps.TokenInfo) {
	switch {
	case info.Problem != "":
		fmt.Fprintln(w, "jira-setup encode: warning: "+info.Problem)
	case info.Kind == steps.TokenDataCenterPAT || info.Kind == steps.TokenPassword ||
		info.Kind == steps.TokenUnknown:
		fmt.Fprintln(w, "jira-setup encode: warning: "+info.Note)
	}
}
