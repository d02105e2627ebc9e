package main

import (
	"context"
	"fmt"
)

// TODO: replaced by the real command as its issue lands.
func runAnnotate(ctx context.Context, args []string, io cliIO) int {
	_ = ctx
	_ = args
	fmt.Fprintln(io.Stderr, "jira-setup: annotate is not built yet")
	return exitFailed
}
