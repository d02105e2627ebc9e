package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/roadie-tools/jira-setup/jira"
)

// runDemoServer runs the demo Jira alone until ctx ends (Ctrl+C), after
// printing its URL, the demo credentials and the lines to use with check.
func runDemoServer(ctx context.Context, args []string, io cliIO) int {
	fs := newFlagSet("demo-server", "[--addr 127.0.0.1:0] [--flavor cloud|datacenter] "+
		"[--scenario NAME] [--latency D]", io.Stderr)
	addr := fs.String("addr", "127.0.0.1:0", "listen address (loopback by default)")
	flavor := fs.String("flavor", "cloud", "cloud or datacenter")
	scenario := fs.String("scenario", jira.ScenarioHealthy, "fault to play: "+scenarioNames())
	latency := fs.Duration("latency", 0, "delay added to every answer, e.g. 200ms")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	f, err := jira.ParseFlavor(*flavor)
	if err != nil || *latency < 0 || fs.NArg() > 0 {
		fmt.Fprintln(io.Stderr, "jira-setup demo-server: use --flavor cloud|datacenter, "+
			"a --latency of zero or more, and no arguments")
		return exitBadArgs
	}
	demo, err := jira.StartDemo(jira.DemoOptions{Addr: *addr, Flavor: f,
		Scenario: *scenario, Latency: *latency})
	if err != nil {
		fmt.Fprintf(io.Stderr, "jira-setup demo-server: %v\n", err)
		return exitBadArgs
	}
	defer demo.Close()
	printDemo(io.Stdout, demo, *latency)
	<-ctx.Done()
	fmt.Fprintln(io.Stderr, "jira-setup demo-server: stopped")
	return exitOK
}

func scenarioNames() string {
	var names []string
	for _, s := range jira.Scenarios() {
		names = append(names, s.Name)
	}
	return strings.Join(names, ", ")
}

// printDemo shows the demo's address and credentials. This is the one place
// a token is printed: it is the demo's own, and secret to no one.
func printDemo(w io.Writer, d *jira.Demo, latency time.Duration) {
	acc, in := d.Account(), d.Input()
	fmt.Fprintf(w, "demo Jira (%s, scenario %s) at %s\n", d.Flavor(), d.Scenario(), d.URL())
	if latency > 0 {
		fmt.Fprintf(w, "every answer waits %s\n", latency)
	}
	fmt.Fprintln(w, "\ndemo account (demo secrets, fine to share):")
	if d.Flavor() == jira.FlavorCloud {
		fmt.Fprintf(w, "  email      %s\n  API token  %s\n", acc.Email, acc.Token)
	} else {
		fmt.Fprintf(w, "  username   %s\n  password   %s\n  PAT        %s\n",
			acc.Username, acc.Password, acc.PAT)
	}
	fmt.Fprintln(w, "\nto check it, in another terminal:")
	fmt.Fprintf(w, "  export JIRA_API_URL=%s\n", d.URL())
	fmt.Fprintf(w, "  export JIRA_API_TOKEN=%s\n", in.Credential.Secret)
	if in.Credential.Realm == jira.RealmBearer {
		fmt.Fprintln(w, "  export JIRA_API_TOKEN_REALM=Bearer")
	}
	fmt.Fprintf(w, "  jira-setup check --project-key %s --component %q --email-suffix %s "+
		"--user %s", in.Project, in.Component, in.Suffix, in.User)
	if in.TokenType != "" {
		fmt.Fprintf(w, " --token-type %s", in.TokenType)
	}
	fmt.Fprintln(w, "\n\nscenarios (switch with --scenario):")
	for _, s := range jira.ScenariosFor(d.Flavor()) {
		fmt.Fprintf(w, "  %-17s %s\n", s.Name, s.Title)
	}
	fmt.Fprintln(w, "\nCtrl+C stops it.")
}
