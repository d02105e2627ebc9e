package steps

import (
	"fmt"
	"hash/crc32"
	"strings"
	"unicode"

	"github.com/roadie-tools/jira-setup/jira"
)

// TokenKind is the shape a pasted token was recognised as.
type TokenKind int

// The token shapes ClassifyToken tells apart.
const (
	TokenEmpty          TokenKind = iota // nothing but whitespace
	TokenUnknown                         // no shape jira-setup knows
	TokenCloudAPI                        // ATATT3…, 192 characters with a CRC32
	TokenCloudLegacy                     // 24 characters, before 2023
	TokenServiceAccount                  // ATSTT3…, an Atlassian service account
	TokenDataCenterPAT                   // 44 characters, sent as Bearer
	TokenPassword                        // looks like a password, not a token
	TokenEmailPair                       // "email:token" in plain text
	TokenEncodedBasic                    // already base64 of user:token
	TokenBasicHeader                     // a whole "Basic …" header value
	TokenBearerHeader                    // a whole "Bearer …" header value
)

// TokenInfo is what ClassifyToken found in a pasted value. Problem and Note
// never contain the value itself.
type TokenInfo struct {
	Kind TokenKind

	// Trimmed is the value without surrounding whitespace and newlines.
	Trimmed string

	// Problem says why the value cannot be used as it is; empty when it can.
	Problem string

	// Note says what was recognised or noticed, for the user to read.
	Note string

	// Credential, User and Token describe what an encoded or header form
	// (TokenEmailPair, TokenEncodedBasic, TokenBasicHeader,
	// TokenBearerHeader) carries, so the wizard can offer to take it as
	// such. User and Token are empty for a Bearer value.
	Credential jira.Credential
	User       string
	Token      string
}

// Token shape constants, from JIRA-FACTS.md.
const (
	cloudTokenPrefix   = "ATATT3"
	serviceTokenPrefix = "ATSTT3"
	cloudTokenLen      = 192
	cloudTokenBody     = 184
	legacyTokenLen     = 24
	patLen             = 44
	minTokenLen        = 20 // below this, a secret is a password
)

// APITokenPage is where Atlassian Cloud API tokens are created.
const APITokenPage = "https://id.atlassian.com/manage-profile/security/api-tokens"

var tokenKindNames = [...]string{
	TokenEmpty:          "empty",
	TokenUnknown:        "unknown",
	TokenCloudAPI:       "Cloud API token",
	TokenCloudLegacy:    "legacy Cloud API token",
	TokenServiceAccount: "service account token",
	TokenDataCenterPAT:  "Data Center personal access token",
	TokenPassword:       "password",
	TokenEmailPair:      "email:token",
	TokenEncodedBasic:   "encoded email:token",
	TokenBasicHeader:    "Basic header",
	TokenBearerHeader:   "Bearer header",
}

// String names the kind in words, e.g. "Cloud API token".
func (k TokenKind) String() string {
	if k < 0 || int(k) >= len(tokenKindNames) {
		return fmt.Sprintf("TokenKind(%d)", int(k))
	}
	return tokenKindNames[k]
}

// IsToken reports whether the kind is a raw token or password, as opposed
// to an encoded or header form or nothing at all.
func (k TokenKind) IsToken() bool {
	switch k {
	case TokenCloudAPI, TokenCloudLegacy, TokenServiceAccount,
		TokenDataCenterPAT, TokenPassword, TokenUnknown:
		return true
	}
	return false
}

// ClassifyToken trims a pasted token and recognises its shape. It refuses
// inner whitespace, checks the CRC32 of Cloud API tokens, and notices when
// the value is already an encoded email:token or a whole header.
func ClassifyToken(s string) TokenInfo {
	info := TokenInfo{Trimmed: strings.TrimSpace(s)}
	t := info.Trimmed
	if t == "" {
		info.Kind = TokenEmpty
		info.Problem = "the token is empty: paste the token Atlassian showed you"
		return info
	}

	if realm, rest, ok := splitHeader(t); ok {
		return classifyHeader(info, realm, rest)
	}
	if where := innerSpace(t); where != "" {
		info.Kind = classifyBare(strings.Join(strings.Fields(t), "")).Kind
		info.Problem = "the token has " + where +
			"; tokens have none: copy it again in one piece"
		return info
	}
	if user, token, ok := splitEmailPair(t); ok {
		info.Kind = TokenEmailPair
		info.User, info.Token = user, token
		info.Credential = jira.Credential{Realm: jira.RealmBasic,
			Secret: EncodeBasic(user, token)}
		info.Note = "this is email:token in plain text; it can be encoded as is"
		return info
	}

	bare := classifyBare(t)
	bare.Trimmed = t
	return bare
}

// classifyBare recognises a value with no whitespace and no header word.
func classifyBare(t string) TokenInfo {
	info := TokenInfo{Trimmed: t}
	if user, token, err := DecodeBasic(t); err == nil && looksLikeUser(user) {
		info.Kind = TokenEncodedBasic
		info.User, info.Token = user, token
		info.Credential = jira.Credential{Realm: jira.RealmBasic, Secret: t}
		info.Note = "this is already an encoded user:token; it needs no encoding"
		if strings.HasSuffix(token, "\n") {
			info.Problem = "the encoded text ends with a line break " +
				"(echo without -n): encode it again without one"
		}
		return info
	}

	switch {
	case strings.HasPrefix(t, cloudTokenPrefix):
		info.Kind = TokenCloudAPI
		info.Problem = checkCloudToken(t)
		info.Note = "a Cloud API token: sent as Basic with the account email"
	case strings.HasPrefix(t, serviceTokenPrefix):
		info.Kind = TokenServiceAccount
		info.Problem = checkCloudToken(t)
		info.Note = "a service account token: sent as Basic with its email"
	case len(t) == patLen && isBase64ish(t):
		info.Kind = TokenDataCenterPAT
		info.Note = "a Data Center personal access token: sent as Bearer, " +
			"with nothing to encode"
	case len(t) == legacyTokenLen && isAlnum(t):
		info.Kind = TokenCloudLegacy
		info.Note = "an older Cloud API token: sent as Basic with the account email"
	case looksLikePassword(t):
		info.Kind = TokenPassword
		info.Note = "this looks like a password: Jira Cloud refuses passwords, " +
			"create an API token at " + APITokenPage
	default:
		info.Kind = TokenUnknown
		info.Note = "not a token shape jira-setup knows; the live checks will tell"
	}
	return info
}

// classifyHeader handles a whole "Basic …" or "Bearer …" value.
func classifyHeader(info TokenInfo, realm jira.Realm, rest string) TokenInfo {
	info.Credential = jira.Credential{Realm: realm, Secret: rest}
	if where := innerSpace(rest); where != "" {
		info.Problem = "the value after the " + string(realm) + " word has " +
			where + ": copy it again in one piece"
	}
	if realm == jira.RealmBearer {
		info.Kind = TokenBearerHeader
		info.Note = "this is a whole Bearer header value; the token is the part " +
			"after the word Bearer"
		return info
	}

	info.Kind = TokenBasicHeader
	info.Note = "this is a whole Basic header value; it needs no encoding"
	user, token, err := DecodeBasic(rest)
	if err != nil {
		if info.Problem == "" {
			info.Problem = "the value after the Basic word is not " +
				"base64 of user:token: " + err.Error()
		}
		return info
	}
	info.User, info.Token = user, token
	return info
}

// checkCloudToken checks the length and CRC32 of an ATATT3/ATSTT3 token and
// returns the problem, or "".
func checkCloudToken(t string) string {
	if len(t) != cloudTokenLen {
		return fmt.Sprintf("a Cloud API token is %d characters; this one has %d: "+
			"part of it was lost or added in the copy", cloudTokenLen, len(t))
	}
	if !strings.EqualFold(t[cloudTokenBody:], CloudTokenChecksum(t[:cloudTokenBody])) {
		return "checksum does not match: a character was lost in the copy"
	}
	return ""
}

// CloudTokenChecksum returns the 8 upper-case hex digits a Cloud API token
// ends with, the CRC32 (IEEE) of its first 184 characters.
func CloudTokenChecksum(body string) string {
	return fmt.Sprintf("%08X", crc32.ChecksumIEEE([]byte(body)))
}

// splitHeader recognises "Basic x", "Bearer x" (any case) and the same
// with a leading "Authorization:".
func splitHeader(t string) (jira.Realm, string, bool) {
	const auth = "authorization:"
	if len(t) > len(auth) && strings.EqualFold(t[:len(auth)], auth) {
		t = strings.TrimSpace(t[len(auth):])
	}
	for _, realm := range []jira.Realm{jira.RealmBasic, jira.RealmBearer} {
		word := string(realm)
		if len(t) > len(word) && strings.EqualFold(t[:len(word)], word) &&
			isSpace(rune(t[len(word)])) {
			return realm, strings.TrimSpace(t[len(word):]), true
		}
	}
	return "", "", false
}

// splitEmailPair recognises "someone@example.com:token" in plain text.
func splitEmailPair(t string) (user, token string, ok bool) {
	user, token, found := strings.Cut(t, ":")
	if !found || !looksLikeEmail(user) || token == "" {
		return "", "", false
	}
	return user, token, true
}

// innerSpace describes where the first whitespace inside t is, or "".
func innerSpace(t string) string {
	for i, r := range []rune(t) {
		if !isSpace(r) {
			continue
		}
		what := "a space"
		switch r {
		case '\n', '\r':
			what = "a line break"
		case '\t':
			what = "a tab"
		}
		return fmt.Sprintf("%s at character %d", what, i+1)
	}
	return ""
}

func isSpace(r rune) bool { return unicode.IsSpace(r) }

func looksLikeEmail(s string) bool {
	at := strings.Index(s, "@")
	return at > 0 && at < len(s)-1 && !strings.ContainsFunc(s, isSpace)
}

// looksLikeUser tells a decoded user name from the digits a Data Center
// PAT decodes to.
func looksLikeUser(s string) bool {
	return s != "" && strings.ContainsFunc(s, func(r rune) bool {
		return r < '0' || r > '9'
	})
}

func looksLikePassword(t string) bool {
	if len(t) < minTokenLen {
		return true
	}
	return strings.ContainsFunc(t, func(r rune) bool {
		return !isTokenRune(r)
	})
}

// isTokenRune reports whether r appears in Atlassian tokens and PATs.
func isTokenRune(r rune) bool {
	return r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) ||
		strings.ContainsRune("-_=+/", r))
}

func isAlnum(t string) bool {
	return !strings.ContainsFunc(t, func(r rune) bool {
		return r >= unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r))
	})
}

func isBase64ish(t string) bool {
	return !strings.ContainsFunc(t, func(r rune) bool {
		return r >= unicode.MaxASCII || !(unicode.IsLetter(r) ||
			unicode.IsDigit(r) || r == '+' || r == '/' || r == '=')
	})
}
