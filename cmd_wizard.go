package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"github.com/roadie-tools/jira-setup/jira"
	"github.com/roadie-tools/jira-setup/ui"
)

// wizardFlags are the wizard's own flags, beside the shared inputs.
type wizardFlags struct {
	inputs
	demo     bool
	flavor   string
	scenario string
	target   string
	tenant   string
	version  bool
}

// runWizard runs the interactive wizard.
func runWizard(ctx context.Context, args []string, io cliIO) int {
	var f wizardFlags
	fs := newFlagSet("", "[flags]", io.Stderr)
	fs.Usage = func() {
		usage(io.Stderr)
		fmt.Fprintln(io.Stderr, "\nwizard flags:")
		fs.PrintDefaults()
	}
	f.bind(fs)
	fs.BoolVar(&f.demo, "demo", false, "run against the built-in demo Jira")
	fs.StringVar(&f.flavor, "flavor", "cloud", "demo Jira flavour: cloud or datacenter")
	fs.StringVar(&f.scenario, "scenario", "healthy", "demo Jira scenario to start in")
	fs.StringVar(&f.target, "target", "roadie", "where Backstage runs: roadie or backstage")
	fs.StringVar(&f.tenant, "tenant", "", "Roadie tenant name (from https://TENANT.roadie.so)")
	fs.BoolVar(&f.version, "version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if f.version {
		fmt.Fprintln(io.Stdout, "jira-setup", version)
		return exitOK
	}
	if !io.StdinIsTTY {
		fmt.Fprintln(io.Stderr, "jira-setup: the wizard needs a terminal; "+
			"for scripts use jira-setup check, encode, annotate or snippet")
		return exitBadArgs
	}
	f.fromEnv(io.Getenv)

	opts, cleanup, err := wizardOptions(f, io)
	if err != nil {
		fmt.Fprintln(io.Stderr, "jira-setup:", err)
		return exitBadArgs
	}
	defer cleanup()

	out, err := ui.Run(ctx, opts, ui.RunOptions{NoColor: io.Getenv("NO_COLOR") != ""})
	for _, path := range out.Written {
		fmt.Fprintln(io.Stderr, "✓ wrote", path)
	}
	switch {
	case errors.Is(err, ui.ErrAborted):
		fmt.Fprintln(io.Stderr, "jira-setup: stopped before the end")
		return exitFailed
	case err != nil:
		fmt.Fprintln(io.Stderr, "jira-setup:", err)
		return exitFailed
	}
	fmt.Fprintln(io.Stderr, "✓ jira-setup: done; the summary screen listed what is left to do")
	return exitOK
}

// wizardOptions turns flags into the wizard's options, starting the demo
// Jira when asked. cleanup stops what was started.
func wizardOptions(f wizardFlags, io cliIO) (ui.Options, func(), error) {
	target := strings.ToLower(f.target)
	if target != "roadie" && target != "backstage" {
		return ui.Options{}, nil, fmt.Errorf("--target %q: use roadie or backstage", f.target)
	}
	realm, err := jira.ParseRealm(f.Realm)
	if err != nil {
		return ui.Options{}, nil, err
	}
	debug, closeDebug, err := openDebugLog(io.Getenv)
	if err != nil {
		return ui.Options{}, nil, err
	}
	opts := ui.Options{
		Client:  jira.NewClient(jira.ClientOptions{Timeout: f.Timeout, Debug: debug}),
		OpenURL: openBrowser,
		Prefill: ui.Prefill{
			SelfHosted: target == "backstage", Tenant: f.tenant, URL: f.URL,
			Email: f.Email, Token: f.Token, Realm: realm,
			ProjectKey: f.ProjectKey, Component: f.Component, TokenType: f.TokenType,
			EmailSuffix: f.EmailSuffix, User: f.User,
		},
	}
	if !f.demo {
		return opts, closeDebug, nil
	}
	flavor, err := jira.ParseFlavor(f.flavor)
	if err != nil {
		closeDebug()
		return ui.Options{}, nil, err
	}
	demo, err := jira.StartDemo(jira.DemoOptions{
		Addr: "127.0.0.1:0", Flavor: flavor, Scenario: f.scenario,
	})
	if err != nil {
		closeDebug()
		return ui.Options{}, nil, fmt.Errorf("start the demo Jira: %w", err)
	}
	opts.Demo = demo
	opts.Prefill = demoPrefill(opts.Prefill, demo)
	return opts, func() { demo.Close(); closeDebug() }, nil
}

// demoPrefill fills what the flags left empty with the demo's account.
func demoPrefill(p ui.Prefill, d *jira.Demo) ui.Prefill {
	acc := d.Account()
	if p.Tenant == "" {
		p.Tenant = "demo"
	}
	p.URL = d.URL()
	if d.Flavor() == jira.FlavorDataCenter {
		p.Email, p.Token, p.Realm = "", acc.PAT, jira.RealmBearer
	} else {
		p.Email, p.Token = acc.Email, acc.Token
	}
	if p.EmailSuffix == "" {
		p.EmailSuffix = "@example.com"
	}
	if p.User == "" {
		p.User = "alice"
	}
	return p
}

// openBrowser opens url with the system's opener, without waiting.
func openBrowser(url string) error {
	name := "xdg-open"
	switch runtime.GOOS {
	case "darwin":
		name = "open"
	case "windows":
		return exec.Command("rundll32", "url.dll,FileProtocolHandler", url).Start()
	}
	cmd := exec.Command(name, url)
	cmd.Stdout, cmd.Stderr = nil, nil
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("open a browser: %w", err)
	}
	go cmd.Wait() //nolint:errcheck // the opener's exit status says nothing useful
	return nil
}

// openDebugLog opens JIRA_SETUP_DEBUG for appending, owner-only, or
// returns a nil writer when it is not set.
func openDebugLog(getenv func(string) string) (*os.File, func(), error) {
	path := getenv("JIRA_SETUP_DEBUG")
	if path == "" {
		return nil, func() {}, nil
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("open the debug log (JIRA_SETUP_DEBUG): %w", err)
	}
	return f, func() { f.Close() }, nil
}

// flagExit maps a flag parsing error to an exit code: -h is not an error.
func flagExit(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitBadArgs
}
