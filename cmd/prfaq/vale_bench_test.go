package main

import (
	"fmt"
	"github.com/prfaq-lsp/prfaq-lsp/cmd/internal/benchdoc"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// BenchmarkCompareVale runs the built `prfaq check` and Vale 3.20 side by
// side on the same generated PR/FAQs, whole processes with JSON output,
// alternating within each iteration so that both see the same machine.
// Vale checks the style in testdata/vale: three existence rules (hype,
// weasel words, placeholders). It reports, per tool, the median wall time,
// the median CPU time (user + system, from the kernel's accounting of the
// child) and the peak resident memory.
//
//	go install github.com/vale-cli/vale/v3/cmd/vale@v3.20.0
//	go test ./cmd/prfaq -run '^$' -bench CompareVale -benchtime 5x
//
// The last document is the 14 MB one with 400,000 questions of
// BenchmarkCheck, for prfaq alone. Without vale on PATH (or VALE naming it), only prfaq is measured.
func BenchmarkCompareVale(b *testing.B) {
	prfaq := buildPrfaq(b)
	vale := os.Getenv("VALE")
	if vale == "" {
		vale, _ = exec.LookPath("vale")
	}
	config, err := filepath.Abs("testdata/vale/.vale.ini")
	if err != nil {
		b.Fatal(err)
	}
	docs := []struct {
		name string
		src  []byte
	}{
		{"words=800", []byte(benchdoc.PRFAQ(800))},
		{"words=4000", []byte(benchdoc.PRFAQ(4000))},
		{"words=40000", []byte(benchdoc.PRFAQ(40000))},
		{"words=400000", []byte(benchdoc.PRFAQ(400000))},
		{"questions=400000", manyQuestions(400000)},
	}
	for _, doc := range docs {
		path := filepath.Join(b.TempDir(), "launch.prfaq.md")
		if err := os.WriteFile(path, doc.src, 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(doc.name, func(b *testing.B) {
			tools := []struct {
				name string
				args []string
			}{
				{"prfaq", []string{prfaq, "check", "--format", "json", "--fail-on", "never", path}},
			}
			if vale != "" && words(doc.name) {
				tools = append(tools, struct {
					name string
					args []string
				}{"vale", []string{vale, "--config", config, "--output", "JSON", "--no-exit", path}})
			}
			wall := make([][]time.Duration, len(tools))
			cpu := make([][]time.Duration, len(tools))
			rss := make([]int64, len(tools))
			for i := range rss {
				rss[i] = -1
			}
			for b.Loop() {
				for i, t := range tools {
					w, c, r := runOnce(b, t.args)
					wall[i], cpu[i] = append(wall[i], w), append(cpu[i], c)
					rss[i] = max(rss[i], r)
				}
			}
			for i, t := range tools {
				b.ReportMetric(median(wall[i]), t.name+"-ms")
				b.ReportMetric(median(cpu[i]), t.name+"-cpu-ms")
				if rss[i] >= 0 {
					b.ReportMetric(float64(rss[i])/1024, t.name+"-rss-MiB")
				}
			}
			if len(tools) == 2 {
				b.ReportMetric(median(wall[1])/median(wall[0]), "vale/prfaq-time")
			}
		})
	}
}

// words reports a document of the comparison; Vale is not run on
// the one with 400,000 questions (it took over 5 minutes for one run).
func words(name string) bool { return strings.HasPrefix(name, "words=") }

// runOnce runs args to the end and returns its wall time, CPU time and
// peak resident memory in KiB. The peak comes from GNU time (-1 without
// it): the kernel's figure for a child the test starts itself is at least
// the test process's own, which Go's vfork-style exec hands over.
func runOnce(b *testing.B, args []string) (wall, cpu time.Duration, rssKiB int64) {
	rssKiB = -1
	var report string
	if _, err := os.Stat(gnuTime); err == nil {
		report = filepath.Join(b.TempDir(), "time")
		args = append([]string{gnuTime, "-f", "%M", "-o", report}, args...)
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = nil, nil // to /dev/null: output is not measured
	t0 := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s: %v", filepath.Base(args[0]), err)
	}
	wall = time.Since(t0)
	cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if report != "" {
		out, err := os.ReadFile(report)
		if err != nil {
			b.Fatal(err)
		}
		fields := strings.Fields(string(out))
		if len(fields) > 0 {
			rssKiB, _ = strconv.ParseInt(fields[len(fields)-1], 10, 64)
		}
	}
	return wall, cpu, rssKiB
}

const gnuTime = "/usr/bin/time"

func median(d []time.Duration) float64 {
	s := slices.Clone(d)
	slices.Sort(s)
	return float64(s[len(s)/2].Microseconds()) / 1000
}

var (
	buildPrfaqOnce sync.Once
	prfaqBinary    string
	prfaqBuildErr  error
)

// buildPrfaq builds the command once per test binary.
func buildPrfaq(b *testing.B) string {
	buildPrfaqOnce.Do(func() {
		dir, err := os.MkdirTemp("", "prfaq-bench")
		if err != nil {
			prfaqBuildErr = err
			return
		}
		prfaqBinary = filepath.Join(dir, "prfaq")
		goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
		if out, err := exec.Command(goTool, "build", "-o", prfaqBinary, ".").CombinedOutput(); err != nil {
			prfaqBuildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if prfaqBuildErr != nil {
		b.Fatal(prfaqBuildErr)
	}
	return prfaqBinary
}
