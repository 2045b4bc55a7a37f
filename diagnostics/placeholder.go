package diagnostics

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "placeholder",
		Severity: Warning,
		Staged:   "placeholder",
		Summary:  "Template text left in: [Company name], XXX, WHO?, YOUR_NAME, ____, template instructions and labels, \"## Question 2\".",
		Why: "A PR/FAQ usually starts from a template, and template text that survives into review tells the reader " +
			"the thinking is not done: a bracketed \"[Customer segment]\" is a decision nobody made yet. Flagged: " +
			"bracketed text that is not a link, a task box, a citation, an alert or a UI label (\"[Save]\"), in lower " +
			"case only when it names what to fill in (\"[partner]\", \"[launch_date]\"); slots in angle brackets " +
			"(`<product> in <city>`, which Markdown would hide as HTML; real tags such as `<br>` and `<kbd>` are not " +
			"slots); tokens such as XXX, WHO?, ???, @xxxxx, OWNER and DATE in capitals, REPLACE_ME, YOUR_NAME and " +
			"COMPANY_NAME (not identifiers such as AWS_REGION), blanks of underscores, \"Project Name\", \"(deployed " +
			"link)\", \"Sample Person\", lorem ipsum and \"… goes here\"; reminders in parentheses (\"(insert final " +
			"pricing)\", \"(add screenshot)\"); a quote attributed to \"Customer " +
			"Quote\"; TBD, TBA or TODO outside the FAQ (in FAQ answers they are deferred-answer's); template " +
			"instructions that open a heading or paragraph (\"Describe the customer experience\", \"Provide a " +
			"URL…\", \"This section should contain…\", \"A short paragraph describing…\"), but not an imperative " +
			"heading of a how-to (\"Write a config file\"); a press-release part whose whole text is the template's " +
			"question about the product (\"What problem does the customer have?\"; not a question to the reader); plain template labels before the text (\"Subtitle:\", " +
			"\"Intro Paragraph:\", \"Title:\"); and template FAQ entries (\"## Question 2\" answered by \"Answer 2\"). " +
			"The skeletons `prfaq` inserts are placeholders on purpose and are flagged until filled in.",
		NotFlagged: "Example names such as \"Jane Doe\": a made-up customer is normal in a PR/FAQ. Bracketed links, task " +
			"boxes, citations, alerts and UI labels (\"[Save]\"); real HTML tags (`<br>`, `<kbd>`); identifiers such as " +
			"AWS_REGION; an imperative heading of a how-to (\"Write a config file\"); TBD and TODO in FAQ answers " +
			"(deferred-answer's). Code, HTML comments and link destinations are not looked at, except a placeholder " +
			"target (http://Link), a slot amid the prose of a code span (`SEATTLE — [TARGET DATE] —`) and @xxxxx in a " +
			"fence with no language (a template's sign-off box).",
		Bad:    "# [Company] announces [Product] for [customer segment]\n\nSubtitle: Provide a few more key details\n",
		Good:   "# Acme Ledger lets small shops send invoices in one click\n\n*Shops that bill by hand get paid nine days sooner.*\n",
		FixDoc: "Removes a template label (\"Subtitle: \") and keeps the text after it.",
		check:  checkPlaceholders,
	})
}

var (
	// placeholder tokens, in the case they are written; each regexp runs
	// only on prose that holds its cheap marker (see placeholderTokens).
	xTokenRe     = document.NewLazyRegexp(`\bX{2,}\b|\bx{3,}\b`)
	atTokenRe    = document.NewLazyRegexp(`@(?i:x{2,}|username|handle|yourname|your-name|someone)\b`)
	nameTokenRe  = document.NewLazyRegexp(`\b(?:Project|Product|Company|Customer|Feature|Service|Person|Partner|Team) Name\b|\bYour (?:Name|Company|Product|Title)\b|\bSample (?:Person|Customer|Company|Name|User)\b|\bFirstname Lastname\b|\bTKTK\b`)
	lowerTokenRe = document.NewLazyRegexp(`(?i:\blorem ipsum(?:\s+dolor sit amet)?\b|\bdolor sit amet\b|\((?:deployed link|insert link|add link|link here|link to come|link tbd|link)\)|\binsert\b[^.\n]{0,40}?\bhere\b|\b(?:your|some) (?:text|content|copy|description|quote|answer) (?:goes )?here\b|\b\w+ goes here\b)`)
	// placeholderCapsRe are ALL-CAPS fill-ins (the deferred-answer fix writes
	// "OWNER will answer by DATE"); not flagged in ALL CAPS prose.
	placeholderCapsRe = document.NewLazyRegexp(`\b(?:OWNER|DATE|NAME|CITY|COMPANY|PRODUCT|CUSTOMER|PLACEHOLDER)\b`)
	// deferralTokenRe are flagged outside the FAQ only.
	deferralTokenRe = document.NewLazyRegexp(`\b(?:TBD|TBA|TBC|TODO|FIXME)\b`)
	// instructionRe is a template instruction opening a heading or paragraph.
	instructionRe = document.NewLazyRegexp(`(?i)^(?:describe|provide|summari[sz]e|lay out|pick|explain|outline|insert|fill in|make up|quote an? |include (?:a |an |the |any |some |customer|cutomer)|list (?:the|your|all)|write (?:a|an|the|one|two|your)\b|give (?:a|an)\b|create (?:a|an) (?:fake|made-up|hypothetical)|add (?:a|the|your) (?:quote|headline|subheading|summary|paragraph|description))\b`)
	// instructionCueRe: a paragraph that opens with an instruction verb is a
	// template instruction only when it speaks of the document's parts.
	instructionCueRe = document.NewLazyRegexp(`(?i)\b(?:your (?:product|service|company|customers?|team|feature|launch)|product/service|the customers?|customer's|problems?|solution|quote|leader|here|sentences?|paragraph|key details|overview|headline|benefit|url|launch|what the service)\b`)
	// bracketCueRe marks a lower-case bracket as template text.
	bracketCueRe     = document.NewLazyRegexp(`(?i)\b(?:insert|your|name|link|url|date|todo|tbd|placeholder|e\.g|describe|provide|add|fill|customers?|products?|company|benefits?|city|state|country|quote|question|answer|who|what|when|where|how|number|price|amount|segment|feature|service|leader|title|email|launch|problem|solution)\b`)
	templateQuestion = document.NewLazyRegexp(`(?i)^\s*(?:question|q)\s*\d*\s*[?:.]?\s*$`)
	templateAnswer   = document.NewLazyRegexp(`(?i)^\s*(?:answer|a)\s*\d*\s*[.:]?\s*$`)
)

type placeholderCheck struct {
	c    *Context
	seen []document.Span
}

func (pc *placeholderCheck) report(span document.Span, what, kind string, fixes ...Fix) {
	// seen holds disjoint spans sorted by start, so only the span before
	// the insertion point can overlap
	k := sort.Search(len(pc.seen), func(k int) bool { return pc.seen[k].Start >= span.End })
	if k > 0 && pc.seen[k-1].End > span.Start {
		return
	}
	if k < len(pc.seen) && span.Empty() && pc.seen[k].Start == span.Start {
		return
	}
	pc.seen = append(pc.seen, document.Span{})
	copy(pc.seen[k+1:], pc.seen[k:])
	pc.seen[k] = span
	pc.c.Report(Finding{
		Message: what,
		Span:    span,
		Data:    map[string]any{"kind": kind},
		Fixes:   fixes,
	})
}

func checkPlaceholders(c *Context) {
	doc := c.Doc
	pc := &placeholderCheck{c: c}
	// template labels first: their fix is the most useful
	for _, k := range document.AllParts {
		p := doc.Parts[k]
		if p == nil || p.Label.Empty() {
			continue
		}
		label := strings.TrimSpace(doc.Text(p.Label))
		end := p.Label.End
		for end < len(doc.Source) && (doc.Source[end] == ' ' || doc.Source[end] == '\t') {
			end++
		}
		span := document.Span{Start: p.Label.Start, End: p.Label.End}
		for span.End > span.Start && (doc.Source[span.End-1] == ' ' || doc.Source[span.End-1] == '\t') {
			span.End--
		}
		pc.report(span, fmt.Sprintf("Template label %q left before the text: remove it.", label), "label",
			Fix{Title: fmt.Sprintf("Remove %q", label), Edits: []Edit{{Span: document.Span{Start: p.Label.Start, End: end}}}})
	}
	for _, b := range doc.Blocks {
		if b.Kind != document.Paragraph || b.Prose == nil {
			continue
		}
		p := b.Prose
		m := labelPrefix(p.Text)
		if m == nil || p.InCode(m[0], m[1]) {
			continue
		}
		name := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(p.Text[m[0]:m[1]]), ":"))
		if !templateLabels[normPhrase(name)] {
			continue
		}
		span, ok := spanOfProse(p, m[0], m[1])
		if !ok {
			continue
		}
		label := strings.TrimSpace(p.Text[m[0]:m[1]])
		pc.report(p.SourceSpan(m[0], m[0]+len(label)), fmt.Sprintf("Template label %q left before the text: remove it.", label), "label",
			Fix{Title: fmt.Sprintf("Remove %q", label), Edits: []Edit{{Span: span}}})
	}
	for _, p := range doc.Prose {
		pc.prose(p)
	}
	pc.plainFences()
	pc.slotQuestions()
	for _, q := range doc.Questions {
		if len(q.Text) <= 16 && templateQuestion.MatchString(q.Text) {
			pc.report(q.Span, fmt.Sprintf("Template question %q left in: write the question a reader will ask.", strings.TrimSpace(q.Text)), "question")
		}
		if !q.Answer.Empty() && len(q.AnswerText) <= 16 && templateAnswer.MatchString(q.AnswerText) {
			span := trimSpan(doc, q.Answer)
			pc.report(span, fmt.Sprintf("Template answer %q left in: write the answer.", strings.TrimSpace(q.AnswerText)), "answer")
		}
	}
}

func (pc *placeholderCheck) prose(p *document.Prose) {
	c, doc, t := pc.c, pc.c.Doc, p.Text
	read, ok := p.Kept(placeholderTextKey).(*placeholderText)
	if !ok {
		read = p.Memo(placeholderTextKey, func() any { return pc.read(p) }).(*placeholderText)
	}
	// template instructions opening a heading, a paragraph or a label's text
	if loc := read.instruction; loc != nil {
		text := t[loc[0]:loc[1]]
		pc.report(p.SourceSpan(loc[0], loc[1]), fmt.Sprintf("Template instruction left in (%q): replace it with the text it asks for.", shorten(text, 60)), "instruction")
	}
	for _, loc := range read.brackets {
		i, j := loc[0], loc[1]
		inner := strings.TrimSpace(t[loc[2]:loc[3]])
		if p.InCode(i, i+1) || p.InCode(j-1, j) {
			// a slot amid the prose of a code span, not a code span that
			// only mentions the slot ("replace `[CUSTOMER NAME]`")
			if i > 0 && j < len(t) && p.InCode(i-1, i) && p.InCode(j, j+1) && codeSlot(inner) && !c.Allowed(inner) {
				pc.report(p.SourceSpan(i, j), fmt.Sprintf("Placeholder %q left in: replace it with the real text.", shorten(t[i:j], 60)), "bracket")
			}
			continue
		}
		if c.Allowed(inner) || !bracketPlaceholder(t, i, j, inner) {
			continue
		}
		msg, kind := "Placeholder %q left in: replace it with the real text.", "bracket"
		switch {
		case isInstruction(inner):
			msg, kind = "Template instruction left in (%q): replace it with the text it asks for.", "instruction"
		case titleCase(inner) && !isAllCaps(inner) && document.FieldCount(inner) <= 5 && !bracketCueRe.MatchString(inner):
			msg = "Placeholder %q left in (or a link with no target): replace it with the real text."
		}
		pc.report(p.SourceSpan(i, j), fmt.Sprintf(msg, shorten(t[i:j], 60)), kind)
	}
	mk := read.marks
	for _, loc := range read.tokens {
		i, j := loc[0], loc[1]
		if p.InCode(i, j) || c.Allowed(t[i:j]) {
			continue
		}
		if t[i] == 'X' && (proseInCaps(p) || j-i == 2 && (nextWord(t, j) == "century" || nextWord(t, j) == "chromosome")) {
			continue // not in ALL CAPS text; "XX century" is a numeral
		}
		pc.report(p.SourceSpan(i, j), fmt.Sprintf("Placeholder %q left in: replace it with the real text.", t[i:j]), "token")
	}
	pc.sourceSlots(p)
	if q := read.quoteLabel; q != nil && !p.InCode(q[2], q[3]) && !c.Allowed(t[q[2]:q[3]]) {
		pc.report(p.SourceSpan(q[2], q[3]), fmt.Sprintf("Placeholder attribution %q left in: name the person who said it.", t[q[2]:q[3]]), "token")
	}
	if mk&markCaps != 0 && !proseInCaps(p) {
		for _, loc := range read.caps {
			i, j := loc[0], loc[1]
			if p.InCode(i, j) || inShoutedRun(t, i, j) || c.Allowed(t[i:j]) {
				continue
			}
			pc.report(p.SourceSpan(i, j), fmt.Sprintf("Placeholder %q left in: fill it in.", t[i:j]), "token")
		}
	}
	if mk&markDefer != 0 && !doc.InFAQ(p.Span.Start) {
		for _, loc := range read.deferrals {
			i, j := loc[0], loc[1]
			if p.InCode(i, j) || c.Allowed(t[i:j]) || quotedMention(match{prose: p, start: i, end: j}) {
				continue
			}
			pc.report(p.SourceSpan(i, j), fmt.Sprintf("Placeholder %q left in the press release: decide it, or move the open question to the FAQ.", t[i:j]), "token")
		}
	}
}

// bracketed finds bracketed text left in prose (links are gone from prose
// by now, so what remains in brackets is text): each "[…]" of 1 to 400
// characters with no bracket or line break inside, as the index pairs of
// the whole and of its inside. A scan, not the regular expression
// \[([^\[\]\n]{1,400})\]: its counted repetition made the matcher walk
// 400 states at every character.
func bracketed(t string) [][]int {
	var out [][]int
	for i := strings.IndexByte(t, '['); i >= 0; {
		n, j := 0, i+1
		for j < len(t) && t[j] != '[' && t[j] != ']' && t[j] != '\n' && n <= maxBracketed {
			_, size := utf8.DecodeRuneInString(t[j:])
			j += size
			n++
		}
		next := j
		if j < len(t) && t[j] == ']' && n >= 1 && n <= maxBracketed {
			out = append(out, []int{i, j + 1, i + 1, j})
			next = j + 1
		} else if j < len(t) && t[j] != '[' {
			next = i + 1 // the next "[" may start inside what was read
		}
		k := strings.IndexByte(t[next:], '[')
		if k < 0 {
			break
		}
		i = next + k
	}
	return out
}

const maxBracketed = 400

// Markers: cheap signs that a prose run may hold a kind of placeholder; the
// regexps run only where their marker is.
const (
	markX = 1 << iota
	markAt
	markName
	markLower
	markCaps
	markDefer
	markUnder
	markParen
)

// Keys of what is kept with a prose run (Prose.Memo): its markers, its
// template tokens for a set of markers, its template instruction.
var placeholderTextKey = document.NewMemoKey()

// placeholderText is what prose reads in a prose run's text alone, kept
// with the run: where the rule reports it also depends on the run's place
// (the FAQ or not) and the configuration, which are looked at each time.
type placeholderText struct {
	instruction []int   // a template instruction opening the run
	brackets    [][]int // bracketed text
	marks       int     // the markers of the run
	tokens      [][]int // template tokens, for those markers
	quoteLabel  []int   // a quotation attributed to a template label
	caps        [][]int // ALL-CAPS fill-ins (markCaps)
	deferrals   [][]int // TBD and the like (markDefer)
}

func (pc *placeholderCheck) read(p *document.Prose) *placeholderText {
	t := p.Text
	r := placeholderText{instruction: pc.instruction(p), brackets: bracketed(t), marks: markers(t), quoteLabel: quoteLabelIn(t)}
	r.tokens = placeholderTokens(t, r.marks)
	if r.marks&markCaps != 0 {
		r.caps = placeholderCapsRe.FindAllStringIndex(t, -1)
	}
	if r.marks&markDefer != 0 {
		r.deferrals = deferralTokenRe.FindAllStringIndex(t, -1)
	}
	if r.instruction == nil && r.brackets == nil && r.marks == 0 && r.tokens == nil && r.quoteLabel == nil {
		return noPlaceholderText // most runs: nothing to allocate (a short run has no memo)
	}
	kept := r
	return &kept
}

var noPlaceholderText = &placeholderText{}

// markerPatterns are the substrings that set each marker in a prose run.
var markerPatterns = []struct {
	mark     int
	patterns []string
}{
	{markX, []string{"XX", "xxx"}},
	{markAt, []string{"@"}},
	{markName, []string{" Name", "Your ", "Sample ", "Firstname", "TKTK"}},
	{markLower, []string{"orem", "OREM", "dolor", "link)", "LINK)", "nsert", "NSERT", "goes here", "GOES HERE", "Goes Here",
		"text here", "content here", "copy here", "description here", "quote here", "answer here", "Text Here", "TEXT HERE"}},
	{markCaps, []string{"OWNER", "DATE", "NAME", "CITY", "COMPANY", "PRODUCT", "CUSTOMER", "PLACEHOLDER"}},
	{markDefer, []string{"TBD", "TBA", "TBC", "TODO", "FIXME"}},
	{markUnder, []string{"_"}},
}

// reminderVerbs open a reminder in parentheses (markParen).
var reminderVerbs = []string{"insert", "fill", "add ", "include ", "update ", "replace ", "confirm ", "finali", "tk"}

// parenMarker reports a "(" followed by a reminder's verb, in any case.
func parenMarker(t string) bool {
	for i := strings.IndexByte(t, '('); i >= 0; {
		rest := t[i+1:]
		for _, v := range reminderVerbs {
			if len(rest) >= len(v) && strings.EqualFold(rest[:len(v)], v) {
				return true
			}
		}
		k := strings.IndexByte(rest, '(')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// markerStarts lists, for each byte, the marker patterns of two bytes or
// more that begin with it, so markers reads a prose run once instead of
// once per pattern; markerPairs holds their first two bytes, so most
// bytes (a space, an "o" or a "d" before no pattern) are passed over
// without comparing any. markerBytes are the patterns of one byte.
var markerStarts, markerPairs, markerBytes = func() (at [256][]markerPattern, pairs [256][4]uint64, bytes []markerPattern) {
	for _, mp := range markerPatterns {
		for _, pat := range mp.patterns {
			if len(pat) == 1 {
				bytes = append(bytes, markerPattern{mp.mark, pat})
				continue
			}
			at[pat[0]] = append(at[pat[0]], markerPattern{mp.mark, pat})
			pairs[pat[0]][pat[1]>>6] |= 1 << (pat[1] & 63)
		}
	}
	return at, pairs, bytes
}()

type markerPattern struct {
	mark    int
	pattern string
}

// markers finds the markers of t.
func markers(t string) int {
	m := 0
	for _, mp := range markerBytes {
		if strings.IndexByte(t, mp.pattern[0]) >= 0 {
			m |= mp.mark
		}
	}
	for i := 0; i+1 < len(t); i++ {
		if markerPairs[t[i]][t[i+1]>>6]&(1<<(t[i+1]&63)) == 0 {
			continue
		}
		for _, mp := range markerStarts[t[i]] {
			if m&mp.mark == 0 && strings.HasPrefix(t[i:], mp.pattern) {
				m |= mp.mark
			}
		}
	}
	if parenMarker(t) {
		m |= markParen
	}
	return m
}

// placeholderTokens finds the template tokens of a prose run with markers
// mk, running each regexp only where its marker occurs.
func placeholderTokens(t string, mk int) [][]int {
	var out [][]int
	if mk&markX != 0 {
		out = append(out, xTokenRe.FindAllStringIndex(t, -1)...)
	}
	out = askTokens(t, out)
	if mk&markAt != 0 {
		out = append(out, atTokenRe.FindAllStringIndex(t, -1)...)
	}
	if mk&markName != 0 {
		out = append(out, nameTokenRe.FindAllStringIndex(t, -1)...)
	}
	if mk&markLower != 0 {
		out = append(out, lowerTokenRe.FindAllStringIndex(t, -1)...)
	}
	if mk&markUnder != 0 {
		out = underscoreTokens(t, out)
	}
	if mk&markParen != 0 {
		out = append(out, reminderRe.FindAllStringIndex(t, -1)...)
	}
	if len(out) > 1 {
		sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	}
	return out
}

// askTokens appends "WHO?", "WHEN?", "HOW MUCH?"… (in capitals) and
// "???" to out.
func askTokens(t string, out [][]int) [][]int {
	for i := 0; i < len(t); {
		q := strings.IndexByte(t[i:], '?')
		if q < 0 {
			break
		}
		q += i
		if strings.HasPrefix(t[q:], "???") {
			j := q
			for j < len(t) && t[j] == '?' {
				j++
			}
			out = append(out, []int{q, j})
			i = j
			continue
		}
		i = q + 1
		k := q
		for k > 0 && t[k-1] >= 'A' && t[k-1] <= 'Z' {
			k--
		}
		if k > 0 && isWordByte(t[k-1]) {
			continue
		}
		switch t[k:q] {
		case "WHO", "WHAT", "WHEN", "WHERE", "WHICH":
			out = append(out, []int{k, q + 1})
		case "MUCH", "MANY":
			if k >= 4 && t[k-4:k] == "HOW " && (k == 4 || !isWordByte(t[k-5])) {
				out = append(out, []int{k - 4, q + 1})
			}
		}
	}
	return out
}

// instruction finds a template instruction at the start of the prose (after
// a "Label: " prefix), returning its extent: to the end of the sentence, a
// colon or a closing bracket.
func (pc *placeholderCheck) instruction(p *document.Prose) []int {
	t := p.Text
	start := 0
	for start < len(t) && (t[start] == ' ' || t[start] == '*' || t[start] == '_') {
		start++
	}
	labelled := false // a "Label: " prefix other than a template's
	if m := labelPrefix(t[start:]); m != nil && !isInstruction(t[start:]) {
		name := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(t[start:start+m[1]]), ":"))
		labelled = !templateLabels[normPhrase(name)]
		start += m[1]
	}
	if start < len(t) && t[start] == '[' {
		return nil // a bracket: reported whole
	}
	if p.InCode(start, start+1) {
		return nil
	}
	// after a colon of prose ("The subheading is read next: one sentence
	// on …") a noun phrase is the writer's own
	if !labelled && nounInstruction(t[start:]) && document.FieldCount(t) <= 150 {
		end := start
		for end < len(t) && !strings.ContainsRune(".;!?]", rune(t[end])) {
			end++
		}
		return []int{start, end}
	}
	if !isInstruction(t[start:]) || strings.HasSuffix(strings.TrimSpace(t), "?") {
		return nil
	}
	end := start
	for end < len(t) && !strings.ContainsRune(".:;!?]", rune(t[end])) {
		end++
	}
	// an imperative heading is normal in a how-to ("Write a config
	// file"): a heading, like a paragraph, is an instruction only when it
	// speaks of the document's parts
	cue := instructionCueRe.MatchString(t[start:end]) || p.Heading && headingCueRe.MatchString(t[start:end])
	if !cue || !p.Heading && document.FieldCount(t) > 60 {
		return nil
	}
	if end == start {
		return nil
	}
	return []int{start, end}
}

// templateLabels are the labels of PR/FAQ templates (normalised), for
// labels the model does not take as a part's label.
var templateLabels = setOf("title", "subtitle", "sub-title", "sub-heading", "subheading", "heading", "headline",
	"intro paragraph", "introduction paragraph", "summary paragraph", "problem paragraph", "solution paragraph",
	"customer problems", "customer problem", "leader's quote", "leader quote", "customer quote", "customer's quote",
	"customer's job-to-be-done", "customer job-to-be-done", "customer's job to be done", "job-to-be-done", "job to be done",
	"getting started", "call to action", "closing and call to action", "quote from you", "quote from a customer")

// labelPrefix finds a "Label: " prefix at the start of t: a capital, 2 to
// 40 more letters, spaces, apostrophes, slashes, ampersands or hyphens, a
// colon and white space. It returns [0, end of the white space] or nil.
func labelPrefix(t string) []int {
	if t == "" || t[0] < 'A' || t[0] > 'Z' {
		return nil
	}
	// the colon comes after at most 40 characters of up to 4 bytes; most
	// paragraphs have none there, and the scan below is by character
	if strings.IndexByte(t[:min(len(t), 2+40*utf8.UTFMax)], ':') < 0 {
		return nil
	}
	n := 0 // label characters after the capital
	for i := 1; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		if r == ':' {
			label := strings.TrimRight(t[1:i], " \t")
			if n < 2 || len([]rune(label)) < 2 {
				return nil
			}
			j := i + 1
			for j < len(t) && (t[j] == ' ' || t[j] == '\t' || t[j] == '\n') {
				j++
			}
			if j == i+1 {
				return nil
			}
			return []int{0, j}
		}
		if !(unicode.IsLetter(r) || strings.ContainsRune("’' /&-\t", r)) {
			return nil
		}
		n++
		if n > 40 {
			return nil
		}
		i += size
	}
	return nil
}

// instructionVerbs open template instructions; isInstruction runs the
// regexp only after the first word is one of them.
var instructionVerbs = setOf("describe", "provide", "summarize", "summarise", "lay", "pick", "explain", "outline",
	"insert", "fill", "make", "quote", "include", "list", "write", "give", "create", "add")

func isInstruction(t string) bool {
	k := 0
	for k < len(t) && k < 12 && isLetterByte(t[k]) {
		k++
	}
	if k < 3 || k == 12 {
		return false
	}
	var buf [12]byte
	return instructionVerbs[string(lowerWord(buf[:0], t[:k]))] && instructionRe.MatchString(t)
}

// insideQuotation: offset i of t lies inside quotation marks opened before it.
func insideQuotation(t string, i int) bool {
	before := t[:i]
	return strings.Count(before, "\"")%2 == 1 || strings.Count(before, "“") > strings.Count(before, "”")
}

// chipRow: the bracket stands in a row of three or more bracketed labels
// separated by spaces only, the way a sample message shows its buttons.
func chipRow(t string, i, j int) bool {
	n := 1
	for k := j; k < len(t); {
		for k < len(t) && t[k] == ' ' {
			k++
		}
		if k >= len(t) || t[k] != '[' {
			break
		}
		e := strings.IndexByte(t[k:], ']')
		if e < 0 {
			break
		}
		k, n = k+e+1, n+1
	}
	for k := i; k > 0; {
		m := k
		for m > 0 && t[m-1] == ' ' {
			m--
		}
		if m == 0 || t[m-1] != ']' || m == k {
			break
		}
		b := strings.LastIndexByte(t[:m-1], '[')
		if b < 0 {
			break
		}
		k, n = b, n+1
	}
	return n >= 3
}

// bracketPlaceholder decides whether a bracketed run of prose is template
// text rather than a citation, a task box, an editorial insertion or syntax.
func bracketPlaceholder(t string, i, j int, inner string) bool {
	if i > 0 && (t[i-1] == '\\' || t[i-1] == '[') || j < len(t) && (t[j] == ']' || t[j] == '(' || t[j] == '[') {
		return false // escaped, [[wiki]], or link syntax that did not resolve
	}
	if inner == "" || len(inner) == 1 && strings.ContainsAny(inner, "xX ") {
		return false // task box
	}
	switch strings.ToLower(strings.Trim(inner, ".… ")) {
	case "", "sic", "citation needed":
		return false
	}
	if strings.HasPrefix(inner, "^") || strings.HasPrefix(inner, "!") || strings.HasPrefix(inner, "\"") || strings.HasPrefix(inner, "'") {
		return false // footnote, [!NOTE] alert, a quoted list
	}
	if citationRe.MatchString(inner) || tagRe.MatchString(inner) {
		return false // [1], [2, 3], [a]; tags such as [M1], [P0]
	}
	if uiLabels[strings.ToLower(inner)] {
		return false // a button or menu: "press [Save]"
	}
	if chipRow(t, i, j) && insideQuotation(t, i) {
		return false // a sample message's row of buttons: "“… [World Cup] [Premier League] [All]”"
	}
	first := inner[0]
	if first >= 'A' && first <= 'Z' || strings.ContainsAny(inner, "|?") {
		return true
	}
	// lower case: template text only when it speaks of what to fill in
	// ("[customers]", "[describe the benefit]", "[partner]", "[launch_date]");
	// "[options]", "items[index]" or an editorial "[the app]" inside a
	// quotation is not
	if bracketCueRe.MatchString(inner) {
		return true
	}
	return (i == 0 || !isWordByte(t[i-1])) &&
		slotWords(strings.FieldsFunc(inner, func(r rune) bool { return r == ' ' || r == '_' || r == '-' }))
}

// uiLabels are buttons and menu items written in brackets ("click [Save]"):
// deliberate text, not slots.
var uiLabels = setOf("save", "cancel", "ok", "submit", "delete", "edit", "next", "back", "continue", "done", "apply",
	"close", "open", "sign in", "sign up", "log in", "log out", "sign out", "install", "send", "share", "export",
	"import", "upload", "download", "confirm", "accept", "yes", "no", "start", "stop", "retry", "search", "settings",
	"help", "menu", "copy", "paste", "undo", "redo", "finish", "skip", "enter", "esc", "tab", "refresh", "reload",
	"publish", "approve", "reject", "create", "run", "play", "pause", "add to cart", "buy now", "learn more",
	"get started", "try it", "try now", "subscribe", "connect", "disconnect", "allow", "deny", "dismiss")

var tagRe = document.NewLazyRegexp(`^[A-Z]{1,3}-?\d{1,3}$`)

var citationRe = document.NewLazyRegexp(`^(?:\d+(?:\s*[,–-]\s*\d+)*|[a-z]|[ivx]+)$`)

// trimSpan trims white space at both ends of a span.
func trimSpan(doc *document.Document, s document.Span) document.Span {
	for s.Start < s.End && strings.ContainsRune(" \t\r\n", rune(doc.Source[s.Start])) {
		s.Start++
	}
	for s.End > s.Start && strings.ContainsRune(" \t\r\n", rune(doc.Source[s.End-1])) {
		s.End--
	}
	return s
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// headingCueRe adds, for headings, the words of template headings that
// instructionCueRe leaves out ("Include customer testimonials").
var headingCueRe = document.NewLazyRegexp(`(?i)\b(?:customers?|cutomers?|testimonials?)\b`)

// nounInstructionRe is a template instruction that opens with a noun
// phrase rather than a verb: it speaks of "this section" and what it
// should hold, or names the text to write ("A short paragraph describing
// …", "One or two sentences on …").
var nounInstructionRe = document.NewLazyRegexp(`(?i)^(?:this (?:section|paragraph|part|space|slot|field)\s+(?:should|must|needs to|is where you|is for you to)\s+(?:\w+\s+)?(?:contain|include|describe|explain|list|summari[sz]e|outline|provide|answer|cover|state|give|say|tell|show)\b` +
	`|in this (?:section|paragraph),?\s+(?:describe|explain|list|summari[sz]e|provide|outline|write|include|add|give|state)\b` +
	`|(?:a|an|one|two|three|four|[1-5])(?:(?:\s+or\s+|\s+to\s+|\s*-\s*)(?:one|two|three|four|five|[1-9]))?\s+(?:(?:short|brief|concise|crisp|single|simple|quick|one-line|punchy)\s+)?(?:sentences?|paragraphs?|lines?|bullets?|bullet points?)\s+(?:describing|explaining|summari[sz]ing|covering|outlining|stating|giving|on|about|that|which)\b` +
	`|(?:a|an)\s+(?:short|brief|concise|crisp|one-line|single-sentence)\s+(?:description|summary|overview|explanation|statement)\s+(?:of (?:the|your|what|how|why)|describing|explaining|about)\b)`)

// nounInstruction reports a template instruction opening with a noun
// phrase; the first byte rules out most text before the regexp runs.
func nounInstruction(t string) bool {
	if t == "" || !strings.ContainsRune("tTiIaAoOfF12345", rune(t[0])) {
		return false
	}
	return nounInstructionRe.MatchString(t)
}

var (
	// capsUnderscoreRe is an ALL-CAPS token joined by underscores
	// (REPLACE_ME, YOUR_NAME, COMPANY_NAME); capsSlot decides.
	capsUnderscoreRe = document.NewLazyRegexp(`[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+`)
	// capsSlotLead opens a fill-in token: YOUR_NAME, INSERT_DATE.
	capsSlotLead = setOf("YOUR", "INSERT", "REPLACE", "ENTER", "FILL", "CHANGE", "PLACEHOLDER", "TODO", "TBD")
	// slotNouns are what a template asks to fill in; a slot made of them
	// alone (COMPANY_NAME, [partner], <city>) is a placeholder.
	slotNouns = setOf("company", "companies", "product", "products", "customer", "customers", "project", "feature",
		"features", "service", "partner", "partners", "city", "country", "region", "location", "venue", "date",
		"launch", "name", "names", "title", "quote", "benefit", "benefits", "segment", "headline", "subtitle",
		"subheading", "leader", "spokesperson", "executive", "price", "pricing", "percent", "percentage", "metric",
		"url", "link", "email", "phone", "website", "persona", "competitor", "competitors", "organization",
		"organisation", "surname", "firstname", "lastname", "deadline", "timeframe", "timeline")
	// weakSlotNouns count only beside a slot noun or after "your": "<your
	// team>", FIRST_NAME, COMMON_QUESTION; "[user]" alone may be a section name.
	weakSlotNouns = setOf("me", "common", "first", "last", "full", "target", "goal", "outcome", "job", "position",
		"user", "users", "team", "role", "org", "market", "problem", "solution", "question", "answer", "alternative",
		"number", "amount", "owner", "author", "contact", "person", "state", "time", "month", "year", "quarter",
		"day", "audience", "industry", "brand", "role", "figure", "value", "version")
	// slotFillers may stand in a slot beside the nouns: "<your company>",
	// "[name of partner]".
	slotFillers = setOf("your", "the", "a", "an", "of", "and", "or", "our", "their", "other", "another", "new", "main", "key")
)

// capsSlot reports an ALL-CAPS underscore token that is a fill-in:
// REPLACE_ME, YOUR_NAME, or slot nouns alone (COMPANY_NAME, LAUNCH_DATE),
// not an identifier such as AWS_REGION or MAX_RETRIES.
func capsSlot(tok string) bool {
	parts := strings.Split(tok, "_")
	if capsSlotLead[parts[0]] {
		return true
	}
	for k := range parts {
		parts[k] = strings.ToLower(parts[k])
	}
	return slotWords(parts)
}

// underscoreTokens appends fill-in tokens joined by underscores and blanks
// of three or more underscores ("Name: ______") to out. Emphasis and rules
// made of underscores never reach prose; an underscore inside a word
// ("snake___case") is not a blank.
func underscoreTokens(t string, out [][]int) [][]int {
	for i := 0; i < len(t); i++ {
		if t[i] != '_' {
			continue
		}
		j := i
		for j < len(t) && t[j] == '_' {
			j++
		}
		if j-i >= 3 && !(i > 0 && isWordByte(t[i-1]) && j < len(t) && isWordByte(t[j])) {
			out = append(out, []int{i, j})
		}
		i = j
	}
	for _, loc := range capsUnderscoreRe.FindAllStringIndex(t, -1) {
		i, j := loc[0], loc[1]
		if i > 0 && (isWordByte(t[i-1]) || strings.ContainsRune("$%{_-./", rune(t[i-1]))) ||
			j < len(t) && (isWordByte(t[j]) || strings.ContainsRune("=}(_-/", rune(t[j]))) {
			continue // an identifier or a variable: $YOUR_NAME, KEY=…, a.B_C
		}
		if capsSlot(t[i:j]) {
			out = append(out, loc)
		}
	}
	return out
}

// reminderRe is a reminder to the author in parentheses: "(insert final
// pricing)", "(add screenshot)", "(replace with real numbers)". An
// instruction to the reader, as in a how-to ("(add a date range to narrow
// it)"), names no fill-in at its end and is not matched.
var reminderRe = document.NewLazyRegexp(`(?i)\((?:insert|fill in|tk)\b[^()\n]{0,60}\)` +
	`|\((?:add|include|update|replace(?: with)?|confirm|finali[sz]e)\s+(?:(?:the|a|an|our|some)\s+)?` +
	`(?:(?:final|real|actual|official|missing)\s[^()\n]{1,40}|(?:[\w-]+\s+){0,2}(?:link|url|quote|screenshot|image|chart|logo|figures?|numbers?|stats|data|details|pricing|price|date|names?)(?:\s+(?:here|later|tbd|tbc|when known|once known|once confirmed))?)\)`)

// quoteLabelRe is a quotation attributed to a template label instead of a
// person: “…” - Academic Quote.
var quoteLabelRe = document.NewLazyRegexp(`["”]\s*[-–—]+\s*((?:[A-Z][a-z]+\s+){1,2}Quote)\.?\s*$`)

// quoteLabelIn finds quoteLabelRe in t; most prose has no "Quote".
func quoteLabelIn(t string) []int {
	if !strings.Contains(t, "Quote") {
		return nil
	}
	return quoteLabelRe.FindStringSubmatchIndex(t)
}

// codeSlot reports a bracketed slot of ALL-CAPS words inside a code span
// that reads as prose ("`SEATTLE, WA — [TARGET GA DATE] —`"): code has
// "[OPTIONS]" and "[i]", but not several capitalised words of a slot.
func codeSlot(inner string) bool {
	words := strings.Fields(inner)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	cue := false
	for _, w := range words {
		if !isAllCaps(w) || strings.ContainsAny(w, "_.=$()<>") {
			return false
		}
		cue = cue || slotNouns[strings.ToLower(strings.Trim(w, ",;:/"))]
	}
	return cue
}

var sourceSlotsKey = document.NewMemoKey()

// sourceSlots reports what a prose run's text does not show: angle-bracket
// slots such as "<product> in <city>", which Markdown reads as raw HTML,
// and placeholder link targets such as "[site](http://Link)".
func (pc *placeholderCheck) sourceSlots(p *document.Prose) {
	doc := pc.c.Doc
	if p.Span.Empty() || p.Span.End > len(doc.Source) {
		return
	}
	raw := doc.Source[p.Span.Start:p.Span.End]
	// Whether the run's source may hold a slot at all is kept with the
	// run (a run keeps its memo only while its source bytes are the same):
	// asked of every run's source on every keystroke, it was a scan of the
	// whole document.
	mayHold, ok := p.Kept(sourceSlotsKey).(bool)
	if !ok {
		mayHold = p.Memo(sourceSlotsKey, func() any { return bytes.IndexByte(raw, '<') >= 0 || maybeLinkSlot(raw) }).(bool)
	}
	if !mayHold {
		return // most prose: no copy of the source
	}
	angle, link := bytes.IndexByte(raw, '<') >= 0, maybeLinkSlot(raw)
	src := string(raw)
	if angle {
		for _, loc := range angleSlotRe.FindAllStringSubmatchIndex(src, -1) {
			i, j := loc[0], loc[1]
			inner := src[loc[2]:loc[3]]
			if i > 0 && !strings.ContainsRune(" \t\n([\"'“‘", rune(src[i-1])) || !angleSlot(inner) || pc.c.Allowed(inner) {
				continue // List<string>, s3.<region>.amazonaws.com, an escape
			}
			if k := strings.Index(p.Text, src[i:j]); k >= 0 {
				// in the text: not read as HTML; report it unless it is code
				if p.InCode(k, k+j-i) {
					continue
				}
				pc.report(p.SourceSpan(k, k+j-i), fmt.Sprintf("Placeholder %q left in: replace it with the real text.", src[i:j]), "bracket")
				continue
			}
			if inCodeSource(src, i) {
				continue
			}
			pc.report(spanOf(p.Span.Start+i, p.Span.Start+j), fmt.Sprintf("Placeholder %q left in: replace it with the real text.", src[i:j]), "bracket")
		}
	}
	if link {
		for _, loc := range linkSlotRe.FindAllStringIndex(src, -1) {
			i, j := loc[0]+1, loc[1]
			if strings.Contains(p.Text, src[loc[0]:loc[1]]) || inCodeSource(src, i) {
				continue // not a link: code, or text
			}
			pc.report(spanOf(p.Span.Start+i, p.Span.Start+j), fmt.Sprintf("Placeholder link target %q left in: put in the real address.", src[i:j]), "link")
		}
	}
}

// maybeLinkSlot reports a "](" that linkSlotRe may match at: after white
// space and a scheme, one of its words starts (link, url, todo, tbd,
// placeholder, xxx and the words made of link). A real target starts
// otherwise, and the expression costs a keystroke more than this scan.
func maybeLinkSlot(raw []byte) bool {
	for i := bytes.Index(raw, []byte("](")); i >= 0; {
		rest := bytes.TrimLeft(raw[i+2:], " \t\n\f\r")
		for _, scheme := range []string{"https://", "http://"} {
			if len(rest) >= len(scheme) && strings.EqualFold(string(rest[:len(scheme)]), scheme) {
				rest = rest[len(scheme):]
				break
			}
		}
		if len(rest) > 0 && strings.IndexByte("lLuUtTpPxXiIyY", rest[0]) >= 0 {
			return true
		}
		k := bytes.Index(raw[i+2:], []byte("]("))
		if k < 0 {
			break
		}
		i += 2 + k
	}
	return false
}

// inCodeSource reports whether offset i of a paragraph's source lies in a
// code span: an odd number of backtick runs before it on its line.
func inCodeSource(src string, i int) bool {
	line := src[:i]
	if k := strings.LastIndexByte(line, '\n'); k >= 0 {
		line = line[k+1:]
	}
	return strings.Count(line, "`")%2 == 1
}

var (
	// angleSlotRe is text in angle brackets; angleSlot decides.
	angleSlotRe = document.NewLazyRegexp(`<([A-Za-z][A-Za-z' _-]{0,40})>`)
	// linkSlotRe is a link whose target is a placeholder: (http://Link), (URL), (TODO).
	linkSlotRe = document.NewLazyRegexp(`\]\(\s*(?i:(?:https?://)?(?:link|url|link-here|your-link|insert-link|todo|tbd|placeholder|x{3,})/?)\s*\)`)
)

// htmlTags are the element names that appear in Markdown: "<br>",
// "<details>", "<kbd>" are markup, not slots.
var htmlTags = setOf("a", "abbr", "b", "big", "blockquote", "body", "br", "button", "caption", "center", "cite", "code",
	"col", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "embed", "figcaption", "figure", "font", "footer",
	"form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input", "ins",
	"kbd", "label", "li", "link", "main", "mark", "meta", "nav", "ol", "option", "p", "picture", "pre", "q", "s",
	"samp", "script", "section", "select", "small", "source", "span", "strike", "strong", "style", "sub", "summary",
	"sup", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "tt", "u",
	"ul", "var", "video", "audio", "wbr", "svg", "path", "article", "aside", "address", "area", "map", "object",
	"param", "track", "dialog", "data", "meter", "progress", "output", "slot", "canvas", "noscript", "ruby", "rt",
	"rp", "bdi", "bdo", "fieldset", "legend", "optgroup", "datalist", "frame", "frameset", "base", "col", "colgroup")

// angleSlot reports a lower-case slot in angle brackets made of slot nouns
// ("<product>", "<your company>", "<launch-date>"); an HTML element
// ("<br>", "<details>", "<a name>") is not one.
func angleSlot(inner string) bool {
	if inner != strings.ToLower(inner) {
		return false // <doGet link>, <T>, <MyComponent>
	}
	words := strings.FieldsFunc(inner, func(r rune) bool { return r == ' ' || r == '_' || r == '-' })
	if len(words) == 0 || len(words) > 4 || htmlTags[words[0]] {
		return false
	}
	return slotWords(words)
}

// slotWords reports words that are slot nouns, with fillers between.
func slotWords(words []string) bool {
	strong, weak, your := 0, 0, false
	for _, w := range words {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		switch {
		case slotNouns[w]:
			strong++
		case weakSlotNouns[w]:
			weak++
		case slotFillers[w]:
			your = your || w == "your"
		default:
			return false
		}
	}
	return strong > 0 || weak > 0 && (your || weak >= 2)
}

// plainFences reports "@xxxxx" in fenced code with no language: a sign-off
// box copied from a template ("[ ] Signed-off by API Bar Raiser @xxxxx").
func (pc *placeholderCheck) plainFences() {
	doc := pc.c.Doc
	for _, b := range doc.Blocks {
		if b.Kind != document.Code || b.Span.End > len(doc.Source) {
			continue
		}
		src := string(doc.Source[b.Span.Start:b.Span.End])
		if !strings.Contains(src, "@xxx") && !strings.Contains(src, "@XXX") {
			continue
		}
		// the block's span holds its lines; the fence is the line before
		l := doc.Mapper.Line(b.Span.Start)
		if l == 0 {
			continue
		}
		fence := strings.TrimSpace(string(doc.Source[doc.Mapper.LineStart(l-1):doc.Mapper.LineEnd(l-1)]))
		if !strings.HasPrefix(fence, "```") && !strings.HasPrefix(fence, "~~~") || strings.Trim(fence, "`~") != "" {
			continue // a language (real code), or an indented block
		}
		for _, loc := range fenceAtRe.FindAllStringSubmatchIndex(src, -1) {
			pc.report(spanOf(b.Span.Start+loc[2], b.Span.Start+loc[3]), fmt.Sprintf("Placeholder %q left in: replace it with the real text.", src[loc[2]:loc[3]]), "token")
		}
	}
}

var fenceAtRe = document.NewLazyRegexp(`(?:^|[\s(])(@(?:x{3,}|X{3,}))(?:$|[\s).,])`)

var (
	// slotQuestionCue: a template's prompt asks about the product in the
	// third person ("What problem do customers have?"); a press release's
	// rhetorical question speaks to the reader ("Tired of chasing
	// invoices?", "What if you could…?") and is not one.
	slotQuestionCue = document.NewLazyRegexp(`(?i)\b(?:the (?:customers?|users?|product|problem|solution|feature|service|benefit|launch|team)|customers|users|this (?:product|feature|service|launch)|we|our)\b`)
	slotQuestionYou = document.NewLazyRegexp(`(?i)\b(?:you|your|you're|yours|you’re)\b`)
)

// slotQuestions reports a press-release part, named by its heading or
// label, whose whole text is the template's prompt: one to three short
// questions about the product ("## The Problem" over "What problem does
// the customer have?").
func (pc *placeholderCheck) slotQuestions() {
	doc := pc.c.Doc
	for _, k := range document.AllParts {
		p := doc.Parts[k]
		if p == nil || k == document.FAQ || k == document.ExternalFAQ || k == document.InternalFAQ ||
			p.Heading == nil && p.Label.Empty() || p.Body.Empty() {
			continue
		}
		text := strings.TrimSpace(p.Text)
		if !strings.HasSuffix(text, "?") || document.FieldCount(text) > 30 || !slotQuestionCue.MatchString(text) ||
			slotQuestionYou.MatchString(text) || pc.c.Allowed(text) {
			continue
		}
		questions := 0
		for _, q := range strings.SplitAfter(text, "?") {
			q = strings.TrimSpace(q)
			if q == "" {
				continue
			}
			if strings.ContainsAny(q, ".!") && !strings.HasSuffix(q, "?") || strings.ContainsAny(strings.TrimSuffix(q, "?"), ".!;") {
				questions = -1 // a statement with the question
				break
			}
			questions++
		}
		if questions < 1 || questions > 3 {
			continue
		}
		span := trimSpan(doc, p.Body)
		pc.report(span, fmt.Sprintf("Template question left in (%q): write the text it asks for.", shorten(text, 60)), "instruction")
	}
}
