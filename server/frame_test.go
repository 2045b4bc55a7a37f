package server

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// After a frame whose length was wrong or unusable, the rest of it runs
// into the next header line; the reader picks the header up from there, so
// the next good frame is not lost. Invalid bytes before the header keep
// their width (the resync once used strings.ToLower's offsets).
func TestFrameReaderResynchronises(t *testing.T) {
	stream := "Content-Length: 3\r\n\r\n{\"a\":1}" + frame("one") +
		"Content-Type: x\r\n\r\n{\"no\":\"length\"}" + frame("two") +
		"Content-Length: -4\r\n\r\n{}" + frame("three") +
		"\x83\x83\x83\x83Content-Length: 4\r\n\r\nfour" +
		"content-length: 4\n\nfive" +
		"Content-Length: 1e3\r\n\r\n" + frame("six")
	fr := newFrameReader(strings.NewReader(stream))
	var got []string
	bad := 0
	for {
		body, err := fr.read()
		if errors.Is(err, errBadHeader) {
			bad++
			continue
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("read: %v (after %q)", err, got)
		}
		got = append(got, string(body))
	}
	want := []string{`{"a`, "one", "two", "three", "four", "five", "six"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("bodies %q, want %q", got, want)
	}
	if bad != 3 {
		t.Errorf("%d bad headers, want 3 (no length, negative, not a number)", bad)
	}
}
