package heaplimit

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestFollow: the limit is the floor while the live heap is small, and
// follows the live heap once factor × it is above the floor; after stop it
// is left alone.
func TestFollow(t *testing.T) {
	limit := debug.SetMemoryLimit(math.MaxInt64)
	defer debug.SetMemoryLimit(limit)
	const floor = 64 << 20
	runtime.GC()
	stop := Follow(floor, 1.25)
	if got := debug.SetMemoryLimit(-1); got != floor {
		t.Errorf("memory limit = %d, want the floor, %d", got, floor)
	}
	live := make([][]byte, 0, 96)
	for range 96 {
		live = append(live, make([]byte, 1<<20))
	}
	want := int64(1.25 * 96 << 20)
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC()
		if got := debug.SetMemoryLimit(-1); got >= want {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("with 96 MiB live the memory limit is %d, want at least %d", got, want)
		}
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(live)
	stop()
	debug.SetMemoryLimit(math.MaxInt64)
	runtime.GC()
	time.Sleep(50 * time.Millisecond)
	runtime.GC()
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("after stop the limit is %d, want it left alone", got)
	}
}
