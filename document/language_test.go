package document

import "testing"

func TestLang(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		// English, long and short
		{"Acme Ledger lets small shops send invoices in one click, so the owner gets paid sooner.", "en"},
		{"Revolutionary AI-Enhanced Software Development Platform Goes Open Source", ""},
		{"GENXAIS Framework: Revolutionary AI-Enhanced Software Development Platform Goes Open Source", ""},
		{"Ledger is the fastest way to bill", "en"},
		{"TBD", ""},
		{"Acme Inc. launched it, e.g. for shops.", "en"},
		{"Japanese teams write 未定 (undecided) when they do not know the answer yet.", "en"},
		{"Müller launches Acme", ""},                                      // one name with an umlaut is no evidence
		{"MIT License, Copyright (c) 2026 mahitotsu; same terms.", ""},    // MIT is not German "mit"
		{"Technology: E.g. Machine Learning, Cloud, Kubernetes etc…", ""}, // "e.g." is not Portuguese "e"
		{"Copyright (c) 2026 Nate Le; same terms.", ""},                   // a name particle
		{"Das Framework wird Open Source", "de"},
		{"Acme opens in Los Angeles, Las Vegas and El Paso", "en"}, // place names
		{"Acme eröffnet in Berlin und in Wien", "de"},
		{"For more information, visit github.com/acme/ledger", "en"}, // "com" is not Portuguese
		{"THE REVOLUTIONARY NEXT-GENERATION INVOICING PLATFORM", ""},
		// German
		{"Revolutionäre KI-gestützte Softwareentwicklungsplattform wird Open Source", "de"},
		{"Die Preise stehen fest und werden im März veröffentlicht.", "de"},
		{"Das Framework wurde von einem Team aus Hamburg entwickelt und ist ab sofort verfügbar.", "de"},
		// French, Spanish, Portuguese, Italian, Dutch
		{"Le prix est à définir avec les partenaires de la région.", "fr"},
		{"Nous lançons Acme pour les petites boutiques.", "fr"},
		{"El precio está por definir y lo anunciaremos en marzo.", "es"},
		{"Acme ayuda a las tiendas pequeñas con sus facturas.", "es"},
		{"O preço ainda está em aberto e será definido com os parceiros.", "pt"},
		{"Il prezzo è ancora da definire con i partner della regione.", "it"},
		{"De prijs wordt nog bepaald en is niet bekend.", "nl"},
		// Latin-script languages the tally has no words for: not English
		// when long, with no English function word or hardly one among
		// letters English does not write
		{"Dziś rowerzyści krążą po mieście i szukają wolnego stojaka, a potem spóźniają się do pracy.", "und"},
		{"I dag står skidåkare i kö i tjugo minuter vid en lift medan liften bredvid är tom.", "de"}, // by its ä and ö: not English either
		{"Supports Postgres, MySQL, SQLite, Oracle, SQL Server, MariaDB, CockroachDB, TiDB, Snowflake and BigQuery", "en"},
		{"Ciarán Walsh, a nurse who rides to St James's Hospital, meets a van in the bike lane every week.", "en"},
		{"Hundreds don’t know it’s there: the café’s owners say they’ll add a sign by the door next week.", "en"},
		// other scripts
		{"Цена пока неизвестно, уточняется.", "ru"},
		{"Claude Code というツールに何を任せ、どう使いこなしてきたかを、後から確認できるようにする", "ja"},
		{"価格は未定です。", "ja"},
		{"看清每一行代码,是 AI 写的还是你写的。", "zh"},
		{"价格待定", "zh"},
		{"SureCRM, 보험설계사의 소개 네트워크를 시각화하는 혁신적 솔루션 출시", "ko"},
		{"Η τιμή δεν έχει οριστεί ακόμη", "el"},
	} {
		if got := Lang(c.text); got != c.want {
			t.Errorf("Lang(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestLangOfProse(t *testing.T) {
	src := "# Acme\n\nThe team leverages the data with `der die das und` in code.\n\nDas Team nutzt die Daten und ist zufrieden.\n\nチームはデータを活用します。\n"
	d := Parse("x.md", []byte(src))
	want := map[string]bool{"Acme": true, "The team leverages the data with der die das und in code.": true,
		"Das Team nutzt die Daten und ist zufrieden.": false, "チームはデータを活用します。": false}
	for _, p := range d.Prose {
		w, ok := want[p.Text]
		if !ok {
			t.Errorf("unexpected prose %q", p.Text)
			continue
		}
		if p.English() != w {
			t.Errorf("%q: English() = %v (Lang %q), want %v", p.Text, p.English(), p.Lang(), w)
		}
	}
}

func TestLangCountWords(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"Ledger lets small shops send invoices in one click", 9},
		{"Acme — lets shops bill", 5}, // as FieldCount: a dash is a field
		{"未定", 1},
		{"価格は未定です", 3},               // 4 Han, 3 kana
		{"AIエージェント", 3},              // AI + 6 katakana
		{"看清每一行代码,是 AI 写的还是你写的。", 9}, // 3.5 + 0.5, 1, 3.5
		{"보험설계사 전용 CRM, 고객 소개", 5},   // Korean is spaced: as written
		{"Claude Code というツールに何を任せ、どう使いこなしてきたかを、後から確認できるようにする", 15}, // 2 + 13
	} {
		if got := CountWords(c.text); got != c.want {
			t.Errorf("CountWords(%q) = %d, want %d", c.text, got, c.want)
		}
	}
	d := Parse("x.md", []byte("価格は未定です。Ledger ships in May.\n"))
	if n := d.Prose[0].WordCount(); n != 3+4 {
		t.Errorf("WordCount = %d, want 7", n)
	}
}

func BenchmarkLang(b *testing.B) {
	text := "Acme Ledger lets small shops send invoices in one click, so the owner gets paid sooner. " +
		"It reads the order from the till and fills in the invoice: items, tax and address."
	for i := 0; i < b.N; i++ {
		Lang(text)
	}
}
