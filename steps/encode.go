package steps

import (
	"encoding/base64"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/roadie-tools/jira-setup/jira"
)

// Errors DecodeBasic returns; none of them carries the value.
var (
	ErrNotBase64 = errors.New("not valid base64")
	ErrNotText   = errors.New("decodes to bytes that are not text")
	ErrNoColon   = errors.New("decodes to text with no colon between user and token")
)

// EncodeBasic returns the standard base64 (padded, on one line) of the exact
// bytes user:token, as the Basic Authorization scheme wants.
func EncodeBasic(user, token string) string {
	return base64.StdEncoding.EncodeToString([]byte(user + ":" + token))
}

// DecodeBasic reverses EncodeBasic. The token part is returned as decoded,
// including any line break a shell added, so callers can point it out.
func DecodeBasic(b64 string) (user, token string, err error) {
	raw, err := base64.StdEncoding.Strict().DecodeString(b64)
	if err != nil || b64 == "" {
		return "", "", ErrNotBase64
	}
	text := string(raw)
	if !utf8.ValidString(text) || strings.ContainsFunc(text, isBadControl) {
		return "", "", ErrNotText
	}
	user, token, found := strings.Cut(text, ":")
	if !found {
		return "", "", ErrNoColon
	}
	return user, token, nil
}

// isBadControl reports control characters other than line breaks, which
// DecodeBasic lets through so that Diagnose can name them.
func isBadControl(r rune) bool {
	return unicode.IsControl(r) && r != '\n' && r != '\r'
}

// HeaderValue returns the whole Authorization value for cred:
// "Basic <base64>" or "Bearer <pat>". A credential with no realm is Basic.
func HeaderValue(cred jira.Credential) string {
	return cred.Header()
}

// Mask hides a secret for display, keeping at most a short prefix and
// suffix, e.g. "ATATT3…4F2A". Short values are hidden entirely.
func Mask(s string) string {
	r := []rune(s)
	switch n := len(r); {
	case n == 0:
		return ""
	case n < 16:
		return "••••••"
	case n < 40:
		return string(r[:3]) + "…" + string(r[n-2:])
	default:
		return string(r[:6]) + "…" + string(r[n-4:])
	}
}
