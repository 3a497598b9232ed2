package report

import (
	"compress/gzip"
	"fmt"
	"io"
	"runtime"
	"sort"
	"sync"

	"github.com/fiscguard/fiscguard/engine/finding"
	"github.com/fiscguard/fiscguard/engine/i18n"
	"github.com/fiscguard/fiscguard/engine/rule"
)

// sarifLimits are GitHub code scanning's: it rejects a run of more than
// 25,000 results and an upload of more than 10 MB gzipped.
var sarifLimits = struct{ results, gzipped int }{results: 25_000, gzipped: 10_000_000}

var leftOutNote = i18n.Text{
	En: "%d of the %d results are left out to stay within GitHub code scanning's limits (%d results, 10 MB gzipped): the most severe are kept; --format json has them all.",
	Ja: "GitHub code scanning の上限（%[3]d件、gzip圧縮で10 MB）に収めるため、%[2]d件の結果のうち%[1]d件を省いた。重大度の高いものを残している。すべての結果は --format json にある。",
}

// withinLimits encodes the log of run with the results of as many of the
// findings fs (in order) as GitHub accepts; result builds a finding's
// result. When some must be left out, the most severe are kept, in their
// order, and a notification of the run says how many are left out and
// where they all are.
func withinLimits(run *sarifRun, fs []*finding.Finding, result func(*finding.Finding) sarifResult, lang i18n.Lang) ([][]byte, error) {
	notes := run.Invocations[0].ToolExecutionNotifications
	keep := min(len(fs), sarifLimits.results)
	shown := fs
	var rank []int // fs most severe first, ranked once some must be left out
	for {
		if keep < len(fs) {
			if rank == nil {
				rank = severityRank(fs)
			}
			shown = mostSevere(fs, rank, keep)
		}
		run.Invocations[0].ToolExecutionNotifications = notes
		run.Properties.ResultsLeftOut = len(fs) - keep
		if left := len(fs) - keep; left > 0 {
			run.Invocations[0].ToolExecutionNotifications = append(notes, sarifNotification{Level: "warning",
				Message: sarifMessage{Text: fmt.Sprintf(leftOutNote.In(lang), left, len(fs), sarifLimits.results)}})
		}
		pieces, err := encodeSARIF(run, shown, result)
		if err != nil {
			return nil, err
		}
		size := gzippedSize(pieces)
		if size <= sarifLimits.gzipped || keep == 0 {
			return pieces, nil
		}
		// Results are about the same size: cut in proportion, with room.
		keep = max(0, min(keep-1, int(float64(keep)*0.95*float64(sarifLimits.gzipped)/float64(size))))
	}
}

// severityRank returns the indexes of the findings fs most severe first: by
// severity, a failure before an inconclusive result, a waived one last,
// else in order.
func severityRank(fs []*finding.Finding) []int {
	rank := make([]int, len(fs))
	for i := range rank {
		rank[i] = i
	}
	sort.SliceStable(rank, func(a, b int) bool {
		x, y := fs[rank[a]], fs[rank[b]]
		if (x.Waiver == nil) != (y.Waiver == nil) {
			return x.Waiver == nil
		}
		if x.Rule.Severity != y.Rule.Severity {
			return x.Rule.Severity > y.Rule.Severity
		}
		return x.Status == rule.StatusFail && y.Status != rule.StatusFail
	})
	return rank
}

// mostSevere returns the first n findings of fs in the order rank (see
// severityRank), in their own order.
func mostSevere(fs []*finding.Finding, rank []int, n int) []*finding.Finding {
	kept := make([]bool, len(fs))
	for _, i := range rank[:n] {
		kept[i] = true
	}
	shown := make([]*finding.Finding, 0, n)
	for i, f := range fs {
		if kept[i] {
			shown = append(shown, f)
		}
	}
	return shown
}

// gzippedSize is the size of the log, in pieces, gzipped as GitHub's
// upload gzips it, found cheaply when the log is small or compresses well
// enough at once.
func gzippedSize(pieces [][]byte) int {
	size := 0
	for _, p := range pieces {
		size += len(p)
	}
	if size <= sarifLimits.gzipped {
		return size // SARIF's JSON only shrinks when gzipped
	}
	if n := gzipSpeedLen(pieces); n <= sarifLimits.gzipped {
		return n // the default level, over the whole, compresses at least as well
	}
	return gzipLen(gzip.DefaultCompression, pieces...)
}

// gzipSpeedLen is the size of the pieces each gzipped at the fastest level,
// a core each at once.
func gzipSpeedLen(pieces [][]byte) int {
	sizes := make([]int, len(pieces))
	next := make(chan int, len(pieces))
	for i := range pieces {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(pieces)) {
		wg.Go(func() {
			// One writer per core, reset for each piece: a writer is over
			// a MiB of state, more than most pieces.
			zw, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
			for i := range next {
				sizes[i] = gzippedLen(zw, pieces[i])
			}
		})
	}
	wg.Wait()
	n := 0
	for _, size := range sizes {
		n += size
	}
	return n
}

// gzipLen is the size of the pieces gzipped together at level.
func gzipLen(level int, pieces ...[]byte) int {
	zw, _ := gzip.NewWriterLevel(io.Discard, level)
	return gzippedLen(zw, pieces...)
}

// gzippedLen is the size of the pieces gzipped together by zw, reset.
func gzippedLen(zw *gzip.Writer, pieces ...[]byte) int {
	var n counter
	zw.Reset(&n)
	for _, p := range pieces {
		_, _ = zw.Write(p)
	}
	_ = zw.Close()
	return int(n)
}

// counter is a writer that only counts.
type counter int

func (c *counter) Write(p []byte) (int, error) {
	*c += counter(len(p))
	return len(p), nil
}
