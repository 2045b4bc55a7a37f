package diagnostics

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "deferred-answer",
		Severity: Warning,
		Staged:   "deferred answer",
		Summary:  "An FAQ answer puts the question off: TBD, TODO, \"we'll figure it out later\".",
		Why: "The FAQ is where the team proves it has thought the hard questions through. An answer that defers " +
			"(TBD, TBC, TODO, \"to be determined\", \"not decided yet\", \"we'll figure that out later\") means the " +
			"question is open; an open question with no owner and no date stays open. An answer that names an owner " +
			"and a date for the follow-up is reported as information only. Deferrals are known in English, German (noch offen), French (à définir), Spanish (por definir), " +
			"Portuguese (em aberto), Russian (уточняется), Japanese (未定), Chinese (待定) and Korean (미정); the " +
			"fix writes English, so it is offered on English answers only.",
		NotFlagged: "The bare word \"later\" (\"ships later this year\" answers the question); a phrase inside a real answer " +
			"(\"dans les mois à venir\", \"未定義\"); TBD and its kin outside the FAQ, which are placeholder's.",
		Bad:    "## FAQ\n\n### How much will it cost?\n\nTBD, we'll figure that out later.\n",
		Good:   "## FAQ\n\n### How much will it cost?\n\nUnknown today; Priya (finance) will answer by March 14 after the pricing review.\n",
		FixDoc: "Replaces the deferring sentence with an owned follow-up: \"Unknown today; OWNER will answer by DATE.\"",
		check:  checkDeferredAnswers,
	})
}

// deferral finds the phrases that put an answer off, in every language of
// deferralMarkers.
// deferral is built on first use: a command or a server that checks no FAQ
// need not build its phrase tables at start-up.
var deferral = sync.OnceValue(newDeferralFinder)

// deferralMarkers are the words that put an answer off, per language. They
// are data: to teach the rule a language or a phrase, add it here.
//
//   - Phrases in Latin or Cyrillic script match as whole words, in any case,
//     with any space between the words: "noch offen" matches "Noch  offen"
//     but not "nochoffen".
//   - Phrases in Chinese, Japanese or Korean script match anywhere, as these
//     languages write words without spaces ("価格は未定です" holds "未定").
//   - A phrase written with a trailing " ." matches only where it ends a
//     clause (before . , ; : ! ? or the end of the paragraph), for words that
//     also begin ordinary sentences: "Preço: a definir." defers, "ajuda a
//     definir metas" does not.
//   - deferralNotAfter and deferralNotBefore list the words (or, in CJK, the
//     characters) that make a phrase part of a real answer: "dans les mois à
//     venir" (in the coming months) answers, "未定義" is "undefined".
//
// Every phrase is looked for in every answer, whatever its language: the
// phrases are specific enough, and an English "TBD" in a German answer is
// still a deferral. The bare word "later" is not one: "ships later this
// year" answers the question.
var deferralMarkers = []struct {
	lang    string
	phrases []string
}{
	{"en", deferralEnglish()},
	{"de", []string{"noch offen", "noch nicht entschieden", "noch nicht festgelegt", "noch nicht geklärt",
		"noch nicht bekannt", "noch nicht klar", "wird noch festgelegt", "werden noch festgelegt", "wird noch entschieden",
		"wird noch geklärt", "werden noch geklärt", "steht noch nicht fest", "stehen noch nicht fest", "noch zu klären",
		"noch zu entscheiden", "noch zu definieren", "offene Frage", "wird später entschieden", "klären wir später"}},
	{"fr", append(deferralFrench(), "à définir .", "à déterminer .", "à décider .", "à confirmer .", "à préciser .",
		"à venir .", "pas encore décidé", "pas encore décidée", "pas encore défini", "pas encore définie",
		"pas encore déterminé", "pas encore fixé", "pas encore tranché", "non encore défini", "en cours de discussion")},
	{"es", []string{"por definir", "por determinar", "por decidir", "por confirmar", "por concretar", "pendiente .",
		"pendiente de definir", "pendiente de decidir", "pendiente de confirmar", "pendiente de determinar", "a definir .",
		"aún no definido", "aún no decidido", "aún no se ha decidido", "todavía no se ha decidido", "aún no está definido",
		"todavía no está definido", "sin definir", "sin decidir", "se definirá más adelante", "se decidirá más adelante",
		"se determinará más adelante", "lo decidiremos más adelante"}},
	{"pt", []string{"a definir .", "a ser definido .", "a ser definida .", "a ser decidido .", "ainda a definir",
		"ainda não definido", "ainda não definida", "ainda não decidido", "ainda não decidida", "ainda não foi definido",
		"ainda não foi decidido", "ainda não está definido", "em aberto .", "ainda em aberto", "será definido posteriormente",
		"será definido mais tarde", "será decidido posteriormente", "será decidido mais tarde", "por definir"}},
	{"ru", []string{"по уточнению", "будет определено", "будет определена", "будет определён", "будет определен",
		"будут определены", "пока неизвестно", "пока не известно", "пока не решено", "ещё не решено", "еще не решено",
		"пока не определено", "ещё не определено", "еще не определено", "уточняется", "уточняются", "будет уточнено",
		"будет уточнена", "будут уточнены", "решим позже", "обсудим позже", "открытый вопрос"}},
	{"ja", []string{"未定", "今後検討", "検討中", "要検討", "未確定", "未決定", "まだ決まっていない", "まだ決まっていません",
		"後日決定", "後日発表", "追ってお知らせ"}},
	{"zh", []string{"待定", "待确定", "待確定", "未定", "后续讨论", "後續討論", "尚未确定", "尚未確定", "暂未确定", "暫未確定",
		"待讨论", "待討論", "尚未决定", "尚未決定", "待决定", "待決定"}},
	{"ko", []string{"미정", "추후 결정", "추후 논의", "추후 공지", "아직 정해지지", "아직 결정되지"}},
}

// deferralNotAfter: a phrase right after one of these words (CJK: these
// characters) is part of a real answer.
var deferralNotAfter = map[string][]string{
	"à venir":    {"mois", "semaines", "années", "ans", "jours", "temps", "versions", "semestres", "trimestres"},
	"a definir":  {"vamos", "voy", "va", "van", "ajuda", "ajudam", "ajudar", "ayuda", "ayudan", "ayudar", "começa", "começar", "empieza", "empezar"},
	"уточняется": {"как"}, // "как уточняется в документации": as the documentation specifies
}

// deferralNotBefore: a phrase right before one of these words (CJK: these
// characters) is part of a real answer.
var deferralNotBefore = map[string][]string{
	"noch offen": {"für", "bis", "ab", "von", "um", "am", "an"}, // "noch offen bis 18 Uhr": still open until six
	"未定":         {"義", "稿"},                                    // 未定義: undefined
	"検討中":        {"の"},                                         // 導入を検討中の企業: companies considering it
	"미정":         {"산"},                                         // 미정산: unsettled (a bill)
}

// deferralEnglish are the English phrases; TBD and its kin are read in
// every language.
func deferralEnglish() []string {
	list := []string{"TBD", "TBC", "TBA", "TODO", "FIXME", "undecided", "open question", "coming soon",
		"unknown at this time", "unknown at this point", "not decided", "not yet decided", "not decided yet",
		"not determined", "not yet determined", "not determined yet", "not defined yet", "not yet defined",
		"still being discussed", "still discussed", "still being debated", "still debated", "still undecided"}
	for _, w := range []string{"determined", "decided", "confirmed", "defined", "announced", "discussed"} {
		list = append(list, "to be "+w)
	}
	for _, verb := range []string{"figure", "work", "sort"} {
		for _, obj := range []string{"", "it ", "this ", "that ", "these ", "those ", "them "} {
			list = append(list, verb+" "+obj+"out later", "figure "+obj+"out")
		}
	}
	for _, verb := range []string{"decide", "answer", "address", "revisit", "discuss", "determine"} {
		for _, obj := range []string{"", "it ", "this ", "that "} {
			list = append(list, verb+" "+obj+"later")
		}
	}
	return list
}

// deferralFrench are "est à définir", "sera précisé ultérieurement" and
// their kin: "à définir" alone also reads "aide à définir ses objectifs".
func deferralFrench() []string {
	var list []string
	for _, aux := range []string{"est", "sont", "reste", "restent", "encore"} {
		for _, v := range []string{"définir", "déterminer", "décider", "confirmer", "préciser"} {
			list = append(list, aux+" à "+v)
		}
	}
	for _, aux := range []string{"sera", "seront"} {
		for _, v := range []string{"défini", "définie", "définis", "déterminé", "déterminée", "décidé", "décidée", "précisé",
			"précisée", "précisés", "communiqué", "communiquée", "communiqués", "fixé", "fixée"} {
			list = append(list, aux+" "+v+" ultérieurement", aux+" "+v+" plus tard")
		}
	}
	return list
}

// deferralFinder matches deferralMarkers: the word phrases through a phrase
// list, the CJK ones as substrings, then the guards.
type deferralFinder struct {
	words   *phrases
	cjk     []string
	endOnly map[string]bool   // normalised phrase → only at the end of a clause
	lang    map[string]string // normalised phrase → its language
	hints   []string          // lower-case substrings, one of which every phrase holds
	first   [256]uint64       // see find
	memoKey *document.MemoKey // where each prose keeps its matches
}

func newDeferralFinder() *deferralFinder {
	n := 0
	for _, l := range deferralMarkers {
		n += len(l.phrases)
	}
	// sized first: this runs at every start of the command line
	f := &deferralFinder{endOnly: map[string]bool{}, lang: make(map[string]string, n), memoKey: document.NewMemoKey()}
	// hand-picked for English, first as most answers are English:
	// substrings every English phrase holds
	f.hints = []string{"tb", "todo", "fixme", "undecided", "question", "soon", "unknown", "decided", "determined",
		"defined", "discuss", "debated", "to be", "out", "later"}
	words := make([]string, 0, n)
	for _, l := range deferralMarkers {
		for _, ph := range l.phrases {
			end := strings.HasSuffix(ph, " .")
			ph = strings.TrimSuffix(ph, " .")
			n := normPhrase(ph)
			if _, dup := f.lang[n]; !dup {
				f.lang[n] = l.lang
			}
			if end {
				f.endOnly[n] = true
			}
			if document.Spaceless(ph) {
				f.cjk = append(f.cjk, ph)
				f.hints = append(f.hints, ph)
				continue
			}
			words = append(words, ph)
			if l.lang != "en" {
				f.hints = append(f.hints, longestWord(n))
			}
		}
	}
	f.words = phraseList(words...)
	for first := range f.words.byFirst {
		if len(first) < 64 {
			f.first[first[0]] |= 1 << len(first)
		}
	}
	return f
}

// in returns the deferral phrases in prose, outside code; each run's matches
// are kept with it (they follow from its text alone).
func (f *deferralFinder) in(prose []*document.Prose) []match {
	var out []match
	for _, p := range prose {
		locs, ok := p.Kept(f.memoKey).([][2]int)
		if !ok {
			locs = p.Memo(f.memoKey, func() any {
				var locs [][2]int
				for _, loc := range f.find(p.Text, p.Words()) {
					if !p.InCode(loc[0], loc[1]) {
						locs = append(locs, [2]int{loc[0], loc[1]})
					}
				}
				return locs
			}).([][2]int)
		}
		for _, loc := range locs {
			out = append(out, match{prose: p, start: loc[0], end: loc[1], text: p.Text[loc[0]:loc[1]]})
		}
	}
	return out
}

// find finds the deferral phrases in text, given its words. It is
// phrases.find with a filter in front of the map look-up: first[c] has bit n
// set when a phrase's first word starts with byte c (lower case) and is n
// bytes long, and most words fail it.
func (f *deferralFinder) find(text string, words []document.Word) [][]int {
	var out [][]int
	var arr [32]byte
	buf := arr[:0]
	for k := 0; k < len(words); k++ {
		w := words[k].Text
		if c, n := w[0], len(w); c < 0x80 && (n >= 64 || f.first[c|0x20]&(1<<n) == 0) {
			continue
		}
		buf = appendFold(buf[:0], w)
		for _, ph := range f.words.byFirst[string(buf)] {
			if end, ok := ph.matchAt(text, words, k); ok {
				if start := int(words[k].Start); f.keep(text, start, end, normPhrase(text[start:end]), false) {
					out = append(out, []int{start, end})
				}
				k += len(ph.words) - 1
				break
			}
		}
	}
	if document.Spaceless(text) {
		for _, ph := range f.cjk {
			for i := 0; ; {
				j := strings.Index(text[i:], ph)
				if j < 0 {
					break
				}
				start, end := i+j, i+j+len(ph)
				if f.keep(text, start, end, ph, true) && !overlaps(out, start, end) {
					out = append(out, []int{start, end})
				}
				i = end
			}
		}
		sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	}
	return out
}

// keep applies a phrase's guards to its match at text[start:end].
func (f *deferralFinder) keep(text string, start, end int, key string, cjk bool) bool {
	if f.endOnly[key] && !clauseEnds(text[end:]) {
		return false
	}
	for _, w := range deferralNotAfter[key] {
		if cjk && strings.HasSuffix(text[:start], w) || !cjk && prevWord(text, start) == w {
			return false
		}
	}
	for _, w := range deferralNotBefore[key] {
		if cjk && strings.HasPrefix(text[end:], w) || !cjk && nextWord(text, end) == w {
			return false
		}
	}
	if deferralNegatable[key] && negatedClause(text[:start]) {
		return false
	}
	return true
}

// deferralNegatable are markers that are negative words themselves: denied
// in their own clause they say the opposite ("The sprint does not begin
// with this undecided", "This is no open question").
var deferralNegatable = map[string]bool{"undecided": true, "open question": true, "still undecided": true}

// negatedClause: the clause that before ends holds a negation.
func negatedClause(before string) bool {
	if i := strings.LastIndexAny(before, ".;:!?—–,("); i >= 0 {
		before = before[i+1:]
	}
	for _, w := range strings.Fields(strings.ToLower(before)) {
		switch strings.Trim(w, "*_\"'") {
		case "not", "no", "never", "nothing", "without", "don't", "doesn't", "won't", "isn't", "aren't", "cannot", "can't":
			return true
		}
	}
	return false
}

// hinted reports whether lower (an answer in lower case) holds a hint: an
// answer with none holds no phrase and is not matched at all.
func (f *deferralFinder) hinted(lower string) bool {
	for _, h := range f.hints {
		if strings.Contains(lower, h) {
			return true
		}
	}
	return false
}

// english reports a phrase from the English list (the fix writes English).
func (f *deferralFinder) english(phrase string) bool {
	return f.lang[normPhrase(phrase)] == "en"
}

// clauseEnds reports whether rest (what follows a match) starts with the end
// of a clause: punctuation, a closing mark or the end of the text.
func clauseEnds(rest string) bool {
	rest = strings.TrimLeft(rest, " \t\"'*_)”’»」』")
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return strings.ContainsRune(".,;:!?…。、！？；：", r)
}

func overlaps(locs [][]int, start, end int) bool {
	for _, l := range locs {
		if start < l[1] && end > l[0] {
			return true
		}
	}
	return false
}

func longestWord(phrase string) string {
	best := ""
	for _, w := range strings.Fields(phrase) {
		if len(w) > len(best) {
			best = w
		}
	}
	return best
}

// ownedFollowUp: the answer names who follows up ("Priya will answer",
// "owner: @sam", "OWNER will answer") and when ("by March 14", "by Q3").
var (
	followUpOwner = document.NewLazyRegexp(`(?i)(@[\w-]+|\bowner\s*:|\bowned by\b|\b[A-Z][a-z]+(?: \([^)]*\))? will (?:answer|decide|follow up|confirm|report)|\bOWNER\b)`)
	followUpDate  = document.NewLazyRegexp(`(?i)\bby (?:the )?(?:end of )?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? ?\d{0,2}|q[1-4]|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}|monday|tuesday|wednesday|thursday|friday|next (?:week|month|sprint|quarter)|(?:this|the) (?:week|month|sprint|quarter)|DATE)\b`)
)

// firstDeferrals finds each answer's first deferral in one pass over the
// FAQ's prose (findDeferral answers for one question at a time).
func firstDeferrals(doc *document.Document) map[*document.Question]match {
	out := map[*document.Question]match{}
	qs := doc.Questions
	if len(qs) == 0 {
		return out
	}
	for _, m := range deferral().in(doc.ProseOverlapping(doc.FAQSpan)) {
		if mentioned(m) {
			continue
		}
		s := m.span()
		// answers are disjoint and in order: the last one starting at or before the match
		k := sort.Search(len(qs), func(k int) bool { return qs[k].Answer.Start > s.Start }) - 1
		if k < 0 || !qs[k].Answer.Covers(s) {
			continue
		}
		if _, seen := out[qs[k]]; !seen {
			out[qs[k]] = m
		}
	}
	return out
}

// owned reports an answer that names who follows up and by when; cheap
// substring checks keep the regexps off most answers.
// ownedKey keeps owned of a prose run's text with the run: the FAQ's
// deferred answers are looked at on every keystroke.
var ownedKey = document.NewMemoKey()

func owned(text string) bool {
	lower := strings.ToLower(text)
	if !strings.Contains(lower, "by ") || !(strings.Contains(text, "@") || strings.Contains(lower, "own") || strings.Contains(lower, " will ")) {
		return false
	}
	return followUpOwner.MatchString(text) && followUpDate.MatchString(text)
}

// followUpText is what the fix writes; its OWNER and DATE are for the author
// to fill in (the placeholder rule keeps reminding until they do).
const followUpText = "Unknown today; OWNER will answer by DATE."

// findDeferral returns the first deferring phrase in the answer prose.
func findDeferral(doc *document.Document, q *document.Question) (match, bool) {
	if !hintedAnswer(q.AnswerText) {
		return match{}, false
	}
	for _, m := range deferral().in(doc.ProseOverlapping(q.Answer)) {
		if q.Answer.Covers(m.span()) && !mentioned(m) {
			return m, true
		}
	}
	return match{}, false
}

// hintedAnswers memoises deferral.hinted by answer text: outlines, code
// lenses and hovers ask for every question's status on each request (at
// 40,000 words the hint scan was 80% of an outline), and few answers change
// between two requests. Cleared when full, so it stays small.
var hintedAnswers struct {
	sync.Mutex
	m map[string]bool
}

const maxHintedAnswers = 1 << 14

func hintedAnswer(answer string) bool {
	hintedAnswers.Lock()
	h, ok := hintedAnswers.m[answer]
	hintedAnswers.Unlock()
	if ok {
		return h
	}
	h = deferral().hinted(strings.ToLower(answer))
	hintedAnswers.Lock()
	if hintedAnswers.m == nil || len(hintedAnswers.m) >= maxHintedAnswers {
		hintedAnswers.m = map[string]bool{}
	}
	hintedAnswers.m[answer] = h
	hintedAnswers.Unlock()
	return h
}

// QuestionStatus is "answered", "deferred" or "unanswered"; the server shows
// it in outlines, hovers and the code lens.
func QuestionStatus(doc *document.Document, q *document.Question) string {
	if strings.TrimSpace(q.AnswerText) == "" {
		return "unanswered"
	}
	if _, ok := findDeferral(doc, q); ok {
		return "deferred"
	}
	return "answered"
}

func checkDeferredAnswers(c *Context) {
	doc := c.Doc
	for q, m := range firstDeferrals(doc) {
		sentence := sentenceAround(m)
		if m.prose.Memo(ownedKey, func() any { return owned(m.prose.Text) }).(bool) {
			c.Report(Finding{
				Severity: Information,
				Message:  "Deferred answer with an owner and a date: make sure the follow-up happens.",
				Span:     m.span(),
				Data:     map[string]any{"question": q.Text, "phrase": m.text, "owned": true},
			})
			continue
		}
		f := Finding{
			Message: "Deferred answer (\"" + m.text + "\"): answer it now, or name who will answer and by when.",
			Span:    m.span(),
			Data:    map[string]any{"question": q.Text, "phrase": m.text, "owned": false},
		}
		// the fix writes English: only into an English answer
		if deferral().english(m.text) && m.prose.English() {
			f.Fixes = []Fix{replaceFix("Turn into an owned follow-up", sentence, followUpText)}
		}
		c.Report(f)
	}
}

// mentioned reports a phrase the answer quotes rather than uses: in
// quotation marks of any language ("TBD", „noch offen“, «à définir», 「未定」).
func mentioned(m match) bool {
	if quotedMention(m) {
		return true
	}
	before, after := m.prose.Text[:m.start], m.prose.Text[m.end:]
	for _, q := range [][2]string{{"「", "」"}, {"『", "』"}, {"«", "»"}, {"« ", " »"}, {"„", "“"}, {"‚", "‘"}, {"‹", "›"}, {"“", "”"}} {
		if strings.HasSuffix(before, q[0]) && strings.HasPrefix(after, q[1]) {
			return true
		}
	}
	return false
}

// sentenceAround returns the source span of the sentence holding a match.
func sentenceAround(m match) document.Span {
	for _, s := range m.prose.Sentences() {
		if m.start >= s.Start && m.start < s.End {
			return m.prose.SourceSpan(s.Start, s.End)
		}
	}
	return m.span()
}
