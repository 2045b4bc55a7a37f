package diagnostics

import (
	"fmt"
	"strings"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:           "dateline",
		Severity:     Information,
		SeverityNote: "**warning** when the dateline's date is not a date, such as TBD",
		Summary:      "The summary does not open with the place and the launch date (\"SEATTLE — June 2, 2027 —\"), or the dateline's date is TBD.",
		Why: "Working Backwards starts from the launch: the summary opens with the city and the date the product " +
			"reaches customers, as a real press release does. Writing the date down commits the team to a launch " +
			"it works back from; a dateline that says TBD says the team has not picked one.",
		NotFlagged: "A dateline slot left from a template (\"[City] — [Date] —\"), which is placeholder's; a summary " +
			"in another language, whose dates the reading may not know; a document with no summary, which is " +
			"missing-section's.",
		Bad:   "# Ledger lets small shops send an invoice in one click\n\nAcme today announced Ledger, a phone app that turns an order into an invoice for small shops.\n",
		Good:  "# Ledger lets small shops send an invoice in one click\n\nSEATTLE — June 2, 2027 — Acme today announced Ledger, a phone app that turns an order into an invoice for small shops.\n",
		check: checkDateline,
	})
}

// datelineNotADate are what a dateline (as document reads it) may hold
// where the date should be: a warning, the launch is not set. "today" is
// milder: the date is the day of the release, but it is not written down.
var (
	datelineNotADate = phraseList("TBD", "TBA", "TBC")
	datelineToday    = phraseList("today")
)

func checkDateline(c *Context) {
	doc := c.Doc
	s := doc.Parts[document.Summary]
	if s == nil || s.Body.Empty() {
		return
	}
	if !s.Dateline.Empty() {
		text := doc.Text(s.Dateline)
		if strings.Contains(text, "[") {
			return // a template's slot: placeholder's
		}
		if m := datelineNotADate.FindAllStringIndex(text, 1); len(m) > 0 {
			c.Report(Finding{
				Severity: Warning,
				Message:  fmt.Sprintf("The dateline's date is %q: put in the launch date the team works back from.", text[m[0][0]:m[0][1]]),
				Span:     s.Dateline,
				Data:     map[string]any{"dateline": "not-a-date"},
			})
		} else if datelineToday.MatchString(text) {
			c.Report(Finding{
				Message: "The dateline says \"today\": write the launch date (\"SEATTLE — June 2, 2027 —\").",
				Span:    s.Dateline,
				Data:    map[string]any{"dateline": "today"},
			})
		}
		return
	}
	ps := doc.ProseIn(s.Body)
	if len(ps) == 0 || !ps[0].English() {
		return
	}
	head := ps[0].Text
	if len(head) > 80 {
		head = head[:80]
	}
	if strings.Contains(head, "[") || strings.Contains(head, "<") {
		return // "[City, State]–[Launch Date] –": a template's slot, placeholder's
	}
	c.Report(Finding{
		Message: "The summary does not open with the place and the launch date: start it \"SEATTLE — June 2, 2027 — \".",
		Span:    firstLine(doc, ps[0].Span),
		Data:    map[string]any{"dateline": "missing"},
	})
}
