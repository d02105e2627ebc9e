package main

import (
	"context"
	"testing"
	"time"

	"github.com/roadie-tools/jira-setup/jira"
)

func TestLiveDeployment_AsksTheDemoJira(t *testing.T) {
	for _, tt := range []struct {
		flavor jira.Flavor
		want   jira.Deployment
	}{
		{jira.FlavorCloud, jira.DeploymentCloud},
		{jira.FlavorDataCenter, jira.DeploymentSelfManaged},
	} {
		t.Run(string(tt.flavor), func(t *testing.T) {
			demo, err := jira.StartDemo(jira.DemoOptions{Addr: "127.0.0.1:0", Flavor: tt.flavor})
			if err != nil {
				t.Fatal(err)
			}
			defer demo.Close()
			got, err := liveDeployment(context.Background(), demo.URL(), 2*time.Second)
			if err != nil || got != tt.want {
				t.Fatalf("liveDeployment = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}
