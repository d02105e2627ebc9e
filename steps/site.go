package steps

// Step 3, "Site and email suffix": the email suffix, the Roadie tenant and
// its admin page, and the values to paste there. The Jira URL itself is
// normalised by jira.NormalizeSite.

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/roadie-tools/jira-setup/jira"
)

// PasteValue is one value to paste into Roadie's Jira settings page.
type PasteValue struct {
	Name   string // the field, e.g. "JIRA_API_TOKEN"
	Value  string
	Secret bool // mask it on screen
	Note   string
}

// Errors for the suffix and tenant inputs; match them with errors.Is.
var (
	ErrInvalidSuffix = errors.New("invalid email suffix")
	ErrInvalidTenant = errors.New("invalid Roadie tenant")
)

// Roadie host and admin page path.
const (
	roadieDomain    = ".roadie.so"
	roadieAdminPath = "/administration/jira"
	maxLabel        = 63
)

// SuggestSuffix returns "@domain" from an account email, or "" when the
// email has no domain.
func SuggestSuffix(email string) string {
	at := strings.LastIndex(email, "@")
	if at < 0 || at == len(email)-1 {
		return ""
	}
	return "@" + strings.ToLower(strings.TrimSpace(email[at+1:]))
}

// ValidateSuffix checks a user email suffix: an "@" then a domain name.
// The empty suffix is valid: the setting is optional.
func ValidateSuffix(s string) error {
	if s == "" {
		return nil
	}
	if !strings.HasPrefix(s, "@") {
		return fmt.Errorf("%w: it must start with @, e.g. @%s", ErrInvalidSuffix,
			strings.TrimLeft(s, "@ "))
	}
	if err := validateDomain(s[1:]); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalidSuffix, err)
	}
	return nil
}

// validateDomain checks a DNS name with at least two labels.
func validateDomain(d string) error {
	labels := strings.Split(d, ".")
	if d == "" || len(labels) < 2 {
		return errors.New("a domain must follow the @, e.g. @example.com")
	}
	for _, l := range labels {
		if !isDNSLabel(strings.ToLower(l)) {
			return fmt.Errorf("%q is not a valid part of a domain name", l)
		}
	}
	return nil
}

// RoadieTenant returns the tenant name from what the user typed: the name
// itself, "tenant.roadie.so", or any https://tenant.roadie.so/... link.
func RoadieTenant(s string) (string, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if strings.Contains(t, "://") {
		u, err := url.Parse(t)
		if err != nil || u.Hostname() == "" {
			return "", fmt.Errorf("%w: the link cannot be read; type just the tenant name",
				ErrInvalidTenant)
		}
		t = u.Hostname()
	} else {
		t, _, _ = strings.Cut(t, "/")
	}
	if strings.Contains(t, ".") {
		name, ok := strings.CutSuffix(t, roadieDomain)
		if !ok {
			return "", fmt.Errorf("%w: %s is not a roadie.so address; "+
				"type the tenant name, as in https://<tenant>.roadie.so", ErrInvalidTenant, t)
		}
		t = name
	}
	if !isDNSLabel(t) {
		return "", fmt.Errorf("%w: use the name before .roadie.so: letters, digits "+
			"and dashes, up to %d characters", ErrInvalidTenant, maxLabel)
	}
	return t, nil
}

// RoadieAdminURL returns https://<tenant>.roadie.so/administration/jira,
// where the Jira values are entered. It accepts what RoadieTenant accepts.
func RoadieAdminURL(tenant string) (string, error) {
	t, err := RoadieTenant(tenant)
	if err != nil {
		return "", err
	}
	return "https://" + t + roadieDomain + roadieAdminPath, nil
}

// RoadieValues returns the values to paste on Roadie's Jira page, in the
// page's order. site must be the normalised Jira URL (jira.NormalizeSite);
// cred the credential as Roadie stores it (bare base64, or the PAT with the
// Bearer realm). The suffix is left out when empty.
func RoadieValues(cred jira.Credential, site, suffix string) []PasteValue {
	vals := []PasteValue{
		{Name: "JIRA_API_TOKEN", Value: cred.Secret, Secret: true,
			Note: tokenNote(cred)},
		{Name: "JIRA_API_URL", Value: strings.TrimRight(site, "/"),
			Note: "no trailing slash"},
	}
	if suffix != "" {
		vals = append(vals, PasteValue{Name: "User Email Suffix", Value: suffix,
			Note: "for the dashboard's \"Assigned to me\""})
	}
	if cred.Realm == jira.RealmBearer {
		vals = append(vals, PasteValue{Name: "JIRA_API_TOKEN_REALM",
			Value: string(jira.RealmBearer), Note: "the token is a personal access token"})
	}
	return vals
}

func tokenNote(cred jira.Credential) string {
	if cred.Realm == jira.RealmBearer {
		return "the personal access token itself"
	}
	return "base64 of email:token, without the word Basic"
}

// isDNSLabel reports whether s is a lower-case DNS label (RFC 1123).
func isDNSLabel(s string) bool {
	if s == "" || len(s) > maxLabel || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}
