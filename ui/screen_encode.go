package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/roadie-tools/jira-setup/jira"
	"github.com/roadie-tools/jira-setup/steps"
)

// encodeScreen shows the credential in the form Roadie stores it.
type encodeScreen struct{}

func (encodeScreen) name() string            { return "2 Encode" }
func (encodeScreen) title(*Wizard) string    { return "Step 2 · Encode the credentials" }
func (encodeScreen) fields(*Wizard) []*field { return nil }
func (encodeScreen) validate(w *Wizard) (string, *field) {
	cred, err := w.form.credential(w.deployment())
	if err != nil {
		return err.Error(), nil
	}
	if cred.IsZero() {
		return "go back to step 1: the token or account is missing", nil
	}
	return "", nil
}

func (encodeScreen) bindings(w *Wizard) []key.Binding {
	k := w.keys
	if w.form.usesPAT(w.deployment()) {
		return []key.Binding{withHelp(k.Copy, "copy token")}
	}
	return []key.Binding{k.Copy, withHelp(k.Reveal, "show/hide"), k.Header}
}

func (s encodeScreen) view(w *Wizard, width int) string {
	cred, err := w.form.credential(w.deployment())
	if err != nil {
		return w.problemLine(width, err.Error())
	}
	if cred.IsZero() {
		return w.para(width, "Nothing to encode yet: enter the account and token in step 1.")
	}
	if cred.Realm == jira.RealmBearer {
		return join(
			w.para(width, "A personal access token is sent as it is, as Bearer: there is",
				"nothing to encode. Store the token itself, and set the realm to Bearer."),
			w.kv("JIRA_API_TOKEN      ", w.secretView(cred.Secret), width),
			w.kv("JIRA_API_TOKEN_REALM", w.styles.Code.Render("Bearer"), width),
		)
	}
	value, name := cred.Secret, "JIRA_API_TOKEN"
	if w.form.headerForm {
		value, name = cred.Header(), "Authorization"
	}
	why := w.para(width,
		"Jira takes Basic authentication: the base64 of email:token. It is built",
		"here, byte for byte, so none of the usual slips can creep in: no newline",
		"from echo, no line wrapping from base64.")
	return join(why,
		w.kv(padRight(name, 14), w.secretView(value), width)+"\n"+
			w.kv(padRight("decodes to", 14), w.decodedView(cred.Secret), width),
		w.formNote(width),
	)
}

func (encodeScreen) action(w *Wizard, k tea.KeyPressMsg) (bool, tea.Cmd) {
	cred, err := w.form.credential(w.deployment())
	if err != nil || cred.IsZero() {
		return false, nil
	}
	switch {
	case keyIs(k, w.keys.Copy):
		if w.form.headerForm && cred.Realm == jira.RealmBasic {
			return true, w.copy(cred.Header(), "Authorization header")
		}
		return true, w.copy(cred.Secret, "JIRA_API_TOKEN")
	case keyIs(k, w.keys.Reveal):
		w.form.revealEncoded = !w.form.revealEncoded
		return true, nil
	case keyIs(k, w.keys.Header):
		w.form.headerForm = !w.form.headerForm
		return true, nil
	}
	return false, nil
}

// secretView shows a secret masked, or whole when revealed.
func (w *Wizard) secretView(s string) string {
	if w.form.revealEncoded {
		return w.styles.Code.Render(s)
	}
	return w.styles.Code.Render(steps.Mask(s))
}

// decodedView proves the encoding by decoding it: the account in clear,
// the token masked.
func (w *Wizard) decodedView(b64 string) string {
	user, token, err := steps.DecodeBasic(b64)
	if err != nil {
		return w.styles.Error.Render(err.Error())
	}
	return w.styles.Strong.Render(user) + w.styles.Muted.Render(":"+steps.Mask(token))
}

// formNote says which form goes where.
func (w *Wizard) formNote(width int) string {
	if w.form.headerForm {
		return w.muted(width, "Header form: self-hosted Backstage puts this whole value",
			"in JIRA_TOKEN, for the proxy and for jiraDashboard.token.")
	}
	return w.muted(width, "Roadie wants this bare value in JIRA_API_TOKEN. Self-hosted",
		"Backstage wants the header form: press "+w.keys.Header.Help().Key+".")
}
