package document

import (
	"bytes"
	"encoding/binary"
	"sort"
	"sync/atomic"
	"unicode/utf8"
)

// Position is a place in a document as LSP counts it: a 0-based line and a
// 0-based column in the code units of an Encoding (UTF-16 unless the client
// and server agreed on another). It carries no LSP type so that the engine
// stays free of the protocol.
type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

// Range is a pair of positions, end exclusive.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Encoding is what a Position's column counts: UTF-16 code units (LSP's
// default, the zero value), UTF-8 bytes or UTF-32 code points.
type Encoding uint8

const (
	UTF16 Encoding = iota
	UTF8
	UTF32
)

// String is the encoding's name in LSP ("utf-16", "utf-8", "utf-32").
func (e Encoding) String() string {
	switch e {
	case UTF8:
		return "utf-8"
	case UTF32:
		return "utf-32"
	}
	return "utf-16"
}

// Mapper converts between byte offsets and LSP positions. It is the only place
// in the project that knows about encodings and line endings: "\n", "\r\n" and
// a lone "\r" all end a line, as the LSP specification says.
type Mapper struct {
	src        []byte
	lineStarts []int // byte offset of the first byte of each line
	// ascii tells, two bits a line, whether a line is ASCII only, where a
	// column is a byte count, so most conversions skip the decoding: 01
	// yes, 10 no, 00 not looked at yet. Lines are looked at when first
	// converted, not all for every version: the engine converts none of
	// them, and indexing every line cost a twentieth of a keystroke's
	// check. Atomic, as handlers convert at once.
	ascii []atomic.Uint32
	cr    bool // src holds a carriage return
}

// lineASCII reports whether line holds ASCII only.
func (m *Mapper) lineASCII(line int) bool {
	w, shift := &m.ascii[line/16], uint(line%16)*2
	switch w.Load() >> shift & 3 {
	case 1:
		return true
	case 2:
		return false
	}
	end := len(m.src)
	if line+1 < len(m.lineStarts) {
		end = m.lineStarts[line+1]
	}
	yes := isASCII(m.src[m.lineStarts[line]:end])
	bit := uint32(2)
	if yes {
		bit = 1
	}
	w.Or(bit << shift)
	return yes
}

// edited is NewMapper(src) for a version of m's text that keeps its first
// pre and last suf bytes: the lines wholly in those keep their starts
// (moved by the change in length) and what is known of them, and only the
// lines between are indexed. A keystroke changes one line; indexing every
// line of every version was a fortieth of a keystroke at 40,000 words.
func (m *Mapper) edited(src []byte, pre, suf int) *Mapper {
	old := m.src
	changeEnd := len(src) - suf
	if pre+suf > min(len(old), len(src)) || m.cr || bytes.IndexByte(src[pre:changeEnd], '\r') >= 0 {
		return NewMapper(src) // line breaks of two kinds: indexed the slow way
	}
	delta := len(src) - len(old)
	// old starts up to pre follow a line break in the common prefix; those
	// from after oldLen-suf, one in the common suffix
	head := sort.SearchInts(m.lineStarts, pre+1)
	tail := sort.SearchInts(m.lineStarts, len(old)-suf+1)
	starts := make([]int, 0, head+bytes.Count(src[pre:changeEnd], []byte{'\n'})+len(m.lineStarts)-tail)
	starts = append(starts, m.lineStarts[:head]...)
	for i := pre; i < changeEnd; {
		j := bytes.IndexByte(src[i:changeEnd], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	mid := len(starts)
	for _, s := range m.lineStarts[tail:] {
		starts = append(starts, s+delta)
	}
	n := &Mapper{src: src, lineStarts: starts, ascii: make([]atomic.Uint32, (len(starts)+15)/16)}
	// a line wholly before pre, or wholly in the suffix, is what it was;
	// the line that holds pre and those up to the suffix are looked at anew
	for i := 0; i+1 < head; i++ {
		n.setASCIIState(i, m.asciiState(i))
	}
	for i := mid; i < len(starts); i++ {
		n.setASCIIState(i, m.asciiState(tail+i-mid))
	}
	return n
}

func (m *Mapper) asciiState(line int) uint32 {
	return m.ascii[line/16].Load() >> (uint(line%16) * 2) & 3
}

// setASCIIState is for a Mapper no one else holds yet.
func (m *Mapper) setASCIIState(line int, state uint32) {
	if state != 0 {
		w := &m.ascii[line/16]
		w.Store(w.Load() | state<<(uint(line%16)*2))
	}
}

// NewMapper indexes the line starts of src.
func NewMapper(src []byte) *Mapper {
	var starts []int
	cr := bytes.IndexByte(src, '\r') >= 0
	if !cr {
		// counted first: on a document of short lines, growing the slice
		// allocated four times what it keeps
		starts = make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
		for i := 0; ; {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			starts = append(starts, i)
		}
	} else {
		starts = make([]int, 1, len(src)/64+1)
		for i := 0; i < len(src); i++ {
			switch src[i] {
			case '\n':
				starts = append(starts, i+1)
			case '\r':
				if i+1 < len(src) && src[i+1] == '\n' {
					i++
				}
				starts = append(starts, i+1)
			}
		}
	}
	return &Mapper{src: src, lineStarts: starts, ascii: make([]atomic.Uint32, (len(starts)+15)/16), cr: cr}
}

// isASCII checks eight bytes at a time.
func isASCII(b []byte) bool {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= 0x80 {
			return false
		}
	}
	return true
}

// LineCount is the number of lines; an empty document has one.
func (m *Mapper) LineCount() int { return len(m.lineStarts) }

// LineStart returns the byte offset where line starts (clamped).
func (m *Mapper) LineStart(line int) int {
	if line < 0 {
		return 0
	}
	if line >= len(m.lineStarts) {
		return len(m.src)
	}
	return m.lineStarts[line]
}

// LineEnd returns the byte offset of the end of line, before its terminator.
func (m *Mapper) LineEnd(line int) int {
	if line < 0 {
		line = 0
	}
	if line+1 >= len(m.lineStarts) {
		return len(m.src)
	}
	end := m.lineStarts[line+1]
	if end > 0 && m.src[end-1] == '\n' {
		end--
	}
	if end > m.lineStarts[line] && m.src[end-1] == '\r' {
		end--
	}
	return end
}

// Line returns the 0-based line holding offset.
func (m *Mapper) Line(offset int) int {
	offset = m.clamp(offset)
	// sort.Search without its closure: every position of every finding
	// of every publish asks this
	lo, hi := 0, len(m.lineStarts) // the first line starting after offset is in [lo, hi]
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if m.lineStarts[h] > offset {
			hi = h
		} else {
			lo = h + 1
		}
	}
	return lo - 1
}

func (m *Mapper) clamp(offset int) int {
	if offset < 0 {
		return 0
	}
	if offset > len(m.src) {
		return len(m.src)
	}
	return offset
}

// Position converts a byte offset to a UTF-16 position.
func (m *Mapper) Position(offset int) Position { return m.PositionIn(UTF16, offset) }

// PositionIn converts a byte offset to a position in enc. An offset inside a
// multi-byte character or a line terminator is moved back to its start.
func (m *Mapper) PositionIn(enc Encoding, offset int) Position {
	return m.positionOnLine(enc, offset, m.Line(offset))
}

// positionOnLine is PositionIn for an offset known to be on line.
func (m *Mapper) positionOnLine(enc Encoding, offset, line int) Position {
	offset = m.clamp(offset)
	start := m.lineStarts[line]
	if end := m.LineEnd(line); offset > end {
		offset = end
	}
	if m.lineASCII(line) {
		return Position{Line: line, Character: offset - start}
	}
	col := 0
	for i := start; i < offset; {
		r, size := utf8.DecodeRune(m.src[i:])
		if i+size > offset {
			break // offset points inside this character
		}
		col += units(enc, r, size)
		i += size
	}
	return Position{Line: line, Character: col}
}

// Range converts a byte span to a UTF-16 range.
func (m *Mapper) Range(start, end int) Range { return m.RangeIn(UTF16, start, end) }

// RangeIn converts a byte span to a range in enc.
func (m *Mapper) RangeIn(enc Encoding, start, end int) Range {
	line := m.Line(start)
	endLine := line
	// most spans end on the line they start on
	if end = m.clamp(end); end < m.lineStarts[line] || line+1 < len(m.lineStarts) && end >= m.lineStarts[line+1] {
		endLine = m.Line(end)
	}
	return Range{Start: m.positionOnLine(enc, start, line), End: m.positionOnLine(enc, end, endLine)}
}

// Offset converts a UTF-16 position to a byte offset.
func (m *Mapper) Offset(p Position) int { return m.OffsetIn(UTF16, p) }

// OffsetIn converts a position in enc to a byte offset. A line past the end
// maps to the end of the document; a column past the end of its line maps
// to the line's end; a column inside a character (a surrogate pair, a UTF-8
// sequence) maps to the start of that character.
func (m *Mapper) OffsetIn(enc Encoding, p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(m.lineStarts) {
		return len(m.src)
	}
	i, end := m.lineStarts[p.Line], m.LineEnd(p.Line)
	if m.lineASCII(p.Line) {
		return min(i+max(p.Character, 0), end)
	}
	for col := 0; i < end; {
		r, size := utf8.DecodeRune(m.src[i:])
		w := units(enc, r, size)
		if col+w > p.Character {
			break
		}
		col += w
		i += size
	}
	return i
}

// units is the number of code units a decoded rune takes in enc. An invalid
// byte (RuneError of size 1) counts as one unit in every encoding, as
// editors show it as one U+FFFD.
func units(enc Encoding, r rune, size int) int {
	switch enc {
	case UTF8:
		return size
	case UTF32:
		return 1
	}
	if r >= 0x10000 && size == 4 {
		return 2
	}
	return 1
}
