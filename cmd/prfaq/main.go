// Command prfaq checks PR/FAQ documents from the command line and in CI with
// the same engine the language server uses.
//
//	prfaq check [--format text|json|sarif|github|markdown] [--fail-on LEVEL] [--config FILE] [--base REV] [--fix] PATH...
//	prfaq diff [--format text|json|markdown] [--fail-on LEVEL] [--config FILE] OLD NEW
//	prfaq allow [--config FILE] WORD...
//	prfaq rules [--markdown] [ID]
//	prfaq new [--title T] [--force] [FILE]
//	prfaq outline [--format text|json] [--explain] FILE
//	prfaq version
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/prfaq-lsp/prfaq-lsp/cmd/internal/version"
)

const usage = `prfaq checks Amazon-style PR/FAQ documents.

Usage:
  prfaq check [--format text|json|sarif|github|markdown] [--fail-on error|warning|information|hint|never]
              [--config FILE] [--base REV] [--fix] PATH...
                                    check PR/FAQs; markdown is a pull-request comment; --base REV
                                    reports what is new, fixed and remaining since git revision REV;
                                    --fix applies the safe fixes (jargon, weasel words, question marks…)
                                    to the files and reports what is left
  prfaq diff [--format text|json|markdown] [--fail-on LEVEL] [--config FILE] OLD NEW
                                    what the NEW draft fixed, introduced and left of OLD's findings
  prfaq allow [--config FILE] WORD...   allow words or phrases in the nearest .prfaq.yaml
                                    (or a new one in this folder)
  prfaq rules [--markdown] [ID]     list the rules, or explain one
  prfaq new [--title T] [--force] [FILE]   write a PR/FAQ skeleton (to stdout without FILE)
  prfaq outline [--format text|json] [--explain] FILE
                                    show the parts and questions prfaq recognises, and how
  prfaq version

Exit status of check: 0 when nothing reaches --fail-on (default warning), 1 when something
does (with --base, and for diff: something new), 2 on usage or I/O errors.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: tests call it directly.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "diff":
		return runDiff(args[1:], stdout, stderr)
	case "rules":
		return runRules(args[1:], stdout, stderr)
	case "allow":
		return runAllow(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "outline":
		return runOutline(args[1:], stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "prfaq", version.String())
		return 0
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "prfaq: unknown command %q\n\n%s", args[0], usage)
	return 2
}
