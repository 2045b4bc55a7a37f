package diagnostics

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Helpers shared by the word rules (jargon, weasel-word, hype,
// undefined-acronym, internal-metric, long-sentence, placeholder).

// normPhrase folds a matched phrase for map look-ups: lower case, single
// spaces, straight apostrophes.
func normPhrase(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	return strings.Join(strings.Fields(s), " ")
}

// inHyphenated reports whether Text[i:j] is part of a longer hyphenated or
// slashed word ("many-to-many", "very-high-frequency", "and/or"), where a
// list word means something else.
func inHyphenated(t string, i, j int) bool {
	if i > 0 {
		if c := t[i-1]; (c == '-' || c == '/' || c == '_') && i > 1 && isWordByte(t[i-2]) {
			return true
		}
	}
	if j < len(t) {
		if c := t[j]; (c == '-' || c == '/' || c == '_') && j+1 < len(t) && isWordByte(t[j+1]) {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// sentenceIndex finds the sentence of a prose run that holds a text index;
// it computes the sentences once per run.
type sentenceIndex struct {
	prose *document.Prose
	sents []document.Sentence
}

func (s *sentenceIndex) at(p *document.Prose, i int) (start, end int) {
	if s.prose != p {
		s.prose, s.sents = p, p.Sentences()
	}
	k := sort.Search(len(s.sents), func(k int) bool { return s.sents[k].End > i })
	if k < len(s.sents) && s.sents[k].Start <= i {
		return s.sents[k].Start, s.sents[k].End
	}
	return i, i
}

// numWords are number words that state a figure.
var numWords = phraseList("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
	"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands",
	"million", "millions", "billion", "billions", "half", "twice", "double", "triple", "tenfold", "percent", "dozen", "dozens")

var months = setOf("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

// hasData reports whether text (a sentence) states a figure: a number that
// is not a year, the day of a date ("March 3") or part of a name ("Q3",
// "EC2"), or a number word.
func hasData(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] < '0' || text[i] > '9' {
			continue
		}
		j := i
		for j < len(text) && (text[j] >= '0' && text[j] <= '9' || text[j] == ',' || text[j] == '.') {
			j++
		}
		n := strings.TrimRight(text[i:j], ".,")
		start := i
		i = j
		if start > 0 && isLetterByte(text[start-1]) {
			continue // a name with a digit: "Q3", "EC2", "P99"
		}
		if len(n) == 4 && (n[:2] == "19" || n[:2] == "20") {
			continue // a year
		}
		if len(n) <= 2 {
			if w := prevWord(text, start); len(w) >= 3 && months[w[:3]] {
				continue // the day of a date
			}
		}
		return true
	}
	return numWords.MatchString(text)
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// mostlyCaps reports a run of prose written in capitals (an ALL CAPS
// headline): at least eight letters, over 70% of them upper case.
func mostlyCaps(s string) bool {
	upper, letters := 0, 0
	limit := len(s) * 3 // lower case letters are under 30% of the letters
	for i := 0; i < len(s); {
		c := s[i]
		isUpper, isLetter := c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z'
		size := 1
		if c >= 0x80 {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			isLetter = unicode.IsLetter(r)
			isUpper = isLetter && unicode.IsUpper(r)
		}
		i += size
		if isUpper {
			upper++
			letters++
		} else if isLetter {
			letters++
			if (letters-upper)*10 >= limit {
				return false
			}
		}
	}
	return letters >= 8 && upper*10 > letters*7
}

// prevWord returns the word that ends before index i of t (lower case), or "".
func prevWord(t string, i int) string {
	j := i
	for j > 0 && t[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(t[:k])
		if !unicode.IsLetter(r) && r != '\'' && r != '’' {
			break
		}
		k -= size
	}
	return strings.ToLower(t[k:j])
}

// nextWord returns the word that starts after index j of t (lower case), or "".
func nextWord(t string, j int) string {
	for j < len(t) && t[j] == ' ' {
		j++
	}
	k := j
	for k < len(t) {
		r, size := utf8.DecodeRuneInString(t[k:])
		if !unicode.IsLetter(r) && r != '\'' && r != '’' {
			break
		}
		k += size
	}
	return strings.ToLower(t[j:k])
}

// matcherCache builds user-configured phrase lists once per distinct list.
var matcherCache = struct {
	sync.Mutex
	m map[string]*phrases
}{m: map[string]*phrases{}}

// cachedPhraseList is phraseList with a cache keyed by the phrases;
// it serves lists that come from the configuration and so are not known at
// init.
func cachedPhraseList(list []string) *phrases {
	sorted := append([]string(nil), list...)
	sort.Strings(sorted)
	key := strings.Join(sorted, "\x00")
	matcherCache.Lock()
	defer matcherCache.Unlock()
	if pm, ok := matcherCache.m[key]; ok {
		return pm
	}
	if len(matcherCache.m) > 32 {
		matcherCache.m = map[string]*phrases{}
	}
	pm := phraseList(sorted...)
	pm.memoKey = pm // not a slot of its own: configurations come and go
	matcherCache.m[key] = pm
	return pm
}

// removeWordEdit deletes Text[i:j] of a prose run with one adjacent space,
// so "is very fast" becomes "is fast"; at the start of a sentence the next
// word takes the capital ("Very few" becomes "Few"). It returns false when
// the removal would leave the text malformed or the source is not plain text
// there (markup in between).
func removeWordEdit(p *document.Prose, i, j int) (Edit, bool) {
	t := p.Text
	if j < len(t) && t[j] == ' ' && (i == 0 || t[i-1] == ' ' || sentenceStart(t, i)) {
		if sentenceStart(t, i) {
			k := j + 1
			for k < len(t) && isLetterByte(t[k]) {
				k++
			}
			if k == j+1 {
				return Edit{}, false
			}
			span, ok := spanOfProse(p, i, k)
			next := t[j+1 : k]
			if t[i] >= 'A' && t[i] <= 'Z' {
				next = strings.ToUpper(next[:1]) + next[1:]
			}
			return Edit{Span: span, NewText: next}, ok
		}
		span, ok := spanOfProse(p, i, j+1)
		return Edit{Span: span}, ok
	}
	if i > 0 && t[i-1] == ' ' && (j == len(t) || strings.ContainsRune(",.;:!?)", rune(t[j]))) {
		span, ok := spanOfProse(p, i-1, j)
		return Edit{Span: span}, ok
	}
	return Edit{}, false
}

// spanOfProse maps [i, j) to a source span, refusing when the bytes are not
// contiguous in the source (markup in between).
func spanOfProse(p *document.Prose, i, j int) (document.Span, bool) {
	s := p.SourceSpan(i, j)
	if s.End-s.Start != j-i {
		return document.Span{}, false
	}
	return s, true
}

// sentenceStart reports whether index i of t begins a sentence.
func sentenceStart(t string, i int) bool {
	k := i
	for k > 0 && t[k-1] == ' ' {
		k--
	}
	if k == 0 {
		return true
	}
	switch t[k-1] {
	case '.', '!', '?', ':', '"', '(':
		return true
	}
	return strings.HasSuffix(t[:k], "“")
}

// capsRuns calls fn for each run of capitals and digits that starts with a
// capital and stands as a word of its own, with an optional plural "s"
// ("API", "APIs", "EC2"); j is the end of the run, plural included.
func capsRuns(t string, fn func(i, j int)) {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c < 'A' || c > 'Z' || i > 0 && isWordByte(t[i-1]) {
			continue
		}
		j := i + 1
		for j < len(t) && (t[j] >= 'A' && t[j] <= 'Z' || t[j] >= '0' && t[j] <= '9') {
			j++
		}
		end := j
		if end < len(t) && t[end] == 's' {
			end++
		}
		if end < len(t) && isWordByte(t[end]) {
			i = j
			continue
		}
		if end-i >= 2 {
			fn(i, end)
		}
		i = end
	}
}

// The jargon, weasel-word, hype, wordy-phrase, hedge and future-tense rules
// share one pass over the words of a document: one phrase list holds their
// lists, and its matches are kept with each prose run.
const (
	kindJargon = 1 << iota
	kindWeasel
	kindHype
	kindWordy
	kindHedge
	kindFuture
	kindVisual
)

var (
	styleOnce  sync.Once
	styleList  *phrases
	styleKinds map[string]int // normalised phrase → kinds
)

func initStyleList() {
	lists := []struct {
		kind  int
		words []string
	}{
		{kindJargon, jargonPhrases(nil)}, {kindWeasel, weaselRemovable}, {kindWeasel, weaselVague},
		{kindHype, hypeWords}, {kindWordy, keysOf(wordyPhrases)}, {kindHedge, hedgeWords},
		{kindFuture, keysOf(futurePhrases)}, {kindVisual, visualWords},
	}
	total := 0
	for _, l := range lists {
		total += len(l.words)
	}
	// the maps sized first: this runs at every start of the command line
	styleKinds = make(map[string]int, total)
	all := make([]string, 0, total)
	for _, l := range lists {
		for _, w := range l.words {
			n := normPhrase(w)
			if styleKinds[n] == 0 {
				all = append(all, w)
			}
			styleKinds[n] |= l.kind
		}
	}
	styleList = phraseList(all...)
	styleKindsByFirst = make(map[string][]int, len(styleList.byFirst))
	for first, list := range styleList.byFirst {
		for _, ph := range list {
			var b strings.Builder
			for i, w := range ph.words {
				if i > 0 {
					b.WriteString(ph.gaps[i-1])
				}
				b.WriteString(w)
			}
			styleKindsByFirst[first] = append(styleKindsByFirst[first], styleKinds[normPhrase(b.String())])
		}
		if first != "" && len(first) < 64 {
			styleFirst[first[0]] |= 1 << len(first)
		}
	}
}

// styleKindsByFirst gives the kinds of each phrase of styleList.byFirst, in
// the same order.
var styleKindsByFirst map[string][]int

// styleFirst[c] has bit n set when a phrase's first word starts with byte
// c (lower case) and is n bytes long: a word that fails it needs no map
// look-up, and most words fail it.
var styleFirst [256]uint64

func styleCandidate(w string) bool {
	c := w[0]
	if c >= 'A' && c <= 'Z' {
		c += 'a' - 'A'
	}
	n := len(w)
	if n >= 64 || c >= 0x80 {
		return true // let the map decide
	}
	return styleFirst[c]&(1<<n) != 0
}

// findStyle is matches(doc, styleList, nil) on one prose run, with the
// styleCandidate filter in front of the phrase look-up; it returns hits
// with their kinds.
func findStyle(p *document.Prose) []styleHit {
	var out []styleHit
	var arr [32]byte
	buf := arr[:0]
	words := p.Words()
	for k := 0; k < len(words); k++ {
		w := words[k].Text
		if !styleCandidate(w) {
			continue
		}
		buf = appendFold(buf[:0], w)
		cands, ok := styleList.byFirst[string(buf)]
		if !ok {
			continue
		}
		for ci, ph := range cands {
			end, ok := ph.matchAt(p.Text, words, k)
			if !ok {
				continue
			}
			start := int(words[k].Start)
			if !p.InCode(start, end) {
				out = append(out, styleHit{start: start, end: end, kinds: styleKindsByFirst[string(buf)][ci]})
			}
			k += len(ph.words) - 1
			break
		}
	}
	return out
}

var styleKey = document.NewMemoKey()

type styleHit struct {
	start, end, kinds int
}

// styleHitsIn returns the matches of kind in one prose run. The matches of
// each run are kept with it (Prose.Memo), so the three rules share one
// pass, and a later version shares it for the paragraphs it did not change.
func styleHitsIn(p *document.Prose, kind int) []match {
	styleOnce.Do(initStyleList)
	var out []match
	hits, ok := p.Kept(styleKey).([]styleHit)
	if !ok {
		hits = p.Memo(styleKey, func() any { return findStyle(p) }).([]styleHit)
	}
	for _, h := range hits {
		if h.kinds&kind != 0 {
			out = append(out, match{prose: p, start: h.start, end: h.end, text: p.Text[h.start:h.end]})
		}
	}
	return out
}

// rareKinds are the style kinds whose words few paragraphs hold: the rules
// that read them look only at the paragraphs that do (rareStyle).
const rareKinds = kindWordy | kindHedge | kindFuture | kindVisual

// lintRun is what the rules of one Lint share.
type lintRun struct {
	rareOnce sync.Once
	rare     []rareProse
}

// rareProse is a prose run that holds words of rareKinds, with their kinds.
type rareProse struct {
	p     *document.Prose
	kinds int
}

// rareStyle lists the document's prose runs that hold words of rareKinds,
// found once per Lint from the matches the style pass keeps with each run.
func (c *Context) rareStyle() []rareProse {
	find := func() []rareProse {
		styleOnce.Do(initStyleList)
		var out []rareProse
		for _, p := range c.Doc.Prose {
			kinds := 0
			hits, ok := p.Kept(styleKey).([]styleHit)
			if !ok {
				hits = p.Memo(styleKey, func() any { return findStyle(p) }).([]styleHit)
			}
			for _, h := range hits {
				kinds |= h.kinds & rareKinds
			}
			if kinds != 0 {
				out = append(out, rareProse{p, kinds})
			}
		}
		return out
	}
	if c.run == nil {
		return find()
	}
	c.run.rareOnce.Do(func() { c.run.rare = find() })
	return c.run.rare
}

// eachStyleProse runs check on the English prose runs that hold a match of
// kind and that keep accepts. It is eachProse for a rule whose words are
// rare: its findings are computed afresh for the few runs that hold them,
// and the others cost nothing of the rule's own.
func (c *Context) eachStyleProse(kind int, keep func(p *document.Prose) bool, check func(p *document.Prose)) {
	for _, r := range c.rareStyle() {
		if r.kinds&kind != 0 && (keep == nil || keep(r.p)) && r.p.English() {
			check(r.p)
		}
	}
}

// lowerWord appends ASCII w in lower case to buf.
func lowerWord(buf []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// sentenceAdverbs are buzzwords that are idioms only as a sentence
// adverbial ("At the end of the day, shops want…", "…, going forward,");
// inside a clause they say what they say ("a photo at the end of the
// day", "the team is going forward with it").
var sentenceAdverbs = map[string]bool{"at the end of the day": true, "going forward": true}

// literalUse: m is one of sentenceAdverbs used in its literal sense: not
// at the start of its sentence or clause, and not set off by a comma.
func literalUse(m match) bool {
	if !sentenceAdverbs[normPhrase(m.text)] {
		return false
	}
	before := strings.TrimRight(m.prose.Text[:m.start], " \t\n")
	after := strings.TrimLeft(m.prose.Text[m.end:], " \t\n")
	if before == "" || strings.HasPrefix(after, ",") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return !strings.ContainsRune(",;:—–(.!?", r)
}
