package document

import (
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
	offsets []int // offsets[i] is the source offset of Text[i]; one extra at the end
	code    []Span
}

// proseBuilder accumulates prose text while walking inline nodes.
type proseBuilder struct {
	text    []byte
	offsets []int
	code    []Span
}

func (b *proseBuilder) add(src []byte, start, stop int) {
	for i := start; i < stop; i++ {
		b.text = append(b.text, src[i])
		b.offsets = append(b.offsets, i)
	}
}

// addSpace adds a separator that maps to offset (soft breaks, skipped HTML).
func (b *proseBuilder) addSpace(offset int) {
	if n := len(b.text); n > 0 && b.text[n-1] == ' ' {
		return
	}
	b.text = append(b.text, ' ')
	b.offsets = append(b.offsets, offset)
}

func (b *proseBuilder) build(span Span, heading bool) *Prose {
	end := span.End
	if n := len(b.offsets); n > 0 {
		end = b.offsets[n-1] + 1
	}
	return &Prose{Text: string(b.text), Span: span, Heading: heading, offsets: append(b.offsets, end), code: b.code}
}

// Offset maps an index in Text (0..len(Text)) to a source byte offset.
func (p *Prose) Offset(i int) int {
	if i < 0 {
		i = 0
	}
	if i >= len(p.offsets) {
		i = len(p.offsets) - 1
	}
	if i < 0 {
		return p.Span.Start
	}
	return p.offsets[i]
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
	for _, c := range p.code {
		if i < c.End && j > c.Start {
			return true
		}
	}
	return false
}

// Word is a word of prose: letters, digits, apostrophes and inner hyphens.
type Word struct {
	Text       string
	Start, End int // indices into Prose.Text
}

// Words returns the words of the prose, skipping code spans and autolinks.
func (p *Prose) Words() []Word {
	var words []Word
	t := p.Text
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i
		for j < len(t) {
			r2, s2 := utf8.DecodeRuneInString(t[j:])
			if isWordRune(r2) {
				j += s2
				continue
			}
			// keep inner apostrophes and hyphens: "don't", "real-time"
			if (r2 == '\'' || r2 == '’' || r2 == '-') && j+s2 < len(t) {
				if r3, _ := utf8.DecodeRuneInString(t[j+s2:]); isWordRune(r3) {
					j += s2
					continue
				}
			}
			break
		}
		if !p.InCode(i, j) {
			words = append(words, Word{Text: t[i:j], Start: i, End: j})
		}
		i = j
	}
	return words
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
