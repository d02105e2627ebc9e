package steps

// Step 5, "Cards": where the two Jira cards go and what they need. For a
// Roadie tenant that is a few clicks in the UI editor; for a self-hosted
// Backstage it is four parts (packages, EntityPage.tsx, the backend line,
// app-config.yaml), each produced by its own function so the wizard can show
// them one by one and the snippet command can print any one of them alone.
//
// The domain facts behind every line are in JIRA-FACTS.md, "Where the
// values go".

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/roadie-tools/jira-setup/jira"
)

// Target is where the user's Backstage runs.
type Target string

// Targets.
const (
	TargetRoadie    Target = "roadie"    // a Roadie-hosted tenant
	TargetBackstage Target = "backstage" // a self-hosted Backstage app
)

// Targets lists every target, in the order they are offered.
func Targets() []Target { return []Target{TargetRoadie, TargetBackstage} }

// ParseTarget reads a target name as the --target flag spells it.
func ParseTarget(s string) (Target, error) {
	for _, t := range Targets() {
		if strings.EqualFold(strings.TrimSpace(s), string(t)) {
			return t, nil
		}
	}
	return "", fmt.Errorf("unknown target %q: use one of %s", s, nameList(Targets()))
}

// Cards says which of the two Jira cards the user wants on the entity page.
type Cards struct {
	Overview  bool // Roadie's EntityJiraOverviewCard, on the overview grid
	Dashboard bool // Axis's EntityJiraDashboardContent, as its own tab
}

// Card names, as the --cards flag spells them.
const (
	CardOverview  = "overview"
	CardDashboard = "dashboard"
)

// AllCards is both cards, the default.
var AllCards = Cards{Overview: true, Dashboard: true}

// ParseCards reads a comma-separated list of card names, e.g.
// "overview,dashboard". Blanks and repeats are ignored; an empty list or an
// unknown name is an error.
func ParseCards(s string) (Cards, error) {
	var c Cards
	for _, name := range strings.Split(s, ",") {
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "":
		case CardOverview:
			c.Overview = true
		case CardDashboard:
			c.Dashboard = true
		default:
			return Cards{}, fmt.Errorf("unknown card %q: use %s, %s or both, comma-separated",
				strings.TrimSpace(name), CardOverview, CardDashboard)
		}
	}
	if c.None() {
		return Cards{}, errNoCards
	}
	return c, nil
}

// None reports whether no card is chosen.
func (c Cards) None() bool { return !c.Overview && !c.Dashboard }

// String spells the choice as ParseCards reads it, e.g. "overview,dashboard".
func (c Cards) String() string {
	var names []string
	if c.Overview {
		names = append(names, CardOverview)
	}
	if c.Dashboard {
		names = append(names, CardDashboard)
	}
	return strings.Join(names, ",")
}

var errNoCards = errors.New("no card chosen: use overview, dashboard or both")

// Part is one piece of the self-hosted setup.
type Part string

// Parts of the self-hosted setup, in the order they are done.
const (
	PartInstall    Part = "install"     // the yarn commands
	PartEntityPage Part = "entity-page" // EntityPage.tsx imports and JSX
	PartBackend    Part = "backend"     // the backend.add line
	PartAppConfig  Part = "app-config"  // the app-config.yaml fragment
)

// Parts lists every part, in the order they are done.
func Parts() []Part { return []Part{PartInstall, PartEntityPage, PartBackend, PartAppConfig} }

// ParsePart reads a part name as the --part flag spells it.
func ParsePart(s string) (Part, error) {
	for _, p := range Parts() {
		if strings.EqualFold(strings.TrimSpace(s), string(p)) {
			return p, nil
		}
	}
	return "", fmt.Errorf("unknown part %q: use one of %s", s, nameList(Parts()))
}

// SnippetInput is what the card instructions and code are built from.
type SnippetInput struct {
	// Site is the normalised Jira base URL, with any context path and no
	// trailing slash, e.g. "https://acme.atlassian.net" or
	// "https://jira.example.com/jira". Only the app-config part needs it.
	Site string
	// Deployment picks the Cloud or Data Center values in app-config.
	Deployment jira.Deployment
	// Cards are the cards to place; at least one.
	Cards Cards
	// EmailSuffix is the user email suffix, e.g. "@example.com"; a missing
	// "@" is added. Empty leaves userEmailSuffix out.
	EmailSuffix string
	// TokenType is the jira/token-type annotation value, e.g. "Bearer".
	TokenType string
	// Realm is how the token is sent; empty means not known yet (Basic is
	// shown, plus the Bearer form on Data Center).
	Realm jira.Realm
}

// Section is one titled piece of the card setup, ready to show or copy.
type Section struct {
	Part  Part   // the self-hosted part; empty for Roadie's instructions
	Title string // a short heading, e.g. "Install the packages"
	File  string // the file it goes in, when it goes in one
	Lang  string // "text", "sh", "tsx", "ts" or "yaml"
	Body  string // the text or code itself, ending in a newline
}

// Sections returns everything the target needs for the chosen cards, in
// order. For Roadie that is the UI-editor steps; for a self-hosted Backstage
// the parts that apply (the backend part only when the dashboard is chosen).
func Sections(t Target, in SnippetInput) ([]Section, error) {
	if in.Cards.None() {
		return nil, errNoCards
	}
	switch t {
	case TargetRoadie:
		return roadieSections(in), nil
	case TargetBackstage:
		return backstageSections(in)
	}
	return nil, fmt.Errorf("unknown target %q: use one of %s", t, nameList(Targets()))
}

// BackstagePart returns one self-hosted part alone, raw, so it can be
// written straight into a file: shell commands, TSX, TypeScript or a YAML
// document with nothing around it.
func BackstagePart(p Part, in SnippetInput) (string, error) {
	if in.Cards.None() {
		return "", errNoCards
	}
	switch p {
	case PartInstall:
		return Install(in.Cards), nil
	case PartEntityPage:
		return EntityPage(in.Cards), nil
	case PartBackend:
		return Backend(in.Cards), nil
	case PartAppConfig:
		return AppConfig(in)
	}
	return "", fmt.Errorf("unknown part %q: use one of %s", p, nameList(Parts()))
}

// Snippet renders every section for the target under a short heading, with
// any notes for this input at the end: the text `jira-setup snippet` prints
// when no part is asked for.
func Snippet(t Target, in SnippetInput) (string, error) {
	secs, err := Sections(t, in)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for i, s := range secs {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(sectionHeading(i+1, len(secs), s))
		b.WriteString(s.Body)
	}
	if notes := SnippetNotes(t, in); len(notes) > 0 {
		b.WriteString("\nNotes\n")
		for _, n := range notes {
			b.WriteString(wrapNote(n, "  - ", "    ", 76))
		}
	}
	return b.String(), nil
}

// SnippetNotes lists what the user should know beyond the code for this
// input, one sentence each (e.g. a missing jira/token-type annotation).
func SnippetNotes(t Target, in SnippetInput) []string {
	var notes []string
	bearer := in.Realm == jira.RealmBearer
	if bearer && in.Cards.Overview && !strings.Contains(in.TokenType, "Bearer") {
		notes = append(notes, "The token is a personal access token: add the annotation "+
			"jira/token-type: Bearer (step 4), or the overview card's activity stream fails.")
	}
	if bearer && in.Deployment == jira.DeploymentCloud {
		notes = append(notes, "Jira Cloud refuses Bearer tokens: use Basic with the "+
			"base64 of email:token instead.")
	}
	if t == TargetBackstage && in.Cards.Dashboard {
		notes = append(notes, "The dashboard backend keeps Jira's answers, errors "+
			"included, for an hour (jiraDashboard.cacheTtl): after a fix in Jira, "+
			"restart the backend or wait.")
	}
	return notes
}

// sectionHeading is the line above a section in Snippet's output.
func sectionHeading(n, total int, s Section) string {
	h := fmt.Sprintf("==> %d/%d %s", n, total, s.Title)
	if s.File != "" {
		h += " (" + s.File + ")"
	}
	if s.Part != "" {
		h += "  [--part " + string(s.Part) + "]"
	}
	return h + "\n\n"
}

// configSite checks the site and returns it without a trailing slash, and
// its origin (scheme and host) for the content security policy.
func configSite(site string) (base, origin string, err error) {
	base = strings.TrimRight(strings.TrimSpace(site), "/")
	if base == "" {
		return "", "", errors.New("no Jira site: give its URL, e.g. https://acme.atlassian.net")
	}
	u, err := url.Parse(base)
	if err == nil && u.User != nil {
		// Not quoted back: the user part may hold a password.
		return "", "", errors.New("jira site must be the base URL alone, " +
			"without a user name or password")
	}
	web := err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
	if !web || !utf8.ValidString(base) {
		return "", "", fmt.Errorf("jira site %q is not an http(s) URL, "+
			"e.g. https://acme.atlassian.net", site)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		return "", "", fmt.Errorf("jira site %q must be the base URL alone, "+
			"without query or fragment", site)
	}
	if strings.Contains(u.Path+"/", "/rest/") {
		return "", "", fmt.Errorf("jira site %q must not contain /rest/: "+
			"give the base URL, e.g. https://jira.example.com/jira", site)
	}
	return base, u.Scheme + "://" + u.Host, nil
}

// suffixWithAt returns the suffix with its leading "@", or "" for none.
func suffixWithAt(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasPrefix(s, "@") {
		return s
	}
	return "@" + s
}

// wrapNote breaks text into lines of at most width columns, the first starting
// with first and the rest with rest.
func wrapNote(text, first, rest string, width int) string {
	var b strings.Builder
	line, empty := first, true
	for _, w := range strings.Fields(text) {
		if !empty && len(line)+1+len(w) > width {
			b.WriteString(line + "\n")
			line, empty = rest, true
		}
		if !empty {
			line += " "
		}
		line += w
		empty = false
	}
	return b.String() + line + "\n"
}

func nameList[T ~string](names []T) string {
	s := make([]string, len(names))
	for i, n := range names {
		s[i] = string(n)
	}
	return strings.Join(s, ", ")
}
