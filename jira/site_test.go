package jira

import (
	"errors"
	"strings"
	"testing"
)

func TestNormalizeSite(t *testing.T) {
	cases := []struct {
		name, raw, url, key string
		insecure, changed   bool
	}{
		{"plain Cloud site", "https://acme.atlassian.net",
			"https://acme.atlassian.net", "", false, false},
		{"missing scheme", "acme.atlassian.net", "https://acme.atlassian.net", "", false, true},
		{"trailing slash", "https://acme.atlassian.net/",
			"https://acme.atlassian.net", "", false, true},
		{"issue link", "https://acme.atlassian.net/browse/ABC-12",
			"https://acme.atlassian.net", "ABC", false, true},
		{"board link", "https://acme.atlassian.net/jira/software/projects/ABC/boards/1",
			"https://acme.atlassian.net", "ABC", false, true},
		{"team-managed board", "https://acme.atlassian.net/jira/software/c/projects/WEB/issues?x=1",
			"https://acme.atlassian.net", "WEB", false, true},
		{"project page", "https://jira.example.com/projects/OPS",
			"https://jira.example.com", "OPS", false, true},
		{"REST URL", "https://jira.example.com/rest/api/2/serverInfo",
			"https://jira.example.com", "", false, true},
		{"context path kept", "https://jira.example.com/jira",
			"https://jira.example.com/jira", "", false, false},
		{"context path with an issue", "https://jira.example.com/jira/browse/abc-7",
			"https://jira.example.com/jira", "ABC", false, true},
		{"secure page", "https://jira.example.com/jira/secure/Dashboard.jspa",
			"https://jira.example.com/jira", "", false, true},
		{"plugin servlet", "https://jira.example.com/plugins/servlet/desk",
			"https://jira.example.com", "", false, true},
		{"upper-case host", "https://ACME.Atlassian.NET",
			"https://acme.atlassian.net", "", false, true},
		{"query and fragment", "https://jira.example.com/?a=b#top",
			"https://jira.example.com", "", false, true},
		{"http allowed", "http://jira.internal:8080", "http://jira.internal:8080", "", true, false},
		{"surrounding whitespace", "  https://acme.atlassian.net\n",
			"https://acme.atlassian.net", "", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := NormalizeSite(c.raw)
			if err != nil {
				t.Fatalf("NormalizeSite: %v", err)
			}
			if s.URL != c.url || s.ProjectKey != c.key || s.Insecure != c.insecure ||
				(len(s.Changes) > 0) != c.changed {
				t.Errorf("got %+v, want url %s key %q insecure %v changed %v",
					s, c.url, c.key, c.insecure, c.changed)
			}
		})
	}
}

func TestNormalizeSite_Refusals(t *testing.T) {
	cases := []struct{ name, raw, says string }{
		{"empty", "   ", "empty"},
		{"inner space", "https://acme atlassian.net", "spaces"},
		{"credentials in the URL", "https://alice:s3cret@acme.atlassian.net",
			"user name or password"},
		{"ftp scheme", "ftp://acme.atlassian.net", "https://"},
		{"no host", "https://", "no host"},
		{"bad port", "https://acme.atlassian.net:port", "does not parse"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := NormalizeSite(c.raw)
			if !errors.Is(err, ErrInvalidSite) {
				t.Fatalf("want ErrInvalidSite, got %v", err)
			}
			if !strings.Contains(err.Error(), c.says) {
				t.Errorf("message %q should mention %q", err, c.says)
			}
			if strings.Contains(err.Error(), "s3cret") {
				t.Errorf("message repeats the password: %q", err)
			}
		})
	}
}

func FuzzNormalizeSite(f *testing.F) {
	for _, s := range []string{
		"https://acme.atlassian.net/browse/ABC-1", "jira.example.com/jira/", "http://[::1]:8080/x",
		"https://h/jira/software/c/projects/K/boards?x#y", "HTTPS://A.B//jira//", "//host/path",
		"https://h/%2Fjira", "https://h/a/../b", "https://h:443/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		s, err := NormalizeSite(raw)
		if err != nil {
			return
		}
		again, err := NormalizeSite(s.URL)
		if err != nil {
			t.Fatalf("normalised %q to %q, which is refused: %v", raw, s.URL, err)
		}
		if again.URL != s.URL {
			t.Fatalf("not idempotent: %q → %q → %q", raw, s.URL, again.URL)
		}
	})
}
