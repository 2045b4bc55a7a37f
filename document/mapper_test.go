package document

import (
	"strings"
	"sync"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func TestMapperPositions(t *testing.T) {
	// "a😀b" : 😀 is 4 bytes and 2 UTF-16 units; 漢 is 3 bytes and 1 unit.
	src := []byte("a😀b\r\n漢字\tx\rlast\n")
	m := NewMapper(src)
	cases := []struct {
		offset int
		want   Position
	}{
		{0, Position{0, 0}},
		{1, Position{0, 1}},  // before 😀
		{5, Position{0, 3}},  // after 😀: 1 + 2 units
		{6, Position{0, 4}},  // end of line 0, before \r\n
		{7, Position{0, 4}},  // inside \r\n: clamps to the line end
		{8, Position{1, 0}},  // 漢
		{11, Position{1, 1}}, // 字
		{14, Position{1, 2}}, // tab counts as one unit
		{15, Position{1, 3}}, // x
		{17, Position{2, 0}}, // after a lone \r
		{22, Position{3, 0}}, // after the final \n: an empty last line
	}
	for _, c := range cases {
		if got := m.Position(c.offset); got != c.want {
			t.Errorf("Position(%d) = %v, want %v", c.offset, got, c.want)
		}
	}
	if m.LineCount() != 4 {
		t.Errorf("LineCount = %d, want 4", m.LineCount())
	}
	// inside the emoji: back to its start
	if got := m.Position(3); got != (Position{0, 1}) {
		t.Errorf("Position inside emoji = %v", got)
	}
}

func TestMapperOffsets(t *testing.T) {
	src := []byte("a😀b\r\n漢字\tx\rlast\n")
	m := NewMapper(src)
	cases := []struct {
		pos  Position
		want int
	}{
		{Position{0, 0}, 0},
		{Position{0, 1}, 1},
		{Position{0, 2}, 1}, // inside the surrogate pair: start of the character
		{Position{0, 3}, 5},
		{Position{0, 99}, 6}, // past the line end: the line end
		{Position{1, 1}, 11},
		{Position{1, 3}, 15},
		{Position{2, 4}, 21},
		{Position{9, 0}, len(src)}, // past the last line
		{Position{-1, 0}, 0},
	}
	for _, c := range cases {
		if got := m.Offset(c.pos); got != c.want {
			t.Errorf("Offset(%v) = %d, want %d", c.pos, got, c.want)
		}
	}
}

// Every character boundary round-trips.
func TestMapperRoundTrip(t *testing.T) {
	src := []byte("# Launch 🚀 now\r\n\n—– 漢字\t𝄞 end\n\xffbad\r")
	m := NewMapper(src)
	for i := 0; i <= len(src); {
		if got := m.Offset(m.Position(i)); got != i && !(i < len(src) && (src[i] == '\n' || src[i] == '\r')) {
			t.Errorf("offset %d → %v → %d", i, m.Position(i), got)
		}
		if i == len(src) {
			break
		}
		_, size := utf8.DecodeRune(src[i:])
		i += size
	}
}

func FuzzMapper(f *testing.F) {
	f.Add([]byte("a😀b\r\n漢字\tx\rlast\n"), 3, 2)
	f.Add([]byte("\xff\xfe\r\r\n"), 1, 0)
	f.Add([]byte("plain ASCII\nline two\r\nthree"), 1, 40)
	f.Fuzz(func(t *testing.T, src []byte, line, char int) {
		m := NewMapper(src)
		off := m.Offset(Position{line, char})
		if off < 0 || off > len(src) {
			t.Fatalf("Offset out of range: %d", off)
		}
		p := m.Position(off)
		if m.Offset(p) != off {
			t.Fatalf("round trip %d → %v → %d", off, p, m.Offset(p))
		}
		// The fast paths (ASCII lines, no carriage returns) agree with
		// decoding every line.
		slow := newSlowMapper(src)
		if got, want := m.Offset(Position{line, char}), slow.Offset(Position{line, char}); got != want {
			t.Fatalf("Offset(%d:%d) = %d, decoding gives %d", line, char, got, want)
		}
		for o := 0; o <= len(src); o++ {
			if got, want := m.Position(o), slow.Position(o); got != want {
				t.Fatalf("Position(%d) = %v, decoding gives %v", o, got, want)
			}
			// a range is its two positions, however its ends lie (the same
			// line, later lines, before its start, past the end)
			for _, end := range []int{o, o + 1 + char&7, off, len(src) + 3, -1} {
				for _, enc := range []Encoding{UTF8, UTF16, UTF32} {
					if got, want := m.RangeIn(enc, o, end), (Range{m.PositionIn(enc, o), m.PositionIn(enc, end)}); got != want {
						t.Fatalf("RangeIn(%v, %d, %d) = %v, positions %v", enc, o, end, got, want)
					}
				}
			}
		}
	})
}

// slowMapper decodes every line byte by byte: no ASCII fast path, line
// starts found one byte at a time.
type slowMapper struct {
	src    []byte
	starts []int
}

func newSlowMapper(src []byte) slowMapper {
	starts := []int{0}
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
	return slowMapper{src, starts}
}

// lineEnd is where line's text ends, before its terminator.
func (m slowMapper) lineEnd(line int) int {
	end := len(m.src)
	if line+1 < len(m.starts) {
		end = m.starts[line+1]
	}
	for end > m.starts[line] && (m.src[end-1] == '\n' || m.src[end-1] == '\r') {
		end--
	}
	return end
}

func (m slowMapper) Offset(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(m.starts) {
		return len(m.src)
	}
	i, end := m.starts[p.Line], m.lineEnd(p.Line)
	for col := 0; i < end; {
		r, size := utf8.DecodeRune(m.src[i:])
		w := 1
		if r >= 0x10000 && size == 4 {
			w = 2
		}
		if col+w > p.Character {
			break
		}
		col += w
		i += size
	}
	return i
}

func (m slowMapper) Position(offset int) Position {
	offset = max(0, min(offset, len(m.src)))
	line := 0
	for line+1 < len(m.starts) && m.starts[line+1] <= offset {
		line++
	}
	offset = min(offset, m.lineEnd(line))
	col := 0
	for i := m.starts[line]; i < offset; {
		r, size := utf8.DecodeRune(m.src[i:])
		if i+size > offset {
			break
		}
		if r >= 0x10000 && size == 4 {
			col += 2
		} else {
			col++
		}
		i += size
	}
	return Position{Line: line, Character: col}
}

// FuzzPositionEncodings holds the three encodings against each other and
// against columns counted independently (bytes, UTF-16 units of
// utf16.Encode, runes): any position in any encoding names a byte offset
// that every encoding maps back to itself, on the same line.
func FuzzPositionEncodings(f *testing.F) {
	f.Add([]byte("a😀b\r\n漢字\tx\rlast\n"), uint8(0), 0, 3)
	f.Add([]byte("# Acme — budgets 🚀\n\nTODO é\u0301\n"), uint8(1), 0, 21)
	f.Add([]byte("\xff\xfe😀\xf0\x9f\n\r\n"), uint8(2), 0, 2)
	f.Add([]byte("plain ASCII\nline two\r\nthree"), uint8(1), 1, 40)
	f.Fuzz(func(t *testing.T, src []byte, e uint8, line, char int) {
		m := NewMapper(src)
		encs := []Encoding{UTF16, UTF8, UTF32}
		from := encs[int(e)%3]
		off := m.OffsetIn(from, Position{line, char})
		if off < 0 || off > len(src) {
			t.Fatalf("OffsetIn(%v, %d:%d) = %d, out of range", from, line, char, off)
		}
		for _, enc := range encs {
			p := m.PositionIn(enc, off)
			if back := m.OffsetIn(enc, p); back != off {
				t.Fatalf("%v: %d → %v → %d", enc, off, p, back)
			}
			if p.Line != m.Line(off) {
				t.Fatalf("%v: offset %d on line %d, position says %d", enc, off, m.Line(off), p.Line)
			}
			if want := independentColumn(src[m.LineStart(p.Line):off], enc); p.Character != want {
				t.Fatalf("%v: column of offset %d is %d, counting gives %d", enc, off, p.Character, want)
			}
		}
	})
}

// independentColumn counts prefix's columns in enc without the Mapper.
func independentColumn(prefix []byte, enc Encoding) int {
	switch enc {
	case UTF8:
		return len(prefix)
	case UTF32:
		return utf8.RuneCount(prefix)
	}
	return len(utf16.Encode([]rune(string(prefix))))
}

// TestMapperConcurrent: handlers convert positions of one Mapper at once,
// and the first conversion of a line records whether it is ASCII (run
// with -race).
func TestMapperConcurrent(t *testing.T) {
	src := []byte(strings.Repeat("plain line\n漢字 and 😀 here\n", 40))
	want := make([]Position, len(src)+1)
	for o := range want {
		want[o] = NewMapper(src).Position(o)
	}
	m := NewMapper(src)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for o := range want {
				if got := m.Position(o); got != want[o] {
					t.Errorf("Position(%d) = %v, want %v", o, got, want[o])
					return
				}
				if back := m.Offset(want[o]); back > o {
					t.Errorf("Offset(%v) = %d, past %d", want[o], back, o)
					return
				}
			}
		}()
	}
	wg.Wait()
}
