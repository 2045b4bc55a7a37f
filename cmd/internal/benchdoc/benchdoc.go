// Package benchdoc generates the PR/FAQ the command line's and the
// server's benchmarks check and type into, so that both measure the same
// document.
package benchdoc

import (
	"fmt"
	"strings"
)

// PRFAQ writes a complete PR/FAQ of about n words: every press
// release part, then FAQ entries until the word count is reached. The
// sentences vary so the rules see realistic prose, some with findings.
func PRFAQ(n int) string {
	var b strings.Builder
	b.WriteString("---\nprfaq: true\ntitle: Acme Ledger\n---\n\n")
	b.WriteString("# Acme Ledger lets small shops send an invoice in one click from their phone\n\n")
	b.WriteString("*Shops that bill by hand today get paid nine days sooner, with no accounting software to learn.*\n\n")
	b.WriteString("SEATTLE — March 3, 2027 — Acme today announced Ledger, a phone app that turns a finished order into an invoice.\n\n")
	b.WriteString("## The problem\n\n")
	b.WriteString(problemParagraph + "\n\n")
	b.WriteString("## The solution\n\n")
	b.WriteString("Ledger reads the order the shop already keeps and fills in the invoice: customer, items, tax and due date.\n\n")
	b.WriteString("“We built Ledger because our own print shop lost a weekend a month to paperwork,” said Ana Ruiz, CEO of Acme.\n\n")
	b.WriteString("“We now bill the same day and are paid in twelve days instead of twenty-one,” said Tom Lee, a customer who owns a bakery.\n\n")
	b.WriteString("## How to get started\n\n")
	b.WriteString("Ledger costs $5 a month per shop, with the first month free. Sign up at https://example.com/ledger.\n\n")
	b.WriteString("## FAQ\n\n### External FAQ\n\n")
	sentences := []string{
		"Shops on other systems can type an order in by hand in under a minute.",
		"The owner checks the invoice on the phone and taps send, and Ledger reminds the customer three days before the due date.",
		"In the pilot, 41 of 50 shops sent every invoice from their phone within two weeks.",
		"We leverage the point-of-sale integrations we already run for Acme Books, which is very convenient.",
		"Export works as PDF and CSV for a year after a shop cancels; after that we delete the data.",
		"Hosting and payment-status checks cost $0.40 per shop a month, and we break even at 4,000 paying shops.",
		"TBD, we will figure out the pricing for shops with more than ten people later.",
	}
	words := len(strings.Fields(b.String()))
	for i := 0; words < n; i++ {
		if i == 40 {
			b.WriteString("### Internal FAQ\n\n")
		}
		q := fmt.Sprintf("#### Question %d: how does Ledger handle case %d for a shop?\n\n", i+1, i+1)
		b.WriteString(q)
		words += len(strings.Fields(q))
		var para strings.Builder
		for j := 0; j < 6; j++ {
			s := sentences[(i*7+j)%len(sentences)]
			para.WriteString(s)
			para.WriteString(" ")
			words += len(strings.Fields(s))
		}
		b.WriteString(strings.TrimSpace(para.String()))
		b.WriteString("\n\n")
	}
	return b.String()
}

// TypingLine and TypingColumn are where the server's benchmarks type: the
// end of the problem paragraph (0-based line, UTF-16 column), inside a
// paragraph of prose as an author types. (Until 2 Dec 2026 they typed on
// line 8, the blank line under the subheading, which made the subheading,
// the typed words and the summary one paragraph.)
const (
	TypingLine   = 13
	TypingColumn = len(problemParagraph)
)

const problemParagraph = "Small shops spend four hours a week writing invoices by hand, according to our survey of 312 shop owners."
