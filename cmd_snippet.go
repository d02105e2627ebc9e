package main

import (
	"context"
	"fmt"
)

// TODO: replaced by the real command as its issue lands.
func runSnippet(ctx context.Context, args []string, io cliIO) int {
	_ = ctx
	_ = args
	fmt.Fprintln(io.Stderr, "jira-setup: snippet is not built yet")
	return exitFailed
}
