package runner

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fiscguard/fiscguard/engine/config"
)

// syncBuffer is a buffer the progress goroutine and the test share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestProgress: a run longer than the delay shows what it does on one line
// rewritten in place, cleared at the end; a shorter one shows nothing.
func TestProgress(t *testing.T) {
	saved := progressDelay
	t.Cleanup(func() { progressDelay = saved })

	progressDelay = time.Hour
	var quiet syncBuffer
	p := startProgress(&quiet, 1)
	p.set("reading plan.json")
	p.end()
	if quiet.String() != "" {
		t.Errorf("a quick run showed %q", quiet.String())
	}

	progressDelay = 0
	var out syncBuffer
	p = startProgress(&out, 2)
	p.set("evaluating 47 rules over 10 resources of infra/prod")
	p.targetDone()
	for !strings.Contains(out.String(), "1 of 2") {
		time.Sleep(10 * time.Millisecond)
	}
	p.end()
	got := out.String()
	if !strings.HasPrefix(got, "\rfiscguard: evaluating 47 rules over 10 resources of infra/prod (") || !strings.Contains(got, "s, 1 of 2 targets scanned)") {
		t.Errorf("progress %q", got)
	}
	if last := got[strings.LastIndex(strings.TrimSuffix(got, "\r"), "\r"):]; strings.TrimSpace(last) != "" || strings.Contains(got, "\n") {
		t.Errorf("the line is not cleared, or not rewritten in place: %q", got)
	}

	// A real run tells it what it is doing.
	var run syncBuffer
	r, err := New(Input{Command: Scan, Paths: []string{monorepo}, Flags: config.Given{"repo-root": {monorepo}}, Progress: &run})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Scan(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got := run.String(); !strings.Contains(got, "fiscguard: ") || !strings.Contains(got, "targets scanned)") {
		t.Errorf("a run's progress: %q", got)
	}
}
