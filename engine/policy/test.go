package policy

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestResult is the outcome of one Rego unit test.
type TestResult struct {
	Package string
	Name    string
	File    string
	// Pass is false for a test that evaluated to false or failed with an
	// error; Error holds that error's text, else "".
	Pass  bool
	Error string
}

// RunTests runs the Rego unit tests (_test.rego) of the sources with OPA's
// tester, compiled together with every policy and helper of the sources.
func RunTests(ctx context.Context, sources ...Source) ([]TestResult, error) {
	enforceBudget()
	modules, err := parseWithTests(sources)
	if err != nil {
		return nil, err
	}
	compiler := ast.NewCompiler().WithCapabilities(capabilities())
	ch, err := tester.NewRunner().
		SetCompiler(compiler).
		SetModules(modules).
		RunTests(ctx, nil)
	if err != nil {
		return nil, firstError(err)
	}
	var out []TestResult
	for r := range ch {
		tr := TestResult{Package: r.Package, Name: r.Name, Pass: r.Pass()}
		if r.Location != nil {
			tr.File = fmt.Sprintf("%s:%d", r.Location.File, r.Location.Row)
		}
		if r.Error != nil {
			tr.Error = r.Error.Error()
		}
		out = append(out, tr)
	}
	return out, nil
}

// CheckStrict compiles every module of the sources, tests included, in
// OPA's strict mode (what opa check --strict does) against fiscguard's
// capabilities, and returns every error, one per line.
func CheckStrict(sources ...Source) error {
	modules, err := parseWithTests(sources)
	if err != nil {
		return err
	}
	compiler := ast.NewCompiler().WithStrict(true).WithUseTypeCheckAnnotations(true).WithCapabilities(capabilities())
	compiler.Compile(modules)
	if !compiler.Failed() {
		return nil
	}
	lines := make([]string, len(compiler.Errors))
	for i, e := range compiler.Errors {
		lines[i] = e.Error()
	}
	return errors.New(strings.Join(lines, "\n"))
}

// parseWithTests parses every .rego file of the sources, tests included.
func parseWithTests(sources []Source) (map[string]*ast.Module, error) {
	parsed, err := parse(sources, true)
	if err != nil {
		return nil, err
	}
	modules := make(map[string]*ast.Module, len(parsed))
	for _, p := range parsed {
		modules[p.name] = p.mod
	}
	return modules, nil
}
