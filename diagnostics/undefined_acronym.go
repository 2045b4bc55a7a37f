package diagnostics

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "undefined-acronym",
		Severity: Hint,
		Summary:  "An acronym whose first use is not spelled out.",
		Why: "A PR/FAQ travels far beyond the team that wrote it: to leaders, other teams and, in spirit, customers. " +
			"An acronym the reader does not know stops them cold, and team-internal acronyms are the worst kind " +
			"of jargon. Spell each one out at its first use, \"Software Carbon Intensity (SCI)\" or \"SCI (Software " +
			"Carbon Intensity)\"; later uses may stay short. Allow more with the `allow` option or the top-level " +
			"`allow:` list.",
		NotFlagged: "A first use preceded by its words in capitals (\"Software Carbon Intensity … SCI\"), which counts " +
			"as spelled out; common acronyms (FAQ, API, US, AI, CEO, PDF…); US state codes after a comma (\"Seattle, " +
			"WA\"); words in capitals for emphasis and roman numerals; headings (the body spells out), ALL CAPS text, " +
			"code, links, paths and identifiers (\"docs/API.md\", \"ABC_KEY\"); placeholders such as WHO? and XXX " +
			"(placeholder's).",
		Bad:     "Ledger reports each shop's DSO every week.\n",
		Good:    "Ledger reports each shop's days sales outstanding (DSO) every week. DSO fell by nine days in the pilot.\n",
		Options: map[string]string{"allow": "acronyms that need no spelling out, besides the built-in list (FAQ, API, US, AI…)"},
		check:   checkUndefinedAcronyms,
	})
}

var (
	// commonAcronyms are known to any reader of a PR/FAQ.
	commonAcronyms = setOf(
		"FAQ", "PR", "PRFAQ", "API", "SDK", "CLI", "UI", "UX", "URL", "URI", "HTTP", "HTTPS", "HTML", "CSS", "JSON",
		"YAML", "XML", "CSV", "PDF", "SQL", "AI", "ML", "LLM", "GPT", "IT", "HR", "CEO", "CTO", "CFO", "COO", "CIO",
		"CMO", "CPO", "CISO", "VP", "SVP", "EVP", "GM", "US", "USA", "UK", "EU", "UN", "AWS", "IBM", "GPS", "USB",
		"CPU", "GPU", "RAM", "SSD", "TV", "ID", "OK", "PC", "OS", "Q1", "Q2", "Q3", "Q4", "FY", "H1", "H2", "AM",
		"PM", "ETA", "FYI", "ASAP", "DIY", "OWNER", "DATE", "TBD", "TBA", "TBC", "TODO", "FIXME", "XXX", "NB", "PS", "UTC", "GMT",
		"PST", "PDT", "PT", "EST", "EDT", "ET", "CET", "USD", "EUR", "GBP", "JPY", "CNY", "INR", "CAD", "AUD",
		"SMS", "MFA", "SSO", "VPN", "DNS", "IP", "TCP", "UDP", "SSH", "SSL", "TLS", "LAN", "WAN", "IOT", "B2B",
		"B2C", "NASA", "FBI", "GDPR", "HIPAA", "ISO", "IEEE", "W3C", "MIT", "NYC", "SLA", "ROI", "MVP", "MP3",
		"MP4", "PNG", "JPEG", "JPG", "GIF", "SVG", "ZIP", "RSS", "AR", "VR", "NFC", "QR", "ATM", "PIN", "IPO",
		"LLC", "INC", "LTD", "PLC", "GMBH", "AG", "CO2", "NGO", "MBA", "PHD", "README", "TLDR", "DM", "RSVP",
		"WIFI", "LTE", "OEM", "FAQS", "PDFS", "DVD", "CD", "HD", "UHD", "RSVP", "AKA", "EOD", "EOW", "OSS",
		"GUI", "IDE", "CI", "QA", "DB", "VM", "AMI", "S3", "EC2", "REST", "VS", "GB", "TB", "MB", "KB", "PB",
		"GHZ", "MHZ", "KM", "MPH", "KG", "COVID", "TLDR",
	)
	// stateCodes are US states, allowed after a comma ("Seattle, WA").
	stateCodes = setOf("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
		"KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
		"ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC")
	// shouted are English words written in capitals for emphasis, and roman
	// numerals: not acronyms.
	shouted = setOf("NOT", "NO", "ALL", "NEW", "FREE", "NOW", "ONLY", "DO", "DONT", "MUST", "NEVER", "ALWAYS",
		"AND", "OR", "THE", "ANY", "YES", "IS", "ARE", "WILL", "CAN", "BUT", "FOR", "ONE", "TWO", "YOU", "WE",
		"OUR", "IF", "IN", "ON", "TO", "OF", "BY", "AT", "AS", "BE", "SO", "UP", "MY", "ME", "HE", "SHE", "HOW",
		"WHY", "WHAT", "WHO", "WHEN", "WHERE", "THIS", "THAT", "NOTE", "WARNING", "IMPORTANT", "STOP", "VERY",
		"MORE", "LESS", "MOST", "BEST", "NEXT", "LAST", "FIRST", "THEN", "ELSE", "WITH", "FROM", "EVERY", "EACH",
		"SHOULD", "SHALL", "MAY", "NONE", "TRUE", "FALSE", "NULL", "HELLO", "THANK", "THANKS", "WOW", "LIVE",
		"ACME", "ABC", "XYZ", "MATCH", "COMMIT", "ASYNC", "SYNC", "CHANGE", "BREAKING", "RELEASE", "PRESS",
		"SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "TABLE", "JOIN", "GROUP", "ORDER", "DRAFT", "FINAL",
		"READ", "WRITE", "OPEN", "CLOSED", "DONE", "PASS", "FAIL", "ERROR", "INFO", "DEBUG", "WARN", "AUTO",
		"MANUAL", "BETA", "ALPHA", "DEMO", "TEAM", "HERE", "STEP", "SKIP", "SEND", "BACK", "KEEP", "LOCKED",
		"GET", "POST", "PUT", "PATCH", "HEAD",
		"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XX")
	// acronymFunctionWords may sit inside a spelled-out name without a
	// letter of their own: "Department of Energy (DOE)" has one for "of".
	acronymFunctionWords = setOf("of", "and", "for", "the", "to", "in", "on", "a", "an", "&", "de", "with", "by", "as")
	definedAfterRe       = regexp.MustCompile(`^s?\s*(?:\(|,?\s*(?:short for|stands for|meaning)\b)`)
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func checkUndefinedAcronyms(c *Context) {
	doc := c.Doc
	allow := map[string]bool{}
	for _, a := range c.Strings("allow") {
		allow[strings.ToUpper(a)] = true
	}
	var dateline document.Span
	if s := doc.Parts[document.Summary]; s != nil {
		dateline = s.Dateline
	}
	seen := map[string]bool{}
	var initials *initialIndex
	for _, p := range doc.Prose {
		if p.Heading || proseInCaps(p) {
			continue
		}
		t := p.Text
		for _, run := range capsRunsOf(p) {
			i, j := run[0], run[1]
			word := t[i:j]
			stem := word
			if n := len(word); word[n-1] == 's' && word[n-2] >= 'A' && word[n-2] <= 'Z' {
				stem = word[:n-1] // "APIs"; not "CDK8s"
			}
			if stem != word && len(stem) < 2 {
				continue
			}
			letters := 0
			for k := 0; k < len(stem); k++ {
				if stem[k] >= 'A' && stem[k] <= 'Z' {
					letters++
				}
			}
			if letters < 2 || letters > 6 || seen[stem] || p.InCode(i, j) {
				continue
			}
			if commonAcronyms[stem] || shouted[stem] || allow[stem] || c.Allowed(word) || c.Allowed(stem) {
				continue
			}
			if inPathOrURL(t, i, j) || dateline.Contains(p.Offset(i)) || inShoutedRun(t, i, j) {
				continue
			}
			if stem == "TL" && strings.HasPrefix(t[j:], ";DR") || stem == "DR" && strings.HasSuffix(t[:i], "TL;") {
				continue // "TL;DR"
			}
			if stateCodes[stem] && strings.HasSuffix(t[:i], ", ") {
				continue // "Seattle, WA"
			}
			if stem == "XX" || strings.HasPrefix(t[j:], "?") && len(stem) <= 5 {
				continue // "WHO?", "XXX": the placeholder rule's business
			}
			seen[stem] = true
			if spelledOutAt(t, i, j) {
				continue
			}
			if letters == len(stem) {
				if initials == nil {
					initials = newInitialIndex(doc)
				}
				if initials.before(stem, p.Offset(i)) {
					continue
				}
			}
			c.Report(Finding{
				Message: fmt.Sprintf("%q is not spelled out at its first use: write \"Full Name (%s)\".", word, stem),
				Span:    p.SourceSpan(i, j),
				Data:    map[string]any{"acronym": stem},
			})
		}
	}
}

// spelledOutAt reports "Full Name (ABC)" or "ABC (Full Name)" around the
// acronym at Text[i:j], or "ABC, short for …".
func spelledOutAt(t string, i, j int) bool {
	before := strings.TrimRight(t[:i], " ")
	if strings.HasSuffix(before, "(") {
		return true
	}
	return definedAfterRe.MatchString(t[j:])
}

// inPathOrURL reports an acronym inside a path, URL, e-mail address, file
// name or identifier ("docs/API.md", "ABC_KEY", "@ABC").
func inPathOrURL(t string, i, j int) bool {
	if i > 0 && strings.IndexByte(`/@_#\$={<`, t[i-1]) >= 0 {
		return true
	}
	if i > 1 && (t[i-1] == '.' || t[i-1] == ':') && isWordByte(t[i-2]) {
		return true // "file.PDF", "key:ABC"
	}
	if j < len(t) {
		switch t[j] {
		case '/', '_', '@', '=', '{', '(', '[':
			return true
		case '.', ':':
			return j+1 < len(t) && isWordByte(t[j+1])
		}
	}
	return false
}

// inShoutedRun reports an all-caps word next to another one where either
// has five letters or more: "PRESS RELEASE", "BREAKING CHANGE" are
// emphasis, not acronyms ("AWS IAM" stays); so is a hyphenated pair.
func inShoutedRun(t string, i, j int) bool {
	long := j-i >= 5
	if k := i - 1; k > 0 && t[k] == ' ' {
		if w := capsWordBefore(t, k); w != "" && (long || len(w) >= 5) {
			return true
		}
	}
	if j+1 < len(t) && t[j] == ' ' {
		if w := capsWordAfter(t, j+1); w != "" && (long || len(w) >= 5) {
			return true
		}
	}
	// "SEND-BACK": two words in capitals joined by a hyphen, each of four
	// letters or more, are one shouted word ("COVID-19", "AWS-IAM" are not)
	if k := i - 1; k > 0 && t[k] == '-' && j-i >= 4 {
		if w := capsWordBefore(t, k); len(w) >= 4 {
			return true
		}
	}
	if j+1 < len(t) && t[j] == '-' && j-i >= 4 {
		if w := capsWordAfter(t, j+1); len(w) >= 4 {
			return true
		}
	}
	return false
}

func capsWordBefore(t string, end int) string {
	k := end
	for k > 0 && t[k-1] >= 'A' && t[k-1] <= 'Z' {
		k--
	}
	if k == end || k > 0 && isWordByte(t[k-1]) {
		return ""
	}
	return t[k:end]
}

func capsWordAfter(t string, start int) string {
	k := start
	for k < len(t) && t[k] >= 'A' && t[k] <= 'Z' {
		k++
	}
	if k == start || k < len(t) && isWordByte(t[k]) {
		return ""
	}
	return t[start:k]
}

// initialIndex holds the initials of runs of capitalised words, to find a
// spelled-out name ("Software Carbon Intensity") before an acronym (SCI). It
// grows as far as it is asked: first uses come in document order, so the
// whole build is linear and usually stops early.
type initialIndex struct {
	doc      *document.Document
	next     int // next prose run to index
	initials []byte
	offsets  []int
	// compounds maps the initials of hyphenated words ("point-of-sale":
	// POS) to their first offset.
	compounds map[string]int
}

func newInitialIndex(doc *document.Document) *initialIndex {
	return &initialIndex{doc: doc, compounds: map[string]int{}}
}

// extend indexes the prose runs that start before offset.
func (x *initialIndex) extend(offset int) {
	for ; x.next < len(x.doc.Prose) && x.doc.Prose[x.next].Span.Start < offset; x.next++ {
		p := x.doc.Prose[x.next]
		in := p.Memo(initialsKey, func() any { return readInitials(p) }).(*proseInitials)
		base := p.Span.Start
		for _, c := range in.compounds {
			if _, ok := x.compounds[c.initials]; !ok {
				x.compounds[c.initials] = base + c.offset
			}
		}
		x.initials = append(x.initials, in.initials...)
		for _, o := range in.offsets {
			x.offsets = append(x.offsets, base+o)
		}
		x.initials = append(x.initials, ' ')
		x.offsets = append(x.offsets, p.Span.End)
	}
}

// proseInitials is what the index reads in one prose run, its offsets
// relative to the run's start; it is kept with the run (initialsKey), so
// a keystroke indexes only the paragraph it changed.
type proseInitials struct {
	initials  []byte
	offsets   []int
	compounds []compoundInitials // in the order of the words
}

type compoundInitials struct {
	initials string
	offset   int
}

var initialsKey = document.NewMemoKey()

func readInitials(p *document.Prose) *proseInitials {
	in := &proseInitials{}
	for _, w := range p.Words() {
		if strings.IndexByte(w.Text, '-') > 0 {
			var b strings.Builder
			for _, part := range strings.Split(w.Text, "-") {
				if r, _ := utf8.DecodeRuneInString(part); unicode.IsLetter(r) {
					b.WriteRune(unicode.ToUpper(r))
				}
			}
			in.compounds = append(in.compounds, compoundInitials{b.String(), p.Offset(int(w.Start)) - p.Span.Start})
		}
		c := w.Text[0]
		switch {
		case len(w.Text) <= 4 && acronymFunctionWords[w.Text]:
			continue
		case c >= 'A' && c <= 'Z' && !isAllCaps(w.Text):
			in.initials = append(in.initials, c)
		case c >= 0x80:
			r, _ := utf8.DecodeRuneInString(w.Text)
			if unicode.IsUpper(r) && !isAllCaps(w.Text) {
				in.initials = append(in.initials, byte(unicode.ToUpper(r)&0x7f))
			} else {
				in.initials = append(in.initials, ' ')
			}
		default:
			in.initials = append(in.initials, ' ')
		}
		in.offsets = append(in.offsets, p.Offset(int(w.Start))-p.Span.Start)
	}
	return in
}

// before reports whether capitalised words with the initials of acronym
// occur before offset.
func (x *initialIndex) before(acronym string, offset int) bool {
	x.extend(offset + 1)
	if at, ok := x.compounds[acronym]; ok && at < offset {
		return true
	}
	k := bytes.Index(x.initials, []byte(acronym))
	return k >= 0 && x.offsets[k] < offset
}

func isAllCaps(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}
