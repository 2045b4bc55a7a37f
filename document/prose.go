package document

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Prose is the readable text of one paragraph, heading or table cell, with a
// map from each byte of Text back to the source. Code spans and autolinks
// stay in Text (so quoting a headline reads right) but are listed in Code so
// word checks skip them.
type Prose struct {
	Text string
	Span Span // source span of the block's inline content
	// Heading is true for a heading's prose.
	Heading bool
	// lang is Lang's answer, 1 + its index in langCodes, 0 before it is
	// asked (read and set atomically): a field, not a memo entry, as every
	// word rule asks it and a short prose has no memo (see Parse).
	lang  uint32
	index int32 // in its section's prose
	words []Word
	// shape maps Text to the source and holds the code spans; it is nil
	// for a prose whose Text is one run of the source from Span.Start and
	// has no code, most short ones: 800,000 one-line proses spent 77 MB on
	// the fields and a one-piece slice each.
	shape *proseShape
	memo  *memo
}

// proseShape is what a prose that is not one plain run of its source
// needs to map Text to the source. Its offsets are relative to
// Prose.Span.Start, so the copies a Parser places elsewhere share it.
type proseShape struct {
	pieces []piece // runs of Text copied from contiguous source
	code   []Span  // in Text
}

// code is the prose's code spans and autolinks, in Text.
func (p *Prose) code() []Span {
	if p.shape == nil {
		return nil
	}
	return p.shape.code
}

// memo holds what was computed from a prose's text. The copies of a prose
// that a Parser places in later versions share it, so a rule's work on a
// paragraph that did not change is done once.
//
// Every rule asks every prose for its values on every keystroke (tens of
// thousands of asks at 40,000 words), so the ask must cost next to
// nothing: a key made with NewMemoKey is an index into a table read
// without a lock. Other keys (word lists built from a configuration, which
// come and go) are searched in a short list under the lock.
type memo struct {
	mu    sync.Mutex // taken to store, never to read a slot
	table atomic.Pointer[memoTable]
	other []memoEntry // values under keys that are not a *MemoKey; guarded by mu
}

// memoTable holds one value per MemoKey, nil where none is stored yet. It
// only grows, by a copy under mu, so a reader holding an older table at
// worst computes a value again.
type memoTable struct{ slots []atomic.Pointer[memoValue] }

type memoValue struct{ v any }

type memoEntry struct{ key, value any }

// MemoKey names one value a prose's memo keeps. Make one per kind of value,
// once, in a package variable: each is a slot of every memo.
type MemoKey struct{ slot int }

var memoKeys struct {
	sync.Mutex
	n int
}

// NewMemoKey returns a key for Prose.Memo with a slot of its own.
func NewMemoKey() *MemoKey {
	memoKeys.Lock()
	defer memoKeys.Unlock()
	memoKeys.n++
	return &MemoKey{slot: memoKeys.n - 1}
}

func newMemo() *memo { return &memo{} }

// Memo returns the value stored under key, or stores and returns what
// compute gives. The value must follow from the prose's text and code
// spans alone, never from its place in the document (its Span, its part):
// it is shared with later versions of the same text. key is best a
// *MemoKey (see NewMemoKey); any other comparable value works, more slowly.
func (p *Prose) Memo(key any, compute func() any) any { return p.MemoValid(key, nil, compute) }

// Kept is the value the prose keeps under k, or nil: Memo's look-up alone,
// small enough to be inlined into the rules' loops over every prose run.
// Called for every run, rule and list of words, Memo's full call was a
// tenth of a keystroke's work at 40,000 words.
func (p *Prose) Kept(k *MemoKey) any {
	if m := p.memo; m != nil {
		if t := m.table.Load(); t != nil && k.slot < len(t.slots) {
			if mv := t.slots[k.slot].Load(); mv != nil {
				return mv.v
			}
		}
	}
	return nil
}

// Memoized reports whether the prose keeps what Memo computes: a short
// prose of a document parsed once does not, and a caller can then compute
// into a buffer of its own instead of a value to keep.
func (p *Prose) Memoized() bool { return p.memo != nil }

// MemoValid is Memo for a value that can go stale: a stored value that
// valid rejects is computed again and replaced.
func (p *Prose) MemoValid(key any, valid func(any) bool, compute func() any) any {
	m := p.memo
	if m == nil {
		return compute() // a Prose built outside the parser
	}
	k, slotted := key.(*MemoKey)
	if !slotted {
		return m.byOtherKey(key, valid, compute)
	}
	if t := m.table.Load(); t != nil && k.slot < len(t.slots) {
		if mv := t.slots[k.slot].Load(); mv != nil && (valid == nil || valid(mv.v)) {
			return mv.v
		}
	}
	v := compute()
	m.mu.Lock()
	t := m.table.Load()
	if t == nil || k.slot >= len(t.slots) {
		memoKeys.Lock()
		n := max(memoKeys.n, k.slot+1)
		memoKeys.Unlock()
		grown := &memoTable{slots: make([]atomic.Pointer[memoValue], n)}
		if t != nil {
			for i := range t.slots {
				grown.slots[i].Store(t.slots[i].Load())
			}
		}
		m.table.Store(grown)
		t = grown
	}
	t.slots[k.slot].Store(&memoValue{v})
	m.mu.Unlock()
	return v
}

// byOtherKey is MemoValid for a key that is not a *MemoKey.
func (m *memo) byOtherKey(key any, valid func(any) bool, compute func() any) any {
	at := -1
	m.mu.Lock()
	for i := range m.other {
		if e := &m.other[i]; e.key == key {
			if valid == nil || valid(e.value) {
				v := e.value
				m.mu.Unlock()
				return v
			}
			at = i
			break
		}
	}
	m.mu.Unlock()
	v := compute()
	m.mu.Lock()
	if at >= 0 && at < len(m.other) && m.other[at].key == key {
		m.other[at].value = v
	} else {
		m.other = append(m.other, memoEntry{key, v})
	}
	m.mu.Unlock()
	return v
}

// piece maps Text[text:text+n] to Source[src:src+n]; a separator added
// for a line break has n == 1 and maps to where the break is.
type piece struct{ text, src, n int }

// proseBuilder accumulates prose text while walking inline nodes.
type proseBuilder struct {
	text   []byte
	pieces []piece
	code   []Span
	// at is where the inline content starts: text without a source of its
	// own (an image's space) maps there when nothing came before it.
	at int
	// words, when set, is where the words are scanned before they are kept
	// at their exact number (an estimate from the length left a fifth of
	// the words' memory unused)
	words *[]Word
}

func (b *proseBuilder) add(src []byte, start, stop int) {
	if stop <= start {
		return
	}
	if k := len(b.pieces); k > 0 {
		if last := &b.pieces[k-1]; last.src+last.n == start && last.text+last.n == len(b.text) {
			last.n += stop - start
			b.text = append(b.text, src[start:stop]...)
			return
		}
	}
	b.pieces = append(b.pieces, piece{text: len(b.text), src: start, n: stop - start})
	b.text = append(b.text, src[start:stop]...)
}

// addSpace adds a separator that maps to offset (soft breaks, skipped HTML).
func (b *proseBuilder) addSpace(offset int) {
	if n := len(b.text); n > 0 && b.text[n-1] == ' ' {
		return
	}
	b.pieces = append(b.pieces, piece{text: len(b.text), src: offset, n: 1})
	b.text = append(b.text, ' ')
}

// addString adds text that is not in the source (entities goldmark decoded);
// all of it maps to offset.
func (b *proseBuilder) addString(s []byte, offset int) {
	for range s {
		b.pieces = append(b.pieces, piece{text: len(b.text), src: offset, n: 1})
		b.text = append(b.text, ' ')
	}
	copy(b.text[len(b.text)-len(s):], s)
}

// last is the source offset just after the last byte added.
func (b *proseBuilder) last() int {
	if k := len(b.pieces); k > 0 {
		return b.pieces[k-1].src + b.pieces[k-1].n
	}
	return b.at
}

func (b *proseBuilder) first() int {
	if len(b.pieces) > 0 {
		return b.pieces[0].src
	}
	return b.at
}

func (b *proseBuilder) build(span Span, heading bool) *Prose {
	p := &Prose{Text: string(b.text), Span: span, Heading: heading}
	oneRun := len(b.pieces) == 0 && len(b.text) == 0 ||
		len(b.pieces) == 1 && b.pieces[0] == piece{text: 0, src: span.Start, n: len(b.text)}
	if !oneRun || len(b.code) > 0 {
		for i := range b.pieces {
			b.pieces[i].src -= span.Start
		}
		p.shape = &proseShape{pieces: b.pieces, code: b.code}
	}
	p.markBareURLs()
	if b.words != nil {
		*b.words = p.scanWords((*b.words)[:0])
		p.words = append(make([]Word, 0, len(*b.words)), *b.words...)
	} else {
		p.words = p.scanWords(make([]Word, 0, len(p.Text)/5+1))
	}
	return p
}

// markBareURLs treats a bare URL (https://…, http://…, www.…) as code, as
// GFM would autolink it: no prose check looks into it.
func (p *Prose) markBareURLs() {
	t := p.Text
	if !strings.Contains(t, "://") && !strings.Contains(t, "www.") && !strings.Contains(t, "WWW.") {
		return
	}
	for i := 0; i < len(t); i++ {
		c := t[i] | 0x20
		if c != 'h' && c != 'w' {
			continue
		}
		rest := t[i:]
		if !(hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "www.")) || (i > 0 && asciiWordByte(t[i-1])) {
			continue
		}
		end := i
		for end < len(t) && t[end] != ' ' && t[end] != '\t' && t[end] != '<' && t[end] != '>' && t[end] != '"' {
			end++
		}
		// trailing punctuation ends the sentence, not the URL
		for end > i && strings.IndexByte(".,:;!?)'", t[end-1]) >= 0 {
			end--
		}
		if p.shape == nil {
			p.shape = &proseShape{pieces: []piece{{text: 0, src: 0, n: len(t)}}}
		}
		p.shape.code = append(p.shape.code, Span{i, end})
		i = end
	}
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func asciiWordByte(c byte) bool { return c < utf8.RuneSelf && asciiWord[c] }

// Offset maps an index in Text (0..len(Text)) to a source byte offset.
func (p *Prose) Offset(i int) int {
	i = max(i, 0)
	if p.shape == nil {
		return p.Span.Start + min(i, len(p.Text))
	}
	pieces, at := p.shape.pieces, p.Span.Start
	if len(pieces) == 0 {
		return at
	}
	if i >= len(p.Text) {
		last := pieces[len(pieces)-1]
		return at + last.src + last.n
	}
	k := sort.Search(len(pieces), func(k int) bool { return pieces[k].text > i }) - 1
	if k < 0 {
		return at + pieces[0].src
	}
	pc := pieces[k]
	if i-pc.text >= pc.n {
		return at + pc.src + pc.n
	}
	return at + pc.src + i - pc.text
}

// SourceSpan maps [i, j) in Text to a source span. The end maps just after the
// last byte so a match that ends at a soft break does not swallow it.
func (p *Prose) SourceSpan(i, j int) Span {
	if j <= i {
		o := p.Offset(i)
		return Span{o, o}
	}
	return Span{p.Offset(i), p.Offset(j-1) + 1}
}

// InCode reports whether [i, j) in Text overlaps a code span or autolink.
func (p *Prose) InCode(i, j int) bool {
	for _, c := range p.code() {
		if i < c.End && j > c.Start {
			return true
		}
	}
	return false
}

// Word is a word of prose: letters, digits, apostrophes and inner hyphens.
type Word struct {
	Text       string
	Start, End int32 // indices into Prose.Text
}

// Words returns the words of the prose, skipping code spans and autolinks.
// The slice is shared: do not modify it.
func (p *Prose) Words() []Word { return p.words }

// scanWords appends the prose's words to words.
func (p *Prose) scanWords(words []Word) []Word {
	t := p.Text
	i := 0
	for i < len(t) {
		// skip to the start of a word
		c := t[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
		} else if size := runeAt(t, i); !wordAt(t, i, size) {
			i += size
			continue
		}
		j := i
		for j < len(t) {
			c := t[j]
			if c < utf8.RuneSelf && asciiWord[c] {
				j++
				continue
			}
			size := runeAt(t, j)
			if c >= utf8.RuneSelf && wordAt(t, j, size) {
				j += size
				continue
			}
			// keep inner apostrophes and hyphens: "don't", "real-time"
			if (c == '\'' || c == '-' || (c == 0xe2 && strings.HasPrefix(t[j:], "’"))) && j+size < len(t) && wordAt(t, j+size, runeAt(t, j+size)) {
				j += size
				continue
			}
			break
		}
		if p.shape == nil || !p.InCode(i, j) {
			words = append(words, Word{Text: t[i:j], Start: int32(i), End: int32(j)})
		}
		i = j
	}
	return words
}

// asciiWord marks ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// runeAt is the byte length of the character at t[i], fast for ASCII.
func runeAt(t string, i int) int {
	if t[i] < utf8.RuneSelf {
		return 1
	}
	_, size := utf8.DecodeRuneInString(t[i:])
	return size
}

// wordAt reports a letter or digit at t[i] (size bytes long).
func wordAt(t string, i, size int) bool {
	if size == 1 {
		c := t[i]
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return isWordRune(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Sentence is a sentence of prose, as indices into Prose.Text.
type Sentence struct {
	Start, End int
}

// Sentences splits the prose at ., ! and ? followed by a space and an
// upper-case letter, digit or quote, and at the end. Abbreviations such as
// "e.g." and "Inc." do not end a sentence.
func (p *Prose) Sentences() []Sentence {
	return p.Memo(sentencesKey, func() any { return p.sentences() }).([]Sentence)
}

var sentencesKey = NewMemoKey()

func (p *Prose) sentences() []Sentence {
	var out []Sentence
	t := p.Text
	start := 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(t) && (t[j] == '"' || t[j] == ')' || t[j] == '\'') {
			j++
		}
		if j < len(t) && t[j] != ' ' {
			continue
		}
		if c == '.' && isAbbreviation(t[start:i]) {
			continue
		}
		if p.InCode(i, i+1) {
			continue
		}
		k := j
		for k < len(t) && t[k] == ' ' {
			k++
		}
		if k < len(t) {
			r, _ := utf8.DecodeRuneInString(t[k:])
			if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '(' || r == '*') {
				continue
			}
		}
		out = appendSentence(out, t, start, j)
		start = k
		i = k - 1
	}
	return appendSentence(out, t, start, len(t))
}

func appendSentence(out []Sentence, t string, start, end int) []Sentence {
	for start < end && t[start] == ' ' {
		start++
	}
	for end > start && t[end-1] == ' ' {
		end--
	}
	if end > start {
		out = append(out, Sentence{start, end})
	}
	return out
}

var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "etc": true, "vs": true, "inc": true, "ltd": true, "co": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true,
	"approx": true, "no": true, "fig": true, "u.s": true, "corp": true,
}

func isAbbreviation(before string) bool {
	j := len(before)
	i := j
	for i > 0 && before[i-1] != ' ' && before[i-1] != '(' {
		i--
	}
	w := before[i:j]
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true // an initial: "John F. Kennedy"
	}
	lw := make([]byte, len(w))
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lw[k] = c
	}
	return abbreviations[string(lw)]
}

// FieldCount is len(strings.Fields(s)) without building the slice: it runs
// on every paragraph on every keystroke.
func FieldCount(s string) int {
	n, inField := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if !space && !inField {
			n++
		}
		inField = !space
	}
	return n
}
