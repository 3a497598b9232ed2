package policy

import (
	"context"
	"fmt"
	"io/fs"
	"path"

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
	modules := map[string]*ast.Module{}
	for _, src := range sources {
		for _, tests := range []bool{false, true} {
			files, err := regoFiles(src.FS, tests)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", src.Name, err)
			}
			for _, f := range files {
				data, err := fs.ReadFile(src.FS, f)
				if err != nil {
					return nil, err
				}
				name := path.Join(src.Name, f)
				mod, err := ast.ParseModuleWithOpts(name, string(data), parseOptions)
				if err != nil {
					return nil, firstError(err)
				}
				modules[name] = mod
			}
		}
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
