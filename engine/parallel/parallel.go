// Package parallel splits work on n items into consecutive shares, one per
// core, so that each share's results land at their items' indexes and the
// outcome is the same whatever the number of cores.
package parallel

import (
	"runtime"
	"sync"
)

// Shares is how many shares Each makes of n items, each of at least least
// items: one per core, fewer when there are too few items (never fewer
// than one).
func Shares(n, least int) int {
	return min(runtime.GOMAXPROCS(0), max(n/max(least, 1), 1))
}

// Each calls work once per share of Shares(n, least), with the share's
// number and its items [from, to), all at once, and waits for them.
func Each(n, least int, work func(share, from, to int)) {
	shares := Shares(n, least)
	var wg sync.WaitGroup
	for p := range shares {
		wg.Go(func() { work(p, p*n/shares, (p+1)*n/shares) })
	}
	wg.Wait()
}
