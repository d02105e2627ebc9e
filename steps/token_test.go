package steps

import (
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/roadie-tools/jira-setup/jira"
)

// cloudToken builds a well-formed 192-character Cloud API token with a
// valid checksum, from a seed, so no real token is ever in the tests.
func cloudToken(prefix string, seed uint64) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_="
	r := rand.New(rand.NewPCG(seed, seed))
	var b strings.Builder
	b.WriteString(prefix)
	for b.Len() < cloudTokenBody {
		b.WriteByte(alphabet[r.IntN(len(alphabet))])
	}
	return b.String() + CloudTokenChecksum(b.String())
}

const (
	guideEmail   = "jira-mail@example.com"
	guideToken   = "hTBgqVcrcxRYpT5TCzTA9C0F"
	guideEncoded = "amlyYS1tYWlsQGV4YW1wbGUuY29tOmhUQmdxVmNyY3hSWXBUNVRDelRBOUMwRg=="
	demoPAT      = "NjE2OTk4NTQ0MDI1OvMvrYSCQzxHLBbFd5S0yqDqXbLR"
)

func TestClassifyToken(t *testing.T) {
	good := cloudToken("ATATT3", 1)
	lostChar := good[:100] + good[101:] + "A"
	swapped := good[:50] + "Z" + good[51:]
	if swapped == good {
		swapped = good[:50] + "Y" + good[51:]
	}
	tests := []struct {
		name    string
		in      string
		kind    TokenKind
		problem string // a fragment of Problem; "" means no problem
	}{
		{"nothing", "  \n", TokenEmpty, "empty"},
		{"cloud token", good, TokenCloudAPI, ""},
		{"cloud token with newline around it", "\n " + good + "\r\n", TokenCloudAPI, ""},
		{"cloud token with a wrong character", swapped, TokenCloudAPI,
			"checksum does not match: a character was lost in the copy"},
		{"cloud token one character short", good[:191], TokenCloudAPI, "has 191"},
		{"cloud token with a lost character", lostChar, TokenCloudAPI, "checksum"},
		{"cloud token wrapped", good[:76] + "\n" + good[76:], TokenCloudAPI,
			"a line break at character 77"},
		{"cloud token with a space", good[:10] + " " + good[10:], TokenCloudAPI,
			"a space at character 11"},
		{"service account token", cloudToken("ATSTT3", 2), TokenServiceAccount, ""},
		{"legacy token", guideToken, TokenCloudLegacy, ""},
		{"data center PAT", demoPAT, TokenDataCenterPAT, ""},
		{"short password", "hunter2", TokenPassword, ""},
		{"password with symbols", "Correct-Horse!Battery#Staple", TokenPassword, ""},
		{"unknown long value", strings.Repeat("abcd", 20), TokenUnknown, ""},
		{"email and token", guideEmail + ":" + guideToken, TokenEmailPair, ""},
		{"encoded email and token", guideEncoded, TokenEncodedBasic, ""},
		{"encoded with a newline", EncodeBasic(guideEmail, guideToken+"\n"),
			TokenEncodedBasic, "line break"},
		{"basic header", "Basic " + guideEncoded, TokenBasicHeader, ""},
		{"authorization header line", "Authorization: Basic " + guideEncoded,
			TokenBasicHeader, ""},
		{"basic header not base64", "Basic not-base64!", TokenBasicHeader, "not base64"},
		{"bearer header", "bearer " + demoPAT, TokenBearerHeader, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ClassifyToken(tt.in)
			if got.Kind != tt.kind {
				t.Errorf("kind = %v, want %v", got.Kind, tt.kind)
			}
			if tt.problem == "" && got.Problem != "" {
				t.Errorf("unexpected problem %q", got.Problem)
			}
			if !strings.Contains(got.Problem, tt.problem) {
				t.Errorf("problem = %q, want it to mention %q", got.Problem, tt.problem)
			}
			assertNoSecret(t, tt.in, got.Problem, got.Note)
		})
	}
}

func TestClassifyToken_TrimsAndCarriesCredential(t *testing.T) {
	got := ClassifyToken(" Basic " + guideEncoded + "\n")
	if got.Trimmed != "Basic "+guideEncoded {
		t.Errorf("trimmed value is not the input without surrounding whitespace")
	}
	want := jira.Credential{Realm: jira.RealmBasic, Secret: guideEncoded}
	if got.Credential != want || got.User != guideEmail || got.Token != guideToken {
		t.Errorf("credential not carried: realm %q user %q", got.Credential.Realm, got.User)
	}

	pair := ClassifyToken(guideEmail + ":" + guideToken)
	if pair.Credential.Secret != guideEncoded {
		t.Errorf("email:token is not offered encoded")
	}
}

func TestTokenKind_String(t *testing.T) {
	if TokenCloudAPI.String() != "Cloud API token" || TokenKind(99).String() != "TokenKind(99)" {
		t.Errorf("unexpected names %q, %q", TokenCloudAPI, TokenKind(99))
	}
	if !TokenDataCenterPAT.IsToken() || TokenBasicHeader.IsToken() {
		t.Errorf("IsToken misclassifies")
	}
}

// assertNoSecret fails when a message contains the secret part of in.
func assertNoSecret(t *testing.T, in string, msgs ...string) {
	t.Helper()
	for _, secret := range secretParts(in) {
		for _, m := range msgs {
			if strings.Contains(m, secret) {
				t.Errorf("message echoes the secret: %q", m)
			}
		}
	}
}

// secretParts lists the substrings of in that must never be shown: the
// whole value, its base64 body, and the token part of email:token.
func secretParts(in string) []string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); len(s) >= 8 && !strings.Contains(messageVocabulary(), s) {
			out = append(out, s)
		}
	}
	add(in)
	for _, f := range strings.Fields(in) {
		add(f)
	}
	if _, tok, ok := strings.Cut(in, ":"); ok {
		add(tok)
	}
	return out
}

// messageVocabulary is every fixed text a message is built from: a secret
// that happens to be a phrase of it is not echoed.
var messageVocabulary = sync.OnceValue(func() string {
	var b strings.Builder
	for _, m := range findingText {
		b.WriteString(m.summary + "\n" + m.fix + "\n")
	}
	for _, in := range tokenSamples() {
		info := ClassifyToken(in)
		b.WriteString(info.Problem + "\n" + info.Note + "\n")
	}
	return b.String() + strings.Join(tokenKindNames[:], "\n")
})

// tokenSamples reach every message ClassifyToken can give.
func tokenSamples() []string {
	tok := cloudToken("ATATT3", 7)
	return []string{
		"", tok, tok[:100], tok[:60] + "X" + tok[61:], "a b\tc\nd", cloudToken("ATSTT3", 8),
		guideToken, demoPAT, "hunter2", strings.Repeat("abcd", 20),
		guideEmail + ":" + guideToken, guideEncoded, EncodeBasic("a@b.c", "x\n"),
		"Basic " + guideEncoded, "Basic x y", "Basic !", "Bearer " + demoPAT,
	}
}
