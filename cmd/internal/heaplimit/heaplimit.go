// Package heaplimit sets a soft memory limit (runtime/debug.SetMemoryLimit)
// that follows the live heap: a floor while the live heap is small, a
// multiple of it once it is larger, set again after every collection. The
// collector then runs more often near the limit instead of letting the heap
// grow to twice the live data (GOGC=100), and a program whose live data
// outgrows the floor raises the limit rather than making the collector run
// without end.
package heaplimit

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Follow sets the limit to max(floor, factor × the live heap) now and after
// every collection, until stop is called; once stop returns, the limit is
// not set again (a cleanup already past its check would otherwise set it
// after the caller's own, as TestFollow saw under load).
func Follow(floor int64, factor float64) (stop func()) {
	var mu sync.Mutex
	stopped := false
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	set := func() {
		metrics.Read(sample)
		live := int64(0)
		if sample[0].Value.Kind() == metrics.KindUint64 {
			live = int64(sample[0].Value.Uint64())
		}
		debug.SetMemoryLimit(max(floor, int64(factor*float64(live))))
	}
	type tick struct{ _ *int } // has a pointer: never a tiny allocation
	var arm func()
	arm = func() {
		// a cleanup on an object nobody holds runs once the collector has
		// found it unreachable: after each collection
		runtime.AddCleanup(new(tick), func(struct{}) {
			mu.Lock()
			defer mu.Unlock()
			if !stopped {
				set()
				arm()
			}
		}, struct{}{})
	}
	set()
	arm()
	return func() {
		mu.Lock()
		stopped = true
		mu.Unlock()
	}
}
