package ui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"github.com/roadie-tools/jira-setup/jira"
	"github.com/roadie-tools/jira-setup/steps"
	"github.com/roadie-tools/jira-setup/ui/common"
)

// Choices of the welcome and token screens, by index.
const (
	targetRoadie = 0
	targetSelf   = 1

	authPAT   = 0
	authBasic = 1
)

// form holds every value the admin enters, one field each. Screens show
// and edit these fields; the wizard derives the check input from them.
type form struct {
	target  *field
	tenant  *field
	site    *field
	account *field
	token   *field
	dcAuth  *field
	suffix  *field
	user    *field

	project   *field
	component *field
	bearer    *field
	catalog   *field

	overview  *field
	dashboard *field
	withToken *field

	// asGiven is set when the admin said the token field already holds an
	// encoded value or a whole header, to be used as it is.
	asGiven bool
	// revealEncoded and headerForm are the encode screen's display modes.
	revealEncoded bool
	headerForm    bool
}

func newForm(p Prefill) *form {
	f := &form{
		target: newChoiceField("Where does your Backstage run?",
			"Roadie", "Self-hosted Backstage"),
		tenant: newTextField("Roadie tenant name", "e.g. acme, from https://acme.roadie.so"),
		site: newTextField("Jira site (any Jira link works)",
			"e.g. https://your-company.atlassian.net"),
		account: newTextField("Account email", "e.g. jira-bot@your-company.com"),
		token:   newSecretField("API token", "paste the token Atlassian showed you"),
		dcAuth: newChoiceField("How Backstage signs in",
			"Personal access token", "Username and password"),
		suffix: newTextField("User email suffix", "e.g. @your-company.com"),
		user: newTextField("A Backstage user name (optional, previews \"Assigned to me\")",
			"e.g. alice"),
		project:   newTextField("Project key", "type to filter, e.g. ABC"),
		component: newTextField("Component (optional: none means all)", "type to filter"),
		bearer:    newToggleField("Token type annotation jira/token-type: Bearer", false),
		catalog:   newTextField("catalog-info.yaml to update (optional)", "e.g. ./catalog-info.yaml"),
		overview:  newToggleField("Overview card (EntityJiraOverviewCard)", true),
		dashboard: newToggleField("Dashboard tab (EntityJiraDashboardContent)", true),
		withToken: newToggleField("Include the token in the saved summary (file mode 0600)", false),
	}
	if p.SelfHosted {
		f.target.choice = targetSelf
	}
	f.tenant.SetValue(p.Tenant)
	f.site.SetValue(p.URL)
	f.account.SetValue(p.Email)
	f.token.SetValue(p.Token)
	f.suffix.SetValue(p.EmailSuffix)
	f.user.SetValue(p.User)
	f.project.SetValue(p.ProjectKey)
	f.component.SetValue(p.Component)
	f.bearer.on = strings.Contains(p.TokenType, "Bearer")
	if p.Realm == jira.RealmBasic {
		f.dcAuth.choice = authBasic
	}
	if p.Token != "" && p.Email == "" {
		// A token from JIRA_API_TOKEN is in Roadie's stored form: an
		// encoded email:token, a whole header, or a bare PAT.
		f.asGiven = encodedKind(steps.ClassifyToken(p.Token).Kind)
	}
	return f
}

// setStyles styles every text field for the background: a value keeps the
// body text colour when its field loses the focus, as it is what the admin
// typed, not a hint.
func (f *form) setStyles(dark bool, styles common.Styles) {
	st := textinput.DefaultStyles(dark)
	text := lipgloss.NewStyle().Foreground(styles.TextColor)
	st.Focused.Text, st.Blurred.Text = text, text
	for _, fl := range []*field{f.tenant, f.site, f.account, f.token, f.suffix, f.user,
		f.project, f.component, f.catalog} {
		fl.input.SetStyles(st)
	}
}

// roadie reports whether the target is Roadie-hosted Backstage.
func (f *form) roadie() bool { return f.target.choice == targetRoadie }

// usesPAT reports whether the credential is a Data Center personal access
// token sent as Bearer.
func (f *form) usesPAT(dep jira.Deployment) bool {
	return dep == jira.DeploymentSelfManaged && f.dcAuth.choice == authPAT
}

// credential is what the plugins will send, built from the fields.
func (f *form) credential(dep jira.Deployment) (jira.Credential, error) {
	token := strings.TrimSpace(f.token.Value())
	if token == "" {
		return jira.Credential{}, nil
	}
	if f.asGiven {
		info := steps.ClassifyToken(token)
		if info.Problem != "" {
			return jira.Credential{}, errors.New(info.Problem)
		}
		return info.Credential, nil
	}
	if f.usesPAT(dep) {
		return jira.Credential{Realm: jira.RealmBearer, Secret: token}, nil
	}
	account := strings.TrimSpace(f.account.Value())
	if account == "" {
		return jira.Credential{}, nil
	}
	return jira.Credential{Realm: jira.RealmBasic, Secret: steps.EncodeBasic(account, token)}, nil
}

// input is what the checks read.
func (f *form) input(dep jira.Deployment) jira.Input {
	cred, _ := f.credential(dep)
	in := jira.Input{
		Site:       strings.TrimSpace(f.site.Value()),
		Credential: cred,
		Project:    strings.TrimSpace(f.project.Value()),
		Component:  strings.TrimSpace(f.component.Value()),
		Suffix:     strings.TrimSpace(f.suffix.Value()),
		User:       strings.TrimSpace(f.user.Value()),
	}
	if f.bearer.on {
		in.TokenType = "Bearer"
	}
	return in
}

// encodedKind reports token shapes that already are a credential: an
// encoded or plain email:token, or a whole Authorization value.
func encodedKind(k steps.TokenKind) bool {
	switch k {
	case steps.TokenEmailPair, steps.TokenEncodedBasic,
		steps.TokenBasicHeader, steps.TokenBearerHeader:
		return true
	}
	return false
}
