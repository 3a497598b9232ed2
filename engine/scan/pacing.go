package scan

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// heapFloor is how much memory a scan uses before Go collects garbage.
// Go's default collects each time the heap doubles, from 4 MiB up: a plan
// of 10,000 resources went through 14 collections, each marking the whole
// input again, at a third of the scan's CPU time. Up to the floor, memory
// is worth more as time saved than kept free; at this floor that scan
// peaks under 250 MB.
const heapFloor = 176 << 20

// abovePercent is the GOGC above the floor: collecting each time the heap
// grows by 125% instead of Go's 100% made a 50,000-resource scan 8-11%
// faster, its peak still well under 1 GB (655-793 MB).
const abovePercent = 125

// pacing shares Go's process-wide collector settings between the scans
// running at once (the root modules of one run).
//
//   - The soft limit is the lowest budget of the scans running: no scan
//     lifts another's, and the last to end restores what was there before.
//   - While the live heap is under half the floor, collection waits for
//     the floor (GOGC off, the soft limit at the floor); a larger heap is
//     collected at GOGC abovePercent. A budget under twice the floor keeps
//     Go's default, and a GOGC set in the environment, the user's choice,
//     is left alone.
var pacing = pacer{floor: heapFloor, tune: os.Getenv("GOGC") == "", live: liveHeap}

// HoldMemory gives the work of a run around its scans (the gaps between
// them, writing the reports) the settings a scan has, with opts' budget,
// until release.
func HoldMemory(opts Options) (release func()) {
	pacing.acquire(opts.memoryLimit())
	return sync.OnceFunc(pacing.release)
}

type pacer struct {
	floor int64
	tune  bool          // whether GOGC is the pacer's to set (not the user's)
	live  func() uint64 // the bytes the last collection found live

	mu     sync.Mutex
	users  int
	budget int64 // the lowest budget of the scans running
	tuned  bool  // GOGC set by the pacer while scans run
	low    bool  // collecting at the floor
	prev   struct {
		limit   int64
		percent int
	}
}

func (p *pacer) acquire(budget int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.users == 0 {
		p.prev.limit = debug.SetMemoryLimit(-1)
		p.budget = budget
		// Only a budget well above the floor leaves room to wait for it,
		// and only a small heap is worth it (work that starts after other
		// work, such as writing reports, may start with a large one).
		p.tuned = p.tune && 2*p.floor <= budget
		p.low = p.tuned && 2*int64(p.live()) <= p.floor
		if p.tuned {
			p.prev.percent = debug.SetGCPercent(p.percent())
		}
	} else {
		p.budget = min(p.budget, budget)
	}
	p.apply()
	p.users++
}

func (p *pacer) release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.users--; p.users > 0 {
		return
	}
	debug.SetMemoryLimit(p.prev.limit)
	if p.tuned {
		debug.SetGCPercent(p.prev.percent)
	}
	p.tuned, p.low = false, false
}

// observe is told how many bytes the last collection found live: once
// that passes half the floor, waiting for the floor would collect more
// often than collecting as the heap grows, which takes over for the rest
// of the scans.
func (p *pacer) observe(live uint64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.low && p.users > 0 && 2*int64(live) > p.floor {
		p.low = false
		debug.SetGCPercent(p.percent())
		p.apply()
	}
}

// percent is the GOGC of the current state.
func (p *pacer) percent() int {
	if p.low {
		return -1
	}
	return abovePercent
}

// liveHeap is how many bytes the last collection found live.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// apply sets the soft limit for the current state.
func (p *pacer) apply() {
	if p.low {
		debug.SetMemoryLimit(min(p.budget, p.floor))
	} else {
		debug.SetMemoryLimit(p.budget)
	}
}
