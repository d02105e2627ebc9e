package main

import (
	"flag"
	"fmt"
	"io"
	"time"
)

// cliIO is what a sub-command may touch of the outside world. Tests fill it
// with buffers and a fake environment.
type cliIO struct {
	Stdin      io.Reader
	Stdout     io.Writer
	Stderr     io.Writer
	Getenv     func(string) string
	StdinIsTTY bool
	// ReadSecret reads one line from a terminal without echo; nil when
	// standard input is not a terminal.
	ReadSecret func(prompt string) (string, error)
}

// Exit codes shared by every sub-command.
const (
	exitOK      = 0
	exitFailed  = 1 // a check failed, or the work could not be done
	exitBadArgs = 2 // unusable input: the message says what to change
)

// inputs are the values every sub-command and the wizard read, from flags
// first and the environment second. No flag ever carries a secret: the
// token only comes from JIRA_API_TOKEN or standard input.
type inputs struct {
	URL         string
	Realm       string
	Email       string
	ProjectKey  string
	Component   string
	TokenType   string
	EmailSuffix string
	User        string
	Timeout     time.Duration

	// Token is JIRA_API_TOKEN as found in the environment, untouched.
	Token string
}

// bind registers the shared input flags on fs.
func (in *inputs) bind(fs *flag.FlagSet) {
	fs.StringVar(&in.URL, "url", "", "Jira site URL (or JIRA_API_URL)")
	fs.StringVar(&in.Realm, "realm", "", "basic or bearer (or JIRA_API_TOKEN_REALM)")
	fs.StringVar(&in.Email, "email", "", "account email, with a raw token on stdin (or JIRA_EMAIL)")
	fs.StringVar(&in.ProjectKey, "project-key", "", "Jira project key, e.g. ABC")
	fs.StringVar(&in.Component, "component", "", "Jira component name (optional)")
	fs.StringVar(&in.TokenType, "token-type", "", "jira/token-type annotation: Bearer or empty")
	fs.StringVar(&in.EmailSuffix, "email-suffix", "", "user email suffix, e.g. @example.com")
	fs.StringVar(&in.User, "user", "", "Backstage user name for \"Assigned to me\"")
	fs.DurationVar(&in.Timeout, "timeout", 10*time.Second, "per-request timeout")
}

// fromEnv fills what the flags left empty from the environment.
func (in *inputs) fromEnv(getenv func(string) string) {
	fill := func(dst *string, name string) {
		if *dst == "" {
			*dst = getenv(name)
		}
	}
	fill(&in.URL, "JIRA_API_URL")
	fill(&in.Realm, "JIRA_API_TOKEN_REALM")
	fill(&in.Email, "JIRA_EMAIL")
	in.Token = getenv("JIRA_API_TOKEN")
}

// newFlagSet returns a flag set that reports errors instead of exiting,
// with usage text written to w.
func newFlagSet(name, usage string, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprintf(w, "usage: jira-setup %s %s\n\nflags:\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}
