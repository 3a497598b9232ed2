package scan

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/plan"
	"github.com/fiscguard/fiscguard/engine/policy"
)

// isSavedPlan reports whether data is a plan file terraform plan -out
// wrote: a zip archive, not JSON.
func isSavedPlan(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04"))
}

// showSavedPlan turns a saved plan into plan JSON with terraform show
// -json, run in the configuration's directory, whose .terraform holds the
// provider schemas Terraform reads the plan with: the source directory
// when there is one, else the working directory.
func showSavedPlan(ctx context.Context, name, path string, opts Options) ([]byte, error) {
	if path == "-" {
		return nil, &model.InputError{File: name, Msg: "a saved Terraform plan (terraform plan -out) on standard input: give its file, which terraform show -json reads"}
	}
	tf, err := exec.LookPath("terraform")
	if err != nil {
		return nil, &model.InputError{File: name, Msg: "a saved Terraform plan (terraform plan -out): reading it needs terraform on PATH, which is not there; scan the output of terraform show -json instead"}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &model.InputError{File: name, Msg: err.Error()}
	}
	limit := opts.Timeout
	if limit == 0 {
		limit = policy.DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	dir := sourceDir(path, opts.SourceDir)
	if committed := committedProviders(ctx, dir); committed != "" {
		return nil, &model.InputError{File: name, Msg: fmt.Sprintf("a saved Terraform plan: terraform show would run the provider plugins in %s, which the repository itself holds (a pull request could have put them there); run terraform init and show -json in a trusted step and scan its JSON", committed)}
	}
	cmd := exec.CommandContext(ctx, tf, "show", "-json", "-no-color", abs)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, &model.InputError{File: name, Msg: "terraform show -json: " + err.Error()}
	}
	data, readErr := io.ReadAll(io.LimitReader(out, plan.MaxSize+1))
	if len(data) > plan.MaxSize {
		cmd.Process.Kill()
	}
	waitErr := cmd.Wait()
	switch {
	case len(data) > plan.MaxSize:
		return nil, &model.InputError{File: name, Msg: fmt.Sprintf("terraform show -json wrote more than %d MiB", plan.MaxSize>>20)}
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return nil, &model.InputError{File: name, Msg: fmt.Sprintf("terraform show -json took longer than %s and was stopped", limit)}
	case waitErr != nil:
		return nil, &model.InputError{File: name, Msg: "terraform show -json: " + firstLine(stderr.String(), waitErr)}
	case readErr != nil:
		return nil, &model.InputError{File: name, Msg: "terraform show -json: " + readErr.Error()}
	}
	return bytes.TrimSpace(data), nil
}

// committedProviders returns the .terraform directory terraform show would
// load provider plugins from, when git tracks files in it: those come from
// the repository under scan, not from terraform init, and running them
// would run whatever a change committed. "" when there is none, or outside
// git.
func committedProviders(ctx context.Context, dir string) string {
	tfDir := filepath.Join(dir, ".terraform")
	if dir == "" {
		tfDir = ".terraform"
	}
	if _, err := os.Stat(tfDir); err != nil {
		return ""
	}
	cmd := exec.CommandContext(ctx, "git", "ls-files", "--", ".terraform")
	cmd.Dir = filepath.Dir(tfDir)
	out, err := cmd.Output()
	if err != nil || len(bytes.TrimSpace(out)) == 0 {
		return ""
	}
	return filepath.ToSlash(tfDir)
}
