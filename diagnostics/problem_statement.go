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
		ID:       "problem-statement",
		Severity: Information,
		Summary:  "The problem paragraph names the product (solving before the problem is understood) or names no customer.",
		Why: "The problem statement says who has the problem and in what situation, before any solution: \"Today, " +
			"[customers] have to [problem] when [situation]. Customers need a way to …\". A problem that names the " +
			"product has started selling the solution; one that names no customer describes a problem nobody has.",
		NotFlagged: "A product name that is also a common word of the document (\"Workshop\" when the text says " +
			"\"workshop\" too), or that the summary does not announce (\"Acme today announced Ledger\": Ledger); the " +
			"company's name; the product in a problem read by its place alone, which the reading may have placed " +
			"wrongly; a problem that speaks to the reader (\"you\") " +
			"or names people of any kind (owners, developers, teams, shops, students…) or the customer the headline or the " +
			"subheading names (\"Tidewell lets a small marina book …\": \"Small marinas book by phone …\"); a problem in another " +
			"language (the words are English) or with a template's slot in it (placeholder's); a document with no problem part, which is missing-section's.",
		Bad: "# Ledger lets small shops send an invoice in one click\n\nSEATTLE — June 2, 2027 — Acme today announced Ledger, a phone app for invoices.\n\n" +
			"## The problem\n\nInvoicing is slow and error-prone, and Ledger fixes that with one tap.\n",
		Good: "# Ledger lets small shops send an invoice in one click\n\nSEATTLE — June 2, 2027 — Acme today announced Ledger, a phone app for invoices.\n\n" +
			"## The problem\n\nToday, small shop owners spend four hours a week writing invoices by hand when they should be serving customers.\n",
		check: checkProblemStatement,
	})
}

// problemPeople name the people who may have a problem: a problem that
// names none of them (nor "you") names no customer.
var problemPeople = phraseList(append(peopleNouns,
	"you", "your", "customer", "customers", "user", "users", "people", "person", "persons", "someone", "anyone", "everyone",
	"developer", "developers", "engineer", "engineers", "team", "teams", "owner", "owners", "manager", "managers",
	"operator", "operators", "admin", "admins", "administrator", "administrators", "analyst", "analysts", "scientist",
	"scientists", "researcher", "researchers", "student", "students", "teacher", "teachers", "parent", "parents",
	"family", "families", "patient", "patients", "doctor", "doctors", "nurse", "nurses", "driver", "drivers",
	"shopper", "shoppers", "buyer", "buyers", "seller", "sellers", "merchant", "merchants", "shop", "shops",
	"store", "stores", "business", "businesses", "company", "companies", "organization", "organizations",
	"organisation", "organisations", "enterprise", "enterprises", "startup", "startups", "landlord", "landlords",
	"tenant", "tenants", "renter", "renters", "employee", "employees", "worker", "workers", "staff", "member",
	"members", "maintainer", "maintainers", "contributor", "contributors", "designer", "designers", "writer",
	"writers", "author", "authors", "creator", "creators", "reader", "readers", "player", "players", "fan", "fans",
	"attendee", "attendees", "traveler", "travelers", "traveller", "travellers", "freelancer", "freelancers",
	"consumer", "consumers", "client", "clients", "practitioner", "practitioners", "professional", "professionals",
	"individual", "individuals", "homeowner", "homeowners", "residents", "resident", "citizens", "community",
	"communities", "agency", "agencies", "government", "governments", "school", "schools", "hospital", "hospitals",
	"clinic", "clinics", "restaurant", "restaurants", "retailer", "retailers", "vendor", "vendors", "supplier",
	"suppliers", "partner", "partners", "investor", "investors", "trader", "traders", "accountant", "accountants",
	"lawyer", "lawyers", "marketer", "marketers", "salespeople", "support agents", "listener",
	"listeners", "viewer", "viewers", "subscriber", "subscribers", "buyer", "employer", "employers", "hiring",
	"recruiter", "recruiters", "candidate", "candidates", "volunteer", "volunteers", "speaker", "speakers",
	"organizer", "organizers", "organiser", "organisers", "guest", "guests", "we", "our", "us",
	"they", "their", "them", "who", "anybody", "nobody", "everybody", "humans", "human", "man", "woman", "men", "women",
	"children", "kids", "adults", "seniors", "beginners", "experts", "novices", "newcomers", "hobbyists", "makers",
	"builders", "coders", "programmers", "programmer", "coder", "devops", "sre", "sres", "cto", "ctos",
	"ceo", "ceos", "founder", "founders", "leaders", "leader", "executives", "executive", "pm", "pms",
)...)

// peopleNouns are more of the people a problem or a headline names; the
// headline's own list (customerWords) holds them too.
var peopleNouns = []string{
	"farmer", "farmers", "grower", "growers", "cook", "cooks", "chef", "chefs", "rider", "riders", "walker", "walkers",
	"commuter", "commuters", "passenger", "passengers", "pupil", "pupils", "tutor", "tutors", "donor", "donors",
	"visitor", "visitors", "caregiver", "caregivers", "carer", "carers", "charity", "charities", "nonprofit",
	"nonprofits", "household", "households", "neighbours", "neighbors", "locals", "surveyor", "surveyors",
	"crew", "crews", "agent", "agents", "technician", "technicians", "mechanic", "mechanics",
	"cafe", "cafes", "café", "cafés", "council", "councils",
	"swimmer", "swimmers", "climber", "climbers", "hiker", "hikers", "skier", "skiers",
	"surfer", "surfers", "gardener", "gardeners", "baker", "bakers", "brewer", "brewers", "plumber", "plumbers",
	"diner", "diners", "gamer", "gamers", "learner", "learners", "lecturer", "lecturers", "borrower", "borrowers",
	"lender", "lenders", "taxpayer", "taxpayers", "voter", "voters", "sailor", "sailors",
	"beekeeper", "beekeepers", "porter", "porters", "carpenter", "carpenters",
	"landowner", "landowners", "flatmate", "flatmates", "roommate", "roommates", "newcomer", "villagers",
	"couple", "couples", "clerk", "clerks", "treasurer", "treasurers", "secretary", "secretaries", "coordinator", "coordinators",
	"officer", "officers", "inspector", "inspectors", "dispatcher", "dispatchers", "caretaker", "caretakers",
	"reviewer", "reviewers", "approver", "approvers", "editor", "editors", "auditor", "auditors", "tester", "testers",
	"ranger", "rangers", "pilot", "pilots", "coach", "coaches", "trainer", "trainers", "planner", "planners",
	"shipper", "shippers", "courier", "couriers", "skipper", "skippers", "harbour master", "harbour masters",
	"harbor master", "harbor masters",
}

// peopleSuffix finds the nouns for people the list cannot hold: "cyclists",
// "pharmacists", "electricians", "librarians" (agent nouns in -ist and
// -ian). The verbs and things in -ists are left out.
var peopleSuffix = regexp.MustCompile(`(?i)\b\p{L}{3,}(?:ist|ian)s?\b`)

var notPeopleSuffix = map[string]bool{
	"exist": true, "exists": true, "insist": true, "insists": true, "persist": true, "persists": true, "consist": true,
	"consists": true, "assist": true, "assists": true, "resist": true, "resists": true, "enlist": true, "enlists": true,
	"subsist": true, "subsists": true, "desist": true, "checklist": true, "checklists": true, "playlist": true,
	"playlists": true, "wishlist": true, "wishlists": true, "shortlist": true, "shortlists": true, "waitlist": true,
	"waitlists": true, "blacklist": true, "whitelist": true, "allowlist": true, "denylist": true, "twist": true,
	"twists": true, "median": true, "medians": true, "radian": true, "radians": true, "gaussian": true, "boolean": true,
}

// namesPeople: t names people by an agent noun in -ist or -ian.
func namesPeople(t string) bool {
	for _, m := range peopleSuffix.FindAllString(t, -1) {
		if !notPeopleSuffix[strings.ToLower(m)] {
			return true
		}
	}
	return false
}

func checkProblemStatement(c *Context) {
	doc := c.Doc
	p := doc.Parts[document.Problem]
	if p == nil || p.Body.Empty() {
		return
	}
	prose := doc.ProseOverlapping(p.Body) // a labelled problem's paragraph starts at its label
	if len(prose) == 0 || !prose[0].English() || strings.ContainsAny(p.Text, "[]") {
		return // another language, or a template's slot (placeholder's)
	}
	// a problem read by its place alone may be a paragraph the reading
	// placed wrongly; one its heading, label or dateline names is the
	// author's problem statement
	if name, m, ok := productIn(doc, prose, p.Body); ok && p.How != document.HowPosition {
		c.Report(Finding{
			Message: fmt.Sprintf("The problem names %s: describe the customer's problem as it is today, before the solution.", name),
			Span:    m.span(),
			Data:    map[string]any{"reason": "names-product", "product": name},
		})
		return
	}
	customers := headlineCustomers(doc)
	for _, pr := range prose {
		if proseHas(pr, problemPeople) || namesPeople(pr.Text) || customers != nil && proseHas(pr, customers) {
			return
		}
	}
	c.Report(Finding{
		Message: "The problem names no customer: say who has it and when (\"Today, [customers] have to [problem] when [situation].\").",
		Span:    firstLine(doc, prose[0].Span), // the statement, not the blank line under its heading
		Data:    map[string]any{"reason": "no-customer"},
	})
}

// gotBy finds who the headline or the subheading says gets the product:
// the word after "lets", "helps" or "for", past an article and the
// adjectives a customer is given ("Tidewell lets a small marina book its
// berths": marina). The list of people cannot hold every customer.
var gotBy = regexp.MustCompile(`(?i)\b(?:lets|let|helps|help|allows|enables|gives|for)\s+(?:(?:a|an|the|every|any|all|your|their|small|smaller|large|local|independent|busy|new|busier)\s+)*(\p{L}{3,})`)

// notCustomers are words gotBy finds that name no one ("for free").
var notCustomers = map[string]bool{"free": true, "first": true, "less": true, "more": true, "you": true, "your": true, "them": true, "one": true, "two": true, "good": true, "life": true}

// headlineCustomers are the headline's and the subheading's customers, in
// their singular and plural forms, or nil.
func headlineCustomers(doc *document.Document) *phrases {
	var forms []string
	for _, k := range []document.PartKind{document.Headline, document.Subheading} {
		p := doc.Parts[k]
		if p == nil {
			continue
		}
		for _, m := range gotBy.FindAllStringSubmatch(p.Text, -1) {
			w := strings.ToLower(m[1])
			if notCustomers[w] || containsString(doc.Product(), m[1]) {
				continue
			}
			forms = append(forms, w, w+"s", w+"es")
			if stem, ok := strings.CutSuffix(w, "y"); ok {
				forms = append(forms, stem+"ies")
			}
			if stem, ok := strings.CutSuffix(w, "s"); ok {
				forms = append(forms, stem)
			}
		}
	}
	if forms == nil {
		return nil
	}
	return cachedPhraseList(forms)
}

// announcedName is what the summary announces: the capitalised words after
// "announced", "launched", "introduces"… ("Acme today announced Ledger":
// Ledger, not Acme).
var announcedName = regexp.MustCompile(`\b(?i:announc\w*|launch\w*|introduc\w*|releas\w*|unveil\w*|debut\w*)\s+(?:(?i:the|its|our|a|an)\s+)?(?:(?i:general availability of|release of|launch of|first version of)\s+)?((?:\p{Lu}[\w.-]*)(?:\s+\p{Lu}[\w.-]*){0,2})`)

// productIn finds the product's name in the problem's prose. A name is
// one the summary announces that the document's reading of the product
// (Document.Product) and the headline hold too, and that the document never
// writes in lower case: "Ledger" is a name, the "Software" of "Green
// Software Foundation" is a word.
func productIn(doc *document.Document, prose []*document.Prose, body document.Span) (string, match, bool) {
	h, s := doc.Parts[document.Headline], doc.Parts[document.Summary]
	if h == nil || s == nil || !headlineWordIn(h.Text, prose) {
		return "", match{}, false // the cheap test first: the name is in the headline
	}
	var names []string
	for _, w := range doc.Product() {
		if len(w) >= 3 && strings.ToUpper(w) != w && strings.Contains(h.Text, w) {
			names = append(names, w)
		}
	}
	if len(names) == 0 {
		return "", match{}, false
	}
	// the cheap test first: most problems name no candidate at all
	list := cachedPhraseList(names)
	for _, pr := range prose {
		for _, m := range matchProse([]*document.Prose{pr}, list, nil) {
			if !containsString(names, m.text) || !body.Covers(m.span()) {
				continue
			}
			if sm := announcedName.FindStringSubmatch(s.Text); sm == nil || !containsString(strings.Fields(sm[1]), m.text) {
				continue
			}
			if !writtenLower(doc, m.text) {
				return m.text, m, true
			}
		}
	}
	return "", match{}, false
}

// headlineWordIn reports whether a capitalised word of the headline (three
// letters or more) occurs in the prose.
func headlineWordIn(headline string, prose []*document.Prose) bool {
	for _, w := range strings.Fields(headline) {
		w = strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' {
			continue
		}
		for _, p := range prose {
			if strings.Contains(p.Text, w) {
				return true
			}
		}
	}
	return false
}

// writtenLower reports whether the document's prose has w in lower case
// (as a word): then w is a common word, not only a name.
func writtenLower(doc *document.Document, w string) bool {
	lower := strings.ToLower(w)
	for _, p := range doc.Prose {
		for _, word := range p.Words() {
			if word.Text == lower {
				return true
			}
		}
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
