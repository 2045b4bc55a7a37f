package document

import (
	"bytes"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	goldtext "github.com/yuin/goldmark/text"
)

// markdown is CommonMark plus the GFM tables, strikethrough and task lists.
// No Typographer: it would rewrite quotes and dashes. No Linkify either:
// it costs a quarter of the parse, and prose marks bare URLs itself.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))

// Parse reads src into a Document. It never fails: odd input gives a model
// with fewer parts, never a panic.
//
// It parses the document in one piece and keeps nothing for later: a
// Parser is for successive versions.
func Parse(path string, src []byte) *Document {
	return parse(path, src, nil, len(src) > wholeParseLimit)
}

// Parser parses successive versions of one document, as an editor sends
// them. It keeps the sections of the version it parsed last, so a keystroke
// re-parses only the section it changed; the model is the one Parse gives.
// It is safe for concurrent use.
type Parser struct {
	mu     sync.Mutex
	parsed int // sections parsed so far (the rest were reused): for tests
	// the last version and where it was cut, for cuts that are only for
	// size to stay where they were
	src    []byte
	starts []int
	secs   []*section // the section at each of starts
	mapper *Mapper    // the last version's
	body   int        // where the body starts, after the front matter
	// the front matter last read, and its source
	fm    *FrontMatter
	fmSrc string
	// needles is the last version's SourceContains
	needles *needleIndex
}

// frontMatter reads the front matter, or reuses what the last version's
// identical front matter gave (YAML costs as much as a section).
func (p *Parser) frontMatter(span Span, src, yamlText []byte) *FrontMatter {
	if p == nil {
		return readFrontMatter(span, yamlText)
	}
	if p.fm == nil || p.fmSrc != string(src) {
		p.fm, p.fmSrc = readFrontMatter(span, yamlText), string(src)
	}
	return p.fm
}

// Parse reads src as Parse does, reusing what it can of the last version.
func (p *Parser) Parse(path string, src []byte) *Document { return parse(path, src, p, true) }

// parse cuts src in sections for a Parser to reuse, or, without one,
// parses it whole or, when sectioned, in large sections.
func parse(path string, src []byte, cache *Parser, sectioned bool) *Document {
	d := &Document{Path: path, Source: src, Parts: map[PartKind]*Part{}}
	var pre, suf int // bytes src shares with the Parser's last version, before and after the edit
	if cache != nil {
		cache.mu.Lock()
		defer cache.mu.Unlock()
		pre, suf = cache.change(src)
		cache.needles = cache.needles.next(src, pre, suf)
		d.needles = cache.needles
	}
	if cache != nil && cache.mapper != nil {
		d.Mapper = cache.mapper.edited(src, pre, suf)
	} else {
		d.Mapper = NewMapper(src)
	}
	// Front matter is a section of its own, blanked (spaces, line breaks
	// kept) so that goldmark sees blank lines and offsets stay exact. After
	// it the parser starts afresh: nothing is open after blank lines at the
	// top of a document.
	var blanked []byte
	bodyStart := 0
	if span, body, ok := findFrontMatter(src); ok {
		d.FrontMatter = cache.frontMatter(span, src[:span.End], src[body.Start:body.End])
		blanked = blankOut(src[:span.End], span)
		bodyStart = span.End
	}
	// The rest is parsed in sections, each placed at its offset; see
	// sectionStarts for why that gives what one parse of the whole gives.
	// A large document is parsed in sections even without a Parser, so
	// that only one section's goldmark tree is alive at a time: the whole
	// tree of a 15 MB document took gigabytes.
	starts := []int{0}
	if !sectioned {
		if bodyStart > 0 {
			blanked = append(blanked, src[bodyStart:]...)
			bodyStart = len(src)
		}
	} else {
		if bodyStart > 0 && bodyStart < len(src) {
			starts = append(starts, bodyStart)
		}
		var cuts []int
		if cache != nil {
			cuts = cache.cutsAfterEdit(src, bodyStart, pre, suf)
		} else {
			cuts = coarsen(cutSections(src[bodyStart:], nil), oneShotSectionBytes)
		}
		for _, start := range cuts {
			starts = append(starts, bodyStart+start)
		}
	}
	// A Parser places its sections once all are known: a section parsed
	// anew first takes the memos of its paragraphs that did not change
	// from the section it replaces (see adoptMemos).
	type placing struct {
		sec   *section
		start int
		fresh bool
	}
	var places []placing
	sectionEnd := func(i int) int {
		if i+1 < len(starts) {
			return starts[i+1]
		}
		return len(src)
	}
	sectionText := func(i int) []byte {
		if starts[i] < bodyStart {
			return blanked
		}
		return src[starts[i]:sectionEnd(i)]
	}
	var oneShot []*section
	if sectioned && cache == nil {
		oneShot = parseConcurrently(len(starts), func(i int) *section {
			return parseSection(sectionText(i), d.Mapper, starts[i], false)
		})
		var prose, top, headings int
		for _, sec := range oneShot {
			prose, top, headings = prose+len(sec.prose), top+len(sec.top), headings+len(sec.headings)
		}
		d.Prose, d.Blocks, d.Headings = make([]*Prose, 0, prose), make([]*Block, 0, top), make([]*Block, 0, headings)
	}
	for i, start := range starts {
		text := sectionText(i)
		var sec *section
		if cache != nil {
			sec = cache.unchanged(start, sectionEnd(i), len(src), pre, suf)
		}
		fresh := sec == nil
		if oneShot != nil {
			sec = oneShot[i]
		} else if fresh {
			sec = parseSection(text, d.Mapper, start, cache != nil)
			if cache != nil {
				cache.parsed++
			}
		}
		if !sectioned {
			sec.handOver(d) // the whole document, parsed for this once
			continue
		}
		if cache == nil {
			sec.moveTo(d, start) // parsed for this once: no copy
			continue
		}
		places = append(places, placing{sec, start, fresh})
	}
	if cache != nil {
		secs := make([]*section, len(places))
		reused := make(map[*section]bool, len(places))
		for i, pl := range places {
			secs[i] = pl.sec
			reused[pl.sec] = !pl.fresh
		}
		var replaced []*section
		for _, sec := range cache.secs {
			if !reused[sec] {
				replaced = append(replaced, sec)
			}
		}
		for _, pl := range places {
			if pl.fresh {
				pl.sec.adoptMemos(replaced)
			}
		}
		for _, pl := range places {
			pl.sec.placeAt(d, pl.start)
		}
		cache.src, cache.starts, cache.secs, cache.body, cache.mapper = src, starts, secs, bodyStart, d.Mapper
	}
	d.Comments = findComments(d)
	recognise(d)
	return d
}

// unchanged returns the last version's section that had the bytes of
// [start, end) of a version n bytes long, when they are wholly in the
// part the edit left alone (the first pre or the last suf bytes) and the
// last version was cut at both ends: found by place, so no section's text
// is hashed or compared (that was a whole document's bytes a keystroke).
func (p *Parser) unchanged(start, end, n, pre, suf int) *section {
	from, to := start, end
	switch delta := n - len(p.src); {
	case end <= pre:
	case start >= n-suf:
		from, to = start-delta, end-delta
	default:
		return nil
	}
	i := sort.SearchInts(p.starts, from)
	if i == len(p.starts) || p.starts[i] != from || i >= len(p.secs) {
		return nil
	}
	oldEnd := len(p.src)
	if i+1 < len(p.starts) {
		oldEnd = p.starts[i+1]
	}
	if oldEnd != to {
		return nil
	}
	return p.secs[i]
}

// parseConcurrently parses the n sections of a large document parsed
// once, one worker per CPU: they do not depend on each other (the Mapper
// is only read), and each worker holds one goldmark tree at a time.
func parseConcurrently(n int, parse func(i int) *section) []*section {
	secs := make([]*section, n)
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				secs[i] = parse(i)
			}
		})
	}
	wg.Wait()
	return secs
}

// section is a run of top-level blocks parsed on its own, with offsets
// relative to its start. A Parser keeps it and never hands it out: placeAt
// copies it.
type section struct {
	text     string
	blocks   []*Block // every block built, in order; Items point into it
	top      []int    // the top-level blocks, as indices into blocks
	headings []int    // every heading, nested ones included
	prose    []*Prose
	// placed is the copy placeAt made last. Placed copies are never
	// changed (a prose's language is its text's, kept atomically), so a
	// section placed again at the same base (each before the edit) hands
	// out the same copies.
	placed placement
}

// placement is where a section's copies went in the document placeAt
// placed it in: capped subslices of its Prose, Blocks and Headings, which
// are never changed once parsed.
type placement struct {
	ok               bool
	base             int
	prose            []*Prose
	blocks, headings []*Block
}

// parseSection parses one section; keep readies it for a Parser to keep
// (its text is the key).
func parseSection(text []byte, m *Mapper, start int, keep bool) *section {
	sec := &section{}
	if keep {
		sec.text = string(text)
	} else {
		// Parsed once, the section's lists are garbage once moved: sized
		// for a block every two lines and a heading every four, they seldom
		// grow (grown by appends they allocated three times what they kept
		// on a document of one-line questions).
		lines := bytes.Count(text, []byte{'\n'}) + 1
		sec.blocks, sec.prose, sec.headings = make([]*Block, 0, lines/2+1), make([]*Prose, 0, lines/2+1), make([]int, 0, lines/4+1)
	}
	root := markdown.Parser().Parse(goldtext.NewReader(text))
	w := walker{sec: sec, src: text, m: m, base: start, memo: keep}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if b := w.block(n); b != nil {
			sec.top = append(sec.top, int(b.index))
		}
	}
	return sec
}

// adoptMemos gives each prose of a section just parsed the memo of a prose
// of the sections it replaced that reads the same and comes from the same
// source the same way (text, code spans, source bytes and the map between
// them alike), so what the rules computed from a paragraph the edit did
// not touch is not computed again because a paragraph beside it changed.
func (sec *section) adoptMemos(replaced []*section) {
	if len(replaced) == 0 {
		return
	}
	type origin struct {
		sec *section
		p   *Prose
	}
	byText := map[string]origin{}
	for _, o := range replaced {
		for _, q := range o.prose {
			if q.memo != nil {
				byText[q.Text] = origin{o, q}
			}
		}
	}
	for _, p := range sec.prose {
		if o, ok := byText[p.Text]; ok && p.memo != nil && sameReading(sec.text, p, o.sec.text, o.p) {
			p.memo = o.p.memo
		}
	}
}

// sameReading reports whether p, in section text a, and q, in section
// text b, are the same prose but for where they start: same source bytes,
// same text, code spans and pieces relative to their starts.
func sameReading(a string, p *Prose, b string, q *Prose) bool {
	if p.Heading != q.Heading || p.Text != q.Text || p.Span.End-p.Span.Start != q.Span.End-q.Span.Start ||
		(p.shape == nil) != (q.shape == nil) ||
		p.Span.End > len(a) || q.Span.End > len(b) || a[p.Span.Start:p.Span.End] != b[q.Span.Start:q.Span.End] {
		return false
	}
	// a shape's offsets are relative to the prose's start
	return p.shape == nil || slices.Equal(p.shape.pieces, q.shape.pieces) && slices.Equal(p.shape.code, q.shape.code)
}

// handOver gives d the blocks and prose of a section that starts at 0 and
// is not kept, as they are.
func (sec *section) handOver(d *Document) {
	for _, i := range sec.top {
		d.Blocks = append(d.Blocks, sec.blocks[i])
	}
	for _, i := range sec.headings {
		d.Headings = append(d.Headings, sec.blocks[i])
	}
	d.Prose = append(d.Prose, sec.prose...)
}

// placeAt appends a copy of the section, moved to offset base, to d.
// moveTo is placeAt for a section that is not kept: its blocks and prose
// are moved to base and handed to d as they are, not copied.
func (sec *section) moveTo(d *Document, base int) {
	for _, p := range sec.prose {
		p.Span = p.Span.shift(base)
		d.Prose = append(d.Prose, p)
	}
	for _, b := range sec.blocks {
		b.Span = b.Span.shift(base)
		if b.Kind == Heading || b.Kind == Paragraph {
			b.Content = b.Content.shift(base) // others have none
		}
		if !b.Lead.Empty() {
			b.Lead = b.Lead.shift(base)
		}
		for _, it := range b.Items {
			it.Span, it.Rest = it.Span.shift(base), it.Rest.shift(base)
		}
	}
	for _, i := range sec.top {
		d.Blocks = append(d.Blocks, sec.blocks[i])
	}
	for _, i := range sec.headings {
		d.Headings = append(d.Headings, sec.blocks[i])
	}
}

func (sec *section) placeAt(d *Document, base int) {
	if pl := &sec.placed; pl.ok && pl.base == base {
		d.Prose = append(d.Prose, pl.prose...)
		d.Blocks = append(d.Blocks, pl.blocks...)
		d.Headings = append(d.Headings, pl.headings...)
		return
	}
	fromProse, fromBlocks, fromHeadings := len(d.Prose), len(d.Blocks), len(d.Headings)
	prose := make([]Prose, len(sec.prose))
	for i, p := range sec.prose {
		prose[i] = *p
		prose[i].Span = p.Span.shift(base)
		d.Prose = append(d.Prose, &prose[i])
	}
	blocks := make([]Block, len(sec.blocks))
	for i, b := range sec.blocks {
		nb := &blocks[i]
		*nb = *b
		nb.Span = b.Span.shift(base)
		if b.Kind == Heading || b.Kind == Paragraph {
			nb.Content = b.Content.shift(base) // others have none
		}
		if !b.Lead.Empty() {
			nb.Lead = b.Lead.shift(base)
		}
		if b.Prose != nil {
			nb.Prose = &prose[b.Prose.index]
		}
		if len(b.Items) > 0 {
			items := make([]Item, len(b.Items))
			nb.Items = make([]*Item, len(b.Items))
			for k, it := range b.Items {
				items[k] = Item{Span: it.Span.shift(base), Rest: it.Rest.shift(base)}
				if it.First != nil {
					items[k].First = &blocks[it.First.index]
				}
				nb.Items[k] = &items[k]
			}
		}
	}
	for _, i := range sec.top {
		d.Blocks = append(d.Blocks, &blocks[i])
	}
	for _, i := range sec.headings {
		d.Headings = append(d.Headings, &blocks[i])
	}
	sec.placed = placement{ok: true, base: base,
		prose:    d.Prose[fromProse:len(d.Prose):len(d.Prose)],
		blocks:   d.Blocks[fromBlocks:len(d.Blocks):len(d.Blocks)],
		headings: d.Headings[fromHeadings:len(d.Headings):len(d.Headings)],
	}
}

type walker struct {
	memo bool // every prose gets a memo, short ones too (see addProse)
	sec  *section
	src  []byte  // the section's text
	m    *Mapper // the whole document's, for line bounds …
	// … at base, where the section starts; the section's own offsets are
	// relative to it.
	base int
	// bounds memoises lineBounds: every block asks for its span, and a
	// block's bounds cover its whole subtree, so without the memo deeply
	// nested quotes or lists cost time quadratic in their depth.
	bounds map[ast.Node]nodeBounds
	words  []Word // scratch for proseBuilder.build
}

type nodeBounds struct {
	start, end int
	ok         bool
}

// minMemoText is the shortest prose text that Parse gives a memo.
const minMemoText = 64

func (w *walker) addProse(p *Prose) {
	// The rules share their work on the memo, and a Parser's later
	// versions reuse it. Parsed once, a short prose goes without: its work
	// is cheap to do twice, and 800,000 one-line questions spent 600 MB on
	// memos.
	if w.memo || len(p.Text) >= minMemoText {
		p.memo = newMemo()
	}
	p.index = int32(len(w.sec.prose))
	w.sec.prose = append(w.sec.prose, p)
}

// block builds the Block for n and records its prose, headings and
// excluded spans.
func (w *walker) block(n ast.Node) *Block {
	b := &Block{Span: w.span(n), index: int32(len(w.sec.blocks))}
	w.sec.blocks = append(w.sec.blocks, b)
	switch n := n.(type) {
	case *ast.Heading:
		b.Kind, b.Level = Heading, n.Level
		w.inline(b, n, true)
		w.sec.headings = append(w.sec.headings, int(b.index))
	case *ast.Paragraph, *ast.TextBlock:
		b.Kind = Paragraph
		w.inline(b, n, false)
	case *ast.List:
		b.Kind = List
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			b.Items = append(b.Items, w.item(c))
		}
	case *ast.Blockquote:
		b.Kind = BlockQuote
		w.children(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		b.Kind = Code
	case *ast.HTMLBlock:
		b.Kind = HTML
	case *east.Table:
		b.Kind = Table
		w.table(n)
	case *ast.ThematicBreak:
		b.Kind = Break
	default:
		b.Kind = Other
		w.children(n)
	}
	return b
}

func (w *walker) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c)
	}
}

func (w *walker) item(n ast.Node) *Item {
	it := &Item{Span: w.span(n)}
	it.Rest = Span{it.Span.End, it.Span.End}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b := w.block(c)
		if c == n.FirstChild() && b.Kind == Paragraph {
			it.First = b
			continue
		}
		if it.Rest.Empty() || b.Span.Start < it.Rest.Start {
			it.Rest.Start = b.Span.Start
		}
	}
	return it
}

func (w *walker) table(n ast.Node) {
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			pb := proseBuilder{at: w.lineStart(cell), words: &w.words}
			w.inlines(&pb, cell)
			if len(pb.text) > 0 {
				w.addProse(pb.build(Span{pb.first(), pb.last()}, false))
			}
		}
	}
}

// inline fills a heading's or paragraph's text, lead and prose.
func (w *walker) inline(b *Block, n ast.Node, heading bool) {
	src := w.src
	lines := n.Lines()
	if lines.Len() > 0 {
		b.Content = Span{lines.At(0).Start, lines.At(lines.Len() - 1).Stop}
	} else {
		b.Content = Span{b.Span.End, b.Span.End}
	}
	pb := proseBuilder{at: b.Content.Start, words: &w.words}
	w.inlines(&pb, n)
	// a closed ATX heading's trailing #s are not in Lines; trim the trailing
	// blanks goldmark keeps in the last segment.
	p := pb.build(b.Content, heading)
	b.Prose = p
	b.Text = strings.TrimSpace(p.Text)
	w.addProse(p)

	if first := n.FirstChild(); first != nil {
		if _, ok := first.(*ast.Emphasis); ok {
			lead := proseBuilder{at: b.Content.Start}
			w.inlines(&lead, first)
			if len(lead.pieces) > 0 {
				b.Lead = Span{lead.first(), lead.last()}
				b.LeadText = strings.TrimSpace(string(lead.text))
				// wholly emphasised: the lead is the only child with text
				b.Emphasized = true
				for c := first.NextSibling(); c != nil; c = c.NextSibling() {
					if t, ok := c.(*ast.Text); !ok || strings.TrimSpace(string(t.Segment.Value(src))) != "" {
						b.Emphasized = false
					}
				}
			}
		}
	}
}

// inlines appends the prose of n's inline descendants.
func (w *walker) inlines(pb *proseBuilder, n ast.Node) {
	src := w.src
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			pb.add(src, c.Segment.Start, c.Segment.Stop)
			if c.SoftLineBreak() || c.HardLineBreak() {
				pb.addSpace(c.Segment.Stop)
			}
		case *ast.String:
			pb.addString(c.Value, pb.last())
		case *ast.CodeSpan:
			start := len(pb.text)
			w.inlines(pb, c)
			pb.code = append(pb.code, Span{start, len(pb.text)})
		case *ast.AutoLink:
			start := len(pb.text)
			seg := autolinkSegment(src, c, pb)
			pb.add(src, seg.Start, seg.End)
			pb.code = append(pb.code, Span{start, len(pb.text)})
		case *ast.RawHTML:
			for i := 0; i < c.Segments.Len(); i++ {
				pb.addSpace(c.Segments.At(i).Start)
			}
		case *ast.Image:
			pb.addSpace(pb.last())
		default:
			w.inlines(pb, c)
		}
	}
}

// lineStart is where a node's first line starts, or the section's start.
func (w *walker) lineStart(n ast.Node) int {
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return l.At(0).Start
	}
	return 0
}

// autolinkSegment finds an autolink's text in the source: goldmark keeps no
// public segment for it, so search forward from the last prose offset.
func autolinkSegment(src []byte, n *ast.AutoLink, pb *proseBuilder) Span {
	label := n.Label(src)
	from := pb.last()
	if i := strings.Index(string(src[from:]), string(label)); i >= 0 {
		return Span{from + i, from + i + len(label)}
	}
	return Span{from, from}
}

// span returns the whole-line source span of a block node.
func (w *walker) span(n ast.Node) Span {
	start, end, ok := w.lineBounds(n)
	if !ok {
		p := n.Pos()
		if p < 0 {
			p = 0
		}
		start, end = p, p
	}
	m, base := w.m, w.base
	return Span{m.LineStart(m.Line(base+start)) - base, m.LineEnd(m.Line(base+end)) - base}
}

// lineBounds finds the first and last source bytes of a block's lines,
// descending into containers.
func (w *walker) lineBounds(n ast.Node) (start, end int, ok bool) {
	if b, seen := w.bounds[n]; seen {
		return b.start, b.end, b.ok
	}
	if c := n.FirstChild(); c != nil && c.Type() == ast.TypeBlock {
		// Only containers are worth remembering: a leaf is answered from
		// its own lines at once.
		defer func() {
			if w.bounds == nil {
				w.bounds = map[ast.Node]nodeBounds{}
			}
			w.bounds[n] = nodeBounds{start, end, ok}
		}()
	}
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			start, end, ok = l.At(0).Start, l.At(l.Len()-1).Stop, true
			if end > start {
				end-- // the last byte, not one past it
			}
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() != ast.TypeBlock {
			continue
		}
		if s, e, cok := w.lineBounds(c); cok {
			if !ok || s < start {
				start = s
			}
			if !ok || e > end {
				end = e
			}
			ok = true
		}
	}
	if !ok {
		if p := n.Pos(); p >= 0 && n.Type() == ast.TypeBlock {
			return p, p, true
		}
	}
	return start, end, ok
}

var commentRe = regexp.MustCompile(`(?s)<!--(.*?)-->`)

// findComments lists HTML comments that are not inside code.
func findComments(d *Document) []Comment {
	var out []Comment
	matches := commentRe.FindAllSubmatchIndex(d.Source, -1)
	if len(matches) == 0 {
		return nil
	}
	// Matches come in source order: one sweep over the code spans sorted
	// by start (a look-up per comment over every block was quadratic: 20,000
	// comments took 0.8 s).
	code := d.codeSpans()
	i, maxEnd := 0, -1
	for _, m := range matches {
		for i < len(code) && code[i].Start <= m[0] {
			maxEnd = max(maxEnd, code[i].End)
			i++
		}
		if maxEnd > m[0] {
			continue // inside a code block or code span
		}
		out = append(out, Comment{Span: Span{m[0], m[1]}, Text: string(d.Source[m[2]:m[3]])})
	}
	return out
}

// codeSpans lists, sorted by start, the source spans inCode looks at: code
// blocks at the top level and the code spans of prose (within its span).
func (d *Document) codeSpans() []Span {
	var out []Span
	for _, b := range d.Blocks {
		if b.Kind == Code {
			out = append(out, b.Span)
		}
	}
	for _, p := range d.Prose {
		for _, c := range p.code() {
			s := p.SourceSpan(c.Start, c.End)
			s.Start, s.End = max(s.Start, p.Span.Start), min(s.End, p.Span.End)
			if s.End > s.Start {
				out = append(out, s)
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// inCode reports whether offset is inside a code block or code span. It is
// the plain definition findComments sweeps for; tests compare the two.
func (d *Document) inCode(offset int) bool {
	for _, b := range d.Blocks {
		if b.Kind == Code && b.Span.Contains(offset) {
			return true
		}
	}
	for _, p := range d.Prose {
		if !p.Span.Contains(offset) {
			continue
		}
		for _, c := range p.code() {
			if s := p.SourceSpan(c.Start, c.End); s.Contains(offset) {
				return true
			}
		}
	}
	return false
}
