package steps

import (
	"encoding/base64"
	"slices"
	"strings"
	"testing"

	"github.com/roadie-tools/jira-setup/jira"
)

func TestDiagnose(t *testing.T) {
	tok := cloudToken("ATATT3", 5)
	badSum := tok[:20] + flip(tok[20]) + tok[21:]
	encoded := EncodeBasic("bot@example.com", tok)
	withNewline := EncodeBasic("bot@example.com", tok+"\n")
	wrapped := wrap76(encoded)
	basic := jira.Credential{Realm: jira.RealmBasic, Secret: encoded}
	bearer := jira.Credential{Realm: jira.RealmBearer, Secret: demoPAT}
	tests := []struct {
		name   string
		value  string
		realm  jira.Realm
		target Target
		form   Form
		codes  []string
		cred   jira.Credential // zero: not checked
	}{
		{"guide vector for roadie", guideEncoded, "", TargetRoadie, FormEncoded, nil,
			jira.Credential{Realm: jira.RealmBasic, Secret: guideEncoded}},
		{"encoded cloud token", encoded, jira.RealmBasic, TargetRoadie, FormEncoded, nil, basic},
		{"empty", " \n", "", TargetRoadie, FormUnknown, []string{CodeEmpty}, jira.Credential{}},
		{"trailing newline from echo", withNewline, "", TargetRoadie, FormEncoded,
			[]string{CodeTrailingNewline}, basic},
		{"guide vector with echo newline", EncodeBasic(guideEmail, guideToken+"\n"), "",
			TargetRoadie, FormEncoded, []string{CodeTrailingNewline},
			jira.Credential{Realm: jira.RealmBasic, Secret: guideEncoded}},
		{"wrapped at 76 columns", wrapped, "", TargetRoadie, FormEncoded,
			[]string{CodeWrapped}, basic},
		{"missing colon", base64.StdEncoding.EncodeToString([]byte("bot@example.com" + tok)),
			"", TargetRoadie, FormEncoded, []string{CodeMissingColon}, jira.Credential{}},
		{"basic word for roadie", "Basic " + encoded, "", TargetRoadie, FormBasicHeader,
			[]string{CodeSchemeWord}, basic},
		{"basic word for backstage", "Basic " + encoded, "", TargetBackstage,
			FormBasicHeader, nil, basic},
		{"bare value for backstage", encoded, "", TargetBackstage, FormEncoded,
			[]string{CodeMissingSchemeWord}, basic},
		{"bare PAT for backstage", demoPAT, jira.RealmBearer, TargetBackstage, FormPAT,
			[]string{CodeMissingSchemeWord}, bearer},
		{"surrounding whitespace", "  " + encoded + "\n", "", TargetRoadie, FormEncoded,
			[]string{CodeSurroundingSpace}, basic},
		{"inner space", encoded[:30] + " " + encoded[30:], "", TargetRoadie, FormEncoded,
			[]string{CodeInnerSpace}, basic},
		{"password instead of token", EncodeBasic("bot@example.com", "hunter2!"), "",
			TargetRoadie, FormEncoded, []string{CodePassword}, jira.Credential{}},
		{"server username and password", EncodeBasic("jbot", "hunter2!"), "",
			TargetRoadie, FormEncoded, nil, jira.Credential{}},
		{"raw email:token", "bot@example.com:" + tok, "", TargetRoadie, FormEmailPair,
			[]string{CodeNotEncoded}, basic},
		{"token without email", tok, "", TargetRoadie, FormToken,
			[]string{CodeTokenOnly}, jira.Credential{}},
		{"bearer realm with encoded email:token", encoded, jira.RealmBearer,
			TargetRoadie, FormEncoded, []string{CodeBearerWithBasic}, basic},
		{"bearer header with encoded email:token", "Bearer " + encoded, "",
			TargetBackstage, FormBearerHeader, []string{CodeBearerWithBasic}, basic},
		{"basic realm with PAT", demoPAT, jira.RealmBasic, TargetRoadie, FormPAT,
			[]string{CodeBasicWithPAT}, bearer},
		{"basic header with PAT", "Basic " + demoPAT, "", TargetBackstage, FormBasicHeader,
			[]string{CodeBasicWithPAT}, bearer},
		{"PAT with bearer realm", demoPAT, jira.RealmBearer, TargetRoadie, FormPAT, nil,
			bearer},
		{"PAT with lower-case bearer realm", demoPAT, "bearer", TargetRoadie, FormPAT, nil,
			bearer},
		{"bearer header for backstage", "Bearer " + demoPAT, "", TargetBackstage,
			FormBearerHeader, nil, bearer},
		{"bearer header while realm says basic", "Bearer " + demoPAT, jira.RealmBasic,
			TargetBackstage, FormBearerHeader, []string{CodeRealmWordMismatch}, bearer},
		{"cloud token as bearer", tok, jira.RealmBearer, TargetRoadie, FormToken,
			[]string{CodeBearerWithCloudToken}, jira.Credential{}},
		{"checksum broken inside encoding", EncodeBasic("bot@example.com", badSum), "",
			TargetRoadie, FormEncoded, []string{CodeChecksum}, jira.Credential{}},
		{"token cut short inside encoding", EncodeBasic("bot@example.com", tok[:150]), "",
			TargetRoadie, FormEncoded, []string{CodeTokenLength}, jira.Credential{}},
		{"empty token part", EncodeBasic("bot@example.com", ""), "", TargetRoadie,
			FormEncoded, []string{CodeEmptyToken}, jira.Credential{}},
		{"nonsense", "this is not it", "", TargetRoadie, FormUnknown,
			[]string{CodeInnerSpace, CodeUnrecognised}, jira.Credential{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Diagnose(tt.value, tt.realm, tt.target)
			if d.Form != tt.form {
				t.Errorf("form = %d, want %d", d.Form, tt.form)
			}
			var got []string
			for _, f := range d.Findings {
				got = append(got, f.Code)
				if f.Summary == "" || f.Fix == "" || strings.Contains(f.Summary, "%!") {
					t.Errorf("finding %s has a broken text", f.Code)
				}
			}
			if !slices.Equal(got, tt.codes) {
				t.Errorf("codes = %v, want %v", got, tt.codes)
			}
			if tt.cred != (jira.Credential{}) && d.Credential != tt.cred {
				t.Errorf("credential differs: realm %q", d.Credential.Realm)
			}
			assertDiagnosisClean(t, tt.value, d)
		})
	}
}

func TestDiagnose_UserShownAsProof(t *testing.T) {
	d := Diagnose(guideEncoded, "", TargetRoadie)
	if d.User != guideEmail || !d.OK() || d.Has(CodeEmpty) {
		t.Errorf("user = %q, ok = %v", d.User, d.OK())
	}
}

func TestFindingText_EveryCodeHasText(t *testing.T) {
	for code, m := range findingText {
		if !strings.HasPrefix(code, "credential.") || m.summary == "" || m.fix == "" {
			t.Errorf("code %q is incomplete", code)
		}
	}
}

func FuzzDiagnose(f *testing.F) {
	tok := cloudToken("ATATT3", 6)
	for _, s := range []string{
		guideEncoded, "Basic " + guideEncoded, "Bearer " + demoPAT, demoPAT,
		guideEmail + ":" + guideToken, wrap76(EncodeBasic("a@b.c", tok)),
		EncodeBasic("a@b.c", "x\n"), "", " ", "Authorization: Basic", tok,
	} {
		f.Add(s, uint8(0))
	}
	realms := []jira.Realm{"", jira.RealmBasic, jira.RealmBearer}
	f.Fuzz(func(t *testing.T, value string, pick uint8) {
		target := TargetRoadie
		if pick&4 != 0 {
			target = TargetBackstage
		}
		d := Diagnose(value, realms[int(pick)%len(realms)], target)
		assertDiagnosisClean(t, value, d)
		info := ClassifyToken(value)
		assertNoSecret(t, value, info.Problem, info.Note)
	})
}

// assertDiagnosisClean checks that no finding echoes the value or the
// secret it carries.
func assertDiagnosisClean(t *testing.T, value string, d Diagnosis) {
	t.Helper()
	var msgs []string
	for _, f := range d.Findings {
		msgs = append(msgs, f.Code, f.Summary, f.Fix)
	}
	assertNoSecret(t, value, msgs...)
	if _, tok, err := DecodeBasic(strings.Join(strings.Fields(value), "")); err == nil {
		assertNoSecret(t, ":"+tok, msgs...)
	}
}

// wrap76 wraps s the way GNU base64 does.
func wrap76(s string) string {
	var b strings.Builder
	for len(s) > 76 {
		b.WriteString(s[:76] + "\n")
		s = s[76:]
	}
	return b.String() + s
}

func flip(c byte) string {
	if c == 'A' {
		return "B"
	}
	return "A"
}
