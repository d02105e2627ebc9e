package jira

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// ClientOptions tune a Client. The zero value is ready to use.
type ClientOptions struct {
	Timeout time.Duration // per request; 0 means 10s
	MaxBody int64         // response body cap in bytes; 0 means 4 MiB
	Debug   io.Writer     // redacting debug log; nil for none
	// Transport replaces the shared transport, for tests; nil for the default.
	Transport http.RoundTripper
}

// Client sends the requests the Backstage Jira plugins send. It is safe for
// concurrent use and shares one connection pool across every check.
type Client struct {
	opts ClientOptions
	http *http.Client
	log  *debugLog
}

// APIError is a non-success answer from Jira, with the messages from its
// {"errorMessages":[…],"errors":{…}} body when it had one.
type APIError struct {
	Status   int
	Messages []string
	Errors   map[string]string
}

// Default limits.
const (
	DefaultTimeout = 10 * time.Second
	DefaultMaxBody = 4 << 20
	// UserAgent is what every request sends: not a browser, no spaces.
	UserAgent = "jira-setup/1"
)

// ErrBodyTooLarge reports a response cut at ClientOptions.MaxBody.
var ErrBodyTooLarge = errors.New("response body is larger than the size cap")

// request is one call to Jira, relative to the site URL.
type request struct {
	method string
	site   string
	path   string // relative, no leading slash; may carry a raw query
	body   any
	cred   Credential
}

// response is what came back, body already read through the cap.
type response struct {
	status    int
	header    http.Header
	body      []byte
	truncated bool
	elapsed   time.Duration
}

var (
	sharedOnce      sync.Once
	sharedTransport *http.Transport
)

// transport returns the process-wide transport, so connections are reused.
func transport() *http.Transport {
	sharedOnce.Do(func() {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = 16
		t.DialContext = (&net.Dialer{Timeout: 5 * time.Second}).DialContext
		sharedTransport = t
	})
	return sharedTransport
}

// NewClient returns a client with opts' limits and the shared transport.
func NewClient(opts ClientOptions) *Client {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	var rt http.RoundTripper = transport()
	if opts.Transport != nil {
		rt = opts.Transport
	}
	hc := &http.Client{
		Transport: rt,
		// A redirect is a finding, never followed: the credentials must not
		// travel to another host, and SSO pages must be reported as such.
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	return &Client{opts: opts, http: hc, log: newDebugLog(opts.Debug)}
}

// Error implements error; it carries Jira's messages, never a credential.
func (e *APIError) Error() string {
	msg := fmt.Sprintf("jira answered %d %s", e.Status, http.StatusText(e.Status))
	if len(e.Messages) > 0 {
		msg += ": " + strings.Join(e.Messages, "; ")
	}
	return msg
}

// send makes one request within the per-request timeout and reads the body
// through the cap. Transport failures come back as errors; any HTTP status,
// 3xx included, comes back as a response.
func (c *Client) send(ctx context.Context, r request) (*response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()

	req, err := c.newRequest(ctx, r)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		c.log.request(req, nil, time.Since(start), r.cred)
		return nil, fmt.Errorf("%s %s: %w", r.method, redactURL(req), unwrapURLError(err))
	}
	defer resp.Body.Close()

	body, err := io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxBody))
	out := &response{
		status: resp.StatusCode, header: resp.Header, body: body,
		truncated: int64(len(body)) >= c.opts.MaxBody,
		elapsed:   time.Since(start),
	}
	c.log.request(req, out, out.elapsed, r.cred)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", redactURL(req), err)
	}
	return out, nil
}

func (c *Client) newRequest(ctx context.Context, r request) (*http.Request, error) {
	var body io.Reader
	if r.body != nil {
		b, err := json.Marshal(r.body)
		if err != nil {
			return nil, fmt.Errorf("encode request body: %w", err)
		}
		body = bytes.NewReader(b)
	}
	u := strings.TrimRight(r.site, "/") + "/" + strings.TrimLeft(r.path, "/")
	req, err := http.NewRequestWithContext(ctx, r.method, u, body)
	if err != nil {
		return nil, fmt.Errorf("build request for %s: %w", r.path, err)
	}
	if h := r.cred.Header(); h != "" {
		req.Header.Set("Authorization", h)
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("X-Atlassian-Token", "no-check")
	req.Header.Set("User-Agent", UserAgent)
	return req, nil
}

// getJSON sends r and decodes a 2xx JSON answer into v; other answers
// become an *APIError (or a not-JSON error).
func (c *Client) getJSON(ctx context.Context, r request, v any) error {
	resp, err := c.send(ctx, r)
	if err != nil {
		return err
	}
	return resp.decode(v)
}

// decode turns a response into v or a typed error.
func (r *response) decode(v any) error {
	if r.status < 200 || r.status > 299 {
		return r.apiError()
	}
	if r.truncated {
		return ErrBodyTooLarge
	}
	if !r.isJSON() {
		return fmt.Errorf("expected JSON, got %q: %w", r.contentType(), ErrNotJSON)
	}
	if err := json.Unmarshal(r.body, v); err != nil {
		return fmt.Errorf("decode jira answer: %w", err)
	}
	return nil
}

// ErrNotJSON reports an answer that is not JSON, such as an SSO login page.
var ErrNotJSON = errors.New("the answer is not JSON: something other than Jira answered")

// apiError builds an *APIError from a non-success response.
func (r *response) apiError() *APIError {
	e := &APIError{Status: r.status}
	var env struct {
		ErrorMessages []string          `json:"errorMessages"`
		ErrorMessage  string            `json:"errorMessage"`
		Message       string            `json:"message"`
		Errors        map[string]string `json:"errors"`
	}
	if r.isJSON() && json.Unmarshal(r.body, &env) == nil {
		e.Messages = env.ErrorMessages
		for _, m := range []string{env.ErrorMessage, env.Message} {
			if m != "" {
				e.Messages = append(e.Messages, m)
			}
		}
		e.Errors = env.Errors
		return e
	}
	if text := strings.TrimSpace(string(r.body)); text != "" && !r.isHTML() {
		e.Messages = []string{firstLine(text, 200)}
	}
	return e
}

func (r *response) contentType() string { return r.header.Get("Content-Type") }

func (r *response) isJSON() bool {
	return strings.Contains(strings.ToLower(r.contentType()), "json")
}

func (r *response) isHTML() bool {
	ct := strings.ToLower(r.contentType())
	if strings.Contains(ct, "html") {
		return true
	}
	head := strings.ToLower(strings.TrimSpace(string(r.body[:min(len(r.body), 256)])))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

// text is the body as a string, for matching known messages.
func (r *response) text() string { return string(r.body) }

// firstLine is the first line of s, at most n bytes.
func firstLine(s string, n int) string {
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	return shorten(s, n)
}

// unwrapURLError drops *url.Error's wrapper, whose text repeats the URL.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

func redactURL(req *http.Request) string {
	u := *req.URL
	u.User = nil
	return u.String()
}
