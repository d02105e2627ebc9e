// Package steps holds the logic of each documented setup step: what it asks,
// validates and produces; pure, testable without a terminal.
//
// One file per step of Roadie's "Generating Jira Token" guide:
//
//   - token.go: paste handling for the API token field (ClassifyToken).
//   - encode.go: base64 of email:token, the Authorization value, and
//     Diagnose, which finds the usual mistakes in an existing value.
//   - site.go: the email suffix, the Roadie admin page and the values to
//     paste there.
//   - annotations.go: the jira/* annotations and their YAML block.
//   - catalog*.go: patching those annotations into a catalog-info.yaml
//     without disturbing anything else in the file.
//
// Nothing here prints, reads a terminal or talks to the network, and no
// message built here ever contains a secret.
package steps
