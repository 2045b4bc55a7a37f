package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/prfaq-lsp/prfaq-lsp/diagnostics"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(stderr)
	title := fl.String("title", "", "the headline")
	force := fl.Bool("force", false, "overwrite an existing file")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	text := diagnostics.DocumentSkeleton(*title)
	switch fl.NArg() {
	case 0:
		fmt.Fprint(stdout, text)
		return 0
	case 1:
	default:
		fmt.Fprintln(stderr, "prfaq new: name one file")
		return 2
	}
	path := fl.Arg(0)
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if *force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(stderr, "prfaq new: %s exists; use --force to overwrite it\n", path)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "prfaq new:", err)
		return 2
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		fmt.Fprintln(stderr, "prfaq new:", err)
		return 2
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(stderr, "prfaq new:", err)
		return 2
	}
	fmt.Fprintf(stderr, "wrote %s; run `prfaq check %s` as you fill it in\n", path, path)
	return 0
}
