package evidence

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fiscguard/fiscguard/engine/digest"
)

func TestScanTime(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return v
			}
			return ""
		}
	}
	if at, err := ScanTime(env("1767225600")); err != nil || at.Format(time.RFC3339) != "2026-01-01T00:00:00Z" {
		t.Errorf("SOURCE_DATE_EPOCH: %v %v", at, err)
	}
	for _, bad := range []string{"yesterday", "-5", "1.5"} {
		if _, err := ScanTime(env(bad)); err == nil || !strings.Contains(err.Error(), "SOURCE_DATE_EPOCH") {
			t.Errorf("%q: %v", bad, err)
		}
	}
	if at, err := ScanTime(env("")); err != nil || time.Since(at) > time.Minute || at.Location() != time.UTC {
		t.Errorf("now: %v %v", at, err)
	}
}

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestNewTrace(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"infra/main.tf": "resource \"aws_s3_bucket\" \"b\" {}\n", "infra/prod.tfvars": "env = \"prod\"\n",
		"infra/modules/m/m.tf": "", "infra/README.md": "not configuration", "plan.json": "{}", "waivers.yaml": "waivers: []\n",
	})
	rep := sampleReport(t)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tr, err := NewTrace(rep, Inputs{Target: filepath.Join(dir, "infra"), Waivers: filepath.Join(dir, "waivers.yaml"),
		VarFiles: []string{filepath.Join(dir, "infra/prod.tfvars")}, Vars: []string{"db_password=hunter2", "env=prod"}, Time: at})
	if err != nil {
		t.Fatal(err)
	}
	// Three configuration files: main.tf, prod.tfvars, modules/m/m.tf.
	want, n, _ := digest.Tree(os.DirFS(filepath.Join(dir, "infra")), isConfigFile)
	if tr.Input.Digest != want || tr.Input.Files != 3 || n != 3 {
		t.Errorf("directory digest %s over %d files, want %s over 3", tr.Input.Digest, tr.Input.Files, want)
	}
	if strings.Join(tr.Vars, ",") != "db_password,env" {
		t.Errorf("vars %v: want names only", tr.Vars)
	}
	if tr.Waivers == nil || !strings.HasPrefix(tr.Waivers.Digest, "sha256:") || len(tr.VarFiles) != 1 {
		t.Errorf("waivers %+v, var files %+v", tr.Waivers, tr.VarFiles)
	}
	if tr.ScannedAt != "2026-01-01T00:00:00Z" || tr.Profile != "simple" || tr.FiscguardVersion != "0.3.1" || tr.TerraformVersion != "1.9.5" || len(tr.Library) != 1 {
		t.Errorf("trace %+v", tr)
	}

	tr, err = NewTrace(rep, Inputs{Target: filepath.Join(dir, "plan.json"), Time: at})
	if err != nil || tr.Input.Digest != "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a" || tr.Input.Files != 1 || tr.Waivers != nil {
		t.Errorf("plan trace %+v %v", tr.Input, err)
	}
	if tr, err = NewTrace(rep, Inputs{Target: "-", StdinDigest: "sha256:x", Time: at}); err != nil || tr.Input.Digest != "sha256:x" || tr.Git != nil {
		t.Errorf("stdin trace %+v %v", tr.Input, err)
	}
	if _, err := NewTrace(rep, Inputs{Target: filepath.Join(dir, "plan.json"), Waivers: filepath.Join(dir, "none.yaml")}); err == nil || !strings.Contains(err.Error(), "none.yaml: no such file") {
		t.Errorf("missing waiver file: %v", err)
	}
}

func TestTraceGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	if g := gitOf(dir); g != nil {
		t.Fatalf("outside a repository: %+v", g)
	}
	write(t, dir, map[string]string{"infra/main.tf": "# v1\n", "other/x.tf": "# x\n"})
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("init", "-q")
	run("add", ".")
	run("commit", "-q", "-m", "c")
	infra := filepath.Join(dir, "infra")
	g := gitOf(infra)
	if g == nil || len(g.Commit) != 40 || g.Dirty {
		t.Fatalf("clean repository: %+v", g)
	}
	// An untracked plan beside the configuration, or a change elsewhere, does not make it dirty.
	write(t, dir, map[string]string{"infra/plan.json": "{}", "other/x.tf": "# changed\n"})
	if g := gitOf(infra); g.Dirty {
		t.Error("untracked files and other directories made the target dirty")
	}
	write(t, dir, map[string]string{"infra/main.tf": "# v2\n"})
	if g := gitOf(infra); !g.Dirty {
		t.Error("a modified tracked file under the target is dirty")
	}
}
