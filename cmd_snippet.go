package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/roadie-tools/jira-setup/jira"
	"github.com/roadie-tools/jira-setup/steps"
)

// detectDeployment asks the live server whether the site is Cloud or
// self-managed (serverInfo). Snippet tries it first and falls back to
// --deployment, then to the host name, when it fails or cannot tell. Tests
// replace it.
var detectDeployment = liveDeployment

// liveDeployment runs the site and reach checks alone: serverInfo needs no
// credentials, so none are sent.
func liveDeployment(ctx context.Context, site string,
	timeout time.Duration) (jira.Deployment, error) {
	client := jira.NewClient(jira.ClientOptions{Timeout: timeout})
	report := jira.NewEngine(client).Run(ctx, jira.Input{Site: site}, func(jira.Result) {})
	return report.Deployment, nil
}

// snippetOptions are the snippet command's own flags.
type snippetOptions struct {
	target     string
	cards      string
	part       string
	deployment string
}

func runSnippet(ctx context.Context, args []string, io cliIO) int {
	var in inputs
	var opts snippetOptions
	fs := newFlagSet("snippet",
		"--target roadie|backstage [--cards overview,dashboard] [--part P] [flags]", io.Stderr)
	fs.StringVar(&opts.target, "target", "", "where Backstage runs: roadie or backstage")
	fs.StringVar(&opts.cards, "cards", "overview,dashboard",
		"cards to place: overview, dashboard, or both comma-separated")
	fs.StringVar(&opts.part, "part", "",
		"backstage only: print one part alone, raw: install, entity-page, backend or app-config")
	fs.StringVar(&opts.deployment, "deployment", "",
		"cloud or datacenter, when the server cannot tell (*.atlassian.net is cloud)")
	in.bind(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitBadArgs
	}
	if fs.NArg() > 0 {
		return snippetBadArgs(io, fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	in.fromEnv(io.Getenv)

	target, part, sin, err := snippetRequest(opts, in)
	if err != nil {
		return snippetBadArgs(io, err)
	}
	if snippetNeedsSite(target, part) {
		if err := resolveSnippetSite(ctx, &sin, in.Timeout, io); err != nil {
			return snippetBadArgs(io, err)
		}
	}

	var out string
	if part != "" {
		out, err = steps.BackstagePart(part, sin)
	} else {
		out, err = steps.Snippet(target, sin)
	}
	if err != nil {
		return snippetBadArgs(io, err)
	}
	fmt.Fprint(io.Stdout, out)
	return exitOK
}

// snippetRequest checks the flags that need no site and builds the input.
func snippetRequest(opts snippetOptions, in inputs) (steps.Target, steps.Part,
	steps.SnippetInput, error) {
	var sin steps.SnippetInput
	if opts.target == "" {
		return "", "", sin, errors.New("--target is required: use roadie or backstage")
	}
	target, err := steps.ParseTarget(opts.target)
	if err != nil {
		return "", "", sin, err
	}

	var part steps.Part
	if opts.part != "" {
		if target == steps.TargetRoadie {
			return "", "", sin, errors.New("--part is for --target backstage only: " +
				"Roadie's steps are all clicks in its UI editor")
		}
		if part, err = steps.ParsePart(opts.part); err != nil {
			return "", "", sin, err
		}
	}

	if sin.Cards, err = steps.ParseCards(opts.cards); err != nil {
		return "", "", sin, err
	}
	if sin.Deployment, err = parseDeployment(opts.deployment); err != nil {
		return "", "", sin, err
	}
	if sin.Realm, err = snippetRealm(in.Realm); err != nil {
		return "", "", sin, err
	}
	sin.Site = in.URL
	sin.EmailSuffix = in.EmailSuffix
	sin.TokenType = in.TokenType
	return target, part, sin, nil
}

// snippetNeedsSite reports whether the output depends on the site and its
// deployment: only the app-config part of a self-hosted Backstage does.
func snippetNeedsSite(t steps.Target, p steps.Part) bool {
	return t == steps.TargetBackstage && (p == "" || p == steps.PartAppConfig)
}

// resolveSnippetSite checks the site and settles the deployment: the live
// server first (when detectDeployment is wired), then --deployment (already
// in sin.Deployment), then the host name.
func resolveSnippetSite(ctx context.Context, sin *steps.SnippetInput,
	timeout time.Duration, io cliIO) error {
	site, host, err := snippetSite(sin.Site)
	if err != nil {
		return err
	}
	sin.Site = site

	fromFlag := sin.Deployment
	if detectDeployment != nil {
		live, err := detectDeployment(ctx, site, timeout)
		if err == nil && live != jira.DeploymentUnknown {
			if fromFlag != "" && fromFlag != live {
				fmt.Fprintf(io.Stderr, "jira-setup: the server says %s; using that, "+
					"not --deployment %s\n", deploymentFlag(live), deploymentFlag(fromFlag))
			}
			sin.Deployment = live
			return nil
		}
	}
	switch {
	case fromFlag != "":
		sin.Deployment = fromFlag
	case strings.HasSuffix(host, ".atlassian.net"):
		sin.Deployment = jira.DeploymentCloud
	default:
		return fmt.Errorf("cannot tell whether %s is Jira Cloud or Data Center: "+
			"add --deployment cloud or --deployment datacenter", site)
	}
	return nil
}

// snippetSite normalises --url (or JIRA_API_URL) as the wizard does (scheme
// added, browser paths and trailing slash dropped) and returns it with its
// lower-case host name.
func snippetSite(raw string) (site, host string, err error) {
	if strings.TrimSpace(raw) == "" {
		return "", "", errors.New("--url (or JIRA_API_URL) is required for the " +
			"app-config part, e.g. --url https://acme.atlassian.net")
	}
	s, err := jira.NormalizeSite(raw)
	if err != nil {
		return "", "", fmt.Errorf("--url: %w", err)
	}
	u, err := url.Parse(s.URL)
	if err != nil {
		return "", "", fmt.Errorf("--url: %w", err)
	}
	return s.URL, strings.ToLower(u.Hostname()), nil
}

// parseDeployment reads --deployment; empty stays empty.
func parseDeployment(s string) (jira.Deployment, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return jira.DeploymentUnknown, nil
	case "cloud":
		return jira.DeploymentCloud, nil
	case "datacenter", "data-center", "server", "self-managed":
		return jira.DeploymentSelfManaged, nil
	}
	return "", fmt.Errorf("unknown --deployment %q: use cloud or datacenter", s)
}

// deploymentFlag spells a deployment as --deployment does.
func deploymentFlag(d jira.Deployment) string {
	if d == jira.DeploymentSelfManaged {
		return "datacenter"
	}
	return string(d)
}

// snippetRealm reads --realm (or JIRA_API_TOKEN_REALM); empty stays empty.
func snippetRealm(s string) (jira.Realm, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return "", nil
	case "basic":
		return jira.RealmBasic, nil
	case "bearer":
		return jira.RealmBearer, nil
	}
	return "", fmt.Errorf("unknown realm %q: use basic or bearer", s)
}

func snippetBadArgs(io cliIO, err error) int {
	fmt.Fprintf(io.Stderr, "jira-setup snippet: %v\n", err)
	return exitBadArgs
}
