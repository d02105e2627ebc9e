package jira

import (
	"context"
	"testing"
	"time"
)

// BenchmarkCheckLatency runs the full check against the demo Jira with
// 200 ms added to every answer. It reports the wall time of one run as a
// ratio to the two-round-trip bound (x_bound) and to the same requests sent
// one after another (x_serial). Run it with:
//
//	go test -run '^$' -bench CheckLatency -benchtime 3x ./jira
func BenchmarkCheckLatency(b *testing.B) {
	const latency = 200 * time.Millisecond
	d, err := StartDemo(DemoOptions{Latency: latency})
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	c, in := NewClient(ClientOptions{}), d.Input()
	serial := serialRun(c, in)

	b.ResetTimer()
	start := time.Now()
	for range b.N {
		rep := NewEngine(c).Run(context.Background(), in, nil)
		if rep.Results[len(rep.Results)-1].Status != StatusOK {
			b.Fatalf("the healthy demo did not pass: %+v", rep.Results)
		}
	}
	per := time.Since(start) / time.Duration(b.N)
	b.ReportMetric(float64(per.Milliseconds()), "ms/run")
	b.ReportMetric(float64(per)/float64(2*latency), "x_bound")
	b.ReportMetric(float64(per)/float64(serial), "x_serial")
}

// serialRun times the same checks run one after another.
func serialRun(c *Client, in Input) time.Duration {
	ctx := context.Background()
	e := NewEngine(c)
	r := &run{e: e, ctx: ctx, in: in, emit: func(Result) {}, results: map[CheckID]outcome{}}
	start := time.Now()
	r.checkSite()
	for _, fn := range []func(context.Context) outcome{r.reach, r.auth} {
		o := fn(ctx)
		r.results[o.ID] = o
	}
	r.dep = r.deployment()
	for _, fn := range []func(context.Context) outcome{r.project, r.component, r.statuses,
		r.search, r.activity, r.assignee} {
		fn(ctx)
	}
	return time.Since(start)
}
