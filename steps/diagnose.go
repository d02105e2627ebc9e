package steps

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"github.com/roadie-tools/jira-setup/jira"
)

// Target (where the credential will be pasted) is declared in cards.go.

// Form is how an existing credential value was written.
type Form int

// The forms Diagnose accepts.
const (
	FormUnknown      Form = iota
	FormEmailPair         // email:token in plain text
	FormEncoded           // bare base64 of user:token
	FormBasicHeader       // "Basic <base64>"
	FormBearerHeader      // "Bearer <pat>"
	FormPAT               // a bare personal access token
	FormToken             // a bare API token with no email
)

// Finding is one mistake found in a credential value: a stable code, a
// one-line finding and a one-line fix. Neither text contains the secret.
type Finding struct {
	Code    string
	Summary string
	Fix     string
}

// Diagnosis is what Diagnose found in a credential value.
type Diagnosis struct {
	Form Form

	// Credential is the value parsed, with the unambiguous mistakes
	// (surrounding whitespace, the scheme word, a trailing newline in the
	// encoded text, a wrap, plain email:token) corrected. Zero when
	// nothing usable was found.
	Credential jira.Credential

	// User is the user part of a Basic credential, shown as proof of what
	// the value decodes to. It is not secret.
	User string

	Findings []Finding
}

// OK reports whether no mistake was found.
func (d Diagnosis) OK() bool { return len(d.Findings) == 0 }

// Has reports whether a finding with this code was made.
func (d Diagnosis) Has(code string) bool {
	for _, f := range d.Findings {
		if f.Code == code {
			return true
		}
	}
	return false
}

// diagnosis is the working state of one Diagnose call.
type diagnosis struct {
	Diagnosis
	realm  jira.Realm // as given, or from the header word
	header bool       // the value carried its scheme word
	target Target
}

func (d *diagnosis) add(code string, args ...any) {
	m := findingText[code]
	d.Findings = append(d.Findings, Finding{
		Code:    code,
		Summary: fmt.Sprintf(m.summary, args...),
		Fix:     m.fix,
	})
}

// Diagnose parses an existing credential value in any accepted form (raw
// email:token, bare base64, a whole Basic or Bearer header, a Data Center
// PAT) and lists the mistakes in it for the given realm ("" means not set,
// which the plugins treat as Basic) and target.
func Diagnose(value string, realm jira.Realm, target Target) Diagnosis {
	d := &diagnosis{realm: canonicalRealm(realm), target: target}
	t := strings.TrimSpace(value)
	if t == "" {
		d.add(CodeEmpty)
		return d.Diagnosis
	}
	if t != value {
		d.add(CodeSurroundingSpace)
	}

	if hr, rest, ok := splitHeader(t); ok {
		d.header = true
		d.checkHeaderWord(hr)
		t = rest
	}
	t = d.unwrap(t)

	d.parseBody(t)
	d.checkTarget()
	return d.Diagnosis
}

// checkHeaderWord notes a scheme word that the target or realm does not want.
func (d *diagnosis) checkHeaderWord(hr jira.Realm) {
	if d.realm != "" && !strings.EqualFold(string(d.realm), string(hr)) {
		d.add(CodeRealmWordMismatch)
	}
	d.realm = hr
	d.Form = FormBasicHeader
	if hr == jira.RealmBearer {
		d.Form = FormBearerHeader
	}
	if d.target == TargetRoadie {
		d.add(CodeSchemeWord)
	}
}

// unwrap removes inner whitespace, naming a 76-column wrap when it is one.
func (d *diagnosis) unwrap(t string) string {
	if !strings.ContainsFunc(t, isSpace) {
		return t
	}
	joined := strings.Join(strings.Fields(t), "")
	_, err := base64.StdEncoding.Strict().DecodeString(joined)
	if strings.ContainsAny(t, "\r\n") && err == nil {
		d.add(CodeWrapped)
	} else {
		d.add(CodeInnerSpace, strings.IndexFunc(t, isSpace)+1)
	}
	return joined
}

// parseBody works out what the value without its scheme word is.
func (d *diagnosis) parseBody(t string) {
	user, token, err := DecodeBasic(t)
	switch {
	case err == nil && looksLikeUser(user):
		d.parseEncoded(t, user, token)
	case errors.Is(err, ErrNoColon):
		d.setForm(FormEncoded)
		d.add(CodeMissingColon)
	default:
		d.parseRaw(t)
	}
}

// parseEncoded checks a value that decodes to user:token.
func (d *diagnosis) parseEncoded(b64, user, token string) {
	d.setForm(FormEncoded)
	d.User = user
	if trimmed := strings.TrimRight(token, "\r\n"); trimmed != token {
		d.add(CodeTrailingNewline)
		token = trimmed
		b64 = EncodeBasic(user, token)
	}
	if d.realm == jira.RealmBearer {
		d.add(CodeBearerWithBasic)
	}
	d.Credential = jira.Credential{Realm: jira.RealmBasic, Secret: b64}
	d.checkSecret(user, token)
}

// parseRaw checks a value that is not base64 of user:token.
func (d *diagnosis) parseRaw(t string) {
	if user, token, ok := strings.Cut(t, ":"); ok && user != "" {
		d.setForm(FormEmailPair)
		d.User = user
		d.add(CodeNotEncoded)
		d.Credential = jira.Credential{Realm: jira.RealmBasic,
			Secret: EncodeBasic(user, token)}
		d.checkSecret(user, token)
		return
	}

	info := classifyBare(t)
	cloud := info.Kind == TokenCloudAPI || info.Kind == TokenServiceAccount ||
		info.Kind == TokenCloudLegacy
	switch {
	case cloud && d.realm == jira.RealmBearer:
		d.setForm(FormToken)
		d.add(CodeBearerWithCloudToken)
	case d.realm == jira.RealmBearer:
		d.setForm(FormPAT)
		d.Credential = jira.Credential{Realm: jira.RealmBearer, Secret: t}
	case info.Kind == TokenDataCenterPAT:
		d.setForm(FormPAT)
		d.add(CodeBasicWithPAT)
		d.Credential = jira.Credential{Realm: jira.RealmBearer, Secret: t}
	case cloud:
		d.setForm(FormToken)
		d.add(CodeTokenOnly)
	default:
		d.add(CodeUnrecognised)
	}
}

// setForm records the form unless the header word already said it.
func (d *diagnosis) setForm(f Form) {
	if !d.header {
		d.Form = f
	}
}

// checkSecret looks at the token part of a Basic credential.
func (d *diagnosis) checkSecret(user, token string) {
	switch {
	case user == "":
		d.add(CodeEmptyUser)
	case token == "":
		d.add(CodeEmptyToken)
	case strings.ContainsFunc(token, isSpace):
		d.add(CodeTokenSpace)
	}
	if token == "" {
		return
	}
	info := classifyBare(token)
	switch {
	case info.Kind == TokenPassword && looksLikeEmail(user):
		d.add(CodePassword)
	case (info.Kind == TokenCloudAPI || info.Kind == TokenServiceAccount) &&
		info.Problem != "":
		if len(token) == cloudTokenLen {
			d.add(CodeChecksum)
		} else {
			d.add(CodeTokenLength, len(token), cloudTokenLen)
		}
	}
}

// checkTarget notes a bare value where self-hosted Backstage needs the
// whole header.
func (d *diagnosis) checkTarget() {
	if d.target != TargetBackstage || d.header || d.Credential.IsZero() {
		return
	}
	d.add(CodeMissingSchemeWord, string(d.Credential.Realm))
}

// canonicalRealm spells a realm as the header does, whatever case it came
// in (JIRA_API_TOKEN_REALM=bearer is common).
func canonicalRealm(r jira.Realm) jira.Realm {
	for _, known := range []jira.Realm{jira.RealmBasic, jira.RealmBearer} {
		if strings.EqualFold(strings.TrimSpace(string(r)), string(known)) {
			return known
		}
	}
	return r
}
