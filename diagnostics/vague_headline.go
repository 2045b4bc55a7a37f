package diagnostics

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

func init() {
	register(&Rule{
		ID:       "vague-headline",
		Severity: Warning,
		Summary:  "The headline does not say who gets what: too long or short, no verb, hype, a placeholder, ALL CAPS.",
		Why: "Most readers read only the headline. It should name the customer and the benefit in plain words, with " +
			"a verb, in under about 15 words (\"Ledger lets small shops send invoices in one click\"). The message " +
			"names each reason: longer than max-words or shorter than min-words, no verb, hype without data, " +
			"a placeholder (the placeholder rule also points at the exact text), ALL CAPS, a trailing period, no customer or benefit. " +
			"Chinese and Japanese headlines count two Han characters or three kana a word.",
		NotFlagged: "A headline in another language lacking a verb, a customer or a benefit: those checks know English " +
			"words only, so such a headline is checked for its length, placeholders, capitals, period and a short " +
			"list of plain hype (revolutionär, révolutionnaire, 革命的, 혁신적…).",
		Bad:    "# THE REVOLUTIONARY NEXT-GENERATION INVOICING PLATFORM.\n",
		Good:   "# Ledger lets small shops send invoices in one click\n",
		FixDoc: "Removes a trailing period when that is the only problem.",
		Options: map[string]string{
			"max-words": "longest acceptable headline in words (default 15)",
			"min-words": "shortest acceptable headline in words (default 4)",
		},
		check: checkHeadline,
	})
}

var (
	// headlineVerbs are verbs headlines use; words ending in -izes, -ifies,
	// -ates and the like count too.
	headlineVerbs = phraseList("launch", "launches", "launched", "announce", "announces", "announced", "introduce", "introduces",
		"introduced", "release", "releases", "released", "unveil", "unveils", "let", "lets", "help", "helps", "make", "makes",
		"cut", "cuts", "save", "saves", "bring", "brings", "give", "gives", "enable", "enables", "allow", "allows", "turn",
		"turns", "put", "puts", "end", "ends", "reduce", "reduces", "add", "adds", "offer", "offers", "deliver", "delivers",
		"provide", "provides", "open", "opens", "publish", "publishes", "published", "debut", "debuts", "expand", "expands",
		"simplify", "simplifies", "automate", "automates", "remove", "removes", "find", "finds", "show", "shows", "build",
		"builds", "get", "gets", "keep", "keeps", "stop", "stops", "start", "starts", "ship", "ships", "take", "takes",
		"connect", "connects", "protect", "protects", "eliminate", "eliminates", "speed", "speeds", "lower", "lowers",
		"boost", "boosts", "double", "doubles", "halve", "halves", "move", "moves", "create", "creates", "run", "runs",
		"replace", "replaces", "track", "tracks", "answer", "answers", "now", "is", "are", "can", "will", "goes", "go",
		"becomes", "become", "pays", "pay", "sends", "send", "writes", "write", "learns", "learn", "checks", "check",
		"catches", "catch", "tells", "tell", "know", "knows", "see", "sees", "win", "wins", "join", "joins", "launching",
		"bringing", "making", "helping", "moving", "giving", "empowers", "empower", "transforms", "transform", "teaches",
		"built", "brought", "gave", "took", "sent", "found", "kept", "understand", "understands", "meet", "meets",
		"share", "shares", "manage", "manages", "plan", "plans", "discover", "discovers", "explore", "explores", "ask",
		"asks", "hear", "hears", "play", "plays", "read", "reads", "pick", "picks", "choose", "chooses", "fix", "fixes",
		"sell", "sells", "buy", "buys", "book", "books", "turned", "obsolete")
	// verbSuffix: -izes, -ifies, -ates, a headline that opens with an -ing
	// form ("Introducing …") and a verb after just, now, has or finally
	// ("… Just Made …"); "Invoicing for Small Shops" has none
	verbSuffix = regexp.MustCompile(`(?i)\b\w+(izes|ises|ifies|ates)\b|^\W*\w{4,}ing\b|\b(just|now|has|have|finally)\s+\w{3,}`)
	// nameThenVerb: a name opens the headline and the lower-case word after
	// it ends in -s, as the verb of "Penwise grades …", "Ledger closes …"
	// does, whatever the verb (case-sensitive: under (?i) \p{Lu} is any
	// letter; not -ss, -us, -is: "A corpus of …", "Acme analysis")
	nameThenVerb  = regexp.MustCompile(`^\W*(\p{Lu}[\w.-]*)(?:\s+\p{Lu}[\w.-]*){0,2}\s+\p{Ll}{2,}[^siu\W]s\b`)
	headlineHype  = phraseList("revolutionary", "groundbreaking", "game-changing", "game changer", "best", "best-in-class", "world-class", "next-generation", "cutting-edge", "amazing", "incredible", "unprecedented", "ultimate", "magical", "disruptive", "innovative", "leading", "industry-leading", "first-ever", "world's first", "unparalleled", "unmatched")
	customerWords = phraseList(append(peopleNouns, "customer", "customers", "user", "users", "developer", "developers", "team", "teams", "engineer", "engineers",
		"people", "you", "your", "shops", "businesses", "companies", "practitioners", "members", "students", "scientists",
		"analysts", "admins", "operators", "buyers", "sellers", "owners", "anyone", "everyone", "organizations", "organisations",
		"families", "patients", "doctors", "teachers", "parents", "creators", "writers", "designers", "researchers", "speakers", "enterprises")...)
	placeholderInText = regexp.MustCompile(`\[[^\]]*\]|\bXXX+\b|\bWHO\?|\bTBD\b|\bTODO\b|@x{3,}`)
	benefitWords      = phraseList("to", "for", "so", "makes", "make", "without", "lets", "helps", "enables", "allows", "cuts", "saves", "faster", "in minutes", "get", "gets",
		"in seconds", "in one", "one-click", "free", "instantly", "less", "fewer", "more", "easier", "simpler", "safer", "cheaper")
)

// headlineHypeWorld and headlineHypeCJK are the plainest hype of headlines
// in other languages ("revolutionary", "groundbreaking", "innovative"):
// data, to be extended. CJK words match anywhere (no spaces), the others as
// whole words.
var (
	headlineHypeWorld = phraseList(
		"revolutionär", "revolutionäre", "revolutionären", "revolutionärer", "revolutionäres", // de
		"bahnbrechend", "bahnbrechende", "bahnbrechenden", "bahnbrechender", "bahnbrechendes",
		"révolutionnaire", "révolutionnaires", // fr
		"revolucionario", "revolucionaria", "revolucionarios", "revolucionarias", // es
		"revolucionário", "revolucionária", "revolucionários", "revolucionárias", // pt
		"революционный", "революционная", "революционное", "революционные", // ru
	)
	headlineHypeCJK = []string{"革命的", "画期的", "革新的", "革命性", "颠覆性", "顛覆性", "划时代", "劃時代", "혁신적", "획기적", "혁명적"}
)

// worldHype reports a headline in another language with one of their hype
// words.
func worldHype(text string) bool {
	for _, w := range headlineHypeCJK {
		if strings.Contains(text, w) {
			return true
		}
	}
	return headlineHypeWorld.MatchString(text)
}

func checkHeadline(c *Context) {
	doc := c.Doc
	h := doc.Parts[document.Headline]
	if h == nil {
		return
	}
	text := strings.TrimSpace(h.Text)
	if text == "" {
		return // empty-section's business
	}
	var reasons []string
	// the verb, hype and customer lists are English words: on a headline
	// in another language they would only guess. A headline is short, and
	// its few words may tie ("Wendelsteg zeigt Pendlern in Echtzeit, …"):
	// the summary under it tells the release's language
	english := document.EnglishLang(document.Lang(text)) && releaseEnglish(doc)
	r := c.memo.get(headlineKey{english}, text, func() any { return readHeadline(text, english) }).(headlineText)
	words := r.words
	maxWords, minWords := c.Int("max-words", 15), c.Int("min-words", 4)
	switch {
	case words > maxWords && r.cjk:
		reasons = append(reasons, fmt.Sprintf("%d words, counting two Han characters or three kana a word (keep it to %d or fewer)", words, maxWords))
	case words > maxWords:
		reasons = append(reasons, fmt.Sprintf("%d words (keep it to %d or fewer)", words, maxWords))
	case words < minWords:
		reasons = append(reasons, fmt.Sprintf("only %s (say who gets what)", plural(words, "word")))
	}
	if r.placeholder {
		reasons = append(reasons, "a placeholder is left in")
	}
	if r.caps {
		reasons = append(reasons, "ALL CAPS")
	}
	if r.noVerb {
		reasons = append(reasons, "no verb (say what the product does)")
	}
	if r.hype {
		reasons = append(reasons, "hype without data")
	}
	if r.noCustomer {
		reasons = append(reasons, "no customer or benefit")
	}
	period := "." // or the ideographic full stop of Chinese and Japanese
	if strings.HasSuffix(text, "。") {
		period = "。"
	}
	trailingPeriod := strings.HasSuffix(text, period) && !strings.HasSuffix(text, "...")
	if trailingPeriod {
		reasons = append(reasons, "a trailing period (headlines have none)")
	}
	if len(reasons) == 0 {
		return
	}
	f := Finding{
		Message: "Vague headline: " + strings.Join(reasons, "; ") + ".",
		Span:    h.Body,
		Data:    map[string]any{"reasons": reasons},
	}
	if trailingPeriod && len(reasons) == 1 {
		if i := strings.LastIndex(doc.Text(h.Body), period); i >= 0 {
			f.Fixes = []Fix{replaceFix("Remove the trailing period", spanOf(h.Body.Start+i, h.Body.Start+i+len(period)), "")}
		}
	}
	c.Report(f)
}

// benefitFigure is a figure that says what the customer gets: a price, a
// share, a multiple or a time ("A $19 Wristband Just Made $500,000 PA
// Systems Obsolete"); a version number is none.
var benefitFigure = regexp.MustCompile(`[$€£¥]\s?\d|\d\s?%|\b\d+(\.\d+)?[x×]\b|\b\d+\s?(seconds?|minutes?|hours?|days?|weeks?|ms)\b`)

// imperative: the headline, or what follows the product's name and a colon,
// opens with a verb in its plain form ("The Workshop: run a room of AI
// agents, not one at a time"): it speaks to the reader, who is the customer.
func imperative(text string) bool {
	if i := strings.IndexAny(text, ":—–"); i >= 0 && i < 40 {
		text = text[i:]
	}
	first := strings.ToLower(strings.Trim(firstWord(text), "*_"))
	return first != "" && !strings.HasSuffix(first, "s") && !strings.HasSuffix(first, "ed") && !strings.HasSuffix(first, "ing") &&
		first != "now" && first != "is" && first != "are" && first != "can" && first != "will" && first != "obsolete" &&
		headlineVerbs.MatchString(first)
}

// firstWord is text's first word, punctuation before it skipped.
func firstWord(text string) string {
	f := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// headlineText is what checkHeadline reads in the headline's text alone,
// kept by a Checker per text: typing elsewhere leaves the headline as it
// was, and its expressions cost a keystroke more than the rest of the rule.
type headlineText struct {
	words                                            int
	cjk, placeholder, caps, noVerb, hype, noCustomer bool
}

type headlineKey struct{ english bool }

// releaseEnglish: the summary, the release's longest opening prose, is
// English (or there is none to tell).
func releaseEnglish(doc *document.Document) bool {
	s := doc.Parts[document.Summary]
	if s == nil {
		return true
	}
	for _, p := range doc.ProseOverlapping(s.Body) {
		return p.English()
	}
	return true
}

func readHeadline(text string, english bool) headlineText {
	return headlineText{
		words:       document.CountWords(text), // CJK: two Han or three kana a word
		cjk:         document.HasCJK(text),
		placeholder: placeholderInText.MatchString(text),
		caps:        allCaps(text),
		noVerb:      english && !headlineVerbs.MatchString(text) && !verbSuffix.MatchString(text) && !namedSubjectVerb(text),
		hype:        (english && headlineHype.MatchString(text) || !english && worldHype(text)) && !strings.ContainsAny(text, "0123456789"),
		noCustomer:  english && !customerWords.MatchString(text) && !namesPeople(text) && !benefitWords.MatchString(text) && !benefitFigure.MatchString(text) && !imperative(text),
	}
}

// namedSubjectVerb: the headline opens with a name and its verb
// (nameThenVerb), the name not an article or other opening word.
func namedSubjectVerb(text string) bool {
	m := nameThenVerb.FindStringSubmatch(text)
	return m != nil && !commonOpeners[strings.ToLower(m[1])]
}

var commonOpeners = map[string]bool{"a": true, "an": true, "the": true, "this": true, "our": true, "your": true,
	"new": true, "how": true, "why": true, "what": true, "all": true, "every": true, "more": true, "most": true}

// allCaps reports text of four or more words whose letters are almost all capitals.
func allCaps(text string) bool {
	upper, letters := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return document.FieldCount(text) >= 4 && letters >= 12 && upper*10 >= letters*9
}

// plural writes "1 word", "3 words".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
