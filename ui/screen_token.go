package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/roadie-tools/jira-setup/jira"
	"github.com/roadie-tools/jira-setup/steps"
)

// cloudTokenPage is where Atlassian Cloud API tokens are made.
const cloudTokenPage = "https://id.atlassian.com/manage-profile/security/api-tokens"

// tokenLabel is the label we suggest for the new token.
const tokenLabel = "Roadie Backstage"

// tokenScreen walks the admin through creating a token and takes it in.
type tokenScreen struct{}

func (tokenScreen) name() string { return "1 Token" }

func (tokenScreen) title(w *Wizard) string {
	switch {
	case w.dcBasic():
		return "Step 1 · Sign in with a Jira username and password"
	case w.deployment() == jira.DeploymentSelfManaged:
		return "Step 1 · Create a personal access token"
	}
	return "Step 1 · Create an API token"
}

// dcBasic reports whether Data Center sign-in is by username and password.
func (w *Wizard) dcBasic() bool {
	return w.deployment() == jira.DeploymentSelfManaged && !w.form.asGiven &&
		w.form.dcAuth.choice == authBasic
}

func (tokenScreen) fields(w *Wizard) []*field {
	f := w.form
	if f.asGiven {
		// The value carries its own account: nothing else to ask.
		f.token.label = "Credentials, as stored"
		return []*field{f.token}
	}
	if w.deployment() != jira.DeploymentSelfManaged {
		f.account.label, f.token.label = "Account email", "API token"
		return []*field{f.account, f.token}
	}
	if f.dcAuth.choice == authPAT {
		f.token.label = "Personal access token"
		return []*field{f.dcAuth, f.token}
	}
	f.account.label, f.token.label = "Jira username", "Password"
	return []*field{f.dcAuth, f.account, f.token}
}

func (tokenScreen) bindings(w *Wizard) []key.Binding {
	k := w.keys
	b := []key.Binding{k.Reveal, withHelp(k.Copy, "copy label")}
	if w.opts.OpenURL != nil {
		b = append(b, k.Open)
	}
	if w.tokenLooksEncoded() && !w.form.asGiven {
		b = append(b, k.Accept)
	}
	return b
}

func (s tokenScreen) view(w *Wizard, width int) string {
	page := w.tokenPage()
	var how string
	if w.dcBasic() {
		how = w.para(width,
			"Backstage signs in with a Jira username and password (Basic). Jira admins",
			"can turn Basic off; a personal access token keeps working then, and can be",
			"revoked on its own.")
	} else if w.deployment() == jira.DeploymentSelfManaged {
		how = w.para(width,
			"On Jira Data Center, open your profile, tab Personal Access Tokens, and",
			"choose Create token. Backstage then signs in with it as Bearer.")
	} else {
		how = w.para(width,
			"Open the API tokens page of the Atlassian account Backstage will use,",
			"choose Create API token, give it a label, and copy the token: Atlassian",
			"shows it only once.")
	}
	bot := w.muted(width,
		"Tip: use a bot account made for Backstage, not a person's: its access",
		"stays when people leave, and its permissions say exactly what the cards see.")
	pageLine := w.kv("token page", w.link(page), width)
	label := w.kv("label", w.styles.Strong.Render(tokenLabel), width)
	blocks := []string{how, pageLine + "\n" + label, bot}
	for _, f := range s.fields(w) {
		block := w.fieldView(f, width)
		if notes := w.tokenNotes(width); f == w.form.token && notes != "" {
			block += "\n" + notes // kept together, so both scroll into view
		}
		blocks = append(blocks, block)
	}
	return join(blocks...)
}

func (s tokenScreen) validate(w *Wizard) (string, *field) {
	f := w.form
	token := strings.TrimSpace(f.token.Value())
	if token == "" {
		return "paste the token first (" + w.keys.Open.Help().Key + " opens the page)", f.token
	}
	if strings.ContainsAny(token, " \t\r\n") {
		return "the token has a space or line break inside it: copy it again", f.token
	}
	if f.asGiven {
		if _, err := f.credential(w.deployment()); err != nil {
			return err.Error(), f.token
		}
		return "", nil
	}
	needsAccount := !f.usesPAT(w.deployment())
	account := strings.TrimSpace(f.account.Value())
	if needsAccount && account == "" {
		return "enter the " + strings.ToLower(f.account.label) + " the token belongs to", f.account
	}
	cloud := w.deployment() != jira.DeploymentSelfManaged
	if needsAccount && cloud && !strings.Contains(account, "@") {
		return "Jira Cloud signs in with the account's email address", f.account
	}
	return "", nil
}

func (tokenScreen) action(w *Wizard, k tea.KeyPressMsg) (bool, tea.Cmd) {
	switch {
	case keyIs(k, w.keys.Reveal):
		w.form.token.toggleReveal()
		return true, nil
	case keyIs(k, w.keys.Copy):
		return true, w.copy(tokenLabel, "token label")
	case keyIs(k, w.keys.Open) && w.opts.OpenURL != nil:
		return true, w.open(w.tokenPage())
	case keyIs(k, w.keys.Accept) && w.tokenLooksEncoded():
		w.form.asGiven = true
		return true, w.inputChanged()
	}
	return false, nil
}

// tokenPage is where the admin creates the token for this deployment.
func (w *Wizard) tokenPage() string {
	site := w.siteURL()
	if w.deployment() == jira.DeploymentSelfManaged && site != "" {
		return site + "/secure/ViewProfile.jspa?selectedTab=" +
			"com.atlassian.pats.pats-plugin:jira-user-personal-access-tokens"
	}
	return cloudTokenPage
}

// tokenLooksEncoded reports whether the pasted value is already an
// encoded email:token or a whole Authorization header.
func (w *Wizard) tokenLooksEncoded() bool {
	return encodedKind(steps.ClassifyToken(w.form.token.Value()).Kind)
}

// tokenNotes says what the pasted value looks like.
func (w *Wizard) tokenNotes(width int) string {
	raw := w.form.token.Value()
	if strings.TrimSpace(raw) == "" {
		return ""
	}
	info := steps.ClassifyToken(raw)
	if w.dcBasic() {
		return "" // a password is what is asked for: its shape says nothing
	}
	var lines []string
	if info.Problem != "" {
		lines = append(lines, w.problemLine(width, info.Problem))
	}
	switch {
	case info.Note == "", info.Problem != "":
	case info.Kind == steps.TokenCloudAPI, info.Kind == steps.TokenCloudLegacy,
		info.Kind == steps.TokenServiceAccount, info.Kind == steps.TokenDataCenterPAT:
		lines = append(lines, w.okLine(width, info.Note))
	default:
		lines = append(lines, w.muted(width, info.Note))
	}
	if w.tokenLooksEncoded() {
		if w.form.asGiven {
			who := "used as given"
			if info.User != "" {
				who += ", signing in as " + info.User
			}
			lines = append(lines, w.okLine(width, who+": step 2 has nothing to encode"))
		} else {
			lines = append(lines, w.noteLine(width,
				"this looks already encoded; press "+w.keys.Accept.Help().Key+
					" to use it as it is"))
		}
	}
	return strings.Join(lines, "\n")
}

// withHelp returns b with another description.
func withHelp(b key.Binding, desc string) key.Binding {
	b.SetHelp(b.Help().Key, desc)
	return b
}
