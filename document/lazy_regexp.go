package document

import (
	"regexp"
	"sync"
)

// LazyRegexp is a regular expression compiled on first use, as gopls's
// lazyregexp. The reading and the rules hold many expressions for nine
// languages, most documents need few of them, and compiling all at start-up
// cost a `prfaq check` of one short document more than checking it (an
// editor such as Vim's ALE starts the command line for every check).
type LazyRegexp struct {
	expr string
	once sync.Once
	rx   *regexp.Regexp
}

// lazyRegexps are all made, so a test can compile each (a bad expression
// would otherwise fail only on the document that needs it).
var lazyRegexps []*LazyRegexp

// NewLazyRegexp returns expr, to be compiled when it is first used. Call it
// only for package-level variables.
func NewLazyRegexp(expr string) *LazyRegexp {
	r := &LazyRegexp{expr: expr}
	lazyRegexps = append(lazyRegexps, r)
	return r
}

// LazyRegexps are every expression made with NewLazyRegexp.
func LazyRegexps() []string {
	out := make([]string, len(lazyRegexps))
	for i, r := range lazyRegexps {
		out[i] = r.expr
	}
	return out
}

// Regexp is the compiled expression.
func (r *LazyRegexp) Regexp() *regexp.Regexp {
	r.once.Do(func() { r.rx = regexp.MustCompile(r.expr) })
	return r.rx
}

func (r *LazyRegexp) MatchString(s string) bool  { return r.Regexp().MatchString(s) }
func (r *LazyRegexp) FindString(s string) string { return r.Regexp().FindString(s) }
func (r *LazyRegexp) FindStringIndex(s string) []int {
	return r.Regexp().FindStringIndex(s)
}
func (r *LazyRegexp) FindIndex(b []byte) []int { return r.Regexp().FindIndex(b) }
func (r *LazyRegexp) FindStringSubmatch(s string) []string {
	return r.Regexp().FindStringSubmatch(s)
}
func (r *LazyRegexp) FindStringSubmatchIndex(s string) []int {
	return r.Regexp().FindStringSubmatchIndex(s)
}
func (r *LazyRegexp) FindAllStringIndex(s string, n int) [][]int {
	return r.Regexp().FindAllStringIndex(s, n)
}
func (r *LazyRegexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.Regexp().FindAllStringSubmatchIndex(s, n)
}
func (r *LazyRegexp) ReplaceAllString(src, repl string) string {
	return r.Regexp().ReplaceAllString(src, repl)
}
func (r *LazyRegexp) Split(s string, n int) []string { return r.Regexp().Split(s, n) }
