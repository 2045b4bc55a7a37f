package diagnostics

import (
	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Outline is what prfaq recognised in a document: its parts, each with the
// lines it covers and how it was read, and its FAQ questions with their
// answer status. `prfaq outline --format json` prints it; the corpus tests
// (testdata/corpus.parts.golden, the fidelity score) read the same values, so
// what the command shows is what is measured.
type Outline struct {
	Path      string            `json:"path"`
	PRFAQ     bool              `json:"prfaq"`
	Parts     []OutlinePart     `json:"parts"`
	Questions []OutlineQuestion `json:"questions"`
	// Stage is the document's stage and what is open before the next one;
	// nil unless the caller linted the document (NewStageStatus).
	Stage *StageStatus `json:"stage,omitempty"`
}

// OutlinePart is one recognised part. Lines holds the 1-based first and last
// line of its span (heading or label included).
type OutlinePart struct {
	Part  document.PartKind `json:"part"`
	Lines [2]int            `json:"lines"`
	How   document.How      `json:"how"`
	Why   string            `json:"why,omitempty"`
	Text  string            `json:"text"`
}

// OutlineQuestion is one FAQ question: its 1-based line, its group
// (external-faq, internal-faq or faq) and QuestionStatus.
type OutlineQuestion struct {
	Line   int               `json:"line"`
	Group  document.PartKind `json:"group"`
	Status string            `json:"status"`
	Text   string            `json:"text"`
}

// NewOutline builds the outline of doc. prfaq says whether the document is
// taken for a PR/FAQ (Config.IsPRFAQ); it is reported, not used. Parts come
// in document.AllParts order, absent ones left out.
func NewOutline(doc *document.Document, prfaq bool) Outline {
	o := Outline{Path: doc.Path, PRFAQ: prfaq, Parts: []OutlinePart{}, Questions: []OutlineQuestion{}}
	for _, k := range document.AllParts {
		p := doc.Parts[k]
		if p == nil {
			continue
		}
		o.Parts = append(o.Parts, OutlinePart{
			Part:  k,
			Lines: PartLines(doc, p),
			How:   PartHow(p),
			Why:   p.Why,
			Text:  p.Text,
		})
	}
	for _, q := range doc.Questions {
		o.Questions = append(o.Questions, OutlineQuestion{
			Line:   doc.Mapper.Line(q.Span.Start) + 1,
			Group:  q.Group,
			Status: QuestionStatus(doc, q),
			Text:   q.Text,
		})
	}
	return o
}

// PartLines returns the 1-based first and last line of p's span. The span is
// half-open: a span that ends just after a line break ends on the line before.
func PartLines(doc *document.Document, p *document.Part) [2]int {
	start := doc.Mapper.Line(p.Span.Start)
	end := start
	if p.Span.End > p.Span.Start {
		end = max(start, doc.Mapper.Line(p.Span.End-1))
	}
	return [2]int{start + 1, end + 1}
}

// PartHow says how p was read: p.How, or, for a part that does not record it,
// what its fields show (a heading, a label, otherwise its content).
func PartHow(p *document.Part) document.How {
	switch {
	case p.How != "":
		return p.How
	case p.Heading != nil:
		return document.HowHeading
	case !p.Label.Empty():
		return document.HowLabel
	}
	return document.HowCue
}

// PartReason says in words how p was read: p.Why, or a phrase for PartHow(p)
// when the part gives no reason. It has no final full stop.
func PartReason(p *document.Part) string {
	if p.Why != "" {
		return p.Why
	}
	return HowPhrase(PartHow(p))
}

// HowPhrase describes a kind of evidence in words.
func HowPhrase(h document.How) string {
	switch h {
	case document.HowHeading:
		return "named by its heading"
	case document.HowLabel:
		return "named by its lead-in label"
	case document.HowQuote:
		return "a quotation and its attribution"
	case document.HowPosition:
		return "where it stands in the press release"
	case document.HowQuestions:
		return "what its questions ask"
	}
	return "its words and shape"
}
