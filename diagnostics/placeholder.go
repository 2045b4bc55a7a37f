package diagnostics

import (
	"fmt"
	"regexp"
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
		Summary:  "Template text left in: [Company name], XXX, WHO?, template instructions and labels, \"## Question 2\".",
		Why: "A PR/FAQ usually starts from a template, and template text that survives into review tells the reader " +
			"the thinking is not done: a bracketed \"[Customer segment]\" is a decision nobody made yet. Flagged: " +
			"bracketed text that is not a link, a task box or a citation; tokens such as XXX, WHO?, ???, @xxxxx, " +
			"OWNER and DATE in capitals, \"Project Name\", \"(deployed link)\", \"Sample Person\", lorem ipsum and " +
			"\"… goes here\"; TBD, TBA or TODO outside the FAQ (in FAQ answers they are deferred-answer's); template " +
			"instructions that open a heading or paragraph (\"Describe the customer experience\", \"Provide a " +
			"URL…\", \"Lay out the top 3-4 problems\"); plain template labels before the text (\"Subtitle:\", \"Intro " +
			"Paragraph:\", \"Title:\"); and template FAQ entries (\"## Question 2\" answered by \"Answer 2\"). The " +
			"skeletons `prfaq` inserts are placeholders on purpose and are flagged until filled in. Example names " +
			"such as \"Jane Doe\" are not flagged: a made-up customer is normal in a PR/FAQ. Code, HTML comments " +
			"and link destinations are never looked at.",
		Bad:    "# [Company] announces [Product] for [customer segment]\n\nSubtitle: Provide a few more key details\n",
		Good:   "# Acme Ledger lets small shops send invoices in one click\n\n*Shops that bill by hand get paid nine days sooner.*\n",
		FixDoc: "Removes a template label (\"Subtitle: \") and keeps the text after it.",
		check:  checkPlaceholders,
	})
}

var (
	// bracketRe is bracketed text left in prose: links are gone from prose
	// by now, so what remains in brackets is text.
	bracketRe = regexp.MustCompile(`\[([^\[\]\n]{1,400})\]`)
	// placeholder tokens, in the case they are written; each regexp runs
	// only on prose that holds its cheap marker (see placeholderTokens).
	xTokenRe     = regexp.MustCompile(`\bX{2,}\b|\bx{3,}\b`)
	atTokenRe    = regexp.MustCompile(`@(?i:x{2,}|username|handle|yourname|your-name|someone)\b`)
	nameTokenRe  = regexp.MustCompile(`\b(?:Project|Product|Company|Customer|Feature|Service|Person|Partner|Team) Name\b|\bYour (?:Name|Company|Product|Title)\b|\bSample (?:Person|Customer|Company|Name|User)\b|\bFirstname Lastname\b|\bTKTK\b`)
	lowerTokenRe = regexp.MustCompile(`(?i:\blorem ipsum(?:\s+dolor sit amet)?\b|\bdolor sit amet\b|\((?:deployed link|insert link|add link|link here|link to come|link tbd|link)\)|\binsert\b[^.\n]{0,40}?\bhere\b|\b(?:your|some) (?:text|content|copy|description|quote|answer) (?:goes )?here\b|\b\w+ goes here\b)`)
	// placeholderCapsRe are ALL-CAPS fill-ins (the deferred-answer fix writes
	// "OWNER will answer by DATE"); not flagged in ALL CAPS prose.
	placeholderCapsRe = regexp.MustCompile(`\b(?:OWNER|DATE|NAME|CITY|COMPANY|PRODUCT|CUSTOMER|PLACEHOLDER)\b`)
	// deferralTokenRe are flagged outside the FAQ only.
	deferralTokenRe = regexp.MustCompile(`\b(?:TBD|TBA|TBC|TODO|FIXME)\b`)
	// instructionRe is a template instruction opening a heading or paragraph.
	instructionRe = regexp.MustCompile(`(?i)^(?:describe|provide|summari[sz]e|lay out|pick|explain|outline|insert|fill in|make up|quote an? |include (?:a |an |the |any |some |customer|cutomer)|list (?:the|your|all)|write (?:a|an|the|one|two|your)\b|give (?:a|an)\b|create (?:a|an) (?:fake|made-up|hypothetical)|add (?:a|the|your) (?:quote|headline|subheading|summary|paragraph|description))\b`)
	// instructionCueRe: a paragraph that opens with an instruction verb is a
	// template instruction only when it speaks of the document's parts.
	instructionCueRe = regexp.MustCompile(`(?i)\b(?:your (?:product|service|company|customers?|team|feature|launch)|product/service|the customers?|customer's|problems?|solution|quote|leader|here|sentences?|paragraph|key details|overview|headline|benefit|url|launch|what the service)\b`)
	// bracketCueRe marks a lower-case bracket as template text.
	bracketCueRe     = regexp.MustCompile(`(?i)\b(?:insert|your|name|link|url|date|todo|tbd|placeholder|e\.g|describe|provide|add|fill|customers?|products?|company|benefits?|city|state|country|quote|question|answer|who|what|when|where|how|number|price|amount|segment|feature|service|leader|title|email|launch|problem|solution)\b`)
	templateQuestion = regexp.MustCompile(`(?i)^\s*(?:question|q)\s*\d*\s*[?:.]?\s*$`)
	templateAnswer   = regexp.MustCompile(`(?i)^\s*(?:answer|a)\s*\d*\s*[.:]?\s*$`)
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
	// template instructions opening a heading, a paragraph or a label's text
	if loc := p.Memo(instructionKey{}, func() any { return pc.instruction(p) }).([]int); loc != nil {
		text := t[loc[0]:loc[1]]
		pc.report(p.SourceSpan(loc[0], loc[1]), fmt.Sprintf("Template instruction left in (%q): replace it with the text it asks for.", shorten(text, 60)), "instruction")
	}
	var brackets [][]int
	if strings.IndexByte(t, '[') >= 0 {
		brackets = bracketRe.FindAllStringSubmatchIndex(t, -1)
	}
	for _, loc := range brackets {
		i, j := loc[0], loc[1]
		inner := strings.TrimSpace(t[loc[2]:loc[3]])
		if p.InCode(i, i+1) || p.InCode(j-1, j) || c.Allowed(inner) || !bracketPlaceholder(t, i, j, inner) {
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
	mk := p.Memo(markersKey{}, func() any { return markers(t) }).(int)
	tokens := p.Memo(tokensKey{mk}, func() any { return placeholderTokens(t, mk) }).([][]int)
	for _, loc := range tokens {
		i, j := loc[0], loc[1]
		if p.InCode(i, j) || c.Allowed(t[i:j]) {
			continue
		}
		if t[i] == 'X' && (proseInCaps(p) || j-i == 2 && (nextWord(t, j) == "century" || nextWord(t, j) == "chromosome")) {
			continue // not in ALL CAPS text; "XX century" is a numeral
		}
		pc.report(p.SourceSpan(i, j), fmt.Sprintf("Placeholder %q left in: replace it with the real text.", t[i:j]), "token")
	}
	if mk&markCaps != 0 && !proseInCaps(p) {
		for _, loc := range placeholderCapsRe.FindAllStringIndex(t, -1) {
			i, j := loc[0], loc[1]
			if p.InCode(i, j) || inShoutedRun(t, i, j) || c.Allowed(t[i:j]) {
				continue
			}
			pc.report(p.SourceSpan(i, j), fmt.Sprintf("Placeholder %q left in: fill it in.", t[i:j]), "token")
		}
	}
	if mk&markDefer != 0 && !doc.InFAQ(p.Span.Start) {
		for _, loc := range deferralTokenRe.FindAllStringIndex(t, -1) {
			i, j := loc[0], loc[1]
			if p.InCode(i, j) || c.Allowed(t[i:j]) || quotedMention(match{prose: p, start: i, end: j}) {
				continue
			}
			pc.report(p.SourceSpan(i, j), fmt.Sprintf("Placeholder %q left in the press release: decide it, or move the open question to the FAQ.", t[i:j]), "token")
		}
	}
}

// Markers: cheap signs that a prose run may hold a kind of placeholder; the
// regexps run only where their marker is.
const (
	markX = 1 << iota
	markAt
	markName
	markLower
	markCaps
	markDefer
)

// Keys of what is kept with a prose run (Prose.Memo): its markers, its
// template tokens for a set of markers, its template instruction.
type (
	markersKey     struct{}
	tokensKey      struct{ marks int }
	instructionKey struct{}
)

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
}

// markers finds the markers of t.
func markers(t string) int {
	m := 0
	for _, mp := range markerPatterns {
		for _, pat := range mp.patterns {
			if strings.Contains(t, pat) {
				m |= mp.mark
				break
			}
		}
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
	if m := labelPrefix(t[start:]); m != nil && !isInstruction(t[start:]) {
		start += m[1]
	}
	if start < len(t) && t[start] == '[' {
		return nil // a bracket: reported whole
	}
	if !isInstruction(t[start:]) || p.InCode(start, start+1) || strings.HasSuffix(strings.TrimSpace(t), "?") {
		return nil
	}
	end := start
	for end < len(t) && !strings.ContainsRune(".:;!?]", rune(t[end])) {
		end++
	}
	if !p.Heading {
		if document.FieldCount(t) > 60 || !instructionCueRe.MatchString(t[start:end]) {
			return nil
		}
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
	first := inner[0]
	if first >= 'A' && first <= 'Z' || strings.ContainsAny(inner, "|?") {
		return true
	}
	// lower case: template text only when it speaks of what to fill in
	// ("[customers]", "[describe the benefit]"); "[options]" or an editorial
	// "[the app]" inside a quotation is not
	return bracketCueRe.MatchString(inner)
}

var tagRe = regexp.MustCompile(`^[A-Z]{1,3}-?\d{1,3}$`)

var citationRe = regexp.MustCompile(`^(?:\d+(?:\s*[,–-]\s*\d+)*|[a-z]|[ivx]+)$`)

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
