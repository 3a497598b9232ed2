package evidence

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/fiscguard/fiscguard/engine/digest"
	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/report"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// Inputs are what a trace records beyond the scan's own report.
type Inputs struct {
	// Target is the path scanned as given ("-" for standard input, whose
	// digest StdinDigest gives, taken while the scan read it).
	Target      string
	StdinDigest string
	// Waivers is the waiver file, or "".
	Waivers string
	// VarFiles and Vars are the --var-file and --var arguments (NAME=VALUE).
	VarFiles, Vars []string
	// Time is when the scan ran (see ScanTime).
	Time time.Time
}

// ScanTime is the time a report records: SOURCE_DATE_EPOCH (seconds since
// 1970, UTC) when getenv gives it, so a rerun is byte-identical, else now.
func ScanTime(getenv func(string) string) (time.Time, error) {
	v := getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return time.Now().UTC().Truncate(time.Second), nil
	}
	sec, err := strconv.ParseInt(v, 10, 64)
	if err != nil || sec < 0 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH: %q is not a number of seconds since 1970", v)
	}
	return time.Unix(sec, 0).UTC(), nil
}

// NewTrace records what the scan's report was made from: the input's
// digest and git commit, versions, the library's digests, profile,
// edition, parameters, waiver and variable files, and the time.
func NewTrace(rep *report.Report, in Inputs) (Trace, error) {
	t := Trace{
		Input:            Input{Path: cleanTarget(in.Target), Kind: rep.Target.Kind, Complete: rep.Target.Complete, Errored: rep.Target.Errored},
		TerraformVersion: rep.Target.TerraformVersion,
		FiscguardVersion: rep.Tool.Version,
		Library:          []LibrarySource{},
		Profile:          string(rep.Profile),
		Edition:          rep.Edition,
		Params:           rep.Params,
		VarFiles:         []File{},
		Vars:             []string{},
		ScannedAt:        in.Time.UTC().Format(time.RFC3339),
	}
	if t.Edition == "" {
		t.Edition = rule.EditionCurrent
	}
	if t.Params == nil {
		t.Params = map[string]any{}
	}
	for _, s := range rep.Library.Sources {
		t.Library = append(t.Library, LibrarySource{Name: s.Name, Builtin: s.Builtin, Digest: s.Digest, Files: s.Files})
	}
	var err error
	switch st, statErr := os.Stat(in.Target); {
	case in.Target == "-":
		t.Input.Digest, t.Input.Files = in.StdinDigest, 1
	case statErr == nil && st.IsDir():
		t.Input.Digest, t.Input.Files, err = digest.Tree(os.DirFS(in.Target), isConfigFile)
		t.Git = gitOf(in.Target)
	default:
		t.Input.Digest, err = digest.File(in.Target)
		t.Input.Files = 1
		t.Git = gitOf(filepath.Dir(in.Target))
	}
	if err != nil {
		return t, &model.InputError{File: in.Target, Msg: inputfile.Describe(err)}
	}
	if in.Waivers != "" {
		if t.Waivers, err = fileOf(in.Waivers); err != nil {
			return t, err
		}
	}
	for _, p := range in.VarFiles {
		f, err := fileOf(p)
		if err != nil {
			return t, err
		}
		t.VarFiles = append(t.VarFiles, *f)
	}
	for _, v := range in.Vars {
		name, _, _ := strings.Cut(v, "=")
		t.Vars = append(t.Vars, name)
	}
	return t, nil
}

// isConfigFile is what a directory's digest covers: the files Terraform
// reads configuration and variables from.
func isConfigFile(p string) bool {
	for _, ext := range []string{".tf", ".tf.json", ".tfvars", ".tfvars.json"} {
		if strings.HasSuffix(p, ext) {
			return true
		}
	}
	return false
}

func fileOf(p string) (*File, error) {
	d, err := digest.File(p)
	if err != nil {
		return nil, &model.InputError{File: p, Msg: inputfile.Describe(err)}
	}
	return &File{Path: filepath.ToSlash(filepath.Clean(p)), Digest: d}, nil
}

func cleanTarget(p string) string {
	if p == "-" {
		return p
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// gitOf returns the commit of the repository holding dir, or nil outside
// one (or without git). Dirty counts only tracked files under dir, so a
// plan file written beside the configuration does not make it dirty.
func gitOf(dir string) *Git {
	head, err := exec.Command("git", "-C", dir, "rev-parse", "--verify", "HEAD").Output()
	if err != nil {
		return nil
	}
	g := &Git{Commit: strings.TrimSpace(string(head))}
	status, err := exec.Command("git", "-C", dir, "status", "--porcelain", "--untracked-files=no", "--", ".").Output()
	g.Dirty = err != nil || len(strings.TrimSpace(string(status))) > 0
	return g
}
