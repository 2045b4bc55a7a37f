package diagnostics

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// A huge .prfaq.yaml (here a sparse 1 GiB file) is refused by its size
// without being read into memory: LoadFile reads at most one byte more
// than the limit.
func TestLoadFileHugeNotRead(t *testing.T) {
	file := filepath.Join(t.TempDir(), ConfigFileName)
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Skipf("cannot make a sparse file: %v", err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err = Default().LoadFile(file)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("LoadFile = %v, want a size error", err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 64<<20 {
		t.Errorf("LoadFile allocated %d MiB for a file it refuses", got>>20)
	}
}
