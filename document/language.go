package document

import (
	"slices"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// The language of a run of prose, told by its script and its commonest
// words, and the length of prose in words for scripts written without
// spaces. Both serve the rules: the English word lists (jargon, weasel
// words, hype) and the English sentence rules read only prose that is
// English, and length budgets count Chinese and Japanese fairly.
//
// The test is deliberately small (no statistical model): a text written
// mostly in a script other than Latin is told by its script (kana means
// Japanese, Hangul Korean, Han alone Chinese, Cyrillic Russian); a Latin
// text by how many of its words are the short function words of each
// language ("the", "and", "der", "und", "le", "et", "el", "y"…), with
// letters such as ä, ñ or ã as a weaker hint. A text with no such signal
// (a short headline, a list of names) is "": unknown, which the rules treat
// as English, so a short English headline is still checked.

// Lang returns the language of text: "en", "de", "fr", "es", "pt", "it",
// "nl", "ru", "ja", "zh", "ko", "el", "ar", "he", "hi", "th", "und" (a
// script this test does not name), or "" when the text gives no signal.
func Lang(text string) string {
	var t langTally
	for i := 0; i < len(text) && t.words < langMaxWords && (t.words&7 != 7 || !t.settled()); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) {
			r2, s2 := rune(text[j]), 1
			if r2 >= utf8.RuneSelf {
				r2, s2 = utf8.DecodeRuneInString(text[j:])
			}
			if !isWordRune(r2) && r2 != '\'' && r2 != '’' {
				break
			}
			j += s2
		}
		t.add(text[i:j], dotted(text, i, j))
		i = j
	}
	return t.lang()
}

// EnglishLang reports whether lang (a Lang result) may be read with the
// English word lists: English, or unknown.
func EnglishLang(lang string) bool { return lang == "en" || lang == "" }

// Lang is the language of the prose's words (code spans left out), kept
// with the prose: it follows from the text alone.
func (p *Prose) Lang() string {
	if i := atomic.LoadUint32(&p.lang); i > 0 {
		return langCodes[i-1]
	}
	if p.memo != nil {
		// the memo outlives this copy of the prose (a re-parsed section's
		// unchanged paragraphs keep theirs): read it there
		l, ok := p.Kept(langKey).(string)
		if !ok {
			l = p.Memo(langKey, func() any { return p.detectLang() }).(string)
		}
		p.keepLang(l)
		return l
	}
	l := p.detectLang()
	p.keepLang(l)
	return l
}

var langKey = NewMemoKey()

func (p *Prose) keepLang(l string) {
	if i := slices.Index(langCodes, l); i >= 0 {
		atomic.StoreUint32(&p.lang, uint32(i+1))
	}
}

func (p *Prose) detectLang() string {
	var t langTally
	for i, w := range p.words {
		if i >= langMaxWords || i&7 == 7 && t.settled() {
			break
		}
		t.add(w.Text, dotted(p.Text, int(w.Start), int(w.End)))
	}
	return t.lang()
}

// langCodes are every answer Lang gives (see its comment).
var langCodes = []string{"", "en", "de", "fr", "es", "pt", "it", "nl", "ru", "ja", "zh", "ko", "el", "ar", "he", "hi", "th", "und"}

// English reports prose the English word and sentence rules may read:
// English, or too short to tell (see Lang).
func (p *Prose) English() bool { return EnglishLang(p.Lang()) }

// langMaxWords: the first words tell the language; a long paragraph is not
// read to its end.
const langMaxWords = 200

// Languages told by their function words, as bits.
const (
	lEN = 1 << iota
	lDE
	lFR
	lES
	lPT
	lIT
	lNL
	latinLangs = 7
)

var latinCodes = [latinLangs]string{"en", "de", "fr", "es", "pt", "it", "nl"}

// stopwords are the short function words of each language. A word listed
// for several languages counts for each. Words that are common in English
// text are left out of the other lists ("a", "as", "do", "no", "is",
// "was", "e" of "e.g."), so an English paragraph is never outvoted by them.
var stopwords = func() map[string]uint8 {
	m := map[string]uint8{}
	add := func(bit uint8, words string) {
		for _, w := range strings.Fields(words) {
			m[w] |= bit
		}
	}
	add(lEN|lDE|lIT|lNL, "in")
	add(lEN, "the and of to is are be been being that this these those with for it its it's on as by we you your our "+
		"they their them can will not have has had from at or an which what who how when do does did if but than into "+
		"there would should could about each only any also our us he she his her were")
	add(lDE, "der die das und ist nicht mit sich auf für ein eine einen einem einer eines wird werden wurde sind auch "+
		"zu den dem des im von bei wir sie es ich noch nur oder aber wie dass daß kann können durch über zum zur sein "+
		"haben hat mehr uns unsere unser ihre ihr vom beim wenn schon jetzt diese dieser dieses keine kein man")
	add(lFR, "le la les des est une et pour dans que qui sur pas avec sont du au aux nous vous ce cette ces il elle ils "+
		"elles par plus sera être leur leurs ne sans mais ou où très tout tous toutes déjà aussi son sa ses notre nos "+
		"votre vos à en un de d'un d'une l'on qu'il c'est")
	add(lES, "el la los las es un una y para con que por del se su sus al como más pero está están son lo de en "+
		"nuestro nuestra nuestros este esta estos también cuando muy sin sobre ya hay ser puede pueden")
	// "e" (Portuguese and Italian "and") is left out: English writes "e.g."
	add(lPT, "o os é um uma para com que por da dos das não em na nos nas se seu sua seus suas mais são ao à "+
		"de como mas está estão também pelo pela isso este esta ser pode podem já muito sem nosso nossa você")
	add(lIT, "il lo la gli le di che è per con non una un sono del della delle dei degli alla nel nella si anche "+
		"come ma più questo questa ci ha hanno essere")
	add(lNL, "de het een en van dat die niet zijn voor met te ook wordt worden maar bij naar er aan nog kan je "+
		"wij ons onze deze dit hun uit")
	for w := range m {
		stopFirst[w[0]] |= 1 << len(w)
	}
	return m
}()

// stopFirst[c] has bit n set when a stopword starts with byte c and is n
// bytes long: most words fail it and need no map look-up.
var stopFirst [256]uint32

// langTally counts the evidence of one text.
type langTally struct {
	words int
	// by script, in words (CJK characters are counted as WordUnits does)
	latin, cyrillic, hangul, other float64
	han, kana                      int // characters
	accented                       int // Latin words with a letter beyond ASCII ("krążą", "Åre")
	otherLang                      string
	// Latin-script evidence, per language: a function word counts 2 (1
	// capitalised), a word with a letter typical of the language 1
	score [latinLangs]int
}

// dotted reports a word that is part of a dotted name (text[i:j] in
// "github.com", "e.g.", "Node.js"): not a function word.
func dotted(text string, i, j int) bool {
	return i >= 2 && text[i-1] == '.' && asciiWordByte(text[i-2]) || j+1 < len(text) && text[j] == '.' && asciiWordByte(text[j+1])
}

// add counts one word; a dotted one (see dotted) is not looked up.
func (t *langTally) add(w string, dotted bool) {
	t.words++
	if w[0] < utf8.RuneSelf && asciiOnly(w) {
		t.latin++
		if c := w[0] | 0x20; len(w) <= 7 && !dotted && stopFirst[c]&(1<<len(w)) != 0 {
			var arr [8]byte
			b := arr[:0]
			upper := 0
			for i := 0; i < len(w); i++ {
				c := w[i]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
					upper++
				}
				b = append(b, c)
			}
			// a function word is written in lower case, or capitalised at
			// the start of a sentence, where it is also the particle of a
			// name ("Nate Le", "Banco de la Nación"): half the weight.
			// "MIT" and "DIE" are names, or a headline in capitals.
			switch {
			case upper == 0:
				t.stop(stopwords[string(b)], 2)
			case upper == 1 && w[0] <= 'Z':
				t.stop(stopwords[string(b)], 1)
			}
		}
		return
	}
	latin, accented, hint := false, false, uint8(0)
	for _, r := range w {
		switch {
		case r < 0x250: // Basic Latin through Latin Extended-B
			latin = true
			accented = accented || r >= 0xC0
			hint |= diacriticHint(r)
		case isHanOrKana(r):
			if isKana(r) {
				t.kana++
			} else {
				t.han++
			}
		case r >= 0x1100 && unicode.Is(unicode.Hangul, r):
			t.hangul += 1.0 / float64(utf8.RuneCountInString(w))
		case r >= 0x400 && r < 0x530:
			t.cyrillic += 1.0 / float64(utf8.RuneCountInString(w))
		case unicode.IsLetter(r):
			t.other += 1.0 / float64(utf8.RuneCountInString(w))
			if t.otherLang == "" {
				t.otherLang = scriptLang(r)
			}
		}
	}
	if latin {
		t.latin++
		if accented {
			t.accented++
		}
		if len(w) <= 10 && !dotted {
			weight := 2
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				weight = 1
			}
			t.stop(stopwords[strings.ToLower(strings.ReplaceAll(w, "’", "'"))], weight)
		}
		for k := 0; k < latinLangs; k++ {
			if hint&(1<<k) != 0 {
				t.score[k]++
			}
		}
	}
}

func (t *langTally) stop(bits uint8, weight int) {
	if bits == 0 {
		return
	}
	for k := 0; k < latinLangs; k++ {
		if bits&(1<<k) != 0 {
			t.score[k] += weight
		}
	}
}

// settled reports a Latin text whose language is plain already: one
// language has three function words for each of any other's, and no other
// script has been seen. A long paragraph is decided in its first words.
func (t *langTally) settled() bool {
	if t.words < 16 || t.cyrillic+t.hangul+t.other > 0 || t.han+t.kana > 0 {
		return false
	}
	best, second := 0, 0
	for _, s := range t.score {
		if s > best {
			best, second = s, best
		} else if s > second {
			second = s
		}
	}
	return best >= 8 && best >= 3*second
}

func (t *langTally) lang() string {
	cjk := float64(t.han)/2 + float64(t.kana)/3 // as WordUnits
	nonLatin := cjk + t.hangul + t.cyrillic + t.other
	// another script for at least a third of the words: that script's
	// language, whatever Latin words (product names, code) it holds
	if nonLatin > 0 && nonLatin*2 >= t.latin {
		switch {
		case t.hangul >= cjk && t.hangul >= t.cyrillic && t.hangul >= t.other:
			return "ko"
		case cjk >= t.cyrillic && cjk >= t.other:
			// kana is Japanese only; Japanese prose is full of it
			if t.kana > 0 && t.kana*10 >= t.han {
				return "ja"
			}
			return "zh"
		case t.cyrillic >= t.other:
			return "ru"
		case t.otherLang != "":
			return t.otherLang
		}
		return "und"
	}
	en, best, bestScore := t.score[0], 0, 0
	for k := 1; k < latinLangs; k++ {
		if t.score[k] > bestScore {
			best, bestScore = k, t.score[k]
		}
	}
	// another language wins with a function word (or two telling letters)
	// more than English has; a tie is not evidence against English
	if bestScore >= 2 && bestScore > en {
		return latinCodes[best]
	}
	long := t.words >= undeterminedWords && t.latin >= undeterminedWords
	if long && (en == 0 || en*5 < t.words && t.accented*5 >= t.words) {
		// a dozen Latin words and no function word of English or of the
		// languages above, or hardly one (one in ten: "do" is Polish too)
		// among words a fifth of which have letters English does not
		// write: another language (Polish, Swedish…), whose text English
		// word rules would only guess at
		return "und"
	}
	if en > 0 {
		return "en"
	}
	return ""
}

// undeterminedWords: a text this long with no function word the tally
// knows is in a language it does not know.
const undeterminedWords = 12

// diacriticHint gives the languages a letter is typical of, as bits.
func diacriticHint(r rune) uint8 {
	switch unicode.ToLower(r) {
	case 'ä', 'ö', 'ü', 'ß':
		return lDE
	case 'ñ', '¿', '¡':
		return lES
	case 'ã', 'õ':
		return lPT
	case 'ç':
		return lFR | lPT
	case 'è', 'ë', 'î', 'ï', 'û', 'ù', 'œ':
		return lFR
	case 'à':
		return lFR | lPT | lIT
	case 'â', 'ê', 'ô':
		return lFR | lPT
	case 'é':
		return lFR | lES | lPT
	case 'á', 'í', 'ó', 'ú':
		return lES | lPT
	case 'ì', 'ò':
		return lIT
	}
	return 0
}

func scriptLang(r rune) string {
	switch {
	case unicode.Is(unicode.Greek, r):
		return "el"
	case unicode.Is(unicode.Arabic, r):
		return "ar"
	case unicode.Is(unicode.Hebrew, r):
		return "he"
	case unicode.Is(unicode.Devanagari, r):
		return "hi"
	case unicode.Is(unicode.Thai, r):
		return "th"
	}
	return ""
}

func asciiOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isHanOrKana reports the characters Chinese and Japanese write without
// spaces between words: Han ideographs, hiragana, katakana (with its
// prolonged sound mark ー and half-width forms).
func isHanOrKana(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || isKana(r))
}

func isKana(r rune) bool {
	return r >= 0x3040 && (unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || r == 0x30FC || r == 0xFF70)
}

// Chinese and Japanese are written without spaces, so to a space-separated
// count a whole sentence is one "word". For length budgets (a headline's 15
// words, a page's 500) WordUnits counts a Han character (漢字, 汉字) as half
// a word and a kana (ひらがな, カタカナ) as a third: a Han character is a
// morpheme and most words are two of them, while kana spell syllables, as
// letters do. This gives about two characters a word for Chinese and two and
// a half to three for Japanese, the rules of thumb of translators, and puts
// the 15-word headline near the 30 characters Japanese press releases
// aim for. Korean puts spaces between words and is counted as written.

// WordUnits is how many words w (one word of Words, or one space-separated
// field) counts for: 1, or, where it holds Chinese or Japanese characters,
// half a word for each Han character and a third for each kana, plus one for
// each run of other letters and digits ("AIエージェント" is 1 + 2). Sum the
// units of a text and round once (RoundWords): rounding each run would
// overcount text that Latin names and punctuation cut into short runs.
func WordUnits(w string) float64 {
	if asciiOnly(w) {
		return 1
	}
	n, han, kana, other := 0, 0, 0, false
	for _, r := range w {
		switch {
		case isHanOrKana(r):
			if other {
				n, other = n+1, false
			}
			if isKana(r) {
				kana++
			} else {
				han++
			}
		case isWordRune(r):
			other = true
		default: // punctuation between runs ("代码,是", "「未定」")
			if other {
				n, other = n+1, false
			}
		}
	}
	if han+kana == 0 {
		return 1
	}
	if other {
		n++
	}
	return float64(n) + float64(han)/2 + float64(kana)/3
}

// RoundWords rounds a sum of WordUnits to whole words; any text counts at
// least one.
func RoundWords(units float64) int {
	n := int(units + 0.5)
	if n == 0 && units > 0 {
		return 1
	}
	return n
}

// HasCJK reports Chinese or Japanese characters in s (Han or kana).
func HasCJK(s string) bool {
	for _, r := range s {
		if isHanOrKana(r) {
			return true
		}
	}
	return false
}

// CountWords counts the words of a text as FieldCount does, with
// Chinese and Japanese counted by WordUnits: the length of a headline or a
// subheading in any language.
func CountWords(s string) int {
	var units float64
	for i := 0; i < len(s); {
		for i < len(s) && isSpaceAt(s, i) {
			i += runeAt(s, i)
		}
		j := i
		for j < len(s) && !isSpaceAt(s, j) {
			j += runeAt(s, j)
		}
		if j > i {
			units += WordUnits(s[i:j])
		}
		i = j
	}
	return RoundWords(units)
}

func isSpaceAt(s string, i int) bool {
	c := s[i]
	if c < utf8.RuneSelf {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

// WordCount is how many words the prose counts for: its Words, each by
// WordUnits, kept with the prose.
func (p *Prose) WordCount() int {
	if n, ok := p.Kept(wordCountKey).(int); ok {
		return n
	}
	return p.Memo(wordCountKey, func() any {
		var units float64
		for _, w := range p.words {
			units += WordUnits(w.Text)
		}
		return RoundWords(units)
	}).(int)
}

var wordCountKey = NewMemoKey()
