package document

import "strings"

// The product's name, as the summary and the headline give it, and whether a
// paragraph has the product as its subject: by its name ("TaxLens connects
// …") or by its kind ("The framework, developed by …"). A paragraph about the
// product says what it does; the alignment (align.go) never reads it as the
// problem.

// productWords are the product's name as the summary's subject gives it
// ("Dossier is …", "Today we're announcing TaxLens …", "daimon は、…"):
// a paragraph that names the product as its own subject is describing the
// solution, not the problem.
func (s *scan) productWords() map[string]bool {
	if s.product == nil {
		s.product = productWordsOf(s.d, s.findDateline)
	}
	return s.product
}

// productWordsOf reads the product's name in d's summary (productWords).
func productWordsOf(d *Document, findDateline func(string) []int) map[string]bool {
	product := map[string]bool{}
	sum := d.Parts[Summary]
	if sum == nil {
		return product
	}
	text := sum.Text
	if m := findDateline(text); m != nil {
		text = text[m[1]:]
	}
	text = summaryLead.ReplaceAllString(datePhrase.ReplaceAllString(strings.TrimSpace(text), ""), "")
	// the product is named in the headline, or in the title of a press
	// release that has none ("# Construct Hub" over an RFC's release)
	headText := ""
	if h := d.Parts[Headline]; h != nil {
		headText = h.Text
	}
	if t := d.Title; t != nil {
		headText += " " + t.Text
	}
	headline := strings.ToLower(strings.TrimSpace(headText))
	for i, w := range strings.Fields(text) {
		w = strings.TrimRightFunc(leadingName(w), func(r rune) bool { return r == ',' || r == '.' || r == ':' })
		if i > 0 && (w == "" || w[0] < 'A' || w[0] > 'Z') || i >= 4 || commonCapital[strings.ToLower(w)] {
			break
		}
		if len(w) >= 2 && (headline == "" || strings.Contains(headline, strings.ToLower(w))) {
			product[w] = true
		}
	}
	if len(product) == 0 {
		// "…, an Amazon company, announced the Construct Hub": the name
		// the launch verb introduces
		if m := launchedName.FindStringSubmatch(Clip(sum.Text, 300)); m != nil {
			for _, w := range strings.Fields(m[1]) {
				if !commonCapital[strings.ToLower(w)] {
					product[w] = true
				}
			}
		}
	}
	if len(product) == 0 && headline != "" {
		// "Redcar: a real-time data hub": the name before the colon
		if m := headlineName.FindStringSubmatch(strings.TrimSpace(headText)); m != nil {
			product[m[1]] = true
		}
	}
	if len(product) == 0 && headline != "" {
		// else the capitalised words the headline and the summary share
		in := map[string]bool{}
		for _, w := range capitalWords(sum.Text) {
			in[w] = true
		}
		for _, w := range capitalWords(headText) {
			if in[w] {
				product[w] = true
			}
		}
	}
	return product
}

var (
	datePhrase   = NewLazyRegexp(`^(?i:on|in)\s+[\p{L}]+\s+\d{1,2},?\s+\d{4},?\s+`)
	launchedName = NewLazyRegexp(`(?i:announc\w*|launch\w*|introduc\w*|releas\w*|unveil\w*|debut\w*)\s+(?i:the\s+|a\s+|an\s+)?(?i:(?:general\s+availability|availability|introduction|release|launch)\s+of\s+(?:the\s+)?)?(\p{Lu}[\w.-]*(?:\s+\p{Lu}[\w.-]*){0,3})`)
	headlineName = NewLazyRegexp(`^\W*([\p{L}][\w.-]+)\s*[:—–]`)
)

// summaryLead is the opening a summary puts before the product's name.
var summaryLead = NewLazyRegexp(`(?i)^(?:today,?\s+)?(?:[\p{Lu}][\w&.'-]*(?:\s+[\p{Lu}][\w&.'-]*){0,4}\s+)?(?:today\s+)?(?:is\s+|are\s+|we're\s+|we\s+are\s+|has\s+|have\s+)?(?:announc\w*|launch\w*|introduc\w*|releas\w*|unveil\w*|debut\w*)\s+(?:the\s+|a\s+|an\s+)?(?:general\s+availability\s+of\s+|release\s+of\s+|launch\s+of\s+)?`)

// leadingName is the Latin-letter head of a word ("daimon" of "daimonは").
func leadingName(w string) string {
	for i, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r == '_') {
			return w[:i]
		}
	}
	return w
}

func capitalWords(t string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(t, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127)
	}) {
		if len(w) >= 3 && w[0] >= 'A' && w[0] <= 'Z' && !commonCapital[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	return out
}

// commonCapital are words that start sentences and titles, not names.
var commonCapital = map[string]bool{"the": true, "today": true, "introducing": true, "announcing": true, "new": true,
	"now": true, "your": true, "our": true, "with": true, "for": true, "and": true, "you": true, "how": true, "what": true,
	"why": true, "this": true, "that": true, "from": true, "into": true, "launches": true, "inc": true, "free": true}

// namesProduct: the product is the subject of the paragraph (one of its
// first four words), as in "TaxLens connects to your Drive".
func (s *scan) namesProduct(t string) bool {
	if len(t) > 120 {
		t = t[:120] // the subject is in the first words
	}
	words := firstN(strings.Fields(t), 4)
	for i, w := range words {
		if w = strings.TrimRight(leadingName(w), ".,:"); w != "" && s.productWords()[w] {
			if i == 0 && len(s.productWords()) > 1 && s.ordinaryWord(w) &&
				(len(words) < 2 || !s.productWords()[strings.TrimRight(leadingName(words[1]), ".,:")]) {
				// "Speakers on the topic are hard to find" is about
				// speakers, not the Speakers Bureau: a word of a longer
				// name that the release also uses in lower case, alone at
				// the start of a sentence, is that ordinary word
				continue
			}
			return true
		}
	}
	return false
}

// namesProductKind: the paragraph opens with the product named by what it
// is, a kind the headline or the summary gives it ("The framework,
// developed by …", "The study links …").
func (s *scan) namesProductKind(t string) bool {
	if len(t) > 60 {
		t = t[:60] // "The" and the kind open the paragraph
	}
	words := firstN(strings.Fields(t), 2)
	if len(words) >= 2 && (strings.EqualFold(words[0], "the") || strings.EqualFold(words[0], "this")) {
		kind := strings.ToLower(strings.TrimRight(words[1], ".,:;'’s"))
		if productKind[kind] && s.launchTextHas(kind) {
			return true
		}
	}
	return false
}

// launchText is the headline's and the summary's text, where the release
// says what it launches, as written and in lower case; read once a scan.
type launchText struct{ text, lower string }

func (s *scan) launchText() *launchText {
	if s.launch == nil {
		t := ""
		for _, k := range []PartKind{Headline, Summary} {
			if p := s.d.Parts[k]; p != nil {
				t += " " + p.Text
			}
		}
		s.launch = &launchText{t, strings.ToLower(t)}
	}
	return s.launch
}

// launchTextHas: the headline or the summary has word (lower case), in any
// case, alone or plural ("REPORT", "a series of reports").
func (s *scan) launchTextHas(word string) bool {
	return hasWordOrPlural(s.launchText().lower, word)
}

// ordinaryWord: the headline or the summary writes w in lower case, as a
// common word ("booking of world-class speakers").
func (s *scan) ordinaryWord(w string) bool {
	lower := strings.ToLower(w)
	return lower != w && hasWordOrPlural(s.launchText().text, lower)
}

// hasWordOrPlural: t has word as a whole word, or its plural.
func hasWordOrPlural(t, word string) bool {
	letter := func(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }
	for from := 0; ; {
		i := strings.Index(t[from:], word)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(word)
		if end < len(t) && t[end] == 's' {
			end++
		}
		if (start == 0 || !letter(t[start-1])) && (end == len(t) || !letter(t[end])) {
			return true
		}
		from = start + 1
	}
}
