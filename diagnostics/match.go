package diagnostics

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// finder is what matches needs: a *regexp.Regexp, or a *phrases word list.
type finder interface {
	FindAllStringIndex(s string, n int) [][]int
}

// phrases is a case-insensitive list of whole words and phrases. It matches
// by looking words up in a map instead of running a regexp alternation,
// which is what keeps the word rules fast on long documents.
type phrases struct {
	byFirst  map[string][]phrase // keyed by the lower-cased first word
	literals []string            // phrases with no word in them ("$")
	litTags  []int               // the list each literal came from (phraseLists)
	// starts marks the first bytes (lower-cased) that begin a phrase: most
	// words are ruled out before the map is consulted.
	starts [256]bool
	// memoKey is where each prose keeps the list's matches: a slot of its
	// own for a list built once (see document.NewMemoKey); the list itself
	// for one built from a configuration (cachedPhraseList), as those come
	// and go.
	memoKey any
}

type phrase struct {
	words []string // lower-cased, "’" folded to "'"
	gaps  []string // what stands between words: " " for any whitespace, else the literal
	tags  []int    // which lists the phrase came from (phraseLists)
}

// phraseList builds a phrase list; longer phrases win over their prefixes.
func phraseList(list ...string) *phrases {
	p := &phrases{byFirst: make(map[string][]phrase, len(list)), memoKey: document.NewMemoKey()}
	for _, raw := range list {
		ph := parsePhrase(raw)
		if len(ph.words) == 0 {
			p.literals = append(p.literals, raw)
			continue
		}
		p.byFirst[ph.words[0]] = append(p.byFirst[ph.words[0]], ph)
		p.starts[ph.words[0][0]] = true
	}
	for k, list := range p.byFirst {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
		p.byFirst[k] = list
	}
	return p
}

// phraseLists builds one phrase list from several; each match knows which
// lists (indices) it came from, so one pass over the text serves them all. A
// phrase in several lists counts for each of them.
func phraseLists(lists ...[]string) *phrases {
	// as phraseList builds it, each phrase parsed once: the FAQ topics'
	// thousand phrases are built at every start of the command line
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	// sized first: grown from nothing, the two maps' rehashing was a fifth
	// of building the FAQ topics' lists at every start of the command line
	p := &phrases{byFirst: make(map[string][]phrase, n), memoKey: document.NewMemoKey()}
	tagsOf := make(map[string][]int, n)
	for i, l := range lists {
		for _, raw := range l {
			ph := parsePhrase(raw)
			if len(ph.words) == 0 {
				p.literals = append(p.literals, raw)
				p.litTags = append(p.litTags, i)
				continue
			}
			key := strings.Join(ph.words, " ")
			if tags, seen := tagsOf[key]; seen {
				if !slices.Contains(tags, i) {
					tagsOf[key] = append(tags, i)
				}
				continue // the same phrase from another list: its tags are merged
			}
			tagsOf[key] = []int{i}
			p.byFirst[ph.words[0]] = append(p.byFirst[ph.words[0]], ph)
			p.starts[ph.words[0][0]] = true
		}
	}
	for _, list := range p.byFirst {
		for j := range list {
			list[j].tags = tagsOf[strings.Join(list[j].words, " ")]
		}
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
	}
	return p
}

// tagsIn reports which lists of a phraseLists match in a prose run, in
// found (len(found) lists, all false), stopping as soon as every list has
// matched.
func (p *phrases) tagsIn(found []bool, pr *document.Prose) []bool {
	left := len(found)
	for i, lit := range p.literals {
		if t := p.litTags[i]; !found[t] && strings.Contains(pr.Text, lit) {
			found[t] = true
			if left--; left == 0 {
				return found
			}
		}
	}
	var arr [32]byte
	buf := arr[:0]
	pairs := pr.Words()
	for k := range pairs {
		w := pairs[k].Text
		if c := w[0]; c < 0x80 && !p.starts[c|0x20] && !p.starts[c] {
			continue
		}
		buf = appendFold(buf[:0], w)
		for _, ph := range p.byFirst[string(buf)] {
			if _, ok := ph.matchAt(pr.Text, pairs, k); !ok {
				continue
			}
			for _, t := range ph.tags {
				if !found[t] {
					found[t] = true
					if left--; left == 0 {
						return found
					}
				}
			}
		}
	}
	return found
}

func parsePhrase(raw string) phrase {
	var ph phrase
	toks := tokenize(raw)
	if len(toks) > 0 {
		ph.words = make([]string, 0, len(toks))
	}
	if len(toks) > 1 {
		ph.gaps = make([]string, 0, len(toks)-1)
	}
	for i, t := range toks {
		ph.words = append(ph.words, foldWord(t.Text))
		if i > 0 {
			ph.gaps = append(ph.gaps, foldGap(raw[toks[i-1].End:t.Start]))
		}
	}
	return ph
}

func foldWord(w string) string { return strings.ToLower(strings.ReplaceAll(w, "’", "'")) }

func foldGap(g string) string {
	if strings.TrimSpace(g) == "" {
		return " "
	}
	return strings.ToLower(strings.Join(strings.Fields(g), " "))
}

// tokenize splits s into words as document.Prose does: letters and digits,
// with inner apostrophes and hyphens.
func tokenize(s string) []document.Word {
	var out []document.Word
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) {
			r2, s2 := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) {
				j += s2
				continue
			}
			if r2 == '\'' || r2 == '’' || r2 == '-' {
				if r3, _ := utf8.DecodeRuneInString(s[j+s2:]); j+s2 < len(s) && isWordRune(r3) {
					j += s2
					continue
				}
			}
			break
		}
		out = append(out, document.Word{Text: s[i:j], Start: int32(i), End: int32(j)})
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// find returns the phrase matches among words (of text).
func (p *phrases) find(text string, words []document.Word) [][]int {
	var out [][]int
	var arr [32]byte // most words fit: no allocation
	buf := arr[:0]
	for k := 0; k < len(words); k++ {
		w := words[k].Text
		if c := w[0]; c < 0x80 && !p.starts[c|0x20] && !p.starts[c] {
			continue
		}
		buf = appendFold(buf[:0], w)
		cands, ok := p.byFirst[string(buf)]
		if !ok {
			continue
		}
		for _, ph := range cands {
			if end, ok := ph.matchAt(text, words, k); ok {
				out = append(out, []int{int(words[k].Start), end})
				k += len(ph.words) - 1
				break
			}
		}
	}
	for _, lit := range p.literals {
		for i := 0; ; {
			j := strings.Index(text[i:], lit)
			if j < 0 {
				break
			}
			out = append(out, []int{i + j, i + j + len(lit)})
			i += j + len(lit)
		}
	}
	if len(p.literals) > 0 {
		sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	}
	return out
}

func (ph phrase) matchAt(text string, words []document.Word, k int) (int, bool) {
	if k+len(ph.words) > len(words) {
		return 0, false
	}
	for n := 1; n < len(ph.words); n++ {
		prev, cur := words[k+n-1], words[k+n]
		if !sameWord(cur.Text, ph.words[n]) || foldGap(text[prev.End:cur.Start]) != ph.gaps[n-1] {
			return 0, false
		}
	}
	return int(words[k+len(ph.words)-1].End), true
}

// sameWord reports whether w folds to folded (foldWord's result) without
// building the folded string: most comparisons fail on the first bytes.
func sameWord(w, folded string) bool {
	if strings.Contains(w, "’") {
		return foldWord(w) == folded
	}
	return strings.EqualFold(w, folded)
}

// appendFold appends w lower-cased with "’" folded, without allocating for ASCII.
func appendFold(buf []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return append(buf, foldWord(w[i:])...)
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// FindAllStringIndex finds the phrases in any text, as regexp does.
func (p *phrases) FindAllStringIndex(s string, n int) [][]int {
	out := p.find(s, tokenize(s))
	if n >= 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// MatchString reports whether s holds one of the phrases.
func (p *phrases) MatchString(s string) bool { return len(p.FindAllStringIndex(s, 1)) > 0 }

// match is one match in prose.
type match struct {
	prose *document.Prose
	start int // index in prose.Text
	end   int
	text  string
}

// span is the match's source span.
func (m match) span() document.Span { return m.prose.SourceSpan(m.start, m.end) }

// matches runs f over every prose run that keep accepts, skipping matches
// that touch code spans or autolinks.
func matches(doc *document.Document, f finder, keep func(p *document.Prose) bool) []match {
	return matchProse(doc.Prose, f, keep)
}

// matchesIn returns the matches of f that lie inside span.
func matchesIn(doc *document.Document, f finder, s document.Span) []match {
	var out []match
	for _, m := range matchProse(doc.ProseOverlapping(s), f, nil) {
		if s.Covers(m.span()) {
			out = append(out, m)
		}
	}
	return out
}

func matchProse(prose []*document.Prose, f finder, keep func(p *document.Prose) bool) []match {
	var out []match
	for _, p := range prose {
		if keep != nil && !keep(p) {
			continue
		}
		// The finder is the key: the lists are built once (configured
		// ones through cachedPhraseList), so a later version of the
		// document finds its unchanged paragraphs' matches here.
		locs := p.Memo(memoKeyOf(f), func() any { return findIn(p, f) }).([][2]int)
		for _, loc := range locs {
			out = append(out, match{prose: p, start: loc[0], end: loc[1], text: p.Text[loc[0]:loc[1]]})
		}
	}
	return out
}

// memoKeyOf is where a prose keeps f's matches.
func memoKeyOf(f finder) any {
	if ph, ok := f.(*phrases); ok {
		return ph.memoKey
	}
	return f
}

// findIn finds f's matches in a prose run's text, outside its code spans.
func findIn(p *document.Prose, f finder) [][2]int {
	var locs [][]int
	if ph, ok := f.(*phrases); ok {
		locs = ph.find(p.Text, p.Words())
	} else {
		locs = f.FindAllStringIndex(p.Text, -1)
	}
	var out [][2]int
	for _, loc := range locs {
		if !p.InCode(loc[0], loc[1]) {
			out = append(out, [2]int{loc[0], loc[1]})
		}
	}
	return out
}

// proseHas reports whether f matches in a prose run outside its code spans;
// it shares the run's kept matches with matchProse.
func proseHas(p *document.Prose, f finder) bool {
	return len(p.Memo(memoKeyOf(f), func() any { return findIn(p, f) }).([][2]int)) > 0
}

// inPressRelease keeps prose of the press release.
func inPressRelease(doc *document.Document) func(p *document.Prose) bool {
	return func(p *document.Prose) bool { return doc.InPressRelease(p.Span.Start) }
}

// replaceFix is a fix that replaces span with text.
func replaceFix(title string, span document.Span, text string) Fix {
	return Fix{Title: title, Edits: []Edit{{Span: span, NewText: text}}}
}

// matchCase gives replacement the capitalisation of original's first letter.
func matchCase(original, replacement string) string {
	if original == "" || replacement == "" {
		return replacement
	}
	if r := original[0]; r >= 'A' && r <= 'Z' {
		return strings.ToUpper(replacement[:1]) + replacement[1:]
	}
	return replacement
}

// spanAt is the empty span at offset (an insertion point).
func spanAt(offset int) document.Span { return document.Span{Start: offset, End: offset} }

// spanOf is the span [start, end).
func spanOf(start, end int) document.Span { return document.Span{Start: start, End: end} }

// lineSpan is the span of the line holding offset, without its terminator.
func lineSpan(doc *document.Document, offset int) document.Span {
	l := doc.Mapper.Line(offset)
	return document.Span{Start: doc.Mapper.LineStart(l), End: doc.Mapper.LineEnd(l)}
}

// firstLine clips a span to the end of its first line.
func firstLine(doc *document.Document, s document.Span) document.Span {
	if end := doc.Mapper.LineEnd(doc.Mapper.Line(s.Start)); end < s.End {
		s.End = end
	}
	return s
}

// quotedMention reports a match wrapped directly in quotation marks: the
// author mentions the word (an answer that says "TBD") rather than uses it.
func quotedMention(m match) bool {
	before, after := m.prose.Text[:m.start], m.prose.Text[m.end:]
	opens := strings.HasSuffix(before, "\"") || strings.HasSuffix(before, "“") || strings.HasSuffix(before, "‘")
	closes := strings.HasPrefix(after, "\"") || strings.HasPrefix(after, "”") || strings.HasPrefix(after, "’")
	return opens && closes
}
