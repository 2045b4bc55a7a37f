package diagnostics

import (
	"regexp"
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

// dataRe finds figures that back a claim: numbers other than years and the
// day of a date ("March 3"), percentages, multipliers, money.
var (
	numberRe = regexp.MustCompile(`[$€£]?\d[\d,.]*(?:\s?(?:%|x|×|ms|s|h|k|m|bn|GB|TB|MB|percent|times|minutes|hours|days|weeks|seconds|million|billion))?`)
	yearRe   = regexp.MustCompile(`^(?:19|20)\d\d$`)
	monthRe  = regexp.MustCompile(`(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$`)
	numWords = wordList("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands",
		"million", "millions", "billion", "billions", "half", "twice", "double", "triple", "tenfold", "percent", "dozen", "dozens")
)

// hasData reports whether text (a sentence) states a figure: a number that
// is not a year or the day of a date, or a number word.
func hasData(text string) bool {
	for _, loc := range numberRe.FindAllStringIndex(text, -1) {
		n := strings.TrimRight(text[loc[0]:loc[1]], ".,")
		if yearRe.MatchString(n) {
			continue
		}
		if len(n) <= 2 && monthRe.MatchString(text[:loc[0]]) {
			continue
		}
		if loc[0] > 0 && isLetterByte(text[loc[0]-1]) {
			continue // a name with a digit: "Q3", "EC2", "P99"
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
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
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

// phraseCache compiles user-configured word lists once per distinct list.
var phraseCache = struct {
	sync.Mutex
	m map[string]*regexp.Regexp
}{m: map[string]*regexp.Regexp{}}

// cachedWordList is wordList with a cache keyed by the phrases; it serves
// lists that come from the configuration and so are not known at init.
func cachedWordList(phrases []string) *regexp.Regexp {
	sorted := append([]string(nil), phrases...)
	sort.Strings(sorted)
	key := strings.Join(sorted, "\x00")
	phraseCache.Lock()
	defer phraseCache.Unlock()
	if re, ok := phraseCache.m[key]; ok {
		return re
	}
	if len(phraseCache.m) > 32 {
		phraseCache.m = map[string]*regexp.Regexp{}
	}
	re := wordList(sorted...)
	phraseCache.m[key] = re
	return re
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
