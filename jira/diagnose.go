package jira

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// outcome is a check's raw result plus what later checks learn from it.
type outcome struct {
	Result
	dep       Deployment // reach: what serverInfo said
	version   string     // reach: the Jira version
	cloudUser bool       // auth: the answer had a Cloud accountId
	transient bool       // do not cache: the next run asks again
	until     time.Time  // cache only until then (rate limits)
	cancelled bool       // the run was cancelled: never cached
}

// ssoHint is the fix for an SSO page or proxy where the API should answer.
const ssoHint = "an SSO or proxy intercepts /rest: exempt /rest and /activity, " +
	"or use Jira's direct URL"

// generic codes are failures of the connection, not of the check's subject;
// a check after a failed reach reports them as "needs reach" instead.
var genericSuffixes = []string{
	".timeout", ".dns", ".refused", ".tls_untrusted", ".not_jira", ".site_unavailable",
	".server_error", ".wrong_path", ".network", ".redirect",
}

func result(id CheckID, st Status, code, summary, hint string) outcome {
	return outcome{Result: Result{ID: id, Status: st, Code: code, Summary: summary, Hint: hint}}
}

func ok(id CheckID, summary string) outcome {
	return result(id, StatusOK, string(id)+".ok", summary, "")
}

func fail(id CheckID, suffix, summary, hint string) outcome {
	return result(id, StatusFail, string(id)+"."+suffix, summary, hint)
}

func skipped(id CheckID, suffix, summary string) outcome {
	return result(id, StatusSkipped, string(id)+"."+suffix, summary, "")
}

func isGeneric(code string) bool {
	for _, s := range genericSuffixes {
		if strings.HasSuffix(code, s) {
			return true
		}
	}
	return false
}

// transportFailure explains an error from Client.send: no HTTP answer came.
func transportFailure(ctx context.Context, id CheckID, timeout time.Duration, err error) outcome {
	if ctx.Err() != nil {
		o := skipped(id, "cancelled", "check cancelled")
		o.cancelled = true
		return o
	}
	o := transportDiagnosis(id, timeout, err)
	o.transient = true
	return o
}

func transportDiagnosis(id CheckID, timeout time.Duration, err error) outcome {
	var dnsErr *net.DNSError
	var netErr net.Error
	var unknownCA x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var certErr x509.CertificateInvalidError
	var verifyErr *tls.CertificateVerificationError
	switch {
	case errors.As(err, &dnsErr):
		return fail(id, "dns", "the host name does not resolve",
			"check the spelling of the site; for a Jira behind a VPN, connect the VPN")
	case errors.Is(err, syscall.ECONNREFUSED):
		return fail(id, "refused", "the host refused the connection",
			"check the port in the URL and that Jira is running and reachable from here")
	case errors.As(err, &unknownCA), errors.As(err, &hostErr),
		errors.As(err, &certErr), errors.As(err, &verifyErr):
		return fail(id, "tls_untrusted", "the site's TLS certificate is not trusted here",
			"use the host name on the certificate, or add your company CA to the trust store")
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return fail(id, "timeout", fmt.Sprintf("no answer within %s", timeout),
			"check the site, proxy and firewall; a slow Jira may need --timeout")
	case errors.Is(err, ErrBodyTooLarge):
		return fail(id, "not_jira", "the answer is far larger than Jira's",
			"check that the site URL points at Jira itself")
	}
	return fail(id, "network", "the connection failed before Jira answered",
		"check the site URL, proxy and firewall settings")
}

// httpFailure explains answers that mean the request never reached Jira's
// API (redirects, SSO pages, unavailable sites, 5xx, rate limits). It
// returns false when the answer needs the check's own reading.
func httpFailure(id CheckID, site string, r *response, wantJSON bool) (outcome, bool) {
	switch {
	case r.status == http.StatusTooManyRequests:
		return rateLimited(id, r), true
	case r.status >= 300 && r.status < 400:
		return redirected(id, site, r), true
	case r.status == http.StatusNotFound &&
		strings.Contains(r.text(), "Site temporarily unavailable"):
		return fail(id, "site_unavailable", "Atlassian says this Cloud site is unavailable",
			"check the site name at admin.atlassian.com; it may be renamed or suspended"), true
	case r.status >= 500:
		o := fail(id, "server_error", fmt.Sprintf("Jira answered %d %s", r.status,
			http.StatusText(r.status)), "Jira has a problem: try again later or ask its admin")
		o.transient = true
		return o, true
	case r.status == http.StatusNotFound && r.isHTML():
		return fail(id, "wrong_path", "the site answered 404 with a web page, not the API",
			"fix the path: add or remove the /jira context path, and drop any /rest part"), true
	case wantJSON && r.status < 300 && !r.isJSON():
		return fail(id, "not_jira", "a web page answered where Jira's API was expected",
			ssoHint), true
	}
	return outcome{}, false
}

func rateLimited(id CheckID, r *response) outcome {
	wait := retryAfter(r.header.Get("Retry-After"))
	summary := "Jira is rate limiting these requests"
	hint := "wait a minute before checking again; nothing was retried"
	if wait > 0 {
		summary = fmt.Sprintf("Jira is rate limiting these requests (retry after %s)", wait)
		hint = fmt.Sprintf("wait %s before checking again; nothing was retried", wait)
	}
	o := result(id, StatusFail, "http.rate_limited", summary, hint)
	if wait <= 0 {
		wait = time.Minute
	}
	o.until = time.Now().Add(wait)
	return o
}

// retryAfter reads Retry-After in seconds or as a date; 0 when absent.
func retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if n, err := strconv.Atoi(v); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && time.Until(t) > 0 {
		return time.Until(t).Round(time.Second)
	}
	return 0
}

func redirected(id CheckID, site string, r *response) outcome {
	loc := r.header.Get("Location")
	base, _ := url.Parse(site)
	to, err := url.Parse(loc)
	if err != nil || loc == "" || base == nil {
		return fail(id, "not_jira", fmt.Sprintf("the site answered %d without a usable target",
			r.status), "use Jira's direct URL; a proxy seems to be in the way")
	}
	to = base.ResolveReference(to)
	low := strings.ToLower(to.Path)
	if !strings.EqualFold(to.Host, base.Host) || strings.Contains(low, "login") ||
		strings.Contains(low, "sso") || strings.Contains(low, "saml") {
		return fail(id, "not_jira", "the site redirects to "+to.Host+
			", a login page, not Jira's API", ssoHint)
	}
	target := shorten(to.Scheme+"://"+to.Host+to.Path, 80)
	return fail(id, "redirect", "the site redirects to "+target,
		"use the address Jira redirects to as the site URL")
}
