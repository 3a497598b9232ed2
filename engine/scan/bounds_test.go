package scan

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/fiscguard/fiscguard/engine/model"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// TestPlanReadsAreBounded: a plan that never ends (a FIFO nobody writes,
// standard input left open, /dev/zero) or a huge sparse file is an input
// error in bounded time, never a hang or a read of gigabytes.
func TestPlanReadsAreBounded(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "plan.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	sparse := filepath.Join(dir, "sparse.json")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(3 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	stdin, w := io.Pipe() // left open: a producer that never finishes
	defer w.Close()
	lib := loadLibrary(t)
	for _, tc := range []struct {
		target Target
		want   string
	}{
		{Target{Path: fifo}, "plan.json: reading the plan took longer than 200ms and was stopped"},
		{Target{Path: "-", Stdin: stdin}, "stdin: reading the plan took longer than 200ms and was stopped"},
		{Target{Path: "/dev/zero"}, "/dev/zero: not a regular file"},
		{Target{Path: sparse}, "sparse.json: file is larger than 256 MiB"},
	} {
		start := time.Now()
		_, err := lib.Run(context.Background(), tc.target, Options{Profile: rule.Simple, Timeout: 200 * time.Millisecond})
		var ie *model.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an input error containing %q", tc.target.Path, err, tc.want)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: took %s", tc.target.Path, d)
		}
	}
}

// TestPlanSymlinkOutsideTheRoot: a committed plan file that is a symlink
// out of the repository is refused; one given outside the repository is
// read as the user asked.
func TestPlanSymlinkOutsideTheRoot(t *testing.T) {
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(base, "plan.json")
	data, err := os.ReadFile("../plan/testdata/refs.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(outside, data, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(repo, "plan.json")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	lib := loadLibrary(t)
	_, err = lib.Run(context.Background(), Target{Path: link}, Options{Profile: rule.Simple})
	if err == nil || !strings.Contains(err.Error(), "plan.json: it resolves through a symlink to a path outside the repository root") {
		t.Errorf("got %v", err)
	}
	if _, err := lib.Run(context.Background(), Target{Path: outside}, Options{Profile: rule.Simple}); err != nil {
		t.Errorf("a plan given outside any repository: %v", err)
	}
}

// TestBounded: work that panics becomes an internal error; work that
// outlives its time or its context is abandoned with their error.
func TestBounded(t *testing.T) {
	stopped := func() error { return errors.New("took too long") }
	_, err := bounded(context.Background(), time.Minute, stopped, func() (int, error) {
		panic("the loader\nexploded")
	})
	var ie *model.InternalError
	if !errors.As(err, &ie) || err.Error() != "internal error: the loader exploded (please report this)" {
		t.Errorf("panic: %v", err)
	}
	block := make(chan struct{})
	defer close(block)
	if _, err := bounded(context.Background(), 10*time.Millisecond, stopped, func() (int, error) { <-block; return 0, nil }); err == nil || err.Error() != "took too long" {
		t.Errorf("timeout: %v", err)
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errors.New("over budget"))
	if _, err := bounded(ctx, time.Minute, stopped, func() (int, error) { <-block; return 0, nil }); err == nil || err.Error() != "over budget" {
		t.Errorf("cancelled: %v", err)
	}
	if v, err := bounded(context.Background(), time.Minute, stopped, func() (int, error) { return 7, nil }); v != 7 || err != nil {
		t.Errorf("%d, %v", v, err)
	}
}

// TestMemoryBudget: work that keeps allocating past the budget is stopped
// with an input error naming the budget.
func TestMemoryBudget(t *testing.T) {
	const budget = 256 << 20
	ctx, stop := watchMemory(context.Background(), budget, "main.tf")
	defer stop()
	quit := make(chan struct{})
	defer close(quit)
	stopped := func() error { return errors.New("took too long") }
	_, err := bounded(ctx, time.Minute, stopped, func() ([][]byte, error) {
		var hold [][]byte
		for len(hold) < 1024 { // at most 1 GiB, if the watchdog failed
			select {
			case <-quit:
				return nil, nil
			default:
			}
			hold = append(hold, make([]byte, 1<<20))
			for i := range hold[len(hold)-1] {
				hold[len(hold)-1][i] = 1
			}
		}
		return hold, nil
	})
	var ie *model.InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "main.tf: the scan needed more than 256 MiB of memory and was stopped") {
		t.Errorf("got %v", err)
	}
}

// TestPolicyDirSymlinkOutside: a policy file that is a symlink out of its
// directory is refused, never read.
func TestPolicyDirSymlinkOutside(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "policies")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(base, "secret.rego")
	if err := os.WriteFile(secret, []byte("package stolen\n\nx := \"CANARY\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(dir, "x.rego")); err != nil {
		t.Fatal(err)
	}
	_, err := LoadLibrary(dir)
	if err == nil || !strings.Contains(err.Error(), "x.rego: it resolves through a symlink to a path outside its directory") {
		t.Errorf("got %v", err)
	}
}

// TestRunRecovers: a panic during a scan, on whatever goroutine runs it,
// is an internal error (here, a library that was never loaded).
func TestRunRecovers(t *testing.T) {
	_, err := (&Library{}).Run(context.Background(), Target{Path: "../plan/testdata/refs.json"}, Options{Profile: rule.Simple})
	var ie *model.InternalError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "internal error: ") {
		t.Errorf("got %v", err)
	}
}

// TestSoftLimitShared: scans that run at once share Go's soft memory limit;
// the one that ends first does not lift it for the others, and the last
// restores the collector's settings.
func TestSoftLimitShared(t *testing.T) {
	before, percent := debug.SetMemoryLimit(-1), gcPercent()
	_, stopA := watchMemory(context.Background(), 3<<30, "a")
	_, stopB := watchMemory(context.Background(), 2<<30, "b")
	pacing.observe(heapFloor) // past the floor: the budgets rule
	if got := debug.SetMemoryLimit(-1); got != 2<<30 {
		t.Errorf("limit with both running %d, want the lower 2 GiB", got)
	}
	stopA()
	if got := debug.SetMemoryLimit(-1); got != 2<<30 {
		t.Errorf("limit after the first ended %d, want it kept", got)
	}
	stopB()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after both ended %d, want %d as before", got, before)
	}
	if got := gcPercent(); got != percent {
		t.Errorf("GOGC after both ended %d, want %d as before", got, percent)
	}
}

// TestPacer: a small heap is collected only at the floor; once the live
// heap passes half of it, as it grows by abovePercent; when the budget
// leaves no room for the floor, or when the user set GOGC, Go's default
// pacing and the budget hold.
func TestPacer(t *testing.T) {
	const floor = 64 << 20
	before, percent := debug.SetMemoryLimit(-1), gcPercent()
	defer func() {
		debug.SetMemoryLimit(before)
		debug.SetGCPercent(percent)
	}()
	type state struct {
		limit   int64
		percent int
	}
	off := state{floor, -1}
	tests := []struct {
		name    string
		tune    bool
		budgets []int64
		before  uint64 // the live heap when the first starts
		live    uint64 // what the watchdog tells the pacer, then
		want    []state
	}{
		{"waits for the floor", true, []int64{1 << 30}, 0, floor / 4, []state{off, off}},
		{"grows past half the floor", true, []int64{1 << 30}, 0, floor/2 + 1, []state{off, {1 << 30, abovePercent}}},
		{"the lowest budget past it", true, []int64{1 << 30, 512 << 20}, 0, floor, []state{off, {512 << 20, abovePercent}}},
		{"a large heap from the start", true, []int64{1 << 30}, floor/2 + 1, 0, []state{{1 << 30, abovePercent}, {1 << 30, abovePercent}}},
		{"no room under a budget", true, []int64{floor}, 0, 0, []state{{floor, percent}, {floor, percent}}},
		{"GOGC set by the user", false, []int64{1 << 30}, 0, 0, []state{{1 << 30, percent}, {1 << 30, percent}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := pacer{floor: floor, tune: tt.tune, live: func() uint64 { return tt.before }}
			for _, b := range tt.budgets {
				p.acquire(b)
			}
			now := func() state { return state{debug.SetMemoryLimit(-1), gcPercent()} }
			if got := now(); got != tt.want[0] {
				t.Errorf("running: %+v, want %+v", got, tt.want[0])
			}
			p.observe(tt.live)
			if got := now(); got != tt.want[1] {
				t.Errorf("told %d MiB live: %+v, want %+v", tt.live>>20, got, tt.want[1])
			}
			for range tt.budgets {
				p.release()
			}
			if got := now(); got != (state{before, percent}) {
				t.Errorf("after: %+v, want the settings from before", got)
			}
		})
	}
}

// gcPercent is the collector's GOGC setting.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}
