package parallel

import (
	"runtime"
	"testing"
)

// TestEachCoversEveryItemOnce: the shares are consecutive, cover [0, n)
// exactly, and are no more than the cores nor smaller than asked (but for
// a single share of too few items).
func TestEachCoversEveryItemOnce(t *testing.T) {
	cores := runtime.GOMAXPROCS(4)
	defer runtime.GOMAXPROCS(cores)
	for _, tt := range []struct{ n, least, shares int }{
		{0, 1, 1}, {1, 1, 1}, {3, 1, 3}, {10, 1, 4}, {10, 1000, 1}, {2500, 1000, 2}, {100000, 1000, 4},
	} {
		seen := make([]int, tt.n)
		bounds := make([][2]int, Shares(tt.n, tt.least))
		Each(tt.n, tt.least, func(share, from, to int) {
			bounds[share] = [2]int{from, to}
			for i := from; i < to; i++ {
				seen[i]++
			}
		})
		if len(bounds) != tt.shares {
			t.Errorf("n=%d least=%d: %d shares, want %d", tt.n, tt.least, len(bounds), tt.shares)
		}
		for i, c := range seen {
			if c != 1 {
				t.Errorf("n=%d least=%d: item %d worked on %d times", tt.n, tt.least, i, c)
			}
		}
		for p := 1; p < len(bounds); p++ {
			if bounds[p][0] != bounds[p-1][1] {
				t.Errorf("n=%d least=%d: shares %v are not consecutive", tt.n, tt.least, bounds)
			}
		}
	}
}
