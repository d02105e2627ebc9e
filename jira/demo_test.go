package jira

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

func TestDemo_ProjectsPageOnCloudAndListOnDataCenter(t *testing.T) {
	cloud := startDemo(t, FlavorCloud, "")
	c, ctx := NewClient(ClientOptions{}), context.Background()
	cred := cloud.Account().Credential()

	resp, err := c.send(ctx, request{method: "GET", site: cloud.URL(), cred: cred,
		path: "rest/api/3/project/search?startAt=0&maxResults=3"})
	if err != nil {
		t.Fatal(err)
	}
	var page struct {
		Total    int    `json:"total"`
		IsLast   bool   `json:"isLast"`
		NextPage string `json:"nextPage"`
	}
	if err := resp.decode(&page); err != nil || page.Total != 7 || page.IsLast ||
		!strings.Contains(page.NextPage, "startAt=3") {
		t.Errorf("a small Cloud page: %+v, %v", page, err)
	}

	got, err := c.Projects(ctx, cloud.URL(), cred, DeploymentCloud, "dat", 0)
	if err != nil || len(got.Projects) != 1 || got.Projects[0].Key != "DATA" {
		t.Errorf("Cloud projects matching dat: %+v, %v", got, err)
	}
	dc := startDemo(t, FlavorDataCenter, "")
	got, err = c.Projects(ctx, dc.URL(), dc.Account().Credential(), DeploymentSelfManaged, "", 0)
	if err != nil || got.Total != 4 || !got.IsLast {
		t.Errorf("Data Center projects: %+v, %v", got, err)
	}
}

func TestDemo_OverviewOnBothFlavours(t *testing.T) {
	for _, f := range []Flavor{FlavorCloud, FlavorDataCenter} {
		t.Run(string(f), func(t *testing.T) {
			d := startDemo(t, f, "")
			dep := DeploymentCloud
			if f == FlavorDataCenter {
				dep = DeploymentSelfManaged
			}
			ov, err := NewClient(ClientOptions{}).Overview(context.Background(), d.URL(),
				d.Account().Credential(), dep, "DEMO", "", 3)
			if err != nil {
				t.Fatal(err)
			}
			if ov.Project.Name != "Demo Service" || len(ov.Issues) != 3 {
				t.Fatalf("overview: %+v", ov)
			}
			for _, is := range ov.Issues {
				if is.Key == "" || is.Status == "" || is.StatusCategory == "done" ||
					is.Type == "" || is.Priority == "" {
					t.Errorf("issue row: %+v", is)
				}
			}
		})
	}
}

func TestDemo_RefusesWhatJiraRefuses(t *testing.T) {
	d := startDemo(t, FlavorDataCenter, "")
	cases := []struct {
		name, method, path, ua, auth string
		want                         int
	}{
		{"browser POST without no-check", "POST", "/rest/api/2/search", "Mozilla/5.0 x", "", 403},
		{"search/jql on Data Center", "GET", "/rest/api/2/search/jql?jql=x", "", "", 404},
		{"wrong PAT", "GET", "/rest/api/2/myself", "", "Bearer nope", 401},
		{"a page outside the context path", "GET", "/../browse/X-1", "", "", 404},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req, _ := http.NewRequest(c.method, d.URL()+c.path, strings.NewReader("{}"))
			req.Header.Set("User-Agent", c.ua)
			if c.auth != "" {
				req.Header.Set("Authorization", c.auth)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != c.want {
				t.Errorf("status %d, want %d", resp.StatusCode, c.want)
			}
		})
	}
}

func TestDemo_ScenarioSwitchingIsChecked(t *testing.T) {
	d := startDemo(t, FlavorDataCenter, "")
	if err := d.SetScenario(ScenarioBearerOnCloud); err == nil {
		t.Error("a Cloud-only scenario was accepted on Data Center")
	}
	if err := d.SetScenario("nope"); err == nil {
		t.Error("an unknown scenario was accepted")
	}
	if err := d.SetScenario(ScenarioXSRF); err != nil || d.Scenario() != ScenarioXSRF {
		t.Errorf("switching to xsrf: %v, now %s", err, d.Scenario())
	}
	for _, s := range Scenarios() {
		if s.Name == "" || s.Title == "" || s.Description == "" {
			t.Errorf("scenario %+v lacks words", s)
		}
		if s.Name != ScenarioHealthy && len(s.Codes) == 0 {
			t.Errorf("scenario %s lists no codes", s.Name)
		}
	}
}
