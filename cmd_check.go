package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/roadie-tools/jira-setup/jira"
	"github.com/roadie-tools/jira-setup/steps"
)

// checkJSON is the --json output, one object; the field names are part of
// the contract.
type checkJSON struct {
	Site       string          `json:"site"`
	Deployment string          `json:"deployment"`
	Version    string          `json:"version"`
	Checks     []checkJSONItem `json:"checks"`
}

// checkJSONItem is one check in the --json output.
type checkJSONItem struct {
	ID        string `json:"id"`
	Status    string `json:"status"`
	Code      string `json:"code"`
	Summary   string `json:"summary"`
	Hint      string `json:"hint"`
	ElapsedMS int64  `json:"elapsed_ms"`
}

// errUnusable marks input the checks cannot start from (exit 2).
var errUnusable = errors.New("unusable input")

// runCheck runs the connectivity checks without the wizard and prints one
// line per check, or one JSON object with --json.
func runCheck(ctx context.Context, args []string, io cliIO) int {
	var in inputs
	fs := newFlagSet("check", "[--json] [--url URL] [--project-key K] [flags]", io.Stderr)
	in.bind(fs)
	asJSON := fs.Bool("json", false, "print one JSON object instead of one line per check")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(io.Stderr, "jira-setup check: unexpected argument %q; "+
			"run jira-setup help check\n", fs.Arg(0))
		return exitBadArgs
	}
	in.fromEnv(io.Getenv)

	input, err := checkInput(in, io)
	if err != nil {
		fmt.Fprintf(io.Stderr, "jira-setup check: %v\n", err)
		if errors.Is(err, errUnusable) {
			return exitBadArgs
		}
		return exitFailed
	}
	rep, err := checkRun(ctx, in, input, io)
	if err != nil {
		fmt.Fprintf(io.Stderr, "jira-setup check: %v\n", err)
		return exitFailed
	}
	if *asJSON {
		writeCheckJSON(io.Stdout, rep)
	} else {
		writeCheckLines(io.Stdout, rep)
	}
	return checkExit(rep)
}

// checkRun runs the engine once, with the debug log when JIRA_SETUP_DEBUG
// names a file.
func checkRun(ctx context.Context, in inputs, input jira.Input, io cliIO) (jira.Report, error) {
	debug, closeDebug, err := openDebugLog(io.Getenv)
	if err != nil {
		return jira.Report{}, err
	}
	defer closeDebug()
	opts := jira.ClientOptions{Timeout: in.Timeout}
	if debug != nil {
		opts.Debug = debug
	}
	return jira.NewEngine(jira.NewClient(opts)).Run(ctx, input, nil), nil
}

// checkInput turns the flags and environment into the checks' input.
func checkInput(in inputs, io cliIO) (jira.Input, error) {
	if strings.TrimSpace(in.URL) == "" {
		return jira.Input{}, fmt.Errorf("%w: no Jira site: pass --url or set JIRA_API_URL",
			errUnusable)
	}
	if _, err := jira.NormalizeSite(in.URL); err != nil {
		return jira.Input{}, fmt.Errorf("%w: %w", errUnusable, err)
	}
	if in.Timeout <= 0 {
		return jira.Input{}, fmt.Errorf("%w: --timeout must be above zero, e.g. 10s",
			errUnusable)
	}
	cred, err := checkCredential(in, io)
	if err != nil {
		return jira.Input{}, err
	}
	if cred.IsZero() {
		fmt.Fprintln(io.Stderr, "jira-setup check: no credentials: set JIRA_API_TOKEN, "+
			"or pass --email and pipe the token in; only reach can run")
	}
	return jira.Input{
		Site: in.URL, Credential: cred, Project: strings.TrimSpace(in.ProjectKey),
		Component: in.Component, TokenType: in.TokenType, Suffix: in.EmailSuffix,
		User: in.User,
	}, nil
}

// checkCredential reads JIRA_API_TOKEN, or a raw token from standard input
// when --email is given; none at all is allowed (auth then waits).
func checkCredential(in inputs, io cliIO) (jira.Credential, error) {
	realm, err := jira.ParseRealm(in.Realm)
	if err != nil {
		return jira.Credential{}, fmt.Errorf("%w: --realm or JIRA_API_TOKEN_REALM: %w",
			errUnusable, err)
	}
	if in.Token != "" {
		return diagnosedCredential(in.Token, realm, io)
	}
	email := strings.TrimSpace(in.Email)
	if email == "" {
		return jira.Credential{}, nil
	}
	if realm == jira.RealmBearer {
		return jira.Credential{}, fmt.Errorf("%w: --email is for Basic; with a personal "+
			"access token set JIRA_API_TOKEN and the realm bearer", errUnusable)
	}
	raw, err := readToken(io)
	if err != nil {
		return jira.Credential{}, err
	}
	token := strings.TrimSpace(raw)
	if token == "" || strings.ContainsAny(token, " \t\r\n") {
		return jira.Credential{}, fmt.Errorf("%w: the token on standard input is empty "+
			"or has spaces inside: pipe in the token alone", errUnusable)
	}
	return jira.BasicCredential(email, token), nil
}

// diagnosedCredential reads JIRA_API_TOKEN in any accepted form and says
// on stderr what is wrong with it (a newline in the encoded bytes, the
// scheme word, a wrap…). The checks then send the value as it is, as the
// plugins would, so a mistake shows as the failure it causes; a value that
// cannot be sent at all is unusable input.
func diagnosedCredential(value string, realm jira.Realm, io cliIO) (jira.Credential, error) {
	target := steps.TargetRoadie
	word, _, _ := strings.Cut(strings.TrimSpace(value), " ")
	if strings.EqualFold(word, "basic") || strings.EqualFold(word, "bearer") {
		target = steps.TargetBackstage // a whole header is the self-hosted form
	}
	d := steps.Diagnose(value, realm, target)
	for _, f := range d.Findings {
		fmt.Fprintf(io.Stderr, "! JIRA_API_TOKEN: %s\n  fix: %s\n", f.Summary, f.Fix)
	}
	cred, err := jira.ParseCredential(value, realm)
	switch {
	case err != nil && len(d.Findings) > 0:
		return jira.Credential{}, fmt.Errorf("%w: JIRA_API_TOKEN cannot be sent as it is "+
			"(see above)", errUnusable)
	case err != nil:
		return jira.Credential{}, fmt.Errorf("%w: JIRA_API_TOKEN: %w", errUnusable, err)
	}
	return cred, nil
}

// checkExit is 1 when any check failed, else 0.
func checkExit(rep jira.Report) int {
	for _, r := range rep.Results {
		if r.Status == jira.StatusFail {
			return exitFailed
		}
	}
	return exitOK
}

// statusMarks are the one-character marks of the human output.
var statusMarks = map[jira.Status]string{
	jira.StatusOK: "✓", jira.StatusWarn: "!", jira.StatusFail: "✗",
	jira.StatusSkipped: "·", jira.StatusRunning: "…",
}

func writeCheckLines(w io.Writer, rep jira.Report) {
	for _, r := range rep.Results {
		line := fmt.Sprintf("%s %-10s %s", statusMarks[r.Status], r.ID, r.Summary)
		if r.Status != jira.StatusOK && r.Hint != "" {
			line += "  fix: " + r.Hint
		}
		fmt.Fprintln(w, line)
	}
}

func writeCheckJSON(w io.Writer, rep jira.Report) {
	out := checkJSON{Site: rep.Site, Deployment: string(rep.Deployment),
		Version: rep.Version, Checks: []checkJSONItem{}}
	for _, r := range rep.Results {
		out.Checks = append(out.Checks, checkJSONItem{
			ID: string(r.ID), Status: string(r.Status), Code: r.Code, Summary: r.Summary,
			Hint: r.Hint, ElapsedMS: r.Elapsed.Milliseconds(),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}
