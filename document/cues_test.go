package document

import (
	"regexp"
	"testing"
)

// Every cue piece compiles: pieces are compiled on first use, so a bad one
// in the vocabulary would otherwise fail only on the document that tries it.
func TestCuePiecesCompile(t *testing.T) {
	lists := map[string][]string{"problemCues": problemCues, "solutionCues": solutionCues, "ctaCues": ctaCues,
		"stakeholderCues": stakeholderCues, "customerCues": customerCues, "leaderTitles": leaderTitles, "customerRoles": customerRoles}
	for name, l := range lists {
		for _, p := range l {
			for _, expr := range []string{cueExpr(p), `^` + cueExpr(p)} {
				if _, err := regexp.Compile(expr); err != nil {
					t.Errorf("%s: piece %q: %v", name, p, err)
				}
			}
		}
	}
}

// A piece whose last letter is optional ("users?") is found without it: its
// literal is what every match starts with.
func TestCueOptionalLetter(t *testing.T) {
	for _, c := range []struct {
		set  cueSet
		text string
		want bool
	}{
		{customerCue, "said the first user", true},
		{customerCue, "— pilot users", true},
		{customerCue, "— project lead", false},
		{customerCue, "— pilot lead", true}, // someone in the pilot, outside the company
		{leaderCue, "Jo Park, Chairwoman of Acme", true},
		{cueRe([]string{`risks?`}), "the risk is low", true},
		{cueRe([]string{`risks?`}), "a risky plan", false},
	} {
		if got := c.set.MatchString(c.text); got != c.want {
			t.Errorf("%q: match %v, want %v", c.text, got, c.want)
		}
	}
	if lit := leadingLiteral(`users?`); lit != "user" {
		t.Errorf("leadingLiteral(users?) = %q, want user", lit)
	}
}

// A cue word after a French or Italian elided article is a word of its own
// ("l'équipe" holds "équipe"); an apostrophe inside an English word keeps
// it whole ("can't" is a problem cue, "can" is not one).
func TestCueWordAfterElision(t *testing.T) {
	for _, s := range []string{"Pour l'équipe", "pour l’équipe", "Questions de l'équipe"} {
		if !stakeholderCue.MatchString(s) || stakeholderCue.Count(s) != 1 {
			t.Errorf("%q: the stakeholders' cue \"équipe\" not found once", s)
		}
	}
	if !problemCue.MatchString("We can't export") {
		t.Error(`"can't" is no longer one word`)
	}
	if stakeholderCue.MatchString("Pour l'application") {
		t.Error(`"l'application" matched a stakeholder's cue`)
	}
}
