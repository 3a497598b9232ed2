package scan

import (
	"context"
	"fmt"
	"runtime/metrics"
	"strings"
	"time"

	"github.com/fiscguard/fiscguard/engine/inputfile"
	"github.com/fiscguard/fiscguard/engine/model"
)

// DefaultMemoryLimit is a scan's memory budget when Options.MemoryLimit is
// zero: what a CI runner can spare.
const DefaultMemoryLimit = 2 << 30

// memoryInterval is how often the budget is checked.
const memoryInterval = 10 * time.Millisecond

// watchMemory holds a scan to its memory budget. Go's soft limit makes the
// garbage collector work harder as the heap nears it; past it, the
// watchdog cancels ctx with an input error, so the scan stops with a clear
// message before the kernel's OOM killer ends it without one. The watchdog
// also tells the pacer how much of the heap is live. stop ends the watch
// and restores the collector's settings once no scan runs.
func watchMemory(ctx context.Context, limit int64, name string) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	pacing.acquire(limit)
	done := make(chan struct{})
	go func() {
		samples := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}, {Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(memoryInterval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				metrics.Read(samples)
				if used := int64(samples[0].Value.Uint64() - samples[1].Value.Uint64()); used > limit {
					cancel(&model.InputError{File: name, Msg: fmt.Sprintf("the scan needed more than %s of memory and was stopped (an input that builds a huge value? --memory-limit sets the budget)", inputfile.Size(limit))})
					return
				}
				pacing.observe(samples[2].Value.Uint64())
			}
		}
	}()
	return ctx, func() {
		close(done)
		cancel(nil)
		pacing.release()
	}
}

// bounded runs work, which reads or evaluates input, in its own goroutine
// within the time limit and until ctx ends (the memory budget cancels it).
// A panic in work is recovered into an internal error. When the limit or
// ctx ends first, work is abandoned: the process is about to exit.
func bounded[T any](ctx context.Context, limit time.Duration, stopped func() error, work func() (T, error)) (T, error) {
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if v := recover(); v != nil {
				r.err = &model.InternalError{Msg: panicText(v)}
			}
			done <- r
		}()
		r.v, r.err = work()
	}()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	var zero T
	select {
	case r := <-done:
		return r.v, r.err
	case <-timer.C:
		return zero, stopped()
	case <-ctx.Done():
		return zero, context.Cause(ctx)
	}
}

// panicText is a recovered panic's value on one line, cut short: a panic
// is reported, never its stack.
func panicText(v any) string {
	s := strings.Join(strings.Fields(fmt.Sprint(v)), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}
