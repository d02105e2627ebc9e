// Command jira-setup walks a Backstage admin through connecting the Jira
// plugins, and checks every value against the real Jira as it goes.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"

	"golang.org/x/term"
)

// version is set at build time with -ldflags "-X main.version=…"; a plain
// go build gets the commit it was built from.
var version = "dev"

func init() {
	if version != "dev" {
		return
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		version = v
		return
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			version = "dev-" + s.Value[:12]
		}
	}
}

// command is one sub-command: it parses its own args and returns an exit code.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, io cliIO) int
}

func commands() []command {
	return []command{
		{"check", "run the connectivity checks without the wizard", runCheck},
		{"encode", "base64-encode email:token read from stdin", runEncode},
		{"annotate", "print or apply the jira/* catalog annotations", runAnnotate},
		{"snippet", "print card placement, code and config", runSnippet},
		{"demo-server", "run the demo Jira alone", runDemoServer},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], systemIO())
	stop()
	os.Exit(code)
}

// run dispatches to the wizard or a sub-command and returns the exit code.
func run(ctx context.Context, args []string, io cliIO) int {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, rest := args[0], args[1:]
		if name == "help" {
			return runHelp(rest, io)
		}
		for _, c := range commands() {
			if c.name == name {
				return c.run(ctx, rest, io)
			}
		}
		fmt.Fprintf(io.Stderr, "jira-setup: unknown command %q; run jira-setup --help\n", name)
		return exitBadArgs
	}
	return runWizard(ctx, args, io)
}

func runHelp(args []string, io cliIO) int {
	if len(args) == 0 {
		usage(io.Stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(context.Background(), []string{"-h"}, io)
		}
	}
	fmt.Fprintf(io.Stderr, "jira-setup: no help for %q; run jira-setup --help\n", args[0])
	return exitBadArgs
}

func usage(w io.Writer) {
	fmt.Fprint(w, `jira-setup connects the Backstage Jira cards to your Jira, and proves
every value works before you paste it.

usage:
  jira-setup [flags]            the wizard (try --demo)
  jira-setup COMMAND [flags]    one step, for scripts

commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "jira-setup help COMMAND" for a command's flags, "jira-setup -h" for the
wizard's. Secrets are never flags: set JIRA_API_TOKEN or pipe the token in.
`)
}

// systemIO is the real process's streams and environment.
func systemIO() cliIO {
	fd := int(os.Stdin.Fd())
	tty := term.IsTerminal(fd)
	io := cliIO{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Getenv: os.Getenv, StdinIsTTY: tty,
	}
	if tty {
		io.ReadSecret = func(prompt string) (string, error) {
			fmt.Fprint(os.Stderr, prompt)
			b, err := term.ReadPassword(fd)
			fmt.Fprintln(os.Stderr)
			return string(b), err
		}
	}
	return io
}
