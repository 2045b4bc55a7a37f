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
	kept keptAnswers // KeptSubmatchIndex's
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

// KeptSubmatchIndex is FindStringSubmatchIndex for a text the reading asks
// about again on every keystroke (a paragraph's label line, a quote's
// speaker, a summary's opening, all unchanged by an edit elsewhere): the
// answers for the texts asked about lately are kept. The slice is shared;
// do not change it.
func (r *LazyRegexp) KeptSubmatchIndex(s string) []int {
	return r.kept.get(s, r.Regexp().FindStringSubmatchIndex)
}

// keptAnswers holds an expression's answers by text, in two generations of
// up to keptTexts each: what was asked since the last turn over and what was
// asked before it. A text asked again on every keystroke stays; one that is
// gone from the document is dropped after two turns.
type keptAnswers struct {
	mu          sync.Mutex
	now, before map[string][]int
}

const keptTexts = 256

func (k *keptAnswers) get(s string, find func(string) []int) []int {
	k.mu.Lock()
	loc, ok := k.now[s]
	if !ok {
		if loc, ok = k.before[s]; ok {
			k.put(s, loc)
		}
	}
	k.mu.Unlock()
	if ok {
		return loc
	}
	loc = find(s)
	k.mu.Lock()
	k.put(s, loc)
	k.mu.Unlock()
	return loc
}

func (k *keptAnswers) put(s string, loc []int) {
	if len(k.now) >= keptTexts {
		k.before, k.now = k.now, nil
	}
	if k.now == nil {
		k.now = make(map[string][]int, keptTexts)
	}
	k.now[s] = loc
}
