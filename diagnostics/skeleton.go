package diagnostics

import (
	"regexp"
	"strings"
	"sync"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// Section skeletons, written once in LSP snippet syntax (${1:text}). The
// quick fixes, `prfaq new` and the editor completions all use them; Skeleton
// strips the tab stops for plain text.
var skeletons = map[document.PartKind]string{
	document.Headline:      "# ${1:Product} lets ${2:customers} ${3:do what, with what measurable benefit}",
	document.Subheading:    "*${1:One sentence: who it is for and what they get}*",
	document.Summary:       "${1:CITY} — ${2:Month Day, Year} — ${3:Company} today announced ${4:product}, which lets ${5:customers} ${6:benefit}.",
	document.Problem:       "## The problem\n\n${1:Who has the problem, how often, and what it costs them today.}",
	document.Solution:      "## The solution\n\n${1:How the product solves the problem, in the customer's words.}",
	document.LeaderQuote:   "“${1:Why we built this and what changes for customers},” said ${2:Name}, ${3:CEO} of ${4:Company}.",
	document.CustomerQuote: "“${1:The difference it made, in numbers},” said ${2:Name}, a ${3:customer} at ${4:Customer company}.",
	document.CallToAction:  "## How to get started\n\nGet started at ${1:https://example.com}: ${2:how to get it, and what it costs}.",
	document.FAQ:           "## FAQ\n\n### External FAQ\n\n#### ${1:What will customers ask?}\n\n${2:A direct answer.}\n\n### Internal FAQ\n\n#### ${3:What will stakeholders ask?}\n\n${4:A direct answer.}",
	document.ExternalFAQ:   "### External FAQ\n\n#### ${1:What will customers ask?}\n\n${2:A direct answer.}",
	document.InternalFAQ:   "### Internal FAQ\n\n#### ${1:What will stakeholders ask?}\n\n${2:A direct answer.}",
}

// QuestionSnippet is an FAQ entry at heading level.
func QuestionSnippet(level int) string {
	return strings.Repeat("#", level) + " ${1:Question?}\n\n${2:Answer.}"
}

var tabStop = regexp.MustCompile(`\$\{\d+:([^}]*)\}|\$\d+`)

// PlainText turns a snippet into plain text, keeping placeholder text in
// brackets so that it reads as "fill me in" (and the placeholder rule agrees).
func PlainText(snippet string) string {
	return tabStop.ReplaceAllStringFunc(snippet, func(m string) string {
		sub := tabStop.FindStringSubmatch(m)
		if sub[1] == "" {
			return ""
		}
		return "[" + sub[1] + "]"
	})
}

// SkeletonSnippet returns the snippet for a part.
func SkeletonSnippet(k document.PartKind) string { return skeletons[k] }

// Skeleton returns a part's plain-text skeleton.
func Skeleton(k document.PartKind) string { return plainSkeletons()[k] }

// plainSkeletons are the skeletons in plain text, made once: a document
// without a part gets its skeleton in a fix on every check.
var plainSkeletons = sync.OnceValue(func() map[document.PartKind]string {
	out := make(map[document.PartKind]string, len(skeletons))
	for k, s := range skeletons {
		out[k] = PlainText(s)
	}
	return out
})

// DocumentSnippet is a whole PR/FAQ, numbered tab stops in order.
func DocumentSnippet(title string) string {
	var parts []string
	n := 0
	for _, k := range []document.PartKind{document.Headline, document.Subheading, document.Summary, document.Problem, document.Solution, document.LeaderQuote, document.CustomerQuote, document.CallToAction, document.FAQ} {
		s := skeletons[k]
		if k == document.Headline && title != "" {
			s = "# " + strings.ReplaceAll(title, "$", `\$`)
		}
		base := n
		s = regexp.MustCompile(`\$\{(\d+):`).ReplaceAllStringFunc(s, func(m string) string {
			var i int
			for _, c := range m[2 : len(m)-1] {
				i = i*10 + int(c-'0')
			}
			if base+i > n {
				n = base + i
			}
			return "${" + itoa(base+i) + ":"
		})
		parts = append(parts, s)
	}
	return strings.Join(parts, "\n\n") + "\n"
}

// DocumentSkeleton is a whole PR/FAQ in plain text (`prfaq new`).
func DocumentSkeleton(title string) string { return PlainText(DocumentSnippet(title)) }

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}
