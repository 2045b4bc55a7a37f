package document

import (
	"bytes"
	"sort"
	"strings"

	"github.com/yuin/goldmark/util"
)

// sectionStarts returns the offsets, after 0, where src can be cut into
// sections that goldmark parses alone exactly as it parses them inside the
// whole document: lines that open an ATX heading at column 0 outside a
// fenced code block or an HTML block. Such a line closes every open block
// (a heading interrupts paragraphs, and a line at column 0 continues no
// list item or quote), so the parser starts it afresh.
//
// Where the scan cannot be sure it cuts less, never more, and fewer cuts
// only cost speed. It stops cutting at a fence or HTML block indented by
// one to three spaces (it may sit in a list item, which a later line at
// column 0 would close), and it does not cut at all when the document has
// a link reference definition (its effect is document-wide) or a lone
// carriage return (which this scan and goldmark might split differently).
func sectionStarts(src []byte) []int { return cutSections(src, nil) }

// cutSections is sectionStarts, but where a cut between paragraphs is only
// for size it prefers the offsets in prefer (sorted): where the last
// version was cut, moved past the edit. Any line where the scan may cut for
// size is as safe a cut as any other, so the choice is only about reuse:
// measuring 2 KiB from the last cut alone, typing that lengthens a section
// moves the next size cut one paragraph earlier, and then every size cut
// after it up to the next heading, which re-parses all those sections.
func cutSections(src []byte, prefer []int) []int {
	if hasLoneCR(src) {
		return nil
	}
	starts, _, _ := scanCuts(src, prefer, nil)
	return starts
}

// scanCuts is cutSections without the carriage-return test. After each cut
// it asks resync, if given, whether the scan may stop there, and reports
// whether it stopped so; ok is false, with no cuts, when a link reference
// definition forbids every cut.
func scanCuts(src []byte, prefer []int, resync func(cut int) bool) (starts []int, resynced, ok bool) {
	var (
		fenceChar    byte   // inside a fenced code block opened by this character
		fenceLen     int    // … and this many of it
		htmlEnd      []byte // inside an HTML block that ends at a line holding this
		htmlEndFolds bool   // … in any case (script, pre, style, textarea)
		htmlBlank    bool   // inside an HTML block that ends at a blank line
		stopped      bool   // no more cuts: the rest is one section
		prevBlank    bool   // the line before was blank
		last         int    // where the current section starts
	)
	for pos := 0; pos < len(src); {
		end := bytes.IndexByte(src[pos:], '\n')
		next := len(src)
		if end < 0 {
			end = len(src)
		} else {
			end += pos
			next = end + 1
		}
		line := bytes.TrimSuffix(src[pos:end], []byte("\r"))
		start := pos
		pos = next
		switch {
		case fenceChar != 0:
			if closesFence(line, fenceChar, fenceLen) {
				fenceChar = 0
			}
			continue
		case htmlEnd != nil:
			if bytes.Contains(line, htmlEnd) || htmlEndFolds && containsFold(line, htmlEnd) {
				htmlEnd = nil
			} else if htmlEndFolds && !isASCII(line) {
				stopped = true // goldmark's (?i) folds ſ to s: leave it to the parser
			}
			continue
		}
		// Outside code and HTML, where the scan and goldmark agree.
		if looksLikeLinkDefinition(line) {
			return nil, false, false
		}
		blank := isBlank(line)
		afterBlank := prevBlank
		prevBlank = blank
		switch {
		case stopped:
			continue
		case htmlBlank:
			// goldmark may be in an HTML block that ends here, or in a
			// paragraph that a fence or another HTML block interrupts: the
			// scan cannot tell, so it stops at the first such line.
			if blank {
				htmlBlank = false
			} else if opensBlockThatOutlivesBlankLines(line) {
				stopped = true
			}
			continue
		}
		if isATXHeading(line) {
			if start > 0 {
				starts = append(starts, start)
				last = start
				if resync != nil && resync(start) {
					return starts, true, true
				}
			}
			continue
		}
		// A long run without headings is also cut before a paragraph
		// that follows a blank line: nothing but a list (whose next item
		// is excluded here) reaches across a blank line to a line at
		// column 0.
		// With prefer, a size cut waits for a preferred cut not far ahead.
		if afterBlank && start > last && startsParagraph(line) {
			i := sort.SearchInts(prefer, start)
			preferred := i < len(prefer) && prefer[i] == start
			if preferred {
				i++
			}
			ahead := i < len(prefer) && prefer[i] <= last+3*minSectionBytes
			if preferred || start-last >= minSectionBytes && !ahead {
				starts = append(starts, start)
				last = start
				if resync != nil && resync(start) {
					return starts, true, true
				}
				continue
			}
		}
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		if indent > 3 || indent == len(line) || line[indent] == '\t' {
			continue // indented code, a continuation line or a blank line
		}
		rest := line[indent:]
		if c, n, ok := opensFence(rest); ok {
			if indent > 0 {
				stopped = true
				continue
			}
			fenceChar, fenceLen = c, n
			continue
		}
		if rest[0] == '<' {
			if indent > 0 || !isASCII(rest) {
				stopped = true
				continue
			}
			if marker, folds := htmlEndMarker(rest); marker != nil {
				// the first line may close the block itself
				if !(bytes.Contains(rest, marker) || folds && containsFold(rest, marker)) {
					htmlEnd, htmlEndFolds = marker, folds
				}
				continue
			}
			htmlBlank = true
		}
	}
	return starts, false, true
}

// change is how many leading and trailing bytes src shares with the last
// version (they do not overlap).
func (p *Parser) change(src []byte) (pre, suf int) {
	old := p.src
	n := min(len(old), len(src))
	pre = commonPrefix(old[:n], src[:n])
	return pre, commonSuffix(old[pre:], src[pre:])
}

// keptAround returns where the Parser's last version was cut, in offsets
// from bodyStart in src (which shares its first pre and last suf bytes with
// it), leaving out the cuts inside the bytes that changed: the common
// prefix keeps its offsets, the common suffix moves by the change in
// length. It only steers cutSections's choice among safe cuts, so an odd
// guess costs reuse, never correctness.
func (p *Parser) keptAround(src []byte, bodyStart, pre, suf int) []int {
	old := p.src
	var kept []int
	for _, c := range p.starts {
		switch {
		case c <= pre:
		case c >= len(old)-suf:
			c += len(src) - len(old)
		default:
			continue
		}
		if c -= bodyStart; c > 0 && c < len(src)-bodyStart {
			kept = append(kept, c)
		}
	}
	return kept
}

// cutsAfterEdit is cutSections(src[bodyStart:], keptAround(…)) for the
// Parser's next version, but it scans only the stretch around the edit:
// from the last cut before the changed bytes to the first cut after them
// that the last version had too. At a cut the scan is outside code, HTML
// and every open block, so from a cut on the same bytes give the same safe
// cuts: the old cuts before the edit stand, and so do the old cuts after
// the resynchronising one, moved by the change in length. Scanning the
// whole document cost a twentieth of a keystroke at 4,000 words.
func (p *Parser) cutsAfterEdit(src []byte, bodyStart, pre, suf int) []int {
	var oldCuts []int // relative to the body
	for _, s := range p.starts {
		if s > p.body {
			oldCuts = append(oldCuts, s-p.body)
		}
	}
	if len(oldCuts) == 0 || bodyStart != p.body {
		// no cuts last time (a small document, a link reference
		// definition, a lone carriage return), or the front matter moved
		return cutSections(src[bodyStart:], p.keptAround(src, bodyStart, pre, suf))
	}
	old := p.src
	delta, changeEnd := len(src)-len(old), len(src)-suf
	// The last version had no lone carriage return (it was cut); one at
	// the edges of the change may stand alone now.
	if bytes.IndexByte(src[min(max(pre-1, 0), len(src)):min(changeEnd+1, len(src))], '\r') >= 0 {
		return cutSections(src[bodyStart:], p.keptAround(src, bodyStart, pre, suf))
	}
	// c0: the last old cut whose whole line comes before the change
	c0, k := 0, 0
	for i := sort.SearchInts(oldCuts, pre-bodyStart) - 1; i >= 0; i-- {
		c := oldCuts[i]
		if nl := bytes.IndexByte(old[bodyStart+c:], '\n'); nl >= 0 && bodyStart+c+nl < pre {
			c0, k = c, i+1
			break
		}
	}
	var prefer []int
	for _, c := range p.keptAround(src, bodyStart, pre, suf) {
		if c > c0 {
			prefer = append(prefer, c-c0)
		}
	}
	resync := func(cut int) bool {
		x := bodyStart + c0 + cut
		if x < changeEnd {
			return false
		}
		i := sort.SearchInts(oldCuts, x-delta-bodyStart)
		return i < len(oldCuts) && oldCuts[i] == x-delta-bodyStart
	}
	got, resynced, ok := scanCuts(src[bodyStart+c0:], prefer, resync)
	if !ok {
		return nil
	}
	cuts := append(make([]int, 0, len(oldCuts)+1), oldCuts[:k]...)
	for _, c := range got {
		cuts = append(cuts, c0+c)
	}
	if resynced {
		at := sort.SearchInts(oldCuts, cuts[len(cuts)-1]-delta)
		for _, c := range oldCuts[at+1:] {
			cuts = append(cuts, c+delta)
		}
	}
	return cuts
}

// commonPrefix is how many leading bytes a and b share, compared a large
// block at a time, then a small one (the whole document on every
// keystroke: in blocks of 64 bytes the calls alone were 4 % of a keystroke
// at 40,000 words).
func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for _, block := range [...]int{4096, 64} {
		for i+block <= n && bytes.Equal(a[i:i+block], b[i:i+block]) {
			i += block
		}
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// commonSuffix is how many trailing bytes a and b share.
func commonSuffix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for _, block := range [...]int{4096, 64} {
		for i+block <= n && bytes.Equal(a[len(a)-i-block:len(a)-i], b[len(b)-i-block:len(b)-i]) {
			i += block
		}
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

// minSectionBytes keeps sections cut between paragraphs large enough that
// parsing each on its own costs little more than parsing them together.
const minSectionBytes = 2048

// startsParagraph reports a line at column 0 that can only open a
// paragraph (or a thematic break): it begins with a letter or "*" or "_"
// not followed by a space, or a number that is not a list marker.
func startsParagraph(line []byte) bool {
	if len(line) == 0 {
		return false
	}
	c := line[0]
	switch {
	case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		return true
	case c == '*' || c == '_':
		return len(line) > 1 && line[1] != ' ' && line[1] != '\t'
	case c >= '0' && c <= '9':
		i := 0
		for i < len(line) && line[i] >= '0' && line[i] <= '9' {
			i++
		}
		return i < len(line) && line[i] != '.' && line[i] != ')'
	}
	return false
}

func hasLoneCR(src []byte) bool {
	for i := bytes.IndexByte(src, '\r'); i >= 0; {
		if i+1 >= len(src) || src[i+1] != '\n' {
			return true
		}
		j := bytes.IndexByte(src[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// isATXHeading reports "#" to "######" at column 0 followed by a space or
// the end of the line (a tab is left to the parser: no cut).
func isATXHeading(line []byte) bool {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(line) || line[n] == ' ')
}

// looksLikeLinkDefinition reports a line that may begin a link reference
// definition. goldmark reads one only at the start of a paragraph's line
// (a paragraph's first line, or the line after another definition), so
// the line, once stripped of anything that may be indentation or a
// container's marker (">", "-", "+", "*", "1.", "1)"), begins with "[";
// and the label goldmark reads from there (backslash escapes skipped, an
// unescaped "[" ending it unfound) either runs past the line (a label may
// span lines) or closes with "]:". It errs towards yes.
func looksLikeLinkDefinition(line []byte) bool {
	i := 0
	for i < len(line) && strings.IndexByte(" \t\v\f>-+*.)0123456789", line[i]) >= 0 {
		i++
	}
	if i == len(line) || line[i] != '[' {
		return false
	}
	for i++; i < len(line); i++ {
		switch c := line[i]; {
		case c == '\\' && i+1 < len(line) && util.IsPunct(line[i+1]):
			i++
		case c == '[':
			return false
		case c == ']':
			return i+1 < len(line) && line[i+1] == ':'
		}
	}
	return true
}

// opensFence reports a code fence opener (without its indentation): three
// or more backticks or tildes; a backtick fence's info string has no
// backtick.
func opensFence(rest []byte) (c byte, n int, ok bool) {
	if len(rest) < 3 || (rest[0] != '`' && rest[0] != '~') {
		return 0, 0, false
	}
	c = rest[0]
	for n < len(rest) && rest[n] == c {
		n++
	}
	if n < 3 || c == '`' && bytes.IndexByte(rest[n:], '`') >= 0 {
		return 0, 0, false
	}
	return c, n, true
}

// closesFence reports a closing fence: up to three spaces, at least n of
// c, then only spaces or tabs.
func closesFence(line []byte, c byte, n int) bool {
	i := 0
	for i < len(line) && i < 4 && line[i] == ' ' {
		i++
	}
	if i > 3 {
		return false
	}
	j := i
	for j < len(line) && line[j] == c {
		j++
	}
	return j-i >= n && isBlank(line[j:])
}

func isBlank(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// htmlEndMarker returns the end condition of the HTML blocks that end at a
// marker (CommonMark's kinds 1 to 5, matched as goldmark's regular
// expressions match them), or nil for those that end at a blank line (and
// for a "<" that opens no HTML block, which the scan treats the same way:
// it only costs a cut). folds tells that the marker matches in any case.
func htmlEndMarker(rest []byte) (marker []byte, folds bool) {
	for _, tag := range []string{"script", "pre", "style", "textarea"} {
		if len(rest) > len(tag) && hasPrefixFold(string(rest[1:]), tag) {
			after := rest[1+len(tag):]
			if len(after) == 0 || after[0] == ' ' || after[0] == '\t' || after[0] == '\f' || after[0] == '>' || bytes.HasPrefix(after, []byte("/>")) {
				return []byte("</" + tag + ">"), true
			}
		}
	}
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		return []byte("-->"), false
	case bytes.HasPrefix(rest, []byte("<?")):
		return []byte("?>"), false
	case len(rest) > 2 && rest[1] == '!' && rest[2] >= 'A' && rest[2] <= 'Z':
		return []byte(">"), false
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		return []byte("]]>"), false
	}
	return nil, false
}

// opensBlockThatOutlivesBlankLines reports a line that may open a fence or
// an HTML block of kinds 1 to 5.
func opensBlockThatOutlivesBlankLines(line []byte) bool {
	i := 0
	for i < len(line) && i < 4 && line[i] == ' ' {
		i++
	}
	if i > 3 || i == len(line) {
		return false
	}
	rest := line[i:]
	if _, _, ok := opensFence(rest); ok {
		return true
	}
	if rest[0] != '<' {
		return false
	}
	marker, _ := htmlEndMarker(rest)
	return marker != nil || !isASCII(rest)
}

func containsFold(line, marker []byte) bool {
	if bytes.Contains(line, marker) {
		return true
	}
	return bytes.Contains(bytes.ToLower(line), marker) // markers are lower case
}

// wholeParseLimit is the largest document Parse reads in one goldmark
// parse; a larger one is parsed in sections of about oneShotSectionBytes
// (the same model: see sectionStarts), each section's tree garbage once
// its blocks are placed.
const (
	wholeParseLimit     = 1 << 20
	oneShotSectionBytes = 256 << 10
)

// coarsen keeps of the cuts (sorted offsets) only those at least size
// bytes after the last one kept: any subset of safe cuts is safe.
func coarsen(cuts []int, size int) []int {
	var kept []int
	last := 0
	for _, c := range cuts {
		if c-last >= size {
			kept = append(kept, c)
			last = c
		}
	}
	return kept
}
