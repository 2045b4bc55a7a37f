package document

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// A Parser's documents answer SourceContains, and their needle index the
// first and last occurrence, as a search of the whole source does, through
// random edits that make, break, move and straddle occurrences.
func TestSourceContainsFollowsEdits(t *testing.T) {
	needles := []string{"](", "![", "<img", "<think", "<reasoning>", "ab", "x"}
	pieces := []string{"a", "b", "](", "!", "[", "<", "img", "<think", "ing>", "<reason", "\n", " ", "x", "# H\n\n"}
	r := rand.New(rand.NewPCG(1, 2))
	var p Parser
	src := []byte("# Title\n\nSome text ](here) and ![an image](a.png)\n")
	for step := range 400 {
		d := p.Parse("t.md", src)
		for _, n := range needles {
			if got, want := d.SourceContains(n), bytes.Contains(src, []byte(n)); got != want {
				t.Fatalf("step %d: SourceContains(%q) = %v, want %v in %q", step, n, got, want, src)
			}
			first, last := d.needles.find(n)
			if wf, wl := bytes.Index(src, []byte(n)), bytes.LastIndex(src, []byte(n)); first != wf || last != wl {
				t.Fatalf("step %d: find(%q) = %d, %d, want %d, %d in %q", step, n, first, last, wf, wl, src)
			}
		}
		// the next version: replace a random run with random pieces
		i := r.IntN(len(src) + 1)
		j := min(len(src), i+r.IntN(6))
		var ins []byte
		for range r.IntN(4) {
			ins = append(ins, pieces[r.IntN(len(pieces))]...)
		}
		next := append(append(append([]byte{}, src[:i]...), ins...), src[j:]...)
		if len(next) > 2000 {
			next = next[:1000]
		}
		src = next
	}
}

// containsAnyRune and indexAnyRune answer as strings.ContainsAny and IndexAny do,
// for the sets the reading asks, on text with and without them, invalid
// UTF-8 included.
func TestIndexAnyAsStrings(t *testing.T) {
	sets := []string{"\"“„«»「『", "—–-,年", "[年", "—–-", "(（", ",(—–", ".!?。"}
	texts := []string{"", "plain ascii text", "“Quoted,” she said.", "SEATTLE — May 1, 2026 —", "東京、2026年5月1日 —",
		"Customer FAQ (for pilots)", "a（b", "no. yes! why? 終わり。", "\xe2\x80", "\xf0\xe2\x80\x9chalf", "x\xffy—z", "«guillemets»"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		var b []byte
		for range r.IntN(12) {
			b = append(b, texts[r.IntN(len(texts))]...)
		}
		if r.IntN(3) == 0 && len(b) > 0 {
			b = b[:r.IntN(len(b))] // cut inside a character
		}
		texts = append(texts, string(b))
	}
	for _, set := range sets {
		for _, s := range texts {
			if got, want := indexAnyRune(s, set), strings.IndexAny(s, set); got != want {
				t.Errorf("indexAnyRune(%q, %q) = %d, want %d", s, set, got, want)
			}
			if got, want := containsAnyRune(s, set), strings.ContainsAny(s, set); got != want {
				t.Errorf("containsAnyRune(%q, %q) = %v, want %v", s, set, got, want)
			}
		}
	}
}
