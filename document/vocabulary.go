package document

// The vocabulary of the reading: what a heading or a lead-in label is called
// when it names a part, an FAQ group or the document, in every language the
// reading knows. It is data: to teach the reading a new language or a new
// synonym, add the words here; the algorithm (names.go) does not change.
//
// Names are compared after normalizeName: lower case, punctuation as spaces,
// "Part 1 —", "Section 2:" and "1." prefixes dropped. A phrase matches when
// the name holds it as whole words (anywhere for CJK and Hangul phrases,
// which have no spaces) and has at most nameSlack words besides, so "Open
// Source Availability" names the call to action but "Availability of GPUs in
// three regions of the cloud" does not. A phrase written "=word" matches
// only the whole name ("## Questions" is the FAQ, "## Open questions" is not).

const nameSlack = 3

// titleNames mark a heading as the document's title ("# Acme PRFAQ"). A
// heading that names both the press release and the FAQ is a title too
// ("# Acme — Press Release & FAQ").
var titleNames = []string{"prfaq", "prfaqs", "pr faq", "pr faqs", "pr and faq", "pr & faq", "working backwards document"}

// pressReleaseNames name the press release itself.
var pressReleaseNames = []string{
	"press release", "press releases", "press release components", "working backwards", "=pr", "announcement",
	"pressemitteilung", "pressemeldung", // de
	"communiqué de presse", "communique de presse", // fr
	"comunicado de prensa", "nota de prensa", // es
	"comunicado de imprensa", "release de imprensa", // pt
	"comunicato stampa", "persbericht", // it, nl
	"пресс релиз", "пресс-релиз", // ru
	"プレスリリース", "新闻稿", "新聞稿", "보도자료", "보도 자료", // ja, zh, ko
}

// faqNames name the FAQ. faqGroupWords then tell an external (customer) from
// an internal (stakeholder) group.
var faqNames = []string{
	"faq", "faqs", "frequently asked questions", "q a", "questions and answers", "=questions",
	"häufige fragen", "häufig gestellte fragen", "fragen und antworten", "=fragen", // de
	"foire aux questions", "questions fréquentes", "questions frequentes", // fr
	"preguntas frecuentes", "preguntas y respuestas", "=preguntas", // es
	"perguntas frequentes", "perguntas e respostas", "=perguntas", // pt
	"domande frequenti", "domande e risposte", "=domande", // it
	"veelgestelde vragen", "veel gestelde vragen", "vragen en antwoorden", "=vragen", // nl
	"часто задаваемые вопросы", "вопросы и ответы", "=вопросы", // ru
	"よくある質問", "=質問", "常见问题", "常見問題", "问答", "자주 묻는 질문", "=질문", // ja, zh, ko
}

var externalGroupWords = []string{
	"external", "customer", "customers", "public", "user", "users", "client", "clients", "consumer",
	"kunden", "kundenfragen", "externe", "öffentliche", // de
	"externes", "externe", // fr
	"clientes", "externas", "externos", "usuarios", // es, pt
	"clienti", "esterne", "utenti", "klanten", "gebruikers", // it, nl
	"клиентов", "внешние", "пользователей", // ru
	"顧客", "お客様", "ユーザー", "外部", "客户", "用户", "外部问题", "고객", "외부", // ja, zh, ko
}

// externalAudience and internalAudience, alone in a heading under the
// FAQ's ("### Customers", "### Stakeholders"), name its groups.
var (
	externalAudience = []string{"customers", "customer", "users", "user", "clients", "consumers", "buyers",
		"kunden", "nutzer", "clients", "utilisateurs", "clientes", "usuarios", "utilizadores", "clienti", "utenti", "klanten", "gebruikers"}
	internalAudience = []string{"stakeholders", "stakeholder", "leadership", "investors", "intern", "interne", "internal"}
)

// faqQuestionWords with a group word name a group without saying "FAQ"
// ("Customer questions", "Preguntas de clientes", "Interne Fragen").
var faqQuestionWords = []string{"questions", "fragen", "preguntas", "perguntas", "domande", "vragen", "вопросы", "質問", "问题", "問題", "질문"}

// faqGroupAlone are group names that stand alone ("## External", "## Internal").
var faqGroupAlone = []string{"external", "internal", "extern", "intern", "externo", "interno", "externe", "interne",
	"kundenfragen", "kunden faq", "interne fragen", "internas", "internos", "externas", "externos", "internes", "externes",
	"interni", "esterni", "esterne", "internen", "externen"}

// askedByWords follow a question word to say who asks ("Questions from
// hall committees", "Fragen von Kunden"); ownWords then tell the team's
// own questions from its customers' ("Questions from our leadership").
var (
	askedByWords = []string{"from", "von", "der", "des", "de", "del", "dos", "das", "do", "da", "dei", "delle", "degli", "van"}
	ownWords     = []string{"our", "we", "us", "unser", "unsere", "unseres", "notre", "nos", "nuestro", "nuestra", "nuestros", "nosso", "nossa", "nostro", "nostra", "onze", "ons"}
)

// audiencePrefixes open an FAQ heading that names who asks ("For the person
// using it"); the Japanese form ends in 向け instead (faq.go, audienceHeading).
var audiencePrefixes = []string{"for ", "für ", "pour ", "para ", "для ", "面向", "给"}

// topicGroupWords name a topic of questions, not whose they are
// ("Technical questions" may be a customer's).
var topicGroupWords = []string{"technical", "business", "strategic", "team", "leadership"}

var internalGroupWords = []string{
	"internal", "stakeholder", "stakeholders", "technical", "business", "strategic", "team", "leadership",
	"interne", "internes", "intern", "unternehmen", // de, fr
	"internas", "internos", "interno", "interna", // es, pt
	"interni", "internen", // it, de ("interne" is de, fr, it, nl)
	"внутренние", "внутренний", // ru
	"社内", "内部", "内部问题", "내부", // ja, zh, ko
}

// partNames name the parts of the press release, in the order they are
// tried: the first class with a matching phrase wins ("customer quote" is a
// customer quote, not a generic quote).
var partNames = []struct {
	class nameClass
	names []string
}{
	{nameClass(Subheading), []string{
		"subheading", "sub heading", "subtitle", "sub title", "subhead", "subheadline", "sub headline",
		"untertitel", "unterzeile", "sottotitolo", "ondertitel", "sous titre", "soustitre", "subtítulo", "subtitulo", "subtítulo", "подзаголовок",
		"サブタイトル", "副題", "小見出し", "副标题", "부제목", "부제",
	}},
	{nameClass(Headline), []string{
		"=heading", "headline", "=title", "press release headline", "=titel", "schlagzeile", "überschrift",
		"titre", "titular", "título", "titulo", "заголовок", "見出し", "タイトル", "标题", "標題", "제목", "헤드라인",
	}},
	{nameClass(Summary), []string{
		"summary", "summarize", "summarise", "=intro", "=introduction", "intro paragraph", "opening paragraph", "=opening",
		"zusammenfassung", "einleitung", "riepilogo", "sommario", "samenvatting", "résumé", "=resume", "introducción", "resumen", "resumo", "introdução",
		"краткое описание", "резюме", "введение", "要約", "概要", "摘要", "概述", "导语", "第一段", "首段", "第一段落", "リード文", "요약", "오프닝 문단", "개요",
	}},
	{nameClass(LeaderQuote), []string{
		"quote from you", "from our team", "leader quote", "leaders quote", "leadership quote", "executive quote",
		"company quote", "internal quote", "spokesperson quote", "ceo quote", "founder quote", "our quote",
		"quote from the team", "quote from leadership", "zitat der geschäftsführung", "citation du dirigeant",
		"cita del director", "citação do executivo", "цитата руководителя", "代表のコメント", "代表コメント",
		"zitat des gründers", "zitat der gründerin", "zitat des geschäftsführers", "zitat der geschäftsführerin", // de
		"citation du fondateur", "citation de la fondatrice", "citation du président", "citation de la présidente",
		"citation de la directrice", "citation du directeur", // fr
		"cita del fundador", "cita de la fundadora", "cita de la directora", "cita del presidente", "cita de la presidenta", // es
		"citação do fundador", "citação da fundadora", "citação do diretor", "citação da diretora", "citação do presidente", // pt
		"负责人引言", "ceo 인용문", "대표 인용문",
	}},
	{nameClass(CustomerQuote), []string{
		"testimonial", "testimonials", "testimonies", "customers are saying", "customer quote", "customer quotes",
		"customers say", "customer reaction", "customer reactions", "user quote", "users are saying", "what people are saying", "people are saying",
		"developers are saying", "what developers say", "what users say", "customer voice", "kundenzitat",
		"kundenstimme", "kundenstimmen", "témoignage", "témoignages", "citation client", "testimonio", "testimonios",
		"cita de cliente", "cita del cliente", "cita de la clienta", "citation du client", "citation de la cliente",
		"citation d'un client", "zitat eines kunden", "zitat einer kundin", "citação do cliente", "citação de cliente", "depoimento", "depoimentos", "отзыв", "отзывы", "цитата клиента", "お客様の声", "利用者の声",
		"ユーザーの声", "客户评价", "用户评价", "客户引言", "用户反馈", "고객 인용문", "고객 후기", "고객 인용",
	}},
	{nameQuote, []string{
		"=quote", "=quotes", "quotation", "in their words", "in their own words", "zitat", "zitate", "citation", "citations", "=cita", "citas", "citação",
		"citazione", "citazioni", "citaat", "citaten",
		"цитата", "引用", "引言", "=コメント", "인용문", "=인용",
	}},
	{nameClass(CallToAction), []string{
		"get started", "getting started", "how to get started", "availability", "pricing and availability",
		"next steps", "call to action", "how to start", "learn more", "=get it", "=try it", "how to get", "where to get it",
		"how to try it", "how to use", "erste schritte", "verfügbarkeit", "so starten sie", "loslegen",
		"disponibilité", "pour commencer", "disponibilidad", "cómo empezar", "como empezar", "disponibilidade",
		"como começar", "disponibilità", "come iniziare", "beschikbaarheid", "aan de slag", "доступность", "как начать", "начало работы", "提供開始", "はじめ方", "始め方", "利用開始",
		"如何开始", "快速开始", "开始使用", "시작 방법", "시작하기",
	}},
	{nameClass(Problem), []string{
		"problem", "problems", "=opportunity", "=pain", "pain point", "pain points", "challenge", "challenges",
		"problem statement", "the customer problem", "why it matters", "why this matters", "=the need", "customer need", "das problem", "problème", "le problème", "problema",
		"el problema", "o problema", "il problema", "probleem", "het probleem", "проблема", "課題", "问题陈述", "痛点", "문제", "문제 정의",
	}},
	{nameClass(Solution), []string{
		"solution", "=approach", "knockdown", "how it works", "key features", "=features", "key benefits",
		"key innovations", "what it does", "=highlights", "=the solution", "what we're launching", "what we are launching",
		"what we're building", "what we are building", "what's new", "=our solution",
		"lösung", "die lösung", "so funktioniert es", "la solution", "comment ça marche", "solución", "la solución",
		"cómo funciona", "solução", "a solução", "como funciona", "soluzione", "la soluzione", "come funziona",
		"oplossing", "de oplossing", "hoe het werkt", "решение", "как это работает", "解決策",
		"ソリューション", "仕組み", "解决方案", "工作原理", "해결 방법", "해결책", "솔루션",
	}},
}

// caveatNames head what a release leaves out or cannot do; a heading that
// names one names no part, even when it names a part too ("Limitations and
// Next Steps" is not the call to action).
var caveatNames = []string{
	"limitations", "known limitations", "caveats", "known issues", "non goals", "out of scope",
	"einschränkungen", "limites", "limitaciones", "limitações", "limitazioni", "beperkingen", "ограничения", "制限", "制约", "局限",
}

// structuralNames organise a design document or a README; a heading with
// one of these names is never the headline.
var structuralNames = []string{
	"changelog", "readme", "tenets", "appendix", "specification", "technical design", "background",
	"motivation", "glossary", "references", "table of contents", "contents", "overview", "summary", "vision",
	"for immediate release", "=about", "resumen", "概要", "überblick", "aperçu", "visión general", "обзор", "개요",
	"pressemitteilung", "=introduction", "=status",
}

// visualsNames label the visuals (a mock-up's link, a screenshot) where
// they stand inside the press release ("Maquette des écrans : https://…"):
// such a line is no part of the release, not even its call to action.
var visualsNames = []string{
	"visuals", "visual", "mock up", "mock ups", "mockup", "mockups", "wireframe", "wireframes", "screenshot", "screenshots",
	"visualisierung", "entwurf", "entwürfe", "bildschirmentwurf", "visuels", "maquette", "maquettes", "maquette des écrans",
	"visuales", "maqueta", "maquetas", "visuais", "maquete", "maquetes", "immagini", "bozza",
}

// templateGuidance, in the first sentence of a paragraph or blockquote of
// the press release, marks a template's note to its author ("This section
// should contain one or more artifacts…", "Choose one of the options
// below"): guidance, never a part.
var templateGuidance = []string{
	`this section`, `this template`, `this document should`, `your rfc`, `the options below`,
	`should contain`, `delete this`, `remove this (section|note|text)`, `replace this (section|note|text)`,
	`dieser abschnitt`, `cette section`, `esta sección`, `esta seção`, `этот раздел`, `このセクション`, `本节`,
}

// releaseMarkers open a press release without saying anything ("FOR
// IMMEDIATE RELEASE", a contact block); they are never a part.
var releaseMarkers = []string{
	"for immediate release", "=reference", "=source", "=contact", "media contact", "press contact",
	"zur sofortigen veröffentlichung", "pour diffusion immédiate", "para publicación inmediata",
	"para divulgação imediata", "per la pubblicazione immediata", "voor onmiddellijke publicatie", "для немедленной публикации", "即時発表", "即时发布", "즉시 배포",
}

// productKind are the words a release uses for its product when it names
// it by what it is: "The framework, developed by …", "The study links …".
// A paragraph that opens with "The" or "This" and one of them, where the
// headline or the summary gives the product that kind, is about the product
// (align.go, namesProduct).
var productKind = toSet([]string{
	"app", "application", "tool", "toolkit", "kit", "platform", "service", "framework", "library", "product",
	"feature", "device", "report", "study", "survey", "course", "guide", "program", "programme", "bureau",
	"hub", "catalogue", "catalog", "database", "extension", "plugin", "server", "engine", "assistant",
	"system", "sdk", "api", "cli", "dashboard", "notebook", "website", "portal", "marketplace", "registry",
	"standard", "specification", "ontology", "protocol", "model", "workbench", "editor", "integration", "research", "analysis", "paper",
})

// Cue words weigh in when a paragraph has no heading or label: they are
// regular-expression pieces, matched case-insensitively on word boundaries
// (CJK pieces anywhere). A cue never decides alone against a heading, a
// label or the canonical order; it tips the alignment (align.go).
var problemCues = []string{
	`problems?`, `struggl\w*`, `pain(ful)?`, `frustrat\w*`, `difficult\w*`, `hard (to|for)`, `challeng\w*`,
	`tedious`, `cumbersome`, `error-prone`, `can't`, `cannot`, `unable`, `lack(s|ing)?`,
	`no (easy |simple |good |standard )?way`, `there (is|are) no`, `spend\w* (hours|days|weeks)`,
	`lose (a|an|hours|days|time|money)`, `too (much|many|long|hard|slow)`, `bottleneck\w*`, `complicat\w*`,
	`gap`, `harder`, `today's`, `today,`, `rely on`, `vulnerab\w*`, `fail\w*`, `breach\w*`, `exposed`, `wast\w*`,
	`shortcomings?`, `deficienc\w*`, `until now`, `up to now`, `previously`, `used to`, `lost`, `los(e|ing) (a|an|the|half|track)`,
	`(have|had|has) to (chase|call|phone|ring|email|wait|print|fill|check|copy|retype|search|guess)`, `hit (the same|a) wall`, `is gone`, `breaks`, `forget`, `no idea`, `manual(ly)?`, `stuck`, `forced to`,
	`schwierig\w*`, `mühsam`, `umständlich\w*`, `aufwändig\w*`, `aufwendig\w*`, `verlier\w*`, `verloren`, `fehlt`, `fehlen`,
	`bisher`, `von hand`, `zu (viel|lange|teuer|langsam)`, // de
	`perd\w*`, `manque\w*`, `jusqu'(à présent|ici)`, `fastidieu\w*`, `à la main`, `manuellement`, // fr
	`pierde\w*`, `perdi\w*`, `hasta ahora`, `tedios\w*`, `a mano`, `manualmente`, `à mão`, `até agora`, // es, pt
	`problemi`, `probleem`, `problemen`, `moeilijk\w*`, `problème\w*`, `difficile\w*`, `problema\w*`, `difícil\w*`, `проблем\w*`,
	`課題`, `問題`, `困って`, `手間`, `痛点`, `难以`, `麻烦`, `繁琐`, `어려`, `불편`, `부족`,
}

var solutionCues = []string{
	`that's why`, `that is why`, `introduc\w*`, `solves`, `solution`, `lets`, `enables`,
	`makes it (easy|easier|simple|possible)`, `launch\w*`, `announc\w*`, `helps`, `allows`, `provides`,
	`automatically`, `in (minutes|seconds)`, `now (you|customers|developers|teams|users|it|they)`,
	`is the evolution`, `it works`, `here's how`, `empowers`, `can now`, `anyone can`, `with \p{Lu}[\w-]*,`, `makes`, `connects`, `uses`,
	`ermöglicht`, `bietet`, `hilft`, `erlaubt`, `verbindet`, `automatisch`, `in (minuten|sekunden)`, // de
	`aide`, `relie`, `connecte`, `automatiquement`, `en (quelques )?(minutes|secondes)`, // fr
	`ayuda`, `conecta`, `automáticamente`, `en (minutos|segundos)`, `ajuda`, `automaticamente`, `em (minutos|segundos)`, // es, pt
	`permette`, `consente`, `offre`, `biedt`, `maakt het mogelijk`, `permet`, `propose`, `permite`, `ofrece`, `oferece`, `позволяет`, `предлагает`,
	`できます`, `可能に`, `提供`, `解决`, `帮助`, `发布`, `推出`, `变成`, `让你`, `제공`, `해결`,
}

var ctaCues = []string{
	`get started`, `getting started`, `to start`, `available (today|now|in|at|from|on|for|through|via|as)`,
	`is available`, `are available`, `visit (us|our|the|https?|\S+\.\w+)`, `sign up`, `opens (today|now)`,
	`reserve (it|one|now|today|online|(at|from|on) \S+\.\w+)`, `book (it|one|now|today|online|(at|from|on) \S+\.\w+)`,
	`order (it|one|now|today|online|(at|from|on) \S+\.\w+)`, `apply (now|today|online|(at|on) \S+\.\w+)`,
	`subscribe (now|today|(at|on) \S+\.\w+)`, `download (it|now|today|(at|from|on) \S+\.\w+)`, `start (today|now|at|free)`, `signup`, `learn more`, `go to`, `download`, `install`,
	`try (it|\w+ (today|now|free))`, `let's (use|try|start|get started)`, `start using`, `please (try|tell us|give)`,
	`use \S+ (now|today)`, `head to`, `register`, `in the app store`, `on the app store`, `from the app store`, `im app store`, `on google play`, `in google play`, `google play`, `play store`,
	`from google play`, `bei google play`, `join`, `contact us`, `request access`, `read the`,
	`s'inscri\w*`, `inscrivez-vous`, `regístre(se|te)`, `inscríbe(se|te)`, `inscreva-se`, `cadastre-se`, `registrieren sich`, `melden sich an`,
	`jetzt verfügbar`, `ab sofort`, `disponibile`, `beschikbaar`, `downloaden`, `vanaf vandaag`, `in de app store`, `scarica\w*`, `disponible`, `disponível`, `доступ\w* (уже|сейчас)`, `今すぐ`, `から利用`,
	`立即`, `现已`, `지금`,
}

// followOnCues in a paragraph's first sentence say it adds to the one
// before ("Ferrylog also sends a reminder"): that one already said what the
// product does.
var followOnCues = []string{
	`also`, `as well`, `too`, `auch`, `ebenfalls`, `aussi`, `également`, `también`, `además`, `também`, `além disso`,
	`anche`, `inoltre`, `ook`, `также`, `тоже`,
}

// ctaClosingCues make the last paragraph of a press release its call to
// action when it says when, where or to whom the product is there to be had
// ("Cinderpath is free on iPhone and Android.", "Lumenrail is live today on
// all 41 stations."), though it names no site; anywhere else they are only
// a product's description.
var ctaClosingCues = []string{
	`(is|are|goes|go) live`, `(is|are) free (to|for|on|in|at|from|today|now|of charge)`, `(is|are) out (now|today)`,
	`(is|are) open (to|for) (everyone|anyone|all|the public|new)`, `from today`, `starting (today|now)`, `as of today`,
	`open an account`, `create an account`, `on (iphone|ipad|ios|android|the web|mac|macos|windows|linux)`,
	`for (iphone|ipad|ios|android|mac|macos|windows|linux)`, `ab heute`, `ist (ab sofort|kostenlos|gratis)`,
	`(est|sont) (gratuite?s?|disponibles?)`, `dès aujourd'hui`, `à partir d'aujourd'hui`,
	`sur (iphone|ipad|ios|android|le web|mac|macos|windows|linux)`, `auf (dem )?(iphone|ipad|android)`,
	`desde hoy`, `es gratis`, `es gratuit[ao]`, `a partir de hoy`, `ya funciona en`, `en (iphone|android)`,
	`今日から`, `本日から`, `から使え`, `即日`, `今天起`, `即日起`, `오늘부터`,
}

// asideLabels open a note, not an FAQ entry, when bold with a colon
// ("**Note:** …" among "**Pricing:** …" entries); compared normalised.
var asideLabels = []string{
	"note", "notes", "nb", "tip", "tips", "example", "examples", "warning", "important", "caveat", "disclaimer",
	"update", "edit", "context", "background", "summary", "tldr", "tl dr", "status", "owner", "author", "date",
	"hinweis", "anmerkung", "beispiel", "remarque", "exemple", "nota", "ejemplo", "exemplo", "esempio", "opmerking",
}

// siteDomains end a web address a call to action sends the reader to
// ("at pellora.health", "sorrelby.cafe"). Top-level domains that are
// common words ("at", "in", "it", "to", "so", "no", "be", "us") are left
// out: "the end.It" would read as an address.
var siteDomains = []string{
	"com", "io", "dev", "org", "net", "app", "ai", "co", "example", "edu", "gov", "info", "biz",
	"de", "fr", "es", "pt", "jp", "cn", "ru", "br", "uk", "eu", "me", "sh", "ie", "nl", "se", "ch", "pl",
	"ca", "au", "nz", "mx", "ar", "cl", "kr", "tw", "fi", "dk", "cz", "gr", "tv", "fm", "ly", "gg",
	"health", "care", "farm", "cafe", "dog", "shop", "store", "tech", "cloud", "online", "site", "xyz",
	"school", "education", "travel", "studio", "design", "money", "finance", "bank", "energy", "city",
	"london", "berlin", "paris", "nyc", "garden", "coffee", "pet", "pets", "bike", "boats", "homes",
	"legal", "music", "tools",
}

// questionLabels and answerLabels open an FAQ entry's question and answer
// ("Question: …", "Answer: …"; "Q:" and "A:" are built in).
var (
	questionLabels = []string{"question", "frage", "pregunta", "pergunta", "domanda", "vraag", "вопрос", "質問", "问", "問", "질문"}
	// questionLetters and answerLetters are the one-letter labels besides
	// "Q" and "A": Spanish and Portuguese "P:" and "R:", German "F:".
	questionLetters = []string{"P", "F"}
	answerLetters   = []string{"R"}
	answerLabels    = []string{"answer", "antwort", "réponse", "respuesta", "resposta", "risposta", "antwoord", "ответ", "回答", "答", "답변", "답"}
)

// stakeholderCues and customerCues tell whose question an FAQ entry asks,
// for an FAQ that is not split into groups: "How will we measure success?"
// is a stakeholder's, "Can I export my data?" a customer's.
var (
	stakeholderCues = []string{
		`we`, `our`, `us`, `team`, `équipe`, `equipo`, `equipe`, `direction`, `dirección`, `direção`, `geschäftsführung`, `build(ing)?`, `revenue`, `margins?`, `headcount`, `invest\w*`, `budget`,
		`roadmap`, `competit\w*`, `risks?`, `dependenc\w*`, `legal`, `market`, `strategy`, `strategic`, `business`,
		`metrics?`, `kpis?`, `measure`, `success`, `staff\w*`, `resources`, `why now`, `maintain\w*`, `stakeholders?`,
		`leadership`, `launch plan`, `partners?`, `foundation`, `members?`, `milestones?`, `working groups?`,
		`responsible`, `resources`, `timeline`, `governance`, `contributors?`, `participants?`, `ownership`, `stages?`, `wir`, `unser\w*`, `nous`, `notre`,
		`nosotros`, `nuestr\w*`, `nós`, `nosso\w*`, `мы`, `наш\w*`, `我们`, `私たち`, `弊社`, `우리`,
	}
	customerCues = []string{
		`i`, `my`, `me`, `you`, `your`, `price`, `pricing`, `cost`, `free`, `install\w*`, `sign up`, `support`,
		`compatible`, `privacy`, `data`, `works? with`, `ich`, `mein\w*`, `sie`, `je`, `mon`, `vous`, `yo`, `mi`,
		`usted`, `eu`, `meu`, `você`, `я`, `мой`, `вы`, `我`, `你`, `私は`, `私の`, `私が`, `私に`, `料金`, `価格`, `저`, `제가`, `가격`,
	}
)

// leaderTitles and customerRoles in a quotation's attribution say whose
// voice it is: someone of the company (a leader quote) or someone outside
// it (a customer quote).
var (
	leaderTitles = []string{
		`ceo`, `cto`, `cfo`, `coo`, `cpo`, `founder`, `co-founder`, `chair\w*`, `president`, `vp`, `vice president`,
		`director`, `head of`, `general manager`, `gm`, `product manager`, `principal`, `chief`, `maintainer`,
		`creator`, `project lead`, `team lead`, `lead developer`, `leader`, `leadership`, `managing director`,
		`chief executive`, `lead engineer`, `of the project`, `our`, `who (led|leads|founded|co-founded)`, `gründer\w*`, `geschäftsführer\w*`,
		`fundador\w*`, `fondat\w*`, `oprichter\w*`, `amministratore delegato`, `directeur`, `directeur général`,
		`directrice`, `pdg`, `présidente?`, `presidente`, `presidenta`, `präsident\w*`, `vorsitzende\w*`, `directora`, `diretora?`, `gérante?`, `основател\w*`, `руководител\w*`, `대표`, `代表`, `创始人`,
		`負責人`, `负责人`,
	}
	customerRoles = []string{
		`customers?`, `users?`, `developers?`, `engineers?`, `scientists?`, `analysts?`, `students?`,
		`practitioners?`, `admin\w*`, `operators?`, `architects?`, `consultants?`, `researchers?`, `devops`, `sres?`,
		`designers?`, `teachers?`, `owners?`, `testers?`, `pilot`, `beta`, `early adopters?`, `usuari\w*`, `utilisat\w*`, `nutzer\w*`, `kund\w*`,
		`client[eai]s?`, `utent[ei]`, `gebruiker\w*`, `klant\w*`, `mieter\w*`, `пользовател\w*`, `клиент\w*`, `利用者`, `ユーザー`, `開発者`, `お客様`, `顧客`, `用户`,
		`客户`, `开发者`, `고객`, `사용자`, `설계사`,
	}
)

// anonymousSpeakers name nobody: a quote attributed to one of them is an
// unattributed quote, though it still shows whose voice it is.
var anonymousSpeakers = []string{
	"early tester", "beta tester", "tester", "a user", "user", "customer", "a customer", "intended user",
	"typical customer", "a typical customer", "target user", "pilot user", "the team", "our team", "anonymous",
	"想定利用者", "想定ユーザー", "利用者", "ユーザー", "お客様", "用户", "客户", "某用户", "사용자", "고객",
}

// instructionVerbs open a template's slot heading ("Describe the problem",
// "Quote an Amazon leader", "Include customer testimonials").
var instructionVerbs = []string{
	"describe", "explain", "summarize", "summarise", "quote", "include", "add", "write", "list", "state",
	"provide", "insert", "outline", "give", "tell", "beschreiben", "beschreibe", "décrivez", "describa", "descreva",
	"опишите",
}

// leaderQuoteWords and customerQuoteWords beside a quote word say whose it is.
var (
	leaderQuoteWords   = []string{"leader", "leaders", "executive", "company", "internal", "you", "our", "spokesperson", "ceo", "founder", "führung", "dirigeant", "director", "руководител", "代表", "대표"}
	customerQuoteWords = []string{"customer", "customers", "user", "users", "client", "clients", "kunde", "kunden", "cliente", "clientes", "клиент", "顧客", "客户", "用户", "고객"}
)

// attributionVerbs say who spoke ("…," said Jo Park; Jo Park explains).
var attributionVerbs = []string{
	"said", "says", "explains", "explained", "adds", "added", "notes", "noted", "commented", "shared", "recalls",
	"recalled", "writes", "wrote", "puts it", "put it", "observes", "observed", "told",
	"sagt", "sagte", "erklärt", "erklärte", "betont", "ergänzt", // de
	"dit", "déclare", "explique", "ajoute", "souligne", "affirme", // fr
	"dijo", "afirma", "explica", "cuenta", "añade", "asegura", "comenta", // es
	"disse", "diz", "explicou", "afirmou", "conta", // pt
	"ha detto", "ha dichiarato", "ha spiegato", "afferma", "spiega", "aggiunge", "racconta", // it
	"zei", "zegt", "aldus", "vertelt", "voegt toe", // nl
	"говорит", "сказал", "сказала", "отмечает", "поясняет", "рассказывает", // ru
}

func toSet(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}
