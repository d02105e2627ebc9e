package steps

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/roadie-tools/jira-setup/jira"
)

// cardsUpdate reports whether -update was given: rewrite the golden files.
// The flag is shared with any other golden test in the package, whichever
// file registers it first.
var cardsUpdate = func() func() bool {
	if f := flag.Lookup("update"); f != nil {
		return func() bool { return f.Value.String() == "true" }
	}
	p := flag.Bool("update", false, "rewrite the golden files under testdata/")
	return func() bool { return *p }
}()

// The inputs the golden files are made from: a Cloud site with Basic and a
// suffix, and a Data Center site with a context path, a PAT and no suffix.
var (
	cardsCloud = SnippetInput{
		Site: "https://acme.atlassian.net", Deployment: jira.DeploymentCloud,
		EmailSuffix: "@acme.com", Realm: jira.RealmBasic,
	}
	cardsDataCenter = SnippetInput{
		Site: "https://jira.example.com/jira", Deployment: jira.DeploymentSelfManaged,
		Realm: jira.RealmBearer, TokenType: "Bearer",
	}
	cardsChoices = []Cards{{Overview: true}, {Dashboard: true}, AllCards}
)

func withCards(in SnippetInput, c Cards) SnippetInput {
	in.Cards = c
	return in
}

// cardsGolden compares got with testdata/cards/<name>.golden.
func cardsGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "cards", name+".golden")
	if cardsUpdate() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run: go test ./steps -run TestCards -update", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (review, then rerun with -update)\n"+
			"--- got:\n%s\n--- want:\n%s", path, got, want)
	}
}

func cardsName(c Cards) string { return strings.ReplaceAll(c.String(), ",", "+") }

func TestCards_Golden(t *testing.T) {
	for _, c := range cardsChoices {
		t.Run("roadie "+c.String(), func(t *testing.T) {
			got, err := Snippet(TargetRoadie, withCards(cardsCloud, c))
			if err != nil {
				t.Fatal(err)
			}
			cardsGolden(t, "roadie-"+cardsName(c), got)
		})
		for _, p := range []Part{PartInstall, PartEntityPage, PartBackend} {
			t.Run("backstage "+string(p)+" "+c.String(), func(t *testing.T) {
				got, err := BackstagePart(p, withCards(cardsCloud, c))
				if err != nil {
					t.Fatal(err)
				}
				cardsGolden(t, "backstage-"+string(p)+"-"+cardsName(c), got)
			})
		}
		for dep, in := range map[string]SnippetInput{
			"cloud": cardsCloud, "datacenter": cardsDataCenter,
		} {
			in := withCards(in, c)
			t.Run("backstage app-config "+c.String()+" "+dep, func(t *testing.T) {
				got, err := BackstagePart(PartAppConfig, in)
				if err != nil {
					t.Fatal(err)
				}
				cardsGolden(t, "backstage-app-config-"+cardsName(c)+"-"+dep, got)
			})
			t.Run("backstage all parts "+c.String()+" "+dep, func(t *testing.T) {
				got, err := Snippet(TargetBackstage, in)
				if err != nil {
					t.Fatal(err)
				}
				cardsGolden(t, "backstage-all-"+cardsName(c)+"-"+dep, got)
			})
		}
	}
}

func TestCards_ParseNames(t *testing.T) {
	tests := []struct {
		name    string
		parse   func() (any, error)
		want    any
		wantErr string // a word the error must contain
	}{
		{"target roadie", func() (any, error) { return ParseTarget("roadie") }, TargetRoadie, ""},
		{"target in capitals", func() (any, error) { return ParseTarget(" Backstage ") },
			TargetBackstage, ""},
		{"unknown target lists the valid ones",
			func() (any, error) { return ParseTarget("spotify") }, Target(""),
			"roadie, backstage"},
		{"part entity-page", func() (any, error) { return ParsePart("entity-page") },
			PartEntityPage, ""},
		{"unknown part lists the valid ones", func() (any, error) { return ParsePart("config") },
			Part(""), "install, entity-page, backend, app-config"},
		{"both cards", func() (any, error) { return ParseCards("overview,dashboard") },
			AllCards, ""},
		{"one card with blanks and a repeat",
			func() (any, error) { return ParseCards(" dashboard, ,dashboard") },
			Cards{Dashboard: true}, ""},
		{"unknown card names the valid ones",
			func() (any, error) { return ParseCards("overview,board") }, Cards{}, "dashboard"},
		{"no card at all", func() (any, error) { return ParseCards(" , ") }, Cards{}, "no card"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.parse()
			if tt.wantErr == "" && err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("error = %v, want one mentioning %q", err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCards_StringRoundTrips(t *testing.T) {
	for _, c := range cardsChoices {
		got, err := ParseCards(c.String())
		if err != nil || got != c {
			t.Errorf("ParseCards(%q) = %v, %v; want %v", c.String(), got, err, c)
		}
	}
}

func TestCards_SectionsFollowTheCards(t *testing.T) {
	tests := []struct {
		name   string
		target Target
		cards  Cards
		want   []string // section titles' first words, in order
	}{
		{"roadie overview only", TargetRoadie, Cards{Overview: true},
			[]string{"Add the overview"}},
		{"roadie both", TargetRoadie, AllCards,
			[]string{"Add the overview", "Add the dashboard"}},
		{"backstage overview only needs no backend", TargetBackstage, Cards{Overview: true},
			[]string{"Install", "Place", "Configure"}},
		{"backstage dashboard adds the backend", TargetBackstage, Cards{Dashboard: true},
			[]string{"Install", "Place", "Start the dashboard backend", "Configure"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			secs, err := Sections(tt.target, withCards(cardsCloud, tt.cards))
			if err != nil {
				t.Fatal(err)
			}
			if len(secs) != len(tt.want) {
				t.Fatalf("got %d sections, want %d: %+v", len(secs), len(tt.want), secs)
			}
			for i, s := range secs {
				if !strings.HasPrefix(s.Title, tt.want[i]) {
					t.Errorf("section %d is %q, want it to start %q", i, s.Title, tt.want[i])
				}
				if s.Body == "" || !strings.HasSuffix(s.Body, "\n") || s.Lang == "" {
					t.Errorf("section %q: empty body, no final newline or no language", s.Title)
				}
				if (tt.target == TargetRoadie) != (s.Part == "") {
					t.Errorf("section %q has part %q", s.Title, s.Part)
				}
			}
		})
	}
}

func TestCards_RefusesUnusableInput(t *testing.T) {
	tests := []struct {
		name string
		run  func() error
		want string
	}{
		{"sections without a card", func() error {
			_, err := Sections(TargetRoadie, cardsCloud)
			return err
		}, "no card"},
		{"sections for an unknown target", func() error {
			_, err := Sections("heroku", withCards(cardsCloud, AllCards))
			return err
		}, "unknown target"},
		{"an unknown part", func() error {
			_, err := BackstagePart("frontend", withCards(cardsCloud, AllCards))
			return err
		}, "unknown part"},
		{"a part without a card", func() error {
			_, err := BackstagePart(PartInstall, cardsCloud)
			return err
		}, "no card"},
		{"all backstage parts without a site", func() error {
			in := withCards(cardsCloud, AllCards)
			in.Site = ""
			_, err := Snippet(TargetBackstage, in)
			return err
		}, "no Jira site"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

func TestCards_NotesForThisInput(t *testing.T) {
	tests := []struct {
		name   string
		target Target
		in     SnippetInput
		want   []string // a word of each note, in order
	}{
		{"basic on cloud, roadie: nothing to say", TargetRoadie,
			withCards(cardsCloud, AllCards), nil},
		{"PAT without the token-type annotation", TargetRoadie,
			SnippetInput{Cards: AllCards, Realm: jira.RealmBearer}, []string{"jira/token-type"}},
		{"PAT with the annotation", TargetRoadie,
			SnippetInput{Cards: AllCards, Realm: jira.RealmBearer, TokenType: "Bearer"}, nil},
		{"bearer on cloud", TargetRoadie, SnippetInput{Cards: Cards{Dashboard: true},
			Realm: jira.RealmBearer, Deployment: jira.DeploymentCloud},
			[]string{"refuses Bearer"}},
		{"self-hosted dashboard caches errors", TargetBackstage,
			withCards(cardsCloud, AllCards), []string{"cacheTtl"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SnippetNotes(tt.target, tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("got notes %q, want %d", got, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("note %q does not mention %q", got[i], w)
				}
			}
		})
	}
}

func TestCards_LinesFitTheTerminal(t *testing.T) {
	for _, target := range Targets() {
		for _, c := range cardsChoices {
			out, err := Snippet(target, withCards(cardsDataCenter, c))
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(out, "\n") {
				if len(line) > 100 {
					t.Errorf("%s %s: line over 100 columns: %q", target, c, line)
				}
			}
		}
	}
}
