// Command fiscguard checks Terraform plans against the FISC security
// standards with embedded Rego policies.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/report"
)

// Exit codes: the verdict's (report.ExitClean, report.ExitFindings), then
// the command's own.
const (
	exitClean    = report.ExitClean
	exitFindings = report.ExitFindings
	exitError    = 2 // usage or input error
	exitInternal = 3 // a defect in fiscguard
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// exitCodeError carries an exit code other than exitError up to run.
type exitCodeError struct{ code int }

func (e *exitCodeError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// run executes the CLI and returns its exit code. Errors are printed as one
// line; a panic is reported as an internal error, never as a stack trace.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if v := recover(); v != nil {
			err := &model.InternalError{Msg: fmt.Sprint(v)}
			fmt.Fprintf(stderr, "fiscguard: %s\n", report.OneLine(err.Error()))
			code = exitInternal
		}
	}()
	cmd := newRootCmd(stdin, stdout, stderr)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(ctx)
	var ec *exitCodeError
	switch {
	case err == nil:
		return exitClean
	case errors.As(err, &ec):
		return ec.code
	}
	fmt.Fprintf(stderr, "fiscguard: %s\n", report.OneLine(err.Error()))
	var internal *model.InternalError
	if errors.As(err, &internal) {
		return exitInternal
	}
	return exitError
}
