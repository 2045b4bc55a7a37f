package diagnostics

import (
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

var prfaqName = regexp.MustCompile(`(?i)(prfaq|pr-faq|pr_faq)[^/\\]*\.(md|markdown)$`)

// IsPRFAQ decides whether a document gets findings: front matter
// "prfaq: true|false" wins; then the file name (*prfaq*.md, *pr-faq*.md,
// *pr_faq*.md, any case); then the configured globs; then the content (press
// release parts and an FAQ heading).
func (c *Config) IsPRFAQ(doc *document.Document) bool {
	if v, ok := doc.FrontMatter.Bool("prfaq"); ok {
		return v
	}
	name := filepath.ToSlash(doc.Path)
	if prfaqName.MatchString(path.Base(name)) {
		return true
	}
	for _, g := range c.Files {
		if MatchGlob(g, name) {
			return true
		}
	}
	return doc.LooksLikePRFAQ()
}

// MatchGlob matches a slash path against a glob where "**" spans folders. A
// glob without a slash matches the base name; one with a slash matches the
// path's tail.
func MatchGlob(glob, name string) bool {
	glob = filepath.ToSlash(glob)
	if !strings.Contains(glob, "/") {
		ok, _ := path.Match(glob, path.Base(name))
		return ok
	}
	re := globRegexp(strings.TrimPrefix(glob, "./"))
	return re.MatchString(name)
}

func globRegexp(glob string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString(`(^|/)`)
	for i := 0; i < len(glob); i++ {
		switch c := glob[i]; c {
		case '*':
			if i+1 < len(glob) && glob[i+1] == '*' {
				b.WriteString(`.*`)
				i++
				if i+1 < len(glob) && glob[i+1] == '/' {
					i++
					b.WriteString(`/?`)
				}
			} else {
				b.WriteString(`[^/]*`)
			}
		case '?':
			b.WriteString(`[^/]`)
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString(`$`)
	return regexp.MustCompile(b.String())
}
