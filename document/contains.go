package document

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"
)

// SourceContains reports whether the document's source holds needle, as
// bytes.Contains(d.Source, needle) does. A document a Parser made answers
// from the last version's answer and the bytes around the edit: asking
// the whole source on every keystroke (are there asides? images?) was a
// tenth of a keystroke's work at 40,000 words.
func (d *Document) SourceContains(needle string) bool {
	if d.needles == nil {
		return bytes.Contains(d.Source, []byte(needle))
	}
	first, _ := d.needles.find(needle)
	return first >= 0
}

// needleIndex is where needles first and last occur in one version of a
// Parser's document. It asks the version before (prev, which shares the
// first pre and the last suf bytes with this one) and reads only the bytes
// around the edit, since the occurrences wholly inside the shared bytes
// are the same: one of them is in the prefix exactly when the version
// before first had one there, in the suffix exactly when its last one was.
type needleIndex struct {
	mu       sync.Mutex
	src      []byte
	prev     *needleIndex // nil once a later version asked it, or for the first
	pre, suf int          // bytes shared with prev's source
	at       map[string][2]int
}

// next is the index of the version after ix, src, which shares the first
// pre and the last suf bytes with ix's. Only the newest version asks the
// one before it: ix lets go of its own prev.
func (ix *needleIndex) next(src []byte, pre, suf int) *needleIndex {
	if ix != nil {
		ix.mu.Lock()
		ix.prev = nil
		ix.mu.Unlock()
	}
	return &needleIndex{src: src, prev: ix, pre: pre, suf: suf}
}

// find returns the offsets where needle first and last occurs, -1 when it
// does not.
func (ix *needleIndex) find(needle string) (first, last int) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if at, ok := ix.at[needle]; ok {
		return at[0], at[1]
	}
	first, last = ix.read(needle)
	if ix.at == nil {
		ix.at = map[string][2]int{}
	}
	ix.at[needle] = [2]int{first, last}
	return first, last
}

func (ix *needleIndex) read(needle string) (first, last int) {
	src, n := ix.src, len(needle)
	if ix.prev == nil || n == 0 {
		return bytes.Index(src, []byte(needle)), bytes.LastIndex(src, []byte(needle))
	}
	pf, pl := ix.prev.find(needle)
	oldLen := len(ix.prev.src)
	inPrefix := pf >= 0 && pf+n <= ix.pre      // then pf is the first here too
	inSuffix := pl >= 0 && pl >= oldLen-ix.suf // then pl, moved, is the last here too
	// every other occurrence overlaps the edited bytes
	from, to := max(0, ix.pre-n+1), min(len(src), len(src)-ix.suf+n-1)
	wf, wl := -1, -1
	if from < to {
		if i := bytes.Index(src[from:to], []byte(needle)); i >= 0 {
			wf, wl = from+i, from+bytes.LastIndex(src[from:to], []byte(needle))
		}
	}
	switch {
	case inPrefix:
		first = pf
	case wf >= 0:
		first = wf
	case inSuffix:
		first = len(src) - ix.suf + bytes.Index(src[len(src)-ix.suf:], []byte(needle))
	default:
		first = -1
	}
	switch {
	case inSuffix:
		last = pl + len(src) - oldLen
	case wl >= 0:
		last = wl
	case inPrefix:
		last = bytes.LastIndex(src[:ix.pre], []byte(needle))
	default:
		last = -1
	}
	return first, last
}

// containsAnyRune is strings.ContainsAny for a set of a few characters, some of
// them outside ASCII: strings.ContainsAny looks each of the text's
// characters up in such a set (a hundred instructions a character for
// "\"“„«»「『"), containsAnyRune searches the text once for each of the set's.
// The set must not hold U+FFFD.
func containsAnyRune(s, set string) bool { return indexAnyRune(s, set) >= 0 }

// indexAnyRune is strings.IndexAny for such a set (see containsAnyRune).
func indexAnyRune(s, set string) int {
	first := -1
	for i := 0; i < len(set); {
		_, n := utf8.DecodeRuneInString(set[i:])
		if j := strings.Index(s, set[i:i+n]); j >= 0 && (first < 0 || j < first) {
			first = j
		}
		i += n
	}
	return first
}
