package steps

import (
	"errors"
	"strings"
	"testing"

	"github.com/roadie-tools/jira-setup/jira"
)

func TestEncodeBasic_GuideVector(t *testing.T) {
	if got := EncodeBasic(guideEmail, guideToken); got != guideEncoded {
		t.Fatalf("the guide's test vector encodes differently")
	}
	user, token, err := DecodeBasic(guideEncoded)
	if err != nil || user != guideEmail || token != guideToken {
		t.Fatalf("the guide's test vector does not decode back: %v", err)
	}
}

func TestEncodeBasic_LongTokenOnOneLine(t *testing.T) {
	got := EncodeBasic("bot@example.com", cloudToken("ATATT3", 3))
	if strings.ContainsAny(got, "\r\n ") || len(got)%4 != 0 {
		t.Errorf("encoded value is wrapped or unpadded (%d chars)", len(got))
	}
}

func TestDecodeBasic_Errors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", ErrNotBase64},
		{"not base64", "not base64!", ErrNotBase64},
		{"missing padding", strings.TrimRight(guideEncoded, "="), ErrNotBase64},
		{"no colon", "dXNlcg==", ErrNoColon},
		{"binary", demoPAT, ErrNotText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, err := DecodeBasic(tt.in); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestHeaderValue(t *testing.T) {
	tests := []struct {
		name string
		cred jira.Credential
		want string
	}{
		{"basic", jira.Credential{Realm: jira.RealmBasic, Secret: guideEncoded},
			"Basic " + guideEncoded},
		{"no realm means basic", jira.Credential{Secret: guideEncoded}, "Basic " + guideEncoded},
		{"bearer", jira.Credential{Realm: jira.RealmBearer, Secret: demoPAT}, "Bearer " + demoPAT},
		{"nothing", jira.Credential{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HeaderValue(tt.cred); got != tt.want {
				t.Errorf("got a different header value")
			}
		})
	}
}

func TestMask(t *testing.T) {
	tok := cloudToken("ATATT3", 4)
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"short secret hidden entirely", "hunter2", "••••••"},
		{"legacy token", guideToken, "hTB…0F"},
		{"cloud token", tok, "ATATT3…" + tok[188:]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Mask(tt.in); got != tt.want {
				t.Errorf("Mask = %q, want %q", got, tt.want)
			}
		})
	}
}
