package ui

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/roadie-tools/jira-setup/jira"
)

// TestProjects_PickerReadsMorePages serves the Cloud project search two
// projects a page and checks that moving down the picker reads the rest.
func TestProjects_PickerReadsMorePages(t *testing.T) {
	keys := []string{"AAA", "BBB", "CCC", "DDD", "EEE"}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/rest/api/3/project/search" {
			http.NotFound(w, r)
			return
		}
		start, _ := strconv.Atoi(r.URL.Query().Get("startAt"))
		end := min(start+2, len(keys))
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"startAt":%d,"total":%d,"isLast":%t,"values":[`, start, len(keys),
			end == len(keys))
		for i := start; i < end; i++ {
			if i > start {
				fmt.Fprint(w, ",")
			}
			fmt.Fprintf(w, `{"id":"%d","key":%q,"name":"Project %s"}`, i, keys[i], keys[i])
		}
		fmt.Fprint(w, "]}")
	}))
	defer srv.Close()

	w := New(Options{Prefill: Prefill{URL: srv.URL, Email: "a@example.com", Token: "t0ken"}})
	w.report.Deployment = jira.DeploymentCloud
	w.Update(w.loadProjects()())
	if len(w.data.projects) != 2 || w.data.projectsPage.IsLast {
		t.Fatalf("first page: %d projects, last=%v", len(w.data.projects), w.data.projectsPage.IsLast)
	}

	w.goTo(screenAnnotations)
	for len(w.data.projects) < len(keys) {
		_, cmd := w.Update(keyPress("down"))
		if cmd == nil {
			t.Fatalf("moving down at %d of %d projects read no further page",
				w.pickIdx+1, len(w.data.projects))
		}
		w.Update(cmd())
	}
	if got := w.data.projects[len(keys)-1].Key; got != "EEE" || !w.data.projectsPage.IsLast {
		t.Fatalf("after paging: last %q, isLast %v", got, w.data.projectsPage.IsLast)
	}
	if _, cmd := w.Update(keyPress("down")); cmd != nil {
		t.Fatalf("asked for another page after the last one")
	}
}
