package tffunc

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func strSet(ss ...string) cty.Value {
	if len(ss) == 0 {
		return cty.SetValEmpty(cty.String)
	}
	vs := make([]cty.Value, len(ss))
	for i, s := range ss {
		vs[i] = cty.StringVal(s)
	}
	return cty.SetVal(vs)
}

func TestFileFunctions(t *testing.T) {
	abs, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	runCases(t, Table("testdata", "testdata"), []exprCase{
		{expr: `file("hello.txt")`, want: str("Hello World\n")},
		{expr: `file("./tpl/../hello.txt")`, want: str("Hello World\n")},
		{expr: `file("` + abs + `/hello.txt")`, want: str("Hello World\n")},
		{expr: `filebase64("hello.txt")`, want: str("SGVsbG8gV29ybGQK")},
		{expr: `filebase64("binary.bin")`, want: str("//4AYmluYXJ5")},
		{expr: `filemd5("hello.txt")`, want: str("e59ff97941044f85df5297e1c302d260")},
		{expr: `filesha1("hello.txt")`, want: str("648a6a6ffffdaa0badb23b8baf90b6168dd16b3a")},
		{expr: `filesha256("hello.txt")`, want: str("d2a84f4b8b650937ec8f73cd8be2c74add5a911ba64df27458ed8229da804a26")},
		{expr: `filesha512("hello.txt")`, want: str("e1c112ff908febc3b98b1693a6cd3564eaf8e5e6ca629d084d9f0eba99247cacdd72e369ff8941397c2807409ff66be64be908da17ad7b8a49a2a26c0e8086aa")},
		{expr: `filebase64sha256("hello.txt")`, want: str("0qhPS4tlCTfsj3PNi+LHSt1akRumTfJ0WO2CKdqASiY=")},
		{expr: `filebase64sha512("hello.txt")`, want: str("4cES/5CP68O5ixaTps01ZOr45ebKYp0ITZ8OupkkfKzdcuNp/4lBOXwoB0Cf9mvmS+kI2hete4pJoqJsDoCGqg==")},
		{expr: `filesha256(sensitive("hello.txt"))`, want: sensitive(str("d2a84f4b8b650937ec8f73cd8be2c74add5a911ba64df27458ed8229da804a26"))},
		{expr: `file(unk_str)`, want: unknownStr},
		{expr: `fileexists(unk_str)`, want: cty.UnknownVal(cty.Bool)},

		{expr: `file("binary.bin")`, err: "not valid UTF-8"},
		{expr: `file("missing.txt")`, err: "no file exists at missing.txt"},
		{expr: `filesha256("missing.txt")`, err: "no file exists at missing.txt"},
		{expr: `file("tpl")`, err: "is a directory"},
		{expr: `file("../tffunc.go")`, err: "outside the scanned directory"},
		{expr: `file("tpl/../../tffunc.go")`, err: "outside the scanned directory"},
		{expr: `file("/etc/passwd")`, err: "outside the scanned directory"},
		{expr: `filebase64("/etc/hostname")`, err: "outside the scanned directory"},
		{expr: `fileexists("../tffunc.go")`, err: "outside the scanned directory"},
		{expr: `fileset("..", "*.go")`, err: "outside the scanned directory"},
		{expr: `fileset(".", "../*.go")`, err: "outside the scanned directory"},

		{expr: `fileexists("hello.txt")`, want: cty.True},
		{expr: `fileexists("missing.txt")`, want: cty.False},
		{expr: `fileexists("tpl")`, err: "is a directory, not a file"},

		{expr: `fileset(".", "*.txt")`, want: strSet("hello.txt")},
		{expr: `fileset(".", "*")`, want: strSet("binary.bin", "hello.txt")},
		{expr: `fileset(".", "*.{txt,bin}")`, want: strSet("binary.bin", "hello.txt")},
		{expr: `fileset(".", "**/*.tftpl")`, want: strSet("tpl/config.json.tftpl", "tpl/recursive.tftpl", "tpl/simple.tftpl", "tpl/user_data.sh.tftpl")},
		{expr: `fileset("modules", "*/main.tf")`, want: strSet("child/main.tf", "other/main.tf")},
		{expr: `fileset("modules", "**")`, want: strSet("child/files/a.json", "child/main.tf", "other/main.tf")},
		{expr: `fileset(".", "nested/**")`, want: strSet("nested/.hidden", "nested/x/y/deep.txt")},
		{expr: `fileset(".", "nested/**/deep.txt")`, want: strSet("nested/x/y/deep.txt")},
		{expr: `fileset("modules/child", "../other/*.tf")`, want: strSet("../other/main.tf")},
		{expr: `fileset(".", "hello.txt")`, want: strSet("hello.txt")},
		{expr: `fileset(".", "tpl")`, want: strSet()}, // directories are not listed
		{expr: `fileset("nope", "*")`, want: strSet()},
		{expr: `fileset(".", "[")`, err: "failed to glob pattern"},

		{expr: `abspath("hello.txt")`, want: str(filepath.ToSlash(filepath.Join(abs, "hello.txt")))},
		{expr: `abspath("/a/../b")`, want: str("/b")},
		{expr: `dirname("foo/bar/baz.txt")`, want: str("foo/bar")},
		{expr: `basename("foo/bar/baz.txt")`, want: str("baz.txt")},
		{expr: `pathexpand("~/.ssh/id_rsa")`, want: str("~/.ssh/id_rsa")},
	})
}

// TestFileFunctionsFromChildModule: relative paths start at moduleDir, while
// the tree they may read is root.
func TestFileFunctionsFromChildModule(t *testing.T) {
	runCases(t, Table("testdata", "testdata/modules/child"), []exprCase{
		{expr: `file("files/a.json")`, want: str("{}\n")},
		{expr: `file("../../hello.txt")`, want: str("Hello World\n")},
		{expr: `file("../../../tffunc.go")`, err: "outside the scanned directory"},
		{expr: `fileset(".", "**")`, want: strSet("files/a.json", "main.tf")},
	})
}

// TestSymlinkEscapes: links inside the tree that point out of it are refused,
// links that stay inside are followed.
func TestSymlinkEscapes(t *testing.T) {
	tmp := t.TempDir()
	root := filepath.Join(tmp, "root")
	outside := filepath.Join(tmp, "outside")
	for _, d := range []string{root, outside, filepath.Join(root, "sub")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(outside, "secret.txt"), "TOP SECRET")
	write(filepath.Join(root, "inside.txt"), "inside")
	links := map[string]string{
		"out.txt":    filepath.Join(outside, "secret.txt"),
		"out_rel":    "../outside/secret.txt",
		"outdir":     outside,
		"in.txt":     "inside.txt",
		"sub/up.txt": "../inside.txt",
		"dangling":   "does-not-exist",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Skipf("symlinks unsupported here: %v", err)
		}
	}
	funcs := Table(root, root)
	runCases(t, funcs, []exprCase{
		{expr: `file("in.txt")`, want: str("inside")},
		{expr: `file("sub/up.txt")`, want: str("inside")},
		{expr: `file("out.txt")`, err: "resolves to a path outside the scanned directory"},
		{expr: `file("out_rel")`, err: "resolves to a path outside the scanned directory"},
		{expr: `file("outdir/secret.txt")`, err: "resolves to a path outside the scanned directory"},
		{expr: `filesha256("out.txt")`, err: "outside the scanned directory"},
		{expr: `fileexists("out.txt")`, err: "outside the scanned directory"},
		{expr: `fileexists("dangling")`, want: cty.False},
		{expr: `templatefile("out.txt", {})`, err: "outside the scanned directory"},
		{expr: `fileset("outdir", "*")`, err: "outside the scanned directory"},
		{expr: `fileset(".", "*.txt")`, err: "outside the scanned directory"}, // out.txt matches
		{expr: `fileset(".", "in*")`, want: strSet("in.txt", "inside.txt")},
		{expr: `fileset(".", "**/*.txt")`, err: "outside the scanned directory"},
		{expr: `fileset("sub", "*")`, want: strSet("up.txt")},
	})
	// The refusal names the path as written, never the file's contents.
	_, diags := eval(funcs, `file("out.txt")`)
	if strings.Contains(diags.Error(), "TOP SECRET") {
		t.Errorf("error leaks the outside file: %s", diags.Error())
	}

	// A root reached through a symlink works the same.
	linkRoot := filepath.Join(tmp, "linkroot")
	if err := os.Symlink(root, linkRoot); err != nil {
		t.Fatal(err)
	}
	runCases(t, Table(linkRoot, linkRoot), []exprCase{
		{expr: `file("inside.txt")`, want: str("inside")},
		{expr: `file("out.txt")`, err: "outside the scanned directory"},
	})
}

func TestTemplateFunctions(t *testing.T) {
	runCases(t, Table("testdata", "testdata"), []exprCase{
		{expr: `templatefile("tpl/user_data.sh.tftpl", {name = "x", ports = []})`, want: str("#!/bin/bash\necho \"hello x\"\necho X\n")},
		{expr: `templatefile("tpl/simple.tftpl", {name = "x"})`, want: str("#!/bin/bash\necho \"hello x\"\n")},
		{expr: `templatefile("tpl/simple.tftpl", tomap({name = "x"}))`, want: str("#!/bin/bash\necho \"hello x\"\n")},
		// A template that is one interpolation yields that value as is.
		{expr: `templatefile("tpl/config.json.tftpl", {config = {a = 1}})`, want: str(`{"a":1}`)},
		{expr: `templatestring("$${a}", {a = [1]})`, want: cty.TupleVal([]cty.Value{cty.NumberIntVal(1)})},
		{expr: `templatestring("%%{ if on }yes%%{ else }no%%{ endif }", {on = false})`, want: str("no")},
		// Errors.
		{expr: `templatefile("tpl/simple.tftpl", {})`, err: `vars map does not contain key "name", referenced at tpl/simple.tftpl:2,15-19`},
		{expr: `templatefile("tpl/simple.tftpl", {nme = "x"})`, err: `vars map does not contain key "name"`},
		{expr: `templatefile("tpl/simple.tftpl", "x")`, err: "must be a map or object"},
		{expr: `templatefile("tpl/simple.tftpl", {"not valid" = 1, name = "x"})`, err: `invalid template variable name "not valid"`},
		{expr: `templatefile("tpl/missing.tftpl", {})`, err: "no file exists at tpl/missing.tftpl"},
		{expr: `templatefile("../tffunc.go", {})`, err: "outside the scanned directory"},
		{expr: `templatefile("tpl/recursive.tftpl", {name = "x"})`, err: "cannot recursively call templatefile"},
		{expr: `templatestring("$${", {})`, err: "<templatestring argument>:1,"},
		// Unknown and sensitive values land only where they are used.
		{expr: `templatefile("tpl/simple.tftpl", {name = unk_str})`, want: unknownStr},
		{expr: `templatefile(unk_str, {})`, want: cty.DynamicVal},
		{expr: `templatefile("tpl/simple.tftpl", unk_map)`, want: cty.DynamicVal},
		{expr: `templatefile("tpl/simple.tftpl", {name = secret})`, want: sensitive(str("#!/bin/bash\necho \"hello s3cr3t\"\n"))},
		{expr: `templatefile("tpl/simple.tftpl", {name = "x", other = secret})`, want: str("#!/bin/bash\necho \"hello x\"\n")},
		{expr: `templatefile(sensitive("tpl/simple.tftpl"), {name = "x"})`, want: sensitive(str("#!/bin/bash\necho \"hello x\"\n"))},
		{expr: `templatefile("tpl/simple.tftpl", sensitive({name = "x"}))`, want: sensitive(str("#!/bin/bash\necho \"hello x\"\n"))},
	})
}

// TestFileFunctionsReadWithinBounds: a FIFO or device is refused without
// blocking, and a file past MaxFileSize is refused before it is read.
func TestFileFunctionsReadWithinBounds(t *testing.T) {
	root := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(root, "fifo"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	f, err := os.Create(filepath.Join(root, "sparse"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(3 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	runCases(t, Table(root, root), []exprCase{
		{expr: `file("fifo")`, err: "failed to read fifo: not a regular file"},
		{expr: `filesha256("fifo")`, err: "not a regular file"},
		{expr: `file("sparse")`, err: "failed to read sparse: file is larger than 64 MiB"},
		{expr: `filebase64("sparse")`, err: "file is larger than 64 MiB"},
	})
}
