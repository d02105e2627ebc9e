package jira

import (
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"
)

// debugLog writes one block per request to a writer, with the credential
// and every string derived from it replaced by "[redacted]".
type debugLog struct {
	mu sync.Mutex
	w  io.Writer
}

const redacted = "[redacted]"

func newDebugLog(w io.Writer) *debugLog { return &debugLog{w: w} }

// request records method, URL, status, elapsed time and headers.
func (l *debugLog) request(req *http.Request, resp *response, d time.Duration, c Credential) {
	if l == nil || l.w == nil {
		return
	}
	r := newRedactor(c)
	var b strings.Builder
	status := "no answer"
	if resp != nil {
		status = fmt.Sprint(resp.status)
	}
	fmt.Fprintf(&b, "%s %s %s -> %s in %s\n", time.Now().UTC().Format(time.RFC3339),
		req.Method, redactURL(req), status, d.Round(time.Millisecond))
	writeHeaders(&b, "> ", req.Header)
	if resp != nil {
		writeHeaders(&b, "< ", resp.header)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	io.WriteString(l.w, r.clean(b.String()))
}

func writeHeaders(b *strings.Builder, prefix string, h http.Header) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := strings.Join(h[k], ", ")
		if strings.EqualFold(k, "Authorization") || strings.EqualFold(k, "Cookie") ||
			strings.EqualFold(k, "Set-Cookie") {
			v = redacted
		}
		fmt.Fprintf(b, "%s%s: %s\n", prefix, k, v)
	}
}

// redactor replaces every token-derived string in a text.
type redactor struct{ secrets []string }

// newRedactor lists what must never be shown for c: the header value, the
// stored secret, and for Basic the decoded user:token and the token part.
func newRedactor(c Credential) redactor {
	var s []string
	add := func(v string) {
		if len(v) >= 4 {
			s = append(s, v)
		}
	}
	add(c.Header())
	add(c.Secret)
	if dec, err := base64.StdEncoding.DecodeString(c.Secret); err == nil {
		add(string(dec))
		if _, tok, ok := strings.Cut(string(dec), ":"); ok {
			add(tok)
		}
	}
	sort.Slice(s, func(i, j int) bool { return len(s[i]) > len(s[j]) })
	return redactor{secrets: s}
}

func (r redactor) clean(text string) string {
	for _, s := range r.secrets {
		text = strings.ReplaceAll(text, s, redacted)
	}
	return text
}
