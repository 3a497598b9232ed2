package runner

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// progressDelay is how long a run goes before it shows its progress: a
// quick scan stays quiet.
var progressDelay = 2 * time.Second

// progress shows what a long run is doing on a terminal (standard error):
// after progressDelay, one line rewritten in place twice a second, and
// cleared when the run ends, so it never mixes with the outputs.
type progress struct {
	w     io.Writer
	start time.Time
	total int

	mu    sync.Mutex
	done  int
	doing string
	width int // of the line shown, to clear it

	stop chan struct{}
	wg   sync.WaitGroup
}

// startProgress starts showing a run of total targets on w; with no w it
// shows nothing.
func startProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, start: time.Now(), total: total, doing: "scanning", stop: make(chan struct{})}
	if w == nil {
		return p
	}
	p.wg.Go(func() {
		select {
		case <-time.After(progressDelay):
		case <-p.stop:
			return
		}
		tick := time.NewTicker(500 * time.Millisecond)
		defer tick.Stop()
		for {
			p.show()
			select {
			case <-tick.C:
			case <-p.stop:
				return
			}
		}
	})
	return p
}

// set says what the run is doing now ("evaluating 47 rules over 10,000
// resources of infra/prod").
func (p *progress) set(doing string) {
	p.mu.Lock()
	p.doing = doing
	p.mu.Unlock()
}

// targetDone counts a target scanned.
func (p *progress) targetDone() {
	p.mu.Lock()
	p.done++
	p.mu.Unlock()
}

func (p *progress) show() {
	p.mu.Lock()
	defer p.mu.Unlock()
	line := fmt.Sprintf("fiscguard: %s (%.0f s", p.doing, time.Since(p.start).Seconds())
	if p.total > 1 {
		line += fmt.Sprintf(", %d of %d targets scanned", p.done, p.total)
	}
	line += ")"
	fmt.Fprintf(p.w, "\r%s%s", line, strings.Repeat(" ", max(p.width-len(line), 0)))
	p.width = len(line)
}

// end stops the display and clears its line.
func (p *progress) end() {
	close(p.stop)
	p.wg.Wait()
	if p.width > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
	}
}
