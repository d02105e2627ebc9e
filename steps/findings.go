package steps

// Finding codes, stable: the wizard and scripts match on them.
const (
	CodeEmpty                = "credential.empty"
	CodeSurroundingSpace     = "credential.surrounding_space"
	CodeInnerSpace           = "credential.inner_space"
	CodeWrapped              = "credential.wrapped"
	CodeUnrecognised         = "credential.unrecognised"
	CodeSchemeWord           = "credential.scheme_word"
	CodeMissingSchemeWord    = "credential.missing_scheme_word"
	CodeRealmWordMismatch    = "credential.realm_word_mismatch"
	CodeNotEncoded           = "credential.not_encoded"
	CodeTokenOnly            = "credential.token_only"
	CodeTrailingNewline      = "credential.trailing_newline"
	CodeMissingColon         = "credential.missing_colon"
	CodeEmptyUser            = "credential.empty_user"
	CodeEmptyToken           = "credential.empty_token"
	CodeTokenSpace           = "credential.token_space"
	CodePassword             = "credential.password"
	CodeChecksum             = "credential.checksum"
	CodeTokenLength          = "credential.token_length"
	CodeBearerWithBasic      = "credential.bearer_with_basic"
	CodeBasicWithPAT         = "credential.basic_with_pat"
	CodeBearerWithCloudToken = "credential.bearer_with_cloud_token"
)

// findingMessage is the text of one finding; summary may hold %d verbs,
// never the value.
type findingMessage struct {
	summary string
	fix     string
}

const encodeHint = "jira-setup encode --email you@example.com"

var findingText = map[string]findingMessage{
	CodeEmpty: {"the value is empty",
		"paste the encoded email:token, or the PAT with the Bearer realm"},
	CodeSurroundingSpace: {"the value has spaces or line breaks around it",
		"remove them: Jira receives them as part of the value"},
	CodeInnerSpace: {"the value has whitespace inside it, at character %d",
		"copy it again in one piece"},
	CodeWrapped: {"the base64 is split over several lines (a 76-column wrap)",
		"encode it again on one line: base64 -w0, or " + encodeHint},
	CodeUnrecognised: {"the value is neither base64 of email:token nor a known token",
		"encode email:token: " + encodeHint},
	CodeSchemeWord: {"the value starts with the scheme word (Basic or Bearer)",
		"paste only the part after the word: Roadie adds it itself"},
	CodeMissingSchemeWord: {"the value lacks the %s word the Authorization header needs",
		"use the whole header value, e.g. " + encodeHint + " --header"},
	CodeRealmWordMismatch: {"the scheme word in the value differs from the realm setting",
		"make JIRA_API_TOKEN_REALM match the word, or drop the word"},
	CodeNotEncoded: {"the value is email:token in plain text, not base64",
		"encode it: " + encodeHint},
	CodeTokenOnly: {"the value is an API token alone, without the email",
		"encode email:token: " + encodeHint},
	CodeTrailingNewline: {"the encoded text ends with a line break (echo without -n)",
		"encode it again without the newline: echo -n, or " + encodeHint},
	CodeMissingColon: {"the decoded text has no colon between the email and the token",
		"encode email:token with the colon: " + encodeHint},
	CodeEmptyUser: {"the decoded text has nothing before the colon",
		"put the account email before the colon"},
	CodeEmptyToken: {"the decoded text has nothing after the colon",
		"put the API token after the colon"},
	CodeTokenSpace: {"the token part has whitespace inside it",
		"copy the token again in one piece and encode it again"},
	CodePassword: {"the secret after the email looks like a password, not an API token",
		"create an API token at " + APITokenPage},
	CodeChecksum: {"checksum does not match: a character was lost in the copy",
		"copy the token again from where you saved it, or create a new one"},
	CodeTokenLength: {"the Cloud API token is %d characters long; it should be %d",
		"copy the token again in one piece, or create a new one"},
	CodeBearerWithBasic: {"the realm is Bearer but the value is an encoded email:token",
		"set the realm to Basic (leave JIRA_API_TOKEN_REALM empty)"},
	CodeBasicWithPAT: {"the value looks like a personal access token sent as Basic",
		"set the realm to Bearer (JIRA_API_TOKEN_REALM=Bearer)"},
	CodeBearerWithCloudToken: {"the realm is Bearer but the value is a Cloud API token",
		"Jira Cloud wants Basic: " + encodeHint},
}
