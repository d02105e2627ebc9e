package ui

import (
	"encoding/base64"
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/roadie-tools/jira-setup/jira"
)

func TestWelcome_LinkGivesSiteAndProject(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud, func(p *Prefill) { p.URL = "" })
	h.w.setFocus(2)
	h.send(tea.PasteMsg{Content: "  " + h.demo.URL() + "/browse/OPS-12\n"})
	h.settle()
	h.assertHas("removed the browser path /browse/OPS-12", "project OPS found in the link")
	if got := h.w.siteURL(); got != h.demo.URL() {
		t.Fatalf("site = %q, want %q", got, h.demo.URL())
	}
	h.w.goTo(screenAnnotations)
	if got := h.w.form.project.Value(); got != "OPS" {
		t.Fatalf("step 4 project = %q, want OPS from the link", got)
	}
}

func TestToken_PastedEncodedValueIsOfferedAsIs(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud, func(p *Prefill) { p.Token = "" })
	acc := h.demo.Account()
	encoded := base64.StdEncoding.EncodeToString([]byte(acc.Email + ":" + acc.Token))
	h.w.goTo(screenToken)
	h.w.setFocus(1)
	h.send(tea.PasteMsg{Content: encoded + "\n"})
	h.settle()
	h.assertHas("this looks already encoded", "ctrl+a")
	if h.w.passed(jira.CheckAuth) {
		t.Fatalf("an encoded value taken as a raw token should not authenticate")
	}

	h.key("ctrl+a")
	h.assertHas("used as given")
	if !h.w.passed(jira.CheckAuth) {
		t.Fatalf("auth after taking the encoded value as given: %+v",
			h.w.panel.result(jira.CheckAuth))
	}
}

func TestEncode_RevealHeaderAndCopy(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud)
	cred, _ := h.w.form.credential(jira.DeploymentCloud)
	h.w.goTo(screenEncode)
	h.assertHas("JIRA_API_TOKEN", "decodes to     alice@example.com:ATATT3…")
	if strings.Contains(h.screen(), cred.Secret) {
		t.Fatalf("the encoded value shows before reveal")
	}

	h.key("ctrl+t")
	h.assertHas(cred.Secret[:40])
	h.key("ctrl+e")
	h.assertHas("Authorization", "Basic "+cred.Secret[:30])

	_, cmd := h.w.Update(keyPress("ctrl+y"))
	if cmd == nil || !strings.Contains(h.w.notice, "Authorization header") {
		t.Fatalf("copy in header form: cmd %v, notice %q", cmd != nil, h.w.notice)
	}
}

func TestSite_SuffixSuggestedFromTheEmail(t *testing.T) {
	h := newHarness(t, jira.FlavorCloud, func(p *Prefill) { p.EmailSuffix = "" })
	h.w.goTo(screenSite)
	h.assertHas("suggested from the account email: @example.com")
	h.key("ctrl+a")
	if got := h.w.form.suffix.Value(); got != "@example.com" {
		t.Fatalf("suffix = %q after taking the suggestion", got)
	}
	if r := h.w.panel.result(jira.CheckAssignee); r.Status != jira.StatusOK {
		t.Fatalf("assignee after the suffix: %s %s", r.Status, r.Code)
	}
}

func TestStyles_FollowTheTerminalBackground(t *testing.T) {
	w := New(Options{})
	dark := w.styles.Text.Render("x")
	w.Update(tea.BackgroundColorMsg{Color: color.White})
	if w.dark || w.styles.Text.Render("x") == dark {
		t.Fatalf("a light background kept the dark styles")
	}
	got := w.form.site.input.Styles().Blurred.Text.GetForeground()
	if got != w.styles.TextColor {
		t.Fatalf("a blurred field's text is %v, want the light body colour %v",
			got, w.styles.TextColor)
	}
}
