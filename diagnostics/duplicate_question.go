package diagnostics

import (
	"fmt"
	"hash/maphash"
	"slices"
	"sort"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "duplicate-question",
		Severity: Warning,
		Summary:  "The same question is asked twice in the FAQ.",
		Why:      "A repeated question wastes the reader's attention and often hides two different answers to one question.",
		NotFlagged: "Two questions that ask the same thing in different words: questions are the same only when they " +
			"use the same words, in any order, ignoring case, punctuation, filler words and plurals.",
		Bad:  "## FAQ\n\n### How much does it cost?\n\n$5.\n\n### How much does it cost?\n\n$7.\n",
		Good: "## FAQ\n\n### How much does it cost?\n\n$5 a month; $7 with support.\n",
		check: func(c *Context) {
			doc := c.Doc
			// Two questions are the same when they use the same words, in any
			// order, ignoring case, punctuation, filler words and plurals.
			keyOf := func(q *document.Question) string {
				if c.memo == nil {
					return questionKey(q.Text) // checked once: no string in an interface
				}
				return c.memo.get(questionKeyKind{}, q.Text, func() any { return questionKey(q.Text) }).(string)
			}
			// The first question of each key, found by the key's hash: the
			// keys themselves are not kept (400,000 questions kept 30 MB of
			// them), and checked once, not even built: the hash is of the
			// key's words. A question whose hash an earlier one has is
			// compared by its key; keys that only share a hash are told
			// apart in collided.
			seed := maphash.MakeSeed()
			var hash maphash.Hash
			hash.SetSeed(seed)
			hashOf := func(q *document.Question) (uint64, bool) {
				if c.memo != nil {
					key := keyOf(q)
					return maphash.String(seed, key) & questionHashMask, key != ""
				}
				var arr [16]string // most questions fit: no allocation
				words := questionKeyWords(arr[:0], q.Text)
				hash.Reset()
				for i, w := range words {
					if i > 0 {
						hash.WriteByte(' ')
					}
					hash.WriteString(w)
				}
				return hash.Sum64() & questionHashMask, len(words) > 0
			}
			first := make(map[uint64]int, len(doc.Questions))
			var collided map[string]int
			for i, q := range doc.Questions {
				h, ok := hashOf(q)
				if !ok {
					continue
				}
				j, dup := first[h]
				if !dup {
					first[h] = i
					continue
				}
				if key := keyOf(q); keyOf(doc.Questions[j]) != key {
					if collided == nil {
						collided = map[string]int{}
					}
					if j, dup = collided[key]; !dup {
						collided[key] = i
						continue
					}
				}
				finding := func() Finding {
					line := doc.Mapper.Line(doc.Questions[j].Span.Start) + 1
					return Finding{
						Message: fmt.Sprintf("Duplicate of the question on line %d: merge the answers.", line),
						Span:    q.Span,
						Data:    map[string]any{"question": q.Text, "firstLine": line},
					}
				}
				if c.Counted(q.Span.Start) {
					c.CountOnly(q.Span.Start, finding) // one of very many: only counted
					continue
				}
				c.Report(finding())
			}
		},
	})
}

type questionKeyKind struct{}

// questionHashMask is ANDed with every key's hash; a test makes every key
// collide with 0.
var questionHashMask = ^uint64(0)

// questionKey is the sorted set of a question's content words, lower-cased,
// with a plural "s" dropped.
func questionKey(s string) string {
	var arr [16]string // most questions fit: no allocation
	return strings.Join(questionKeyWords(arr[:0], s), " ")
}

// questionKeyWords appends the words of questionKey(s) to dst: sorted, each
// once.
func questionKeyWords(dst []string, s string) []string {
	words := appendQuestionWords(dst, s)
	for i, w := range words {
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			words[i] = w[:len(w)-1]
		}
	}
	sort.Strings(words)
	return slices.Compact(words)
}

var questionStopwords = map[string]bool{"a": true, "an": true, "the": true, "is": true, "are": true, "do": true, "does": true, "i": true, "we": true, "you": true, "it": true, "to": true, "of": true, "for": true, "q": true}

// questionWords lowercases a question and drops punctuation and filler words.
func questionWords(s string) []string { return appendQuestionWords(make([]string, 0, 12), s) }

// appendQuestionWords appends questionWords(s) to out.
func appendQuestionWords(out []string, s string) []string {
	lower := strings.ToLower(s)
	start := -1
	for i := 0; i <= len(lower); i++ {
		inWord := i < len(lower) && (lower[i] >= 'a' && lower[i] <= 'z' || lower[i] >= '0' && lower[i] <= '9' || lower[i] >= 0x80)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			if w := lower[start:i]; !questionStopwords[w] {
				out = append(out, w)
			}
			start = -1
		}
	}
	return out
}

func jaccard(a, b []string) float64 {
	set := map[string]int{}
	for _, w := range a {
		set[w] |= 1
	}
	for _, w := range b {
		set[w] |= 2
	}
	both := 0
	for _, v := range set {
		if v == 3 {
			both++
		}
	}
	if len(set) == 0 {
		return 0
	}
	return float64(both) / float64(len(set))
}
