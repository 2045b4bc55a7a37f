package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/prfaq-lsp/prfaq-lsp/cmd/internal/heaplimit"
	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// smallCheck is the most input, in bytes, that tuneGC lets the heap grow
// for: a check of that much keeps a few tens of megabytes at most.
const smallCheck = 4 << 20

// tuneGC raises GOGC for a check of small files, as an editor's linter
// runs it on every save: the collector starts at a 4 MB heap and runs
// every time it doubles, and on the corpus (1 MB of Markdown) its handful
// of runs cost a fifth of the instructions of the check. An explicit GOGC
// wins.
//
// A large input gets a soft memory limit instead, so that the heap does
// not grow to twice the live model: bigCheckBudget times the input (the
// memory budget of a check), or bigCheckLive times the live heap once that
// is more (heaplimit.Follow). Most of a check's garbage is the goldmark
// trees of sections already read, and with GOGC=100 alone the
// 400,000-question document (13.9 MB, 322 MB of model) peaked at 530–560
// MiB resident; the collector runs a few more times near the end instead.
// An explicit GOMEMLIMIT wins. It returns what restores the settings.
func tuneGC(files []string) (restore func()) {
	size := int64(0)
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			size += st.Size()
		}
	}
	if size <= smallCheck {
		if os.Getenv("GOGC") != "" {
			return func() {}
		}
		old := debug.SetGCPercent(800)
		return func() { debug.SetGCPercent(old) }
	}
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	old := debug.SetMemoryLimit(-1)
	stop := heaplimit.Follow(bigCheckBudget*size, bigCheckLive)
	return func() { stop(); debug.SetMemoryLimit(old) }
}

// The memory limit of a large check: 34 times the input, which is issue
// 12's budget of 30 times for the heap and some 15 % more for the runtime's
// own memory, which the limit counts (free spans, the unused ends of spans,
// metadata); or 1.35 times the live heap when that is more, which leaves
// the collector about a fifth of the live heap of garbage between runs.
// With 30 times, the 400,000-question document's last collections had 40
// to 60 MB of room each and cost a fifth more instructions.
const (
	bigCheckBudget = 34
	bigCheckLive   = 1.35
)

// fileResult is one checked file.
type fileResult struct {
	Path     string
	PRFAQ    bool
	Doc      *document.Document
	Findings []diagnostics.Finding
	Err      error
	// Checked says the rules ran: the file is a PR/FAQ or was named.
	Checked bool
	Config  *diagnostics.Config
	// Base compares Findings with the file at --base; nil without it.
	Base *baseComparison
}

// maxFileSize bounds what check reads; PR/FAQs are a few pages.
const maxFileSize = 32 << 20

func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	format := fl.String("format", "text", "output format: text, json, sarif, github or markdown (a pull-request comment)")
	failOn := fl.String("fail-on", "warning", "lowest severity that fails the check: error, warning, information, hint or never")
	configFile := fl.String("config", "", "configuration file (default: the .prfaq.yaml above each file)")
	baseRev := fl.String("base", "", "compare each file with its version at this git revision; report what is new, fixed and remaining")
	maxFindings := fl.Int("max-findings", -1, fmt.Sprintf("findings shown per rule and file, then one that says how many more (default: max-findings of the configuration, else %d; 0: all)", diagnostics.DefaultMaxFindings))
	fix := fl.Bool("fix", false, "apply the safe fixes to the files, then report what is left")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	threshold, err := parseFailOn(*failOn)
	if err != nil {
		fmt.Fprintln(stderr, "prfaq check:", err)
		return 2
	}
	switch *format {
	case "text", "json", "sarif", "github", "markdown":
	default:
		fmt.Fprintf(stderr, "prfaq check: unknown format %q (want text, json, sarif, github or markdown)\n", *format)
		return 2
	}
	if fl.NArg() == 0 {
		fmt.Fprintln(stderr, "prfaq check: name at least one file or directory")
		return 2
	}
	base := diagnostics.Default()
	explicitConfig := *configFile != ""
	if explicitConfig {
		if err := base.LoadFile(*configFile); err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				fmt.Fprintln(stderr, "prfaq check:", err)
				return 2
			}
			fmt.Fprintln(stderr, "prfaq check: configuration:", err, "(defaults apply to those keys)")
		}
	}

	targets, explicit, ioErrs := collect(fl.Args())
	defer tuneGC(targets)()
	results := checkAll(targets, explicit, base, explicitConfig, *maxFindings, stderr)
	if *fix {
		results = fixFiles(results, base, explicitConfig, *maxFindings, stderr)
	}
	results = append(results, ioErrs...)
	sort.Slice(results, func(i, j int) bool { return results[i].Path < results[j].Path })
	if *baseRev != "" {
		return checkAgainstBase(results, *baseRev, *format, threshold, stdout, stderr)
	}

	switch *format {
	case "text":
		writeText(stdout, results)
		fmt.Fprintln(stderr, checkSummary(results))
	case "markdown":
		writeReviewMarkdown(stdout, results, "")
	case "json":
		writeJSON(stdout, results)
	case "sarif":
		writeSARIF(stdout, results)
	case "github":
		writeGitHub(stdout, results)
	}
	code := 0
	for _, r := range results {
		if r.Err != nil {
			if *format != "text" {
				fmt.Fprintf(stderr, "%s: %v\n", r.Path, r.Err)
			}
			code = 2
		}
	}
	if code == 0 && failed(results, threshold) {
		code = 1
	}
	return code
}

func parseFailOn(s string) (diagnostics.Severity, error) {
	if s == "never" {
		return diagnostics.Off, nil
	}
	sev, err := diagnostics.ParseSeverity(s)
	if err != nil || sev == diagnostics.Off {
		return 0, fmt.Errorf("unknown --fail-on %q (want error, warning, information, hint or never)", s)
	}
	return sev, nil
}

func failed(results []fileResult, threshold diagnostics.Severity) bool {
	if threshold == diagnostics.Off {
		return false
	}
	for _, r := range results {
		for _, f := range r.Findings {
			if f.Severity <= threshold {
				return true
			}
		}
	}
	return false
}

var skipDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true, ".hg": true, ".svn": true}

// collect expands directories into their Markdown files. Files named on the
// command line are explicit: they are checked even when they do not look
// like PR/FAQs.
func collect(paths []string) (files []string, explicit map[string]bool, errs []fileResult) {
	explicit = map[string]bool{}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, fileResult{Path: p, Err: err})
			continue
		}
		if !st.IsDir() {
			files = append(files, p)
			explicit[p] = true
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fileResult{Path: path, Err: err})
				return nil
			}
			if d.IsDir() {
				if path != p && skipDirs[d.Name()] {
					return filepath.SkipDir
				}
				return nil
			}
			if ext := strings.ToLower(filepath.Ext(path)); ext == ".md" || ext == ".markdown" {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, fileResult{Path: p, Err: err})
		}
	}
	return files, explicit, errs
}

// checkAll checks files in parallel, one worker per CPU.
// maxFindings, when not negative, overrides the configuration's.
func checkAll(files []string, explicit map[string]bool, base *diagnostics.Config, fixedConfig bool, maxFindings int, stderr io.Writer) []fileResult {
	results := make([]fileResult, len(files))
	var reported sync.Map // config files whose errors were printed
	var mu sync.Mutex     // serialises stderr
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				cfg := base
				if !fixedConfig {
					c, cfgPath, err := diagnostics.ForFile(base, files[i])
					cfg = c
					if err != nil {
						if _, seen := reported.LoadOrStore(cfgPath, true); !seen {
							mu.Lock()
							fmt.Fprintln(stderr, "prfaq check: configuration:", err, "(defaults apply to those keys)")
							mu.Unlock()
						}
					}
				}
				if maxFindings >= 0 && cfg.MaxFindings != maxFindings {
					cfg = cfg.Clone()
					cfg.MaxFindings = maxFindings
				}
				results[i] = checkFile(files[i], explicit[files[i]], cfg)
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

func checkFile(path string, explicit bool, cfg *diagnostics.Config) fileResult {
	r := fileResult{Path: path, Config: cfg}
	src, err := readText(path)
	if err != nil {
		r.Err = err
		return r
	}
	r.Doc = document.Parse(path, src)
	r.PRFAQ = cfg.IsPRFAQ(r.Doc)
	if r.PRFAQ || explicit {
		r.Checked = true
		r.Findings = diagnostics.Lint(r.Doc, cfg)
	} else {
		r.Findings = []diagnostics.Finding{}
	}
	return r
}

// readText reads a text file, refusing binary, non-UTF-8 and huge files
// with a clear reason.
func readText(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > maxFileSize {
		return nil, fmt.Errorf("file is %d bytes, larger than the %d-byte limit", st.Size(), maxFileSize)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if err := refuseNonText(src); err != nil {
		return nil, err
	}
	return src, nil
}

// refuseNonText says why src is not text prfaq can check: binary or not UTF-8.
func refuseNonText(src []byte) error {
	head := src
	if len(head) > 8000 {
		head = head[:8000]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return errors.New("binary file (contains NUL bytes); not checked")
	}
	if !utf8.Valid(src) {
		return fmt.Errorf("not valid UTF-8 (first bad byte at offset %d); save it as UTF-8", firstInvalid(src))
	}
	return nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
