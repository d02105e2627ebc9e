package jira

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// ErrBadCredential is wrapped by every ParseCredential error. The messages
// never repeat the value they were given.
var ErrBadCredential = errors.New("unusable credential")

// ParseRealm reads a realm case-insensitively; empty means Basic.
func ParseRealm(s string) (Realm, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "basic":
		return RealmBasic, nil
	case "bearer":
		return RealmBearer, nil
	}
	return "", fmt.Errorf("%w: the realm must be basic or bearer", ErrBadCredential)
}

// ParseCredential reads a credential as Roadie stores it: the bare base64
// of email:token (Basic), a PAT when realm is Bearer, or a whole "Basic …"
// or "Bearer …" header value, whose word then wins over realm.
func ParseCredential(value string, realm Realm) (Credential, error) {
	v := strings.TrimSpace(value)
	if r, rest, ok := cutScheme(v); ok {
		realm, v = r, strings.TrimSpace(rest)
	}
	if realm == "" {
		realm = RealmBasic
	}
	if v == "" {
		return Credential{}, bad("it is empty: set JIRA_API_TOKEN to the encoded value")
	}
	if strings.ContainsFunc(v, unicode.IsSpace) {
		return Credential{}, bad("it contains a space or line break inside: " +
			"copy it again in one piece")
	}
	if realm == RealmBearer {
		return Credential{Realm: RealmBearer, Secret: v}, nil
	}
	dec, err := base64.StdEncoding.DecodeString(v)
	if err != nil {
		return Credential{}, bad("it is not base64: encode email:token, " +
			"or set the realm to bearer for a personal access token")
	}
	user, token, ok := strings.Cut(string(dec), ":")
	if !ok || user == "" || token == "" {
		return Credential{}, bad("it decodes to something without a colon: " +
			"encode email:token exactly")
	}
	if strings.ContainsAny(string(dec), "\r\n") {
		return Credential{}, bad("it decodes with a line break inside: " +
			"encode email:token without a newline (echo -n, or jira-setup encode)")
	}
	return Credential{Realm: RealmBasic, Secret: v}, nil
}

// BasicCredential encodes user:token exactly, as Roadie expects it.
func BasicCredential(user, token string) Credential {
	raw := user + ":" + token
	return Credential{Realm: RealmBasic, Secret: base64.StdEncoding.EncodeToString([]byte(raw))}
}

// User returns the user part of a Basic credential, or "" for Bearer.
func (c Credential) User() string {
	if c.Realm == RealmBearer {
		return ""
	}
	dec, err := base64.StdEncoding.DecodeString(c.Secret)
	if err != nil {
		return ""
	}
	user, _, _ := strings.Cut(string(dec), ":")
	return user
}

func cutScheme(v string) (Realm, string, bool) {
	for _, r := range []Realm{RealmBasic, RealmBearer} {
		p := string(r) + " "
		if len(v) > len(p) && strings.EqualFold(v[:len(p)], p) {
			return r, v[len(p):], true
		}
	}
	return "", "", false
}

func bad(msg string) error { return fmt.Errorf("%w: %s", ErrBadCredential, msg) }
