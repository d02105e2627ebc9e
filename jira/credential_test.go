package jira

import (
	"errors"
	"strings"
	"testing"
)

// guideVector is the test vector from Roadie's guide.
const guideVector = "amlyYS1tYWlsQGV4YW1wbGUuY29tOmhUQmdxVmNyY3hSWXBUNVRDelRBOUMwRg=="

func TestParseCredential(t *testing.T) {
	basic := Credential{RealmBasic, guideVector}
	bearer := Credential{RealmBearer, "NjE4OTk2"}
	cases := []struct {
		name, value string
		realm       Realm
		want        Credential
	}{
		{"bare base64", guideVector, RealmBasic, basic},
		{"no realm means Basic", guideVector, "", basic},
		{"whole Basic header", "Basic " + guideVector, RealmBearer, basic},
		{"lower-case basic word", "basic " + guideVector, "", basic},
		{"whole Bearer header", "Bearer NjE4OTk2", RealmBasic, bearer},
		{"bare PAT with Bearer realm", "NjE4OTk2", RealmBearer, bearer},
		{"surrounding newline", "\n " + guideVector + "\r\n", RealmBasic, basic},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseCredential(c.value, c.realm)
			if err != nil || got != c.want {
				t.Errorf("got %+v, %v; want %+v", got, err, c.want)
			}
		})
	}
	u := BasicCredential("jira-mail@example.com", "hTBgqVcrcxRYpT5TCzTA9C0F")
	if u.Secret != guideVector {
		t.Errorf("BasicCredential does not match the guide's vector: %s", u.Secret)
	}
}

func TestParseCredential_Refusals(t *testing.T) {
	secret := "hTBgqVcrcxRYpT5TCzTA9C0F"
	cases := []struct{ name, value string }{
		{"empty", "  "},
		{"inner space", "amlyYS1t YWlsQGV4"},
		{"not base64", secret},
		{"no colon inside", "bm9jb2xvbmhlcmU="},             // "nocolonhere"
		{"encoded with echo's newline", "YUBiLmM6dG9rZW4K"}, // "a@b.c:token\n"
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseCredential(c.value, RealmBasic)
			if !errors.Is(err, ErrBadCredential) {
				t.Fatalf("want ErrBadCredential, got %v", err)
			}
			if v := strings.TrimSpace(c.value); v != "" && strings.Contains(err.Error(), v) {
				t.Errorf("the message repeats the value: %q", err)
			}
			if strings.Contains(err.Error(), "token\n") || strings.Contains(err.Error(), secret) {
				t.Errorf("the message leaks the secret: %q", err)
			}
		})
	}
}

func TestParseRealm(t *testing.T) {
	for in, want := range map[string]Realm{"": RealmBasic, "BASIC": RealmBasic,
		"bearer": RealmBearer, " Bearer ": RealmBearer} {
		if got, err := ParseRealm(in); err != nil || got != want {
			t.Errorf("ParseRealm(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseRealm("token"); !errors.Is(err, ErrBadCredential) {
		t.Errorf("ParseRealm(token): %v", err)
	}
}

func TestDemoToken_HasTheCloudShape(t *testing.T) {
	tok := demoToken("alice@example.com")
	if len(tok) != 192 || !strings.HasPrefix(tok, "ATATT3") {
		t.Fatalf("demo token shape: %d characters", len(tok))
	}
	if want := demoToken(tok[:0] + "alice@example.com"); want != tok {
		t.Errorf("demo token is not stable")
	}
}
