package document

import (
	"regexp"
	"strings"
	"unicode"
)

// Quotes: a paragraph in quotation marks with an attribution ("said …",
// "— Name, Title") is a quote; who speaks tells a leader's from a customer's.

var (
	openQuote   = regexp.MustCompile(`^[*_\s]*["“‘]`)
	quotedWords = regexp.MustCompile(`["“]([^"”]{20,})["”]`)
	saidRe      = regexp.MustCompile(`(?i)["”,]\s*(?:said|says|explains|explained|adds|added|notes|noted|commented|shared|according to)\s+([^.;"“”]{2,120})|(?:^|[.”"]\s+)([\p{Lu}][^"“”.]{1,80}?)\s+(?:said|says|explained|added)\b|["”]\s*[—–-]{1,2}\s*([^"“”]{2,160})$|["”]\s+(\p{Lu}[^"“”]{1,100})$`)
	leaderCue   = regexp.MustCompile(`(?i)\b(ceo|cto|cfo|coo|cpo|founder|co-founder|chair\w*|president|vp|vice president|director|head of|general manager|gm|product manager|principal|chief|maintainer|creator|project lead|team lead|our)\b`)
	customerCue = regexp.MustCompile(`(?i)\b(customer|user|developer|engineer|scientist|analyst|student|practitioner|admin\w*|operator|architect|consultant|researcher|devops|sre|designer|teacher|owner)s?\b`)
)

func isQuoteText(t string) bool { return openQuote.MatchString(t) }

// findQuotes finds quoted paragraphs in the press release and tells a
// leader's from a customer's by the heading above them or the speaker.
func (s *scan) findQuotes() {
	d := s.d
	var blocks []*Block
	for _, b := range s.prBlocks {
		if b.Kind == Paragraph {
			blocks = append(blocks, b)
		} else if b.Kind == BlockQuote {
			// the paragraphs inside a blockquote
			for _, p := range d.ProseIn(b.Span) {
				blocks = append(blocks, &Block{Kind: Paragraph, Span: b.Span, Content: p.Span, Text: strings.TrimSpace(p.Text), Prose: p})
			}
		}
	}
	for _, b := range blocks {
		if s.used[b] {
			continue
		}
		r := readQuote(b)
		if !r.isQuote {
			continue
		}
		q := &Quote{Block: b}
		s.quotes[b] = true
		if r.attribution[1] > 0 {
			q.Attribution = b.Prose.SourceSpan(r.attribution[0], r.attribution[1])
			q.Speaker = r.speaker
		}
		if q.Speaker != "" {
			q.Kind = s.quoteKind(b, q.Speaker, r)
		}
		d.Quotes = append(d.Quotes, q)
	}
	for _, q := range d.Quotes {
		if q.Kind == "" {
			continue
		}
		if d.Parts[q.Kind] == nil {
			d.Parts[q.Kind] = &Part{Kind: q.Kind, Span: q.Block.Span, Body: q.Block.Content, Text: q.Block.Text}
			s.used[q.Block] = true
		}
	}
}

// quoteReading is what findQuotes reads from a paragraph's text alone; it
// is kept with the paragraph's prose (Prose.Memo), so the regular
// expressions run once per paragraph, not once per keystroke.
type quoteReading struct {
	isQuote          bool
	attribution      [2]int // in the block's text; [0 0] when none
	speaker          string
	leader, customer bool // the speaker's cues
}

type quoteKey struct{}

func readQuote(b *Block) quoteReading {
	read := func() any {
		var r quoteReading
		if !isQuoteText(b.Text) || !quotedWords.MatchString(b.Text) {
			return r
		}
		r.isQuote = true
		if m := saidRe.FindStringSubmatchIndex(b.Text); m != nil {
			for g := 2; g+1 < len(m); g += 2 {
				if m[g] >= 0 {
					r.attribution = [2]int{m[g], m[g+1]}
					r.speaker = strings.Trim(b.Text[m[g]:m[g+1]], " *_")
					break
				}
			}
		}
		r.leader, r.customer = leaderCue.MatchString(r.speaker), customerCue.MatchString(r.speaker)
		return r
	}
	if b.Prose == nil {
		return read().(quoteReading)
	}
	return b.Prose.Memo(quoteKey{}, read).(quoteReading)
}

func (s *scan) quoteKind(b *Block, speaker string, r quoteReading) PartKind {
	d := s.d
	for _, k := range []PartKind{LeaderQuote, CustomerQuote} {
		if p := d.Parts[k]; p != nil && p.Heading != nil && p.Span.Covers(b.Span) {
			return k
		}
	}
	leader, customer := r.leader, r.customer
	// a second person after the leader's quote speaks for customers
	for _, q := range d.Quotes {
		if q.Kind == LeaderQuote && !sameSpeaker(q.Speaker, speaker) {
			return CustomerQuote
		}
	}
	switch {
	case leader && !customer:
		return LeaderQuote
	case customer && !leader:
		return CustomerQuote
	}
	// ambiguous: the first quote is the leader's, the ones after it customers'
	for _, q := range d.Quotes {
		if q.Kind == LeaderQuote {
			return CustomerQuote
		}
	}
	if d.Parts[LeaderQuote] != nil {
		return CustomerQuote
	}
	return LeaderQuote
}

// sameSpeaker compares attributions loosely: "Vincul's creator" and "the
// creator" are one person.
func sameSpeaker(a, b string) bool {
	wa, wb := speakerWords(a), speakerWords(b)
	common := 0
	for w := range wa {
		if wb[w] {
			common++
		}
	}
	small := min(len(wa), len(wb))
	return small > 0 && common*2 >= small
}

func speakerWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) > 2 && w != "the" && w != "and" && w != "said" && w != "says" {
			out[w] = true
		}
	}
	return out
}
