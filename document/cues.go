package document

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// Cue words: what a paragraph's own words say about the part it is (a
// problem, a solution, a call to action), for the alignment (align.go) and
// for telling a stakeholder's FAQ question from a customer's (faq.go). The
// words are data in vocabulary.go.

var (
	problemCue  = cueRe(problemCues)
	solutionCue = cueRe(solutionCues)
	followOnCue = cueRe(followOnCues)
	ctaCue      = cueRe(ctaCues)
	// ctaClosing: a last paragraph that says when or where to get it
	ctaClosing = cueRe(ctaClosingCues)
)

// cueSet matches any of its pieces. Each piece is its own small regular
// expression, tried only when the literal it starts with is in the text: one
// alternation of every piece made the NFA walk all of them on every paragraph.
type cueSet struct {
	words  map[string]bool // pieces that are one plain word, found by a look-up per word of the text
	pieces []*cuePiece
	// byStart holds the pieces whose literal opens with a letter, by its
	// first byte and first two bytes: matchPieces tries at each word start
	// only the pieces that can begin there, instead of searching the text
	// once per piece. anywhere holds the others (CJK, no literal).
	byStart  map[string][]*cuePiece
	anywhere []*cuePiece
}

type cuePiece struct {
	lit  string // lower-case literal the piece starts with ("" when it opens with a group)
	expr string
	// plain: the piece is lit itself, a word or phrase, matched without the
	// regular expression (prefix: lit may go on, as in "struggl\w*")
	plain, prefix bool
	// re and at (re anchored, tried where lit occurs) are compiled on first
	// use: most pieces are plain or never tried on a given document, and
	// compiling every piece of every language was most of the command
	// line's start-up
	once   sync.Once
	re, at *regexp.Regexp
}

func (p *cuePiece) regexps() (re, at *regexp.Regexp) {
	p.once.Do(func() {
		p.re, p.at = regexp.MustCompile(p.expr), regexp.MustCompile(`^`+p.expr)
	})
	return p.re, p.at
}

func cueRe(pieces []string) cueSet {
	set := cueSet{words: map[string]bool{}}
	for _, p := range pieces {
		p = strings.ReplaceAll(p, "'", "['’]") // "that’s why" as well as "that's why"
		cp := &cuePiece{lit: leadingLiteral(p), expr: cueExpr(p)}
		rest := p[len(cp.lit):]
		cp.plain = cp.lit != "" && !Spaceless(p) && (rest == "" || rest == `\w*`) && cp.lit == strings.ToLower(p[:len(cp.lit)])
		cp.prefix = rest == `\w*`
		if cp.plain && !cp.prefix && !strings.ContainsAny(cp.lit, " -") {
			set.words[cp.lit] = true
			continue
		}
		set.pieces = append(set.pieces, cp)
	}
	set.byStart = map[string][]*cuePiece{}
	for _, cp := range set.pieces {
		if cp.lit == "" || Spaceless(cp.lit) || !isCueWordRune(firstRune(cp.lit)) {
			set.anywhere = append(set.anywhere, cp)
			continue
		}
		key := cp.lit[:min(2, len(cp.lit))]
		set.byStart[key] = append(set.byStart[key], cp)
	}
	return set
}

// cueExpr is a piece's regular expression: case-insensitive, on word
// boundaries where the script has them.
func cueExpr(p string) string {
	switch {
	case Spaceless(p):
		return `(?i)` + p // no word boundaries in CJK
	case !asciiPiece(p):
		// RE2's \b and \w are ASCII: a Cyrillic or accented piece gets
		// Unicode letters, and its start is checked where it is tried
		return `(?i)(?:` + strings.ReplaceAll(p, `\w`, `[\p{L}\p{N}_]`) + `)`
	}
	if strings.ContainsAny(p[len(p)-1:], ",:;") { // literal punctuation, not "?" or "." of an expression
		// "with \p{Lu}[\w-]*,", "today,": a piece that ends on punctuation
		// has no word boundary after it (the space after a comma is none)
		return `(?i)\b(?:` + p + `)`
	}
	return `(?i)\b(?:` + p + `)\b`
}

func asciiPiece(p string) bool {
	for i := 0; i < len(p); i++ {
		if p[i] >= 0x80 {
			return false
		}
	}
	return true
}

// leadingLiteral is the plain text a piece starts with, lower-cased.
func leadingLiteral(p string) string {
	end := strings.IndexAny(p, `\()[]?*+|.^${}`)
	if end < 0 {
		end = len(p)
	}
	if end < len(p) && strings.IndexByte("?*{", p[end]) >= 0 {
		// the letter before an optional quantifier may be absent: "risks?"
		// starts with "risk"
		_, n := utf8.DecodeLastRuneInString(p[:end])
		end -= n
	}
	return strings.ToLower(p[:end])
}

// MatchString reports whether any piece matches t.
func (c cueSet) MatchString(t string) bool { return c.match(t, strings.ToLower(t)) }

// Count is how many times the pieces occur in t.
func (c cueSet) Count(t string) int {
	lower, n := strings.ToLower(t), 0
	eachWord(lower, func(w string) bool {
		if c.words[w] {
			n++
		}
		return true
	})
	for _, p := range c.pieces {
		if p.lit == "" || strings.Contains(lower, p.lit) {
			re, _ := p.regexps()
			n += len(re.FindAllStringIndex(t, -1))
		}
	}
	return n
}

func (c cueSet) match(t, lower string) bool {
	found := false
	eachWord(lower, func(w string) bool {
		found = c.words[w]
		return !found
	})
	return found || c.matchPieces(t, lower)
}

// The one-word pieces of the three sets of the alignment, each word with
// the sets it belongs to.
const (
	cueProblem uint8 = 1 << iota
	cueSolution
	cueCTA
	cueAll = cueProblem | cueSolution | cueCTA
)

var cueWordSets = func() map[string]uint8 {
	m := map[string]uint8{}
	for bit, set := range map[uint8]cueSet{cueProblem: problemCue, cueSolution: solutionCue, cueCTA: ctaCue} {
		for w := range set.words {
			m[w] |= bit
		}
	}
	return m
}()

// matchPieces tries the pieces that are not one plain word.
func (c cueSet) matchPieces(t, lower string) bool {
	if len(lower) != len(t) {
		// lower-casing changed the length: offsets in lower are not offsets in t
		for _, p := range c.pieces {
			if p.plain && hasCueWord(lower, p.lit, p.prefix) {
				return true
			}
			if re, _ := p.regexps(); !p.plain && re.MatchString(t) {
				return true
			}
		}
		return false
	}
	if len(c.byStart) > 0 {
		inWord := false
		for i, r := range lower {
			was := inWord
			inWord = isCueWordRune(r)
			if !inWord || was {
				continue
			}
			for k := 1; k <= 2 && i+k <= len(lower); k++ {
				for _, p := range c.byStart[lower[i:i+k]] {
					if strings.HasPrefix(lower[i:], p.lit) && p.matchesAt(t, lower, i) {
						return true
					}
				}
			}
		}
	}
	for _, p := range c.anywhere {
		if p.lit == "" {
			if re, _ := p.regexps(); re.MatchString(t) {
				return true
			}
			continue
		}
		if atWordStart(lower, p.lit, Spaceless(p.lit), func(i int) bool { return p.matchesAt(t, lower, i) }) {
			return true
		}
	}
	return false
}

// matchesAt reports the piece at i, where its literal starts in lower.
func (p *cuePiece) matchesAt(t, lower string, i int) bool {
	if p.plain {
		j := i + len(p.lit)
		return p.prefix || j == len(lower) || !isCueWordRune(firstRune(lower[j:]))
	}
	_, at := p.regexps()
	return at.MatchString(t[i:])
}

// eachWord calls f with each word of t (letters, digits, apostrophes
// inside) until f returns false.
func eachWord(t string, f func(string) bool) {
	start := -1
	for i, r := range t {
		in := isCueWordRune(r) || r == '\'' && start >= 0 || r == '’' && start >= 0
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			if !eachOf(t[start:i], f) {
				return
			}
			start = -1
		}
	}
	if start >= 0 {
		eachOf(t[start:], f)
	}
}

// eachOf calls f with the word w and, when w opens with a French or
// Italian elision ("l'équipe", "d'autres", "qu'ils", "dell'app"), with
// the word after it too: the apostrophe keeps "can't" one word, and hid
// "équipe" in "l'équipe".
func eachOf(w string, f func(string) bool) bool {
	if !f(w) {
		return false
	}
	if i := strings.IndexAny(w, "'’"); i > 0 && i <= 4 {
		if head := w[:i]; len(head) == 1 || head == "qu" || head == "dell" || head == "dall" || head == "nell" || head == "sull" {
			_, size := utf8.DecodeRuneInString(w[i:])
			if rest := w[i+size:]; rest != "" {
				return f(rest)
			}
		}
	}
	return true
}

// hasCueWord reports lit in lower as a whole word (or a word's start, with prefix).
func hasCueWord(lower, lit string, prefix bool) bool {
	return atWordStart(lower, lit, false, func(i int) bool {
		j := i + len(lit)
		return prefix || j == len(lower) || !isCueWordRune(firstRune(lower[j:]))
	})
}

// atWordStart reports whether ok holds at some occurrence of lit in lower
// that starts a word (anywhere, with inWords: CJK has no word starts).
func atWordStart(lower, lit string, inWords bool, ok func(i int) bool) bool {
	for from := 0; ; {
		i := strings.Index(lower[from:], lit)
		if i < 0 {
			return false
		}
		i += from
		if (inWords || i == 0 || !isCueWordRune(lastRune(lower[:i]))) && ok(i) {
			return true
		}
		from = i + 1
	}
}

func isCueWordRune(r rune) bool { return r == '_' || isWordRune(r) }

func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }
func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// cues are what a unit's words say, read once per unit (and, for a single
// paragraph, kept with its prose: they follow from its text alone).
type cues struct {
	problem, problemFirst, solution, cta bool
}

var cuesKey = NewMemoKey()

// cueWindow is how much of a unit's text the cue words are looked for in.
const cueWindow = 600

func readCues(text string) cues {
	// a paragraph's cue sits in its opening; a long section is judged by its
	// first lines, not searched to its end
	if len(text) > cueWindow {
		cut := cueWindow
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	lower, first := strings.ToLower(text), firstSentence(text)
	// one pass over the words answers the one-word pieces of all three sets
	var hit uint8
	eachWord(lower, func(w string) bool {
		hit |= cueWordSets[w]
		return hit != cueAll
	})
	return cues{
		problem:      hit&cueProblem != 0 || problemCue.matchPieces(text, lower),
		problemFirst: problemCue.MatchString(first),
		solution:     hit&cueSolution != 0 || solutionCue.matchPieces(text, lower),
		cta:          hit&cueCTA != 0 || ctaCue.matchPieces(text, lower),
	}
}

func unitCues(u *unit) cues {
	if u.first != nil && u.first.Prose != nil && u.span == u.first.Span && u.first.Kind == Paragraph {
		return u.first.Prose.Memo(cuesKey, func() any { return readCues(u.text) }).(cues)
	}
	return readCues(u.text)
}
