package steps

import (
	"errors"
	"strings"
	"testing"

	"github.com/roadie-tools/jira-setup/jira"
)

func TestSuggestSuffix(t *testing.T) {
	tests := []struct{ name, email, want string }{
		{"email", "Alice@Acme.COM", "@acme.com"},
		{"no at", "alice", ""},
		{"nothing after at", "alice@", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SuggestSuffix(tt.email); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestValidateSuffix(t *testing.T) {
	tests := []struct {
		name, in string
		ok       bool
	}{
		{"empty is optional", "", true},
		{"domain", "@acme.com", true},
		{"sub domain", "@eu.acme.co.uk", true},
		{"no at", "acme.com", false},
		{"only at", "@", false},
		{"no dot", "@acme", false},
		{"bad label", "@acme..com", false},
		{"space", "@acme .com", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateSuffix(tt.in)
			if (err == nil) != tt.ok || (err != nil && !errors.Is(err, ErrInvalidSuffix)) {
				t.Errorf("err = %v", err)
			}
		})
	}
}

func TestRoadieAdminURL(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"tenant name", "acme", "https://acme.roadie.so/administration/jira"},
		{"upper case and spaces", " Acme ", "https://acme.roadie.so/administration/jira"},
		{"host", "acme.roadie.so", "https://acme.roadie.so/administration/jira"},
		{"pasted link", "https://acme-eu.roadie.so/catalog/default/component/x",
			"https://acme-eu.roadie.so/administration/jira"},
		{"empty", "", ""},
		{"other host", "https://acme.example.com/", ""},
		{"bad characters", "ac_me", ""},
		{"leading dash", "-acme", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := RoadieAdminURL(tt.in)
			if got != tt.want || (tt.want == "") != errors.Is(err, ErrInvalidTenant) {
				t.Errorf("got %q, %v", got, err)
			}
		})
	}
}

func TestRoadieValues(t *testing.T) {
	basic := RoadieValues(jira.Credential{Realm: jira.RealmBasic, Secret: guideEncoded},
		"https://acme.atlassian.net/", "@acme.com")
	if names(basic) != "JIRA_API_TOKEN JIRA_API_URL User Email Suffix" {
		t.Errorf("basic names = %s", names(basic))
	}
	if basic[0].Value != guideEncoded || !basic[0].Secret || basic[1].Value !=
		"https://acme.atlassian.net" {
		t.Errorf("basic values wrong")
	}

	pat := RoadieValues(jira.Credential{Realm: jira.RealmBearer, Secret: demoPAT},
		"https://jira.example.com/jira", "")
	if names(pat) != "JIRA_API_TOKEN JIRA_API_URL JIRA_API_TOKEN_REALM" ||
		pat[2].Value != "Bearer" {
		t.Errorf("pat names = %s", names(pat))
	}
}

func names(vals []PasteValue) string {
	var out []string
	for _, v := range vals {
		out = append(out, v.Name)
	}
	return strings.Join(out, " ")
}
