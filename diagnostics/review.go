package diagnostics

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// RulesDocURL is the published rule reference; a review links each rule id
// to its section (docs/rules.md's heading anchors are the ids).
const RulesDocURL = "https://github.com/prfaq-lsp/prfaq-lsp/blob/main/docs/rules.md"

// Review is what a reviewer wants to know of one document before reading
// it: how ready it is (its parts, the state of its FAQ, its length) and what
// the rules found. `prfaq check --format markdown` renders it as a
// pull-request comment; anything else showing a document's readiness (a web
// page, a code lens) can build the same value.
type Review struct {
	Path  string `json:"path"`
	Error string `json:"error,omitempty"` // the file could not be checked
	// Parts are the parts found, Missing the required ones absent (what
	// missing-section reports), both in document order.
	Parts        []document.PartKind `json:"parts"`
	Missing      []document.PartKind `json:"missing"`
	Questions    QuestionCounts      `json:"questions"`
	PressRelease Length              `json:"pressRelease"`
	FAQ          Length              `json:"faq"`
	// Stage is the document's stage (draft, review, final) when the
	// document or its configuration declares one; empty otherwise, and the
	// readiness line leaves it out.
	Stage    string    `json:"stage,omitempty"`
	Findings []Located `json:"findings"`
	// Diff, when set, compares Findings with an earlier draft's.
	Diff *FindingDiff `json:"diff,omitempty"`
	// NoBase says the earlier draft does not exist (a new file): every
	// finding is new.
	NoBase bool `json:"noBase,omitempty"`
}

// QuestionCounts counts FAQ questions by QuestionStatus.
type QuestionCounts struct {
	Answered   int `json:"answered"`
	Deferred   int `json:"deferred"`
	Unanswered int `json:"unanswered"`
}

// Total is the number of questions.
func (q QuestionCounts) Total() int { return q.Answered + q.Deferred + q.Unanswered }

// Length is a part's length in words and in pages of cfg.WordsPerPage words,
// to one decimal, as the length rules count them.
type Length struct {
	Words int     `json:"words"`
	Pages float64 `json:"pages"`
}

// NewReview builds the review of doc from its findings (Lint's).
func NewReview(doc *document.Document, cfg *Config, findings []Finding) Review {
	if cfg == nil {
		cfg = Default()
	}
	o := NewOutline(doc, true)
	r := Review{Path: doc.Path, Parts: []document.PartKind{}, Missing: MissingParts(doc, cfg), Findings: Locate(doc, findings)}
	if r.Missing == nil {
		r.Missing = []document.PartKind{}
	}
	for _, p := range o.Parts {
		r.Parts = append(r.Parts, p.Part)
	}
	for _, q := range o.Questions {
		switch q.Status {
		case "answered":
			r.Questions.Answered++
		case "deferred":
			r.Questions.Deferred++
		default:
			r.Questions.Unanswered++
		}
	}
	length := func(s document.Span) Length {
		words := WordCount(doc, s)
		perPage := max(cfg.WordsPerPage, 1)
		return Length{Words: words, Pages: math.Round(float64(words)*10/float64(perPage)) / 10}
	}
	if !doc.PressRelease.Empty() {
		r.PressRelease = length(doc.PressRelease)
	}
	if faq := doc.Parts[document.FAQ]; faq != nil {
		r.FAQ = length(faq.Span) // the span faq-length measures
	}
	stage, _, _ := cfg.StageOf(doc) // an invalid stage is a finding of its own
	r.Stage = string(stage)
	return r
}

// ReadinessLine is the review's one line on how ready the document is, in
// Markdown: parts, FAQ questions by status, lengths and, when known, stage.
func (r Review) ReadinessLine() string {
	var items []string
	parts := fmt.Sprintf("**Parts:** %d found", len(r.Parts))
	if len(r.Missing) == 0 {
		parts += ", none missing"
	} else {
		titles := make([]string, len(r.Missing))
		for i, k := range r.Missing {
			titles[i] = k.Title()
		}
		parts += "; missing " + strings.Join(titles, ", ")
	}
	items = append(items, parts)
	q := r.Questions
	items = append(items, fmt.Sprintf("**FAQ:** %s: %d answered, %d deferred, %d unanswered",
		plural(q.Total(), "question"), q.Answered, q.Deferred, q.Unanswered))
	items = append(items, fmt.Sprintf("**Length:** press release %s, FAQ %s", pages(r.PressRelease), pages(r.FAQ)))
	if r.Stage != "" {
		items = append(items, "**Stage:** "+EscapeMarkdown(r.Stage))
	}
	return strings.Join(items, " · ")
}

func pages(l Length) string {
	unit := "pages"
	if l.Pages == 1 {
		unit = "page"
	}
	return fmt.Sprintf("%.1f %s (%s)", l.Pages, unit, plural(l.Words, "word"))
}

// SeverityCounts counts findings by severity (index: Severity).
type SeverityCounts [Hint + 1]int

// CountSeverities counts findings by severity.
func CountSeverities(findings []Finding) SeverityCounts {
	var c SeverityCounts
	for _, f := range findings {
		if f.Severity > Off && f.Severity <= Hint {
			c[f.Severity]++
		}
	}
	return c
}

// Add adds other's counts to c.
func (c *SeverityCounts) Add(other SeverityCounts) {
	for i := range c {
		c[i] += other[i]
	}
}

// String is "2 errors, 5 warnings, 1 information", worst first, or
// "no findings".
func (c SeverityCounts) String() string { return c.Or("no findings") }

// Or is String with none for no findings.
func (c SeverityCounts) Or(none string) string {
	var parts []string
	for s := Error; s <= Hint; s++ {
		if c[s] == 0 {
			continue
		}
		if s == Information {
			parts = append(parts, fmt.Sprintf("%d information", c[s]))
		} else {
			parts = append(parts, plural(c[s], s.String()))
		}
	}
	if len(parts) == 0 {
		return none
	}
	return strings.Join(parts, ", ")
}

// MaxCommentLength bounds ReviewMarkdown's output: GitHub refuses a comment
// longer than 65,536 characters, and a refused comment shows nothing.
const MaxCommentLength = 65536

// ReviewMarkdown renders reviews as one pull-request comment: a heading, a
// summary line, then per file a heading, the readiness line and the
// findings grouped by rule, each rule linked to its documentation. When the
// reviews carry diffs, base names what they were compared with and the
// findings come as new, fixed and (folded) remaining. The comment starts
// with an HTML marker a workflow can find to update its earlier comment. A
// review longer than MaxCommentLength is cut at a line and says so.
func ReviewMarkdown(reviews []Review, base string) string {
	return truncateComment(reviewMarkdown(reviews, base), MaxCommentLength)
}

// truncateComment cuts s to at most limit characters at a line's end,
// closes a <details> left open and says what was left out.
func truncateComment(s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	const note = "\n\n**The review is cut here:** it is longer than a pull-request comment may be. Run `prfaq check` for every finding.\n"
	const closing = "\n</details>\n"
	budget := limit - utf8.RuneCountInString(note) - len(closing)
	cut := 0
	for i, n := 0, 0; i < len(s) && n < budget; n++ { // byte offset of the budget-th rune
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		cut = i
	}
	if nl := strings.LastIndexByte(s[:cut], '\n'); nl > 0 {
		cut = nl
	}
	out := s[:cut]
	if strings.Count(out, "<details>") > strings.Count(out, "</details>") {
		out += "\n" + closing
	}
	return out + note
}

func reviewMarkdown(reviews []Review, base string) string {
	var b strings.Builder
	b.WriteString("<!-- prfaq-review -->\n## prfaq review\n\n")
	var all, fixed, remaining SeverityCounts
	errors := 0
	for _, r := range reviews {
		if r.Error != "" {
			errors++
			continue
		}
		if r.Diff != nil {
			all.Add(CountSeverities(FindingsOf(r.Diff.New)))
			fixed.Add(CountSeverities(FindingsOf(r.Diff.Fixed)))
			remaining.Add(CountSeverities(FindingsOf(r.Diff.Remaining)))
		} else {
			all.Add(CountSeverities(FindingsOf(r.Findings)))
		}
	}
	checked := plural(len(reviews)-errors, "file")
	if base == "" {
		fmt.Fprintf(&b, "%s checked: %s", checked, all)
	} else {
		fmt.Fprintf(&b, "%s compared with %s: new %s; fixed %s; remaining %s",
			checked, code(base), all.Or("none"), fixed.Or("none"), remaining.Or("none"))
	}
	if errors > 0 {
		fmt.Fprintf(&b, " (%s could not be checked)", plural(errors, "file"))
	}
	b.WriteString(".\n")
	if len(reviews) == 0 {
		b.WriteString("\nNo PR/FAQ found.\n")
	}
	for _, r := range reviews {
		fmt.Fprintf(&b, "\n### %s\n\n", EscapeMarkdown(r.Path))
		if r.Error != "" {
			fmt.Fprintf(&b, "Not checked: %s\n", EscapeMarkdown(r.Error))
			continue
		}
		b.WriteString(r.ReadinessLine())
		b.WriteString("\n")
		if r.Diff == nil {
			b.WriteString("\n")
			writeRuleGroups(&b, r.Findings, "No findings.")
			continue
		}
		d := r.Diff
		if r.NoBase {
			fmt.Fprintf(&b, "\nNew file: not in %s, so every finding is new.\n", code(base))
		}
		fmt.Fprintf(&b, "\n#### New (%d)\n\n", len(d.New))
		writeRuleGroups(&b, d.New, "Nothing new.")
		if !r.NoBase {
			fmt.Fprintf(&b, "\n#### Fixed (%d)\n\n", len(d.Fixed))
			if len(d.Fixed) > 0 {
				fmt.Fprintf(&b, "At their lines in %s:\n\n", code(base))
			}
			writeRuleGroups(&b, d.Fixed, "Nothing fixed.")
		}
		if len(d.Remaining) > 0 {
			fmt.Fprintf(&b, "\n<details><summary>Remaining (%d)</summary>\n\n", len(d.Remaining))
			writeRuleGroups(&b, d.Remaining, "")
			b.WriteString("\n</details>\n")
		}
	}
	return b.String()
}

// writeRuleGroups writes findings as a list grouped by rule, the worst
// severity first, then by rule id; each group lists its findings by line.
func writeRuleGroups(b *strings.Builder, findings []Located, none string) {
	if len(findings) == 0 {
		if none != "" {
			b.WriteString(none + "\n")
		}
		return
	}
	type group struct {
		rule  string
		worst Severity
		items []Located
	}
	byRule := map[string]*group{}
	var groups []*group
	for _, f := range findings {
		g := byRule[f.Rule]
		if g == nil {
			g = &group{rule: f.Rule, worst: f.Severity}
			byRule[f.Rule] = g
			groups = append(groups, g)
		}
		g.worst = min(g.worst, f.Severity)
		g.items = append(g.items, f)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if groups[i].worst != groups[j].worst {
			return groups[i].worst < groups[j].worst
		}
		return groups[i].rule < groups[j].rule
	})
	for _, g := range groups {
		sort.SliceStable(g.items, func(i, j int) bool { return g.items[i].Line < g.items[j].Line })
		counts := CountSeverities(FindingsOf(g.items))
		fmt.Fprintf(b, "- %s: %s\n", ruleLink(g.rule), counts)
		for _, f := range g.items {
			sev := ""
			if counts[f.Severity] != len(g.items) { // say it when the group mixes severities
				sev = f.Severity.String() + ": "
			}
			fmt.Fprintf(b, "  - line %d: %s%s\n", f.Line, sev, EscapeMarkdown(f.Message))
		}
	}
}

// ruleLink is the rule id in code, linked to its documentation when it is a
// documented rule (internal-error is not).
func ruleLink(id string) string {
	if Lookup(id) == nil {
		return code(id)
	}
	return "[" + code(id) + "](" + RulesDocURL + "#" + id + ")"
}

// code is s as a Markdown code span, fenced with more backticks than s holds.
func code(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// markdownEscaper escapes what Markdown (GitHub's) would read as markup:
// emphasis, code, links, HTML, tables, headings and lists at a line's start;
// it also breaks @mentions (a word joiner after the @), so a quoted finding
// never notifies anyone.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `<`, `\<`, `>`, `\>`,
	`|`, `\|`, `~`, `\~`, `#`, `\#`, `&`, `\&`, `!`, `\!`, "@", "@\u2060",
	"\r\n", " ", "\n", " ", "\r", " ",
)

// EscapeMarkdown makes s literal text in Markdown, on one line. It is meant
// for text inside a line (after "line 7: ", in a heading), where a leading
// "-" or "1." cannot start a list.
func EscapeMarkdown(s string) string { return markdownEscaper.Replace(s) }
