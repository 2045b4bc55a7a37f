package diagnostics

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Editing .prfaq.yaml for "allow this word" and "turn this rule off", from
// the editor and from the command line alike. The file is read into a
// yaml.Node tree, which says where each key and value is; the change is
// made there and only the new or changed node is encoded and written in
// place. Re-encoding the whole tree would drop blank lines and reflow the
// file's spacing; writing only what changed keeps comments, key order and
// layout byte for byte. Every result is parsed again and compared with the
// intended change: an edit that would mean anything else is refused, so a
// file the code does not understand gets a clear error, never a wrong edit.
//
// These functions take and return text; they do no file I/O.

// ErrNotEditable wraps the reasons a configuration cannot be edited.
var ErrNotEditable = errors.New("cannot edit the configuration")

// AllowWord returns src with word added to its allow: list (created when
// missing). changed is false when the word is already allowed (compared
// as the rules compare it, ignoring case); src is then returned as is.
func AllowWord(src []byte, word string) (out []byte, changed bool, err error) {
	word = strings.TrimSpace(word)
	if err := checkWord(word); err != nil {
		return nil, false, err
	}
	t, doc, err := parseForEdit(src)
	if err != nil {
		return nil, false, err
	}
	k, v := t.topKey(doc, "allow", "allowedwords")
	var edit textEdit
	switch {
	case k == nil:
		edit = t.appendTopLevel(doc, "allow:"+t.nl+t.pad(t.step)+"- "+encodeScalar(word))
	case v.Kind == yaml.SequenceNode:
		for _, item := range v.Content {
			if item.Kind == yaml.ScalarNode && strings.EqualFold(item.Value, word) {
				return src, false, nil
			}
		}
		if edit, err = t.appendItem(v, encodeScalar(word)); err != nil {
			return nil, false, err
		}
	case isNull(v):
		edit, err = t.fillNull(k, v, "- "+encodeScalar(word), "["+encodeScalar(word)+"]")
		if err != nil {
			return nil, false, err
		}
	case v.Kind == yaml.ScalarNode:
		if strings.EqualFold(v.Value, word) {
			return src, false, nil
		}
		start, end, err := t.scalarSpan(v)
		if err != nil {
			return nil, false, err
		}
		edit = textEdit{start, end, "[" + encodeScalar(v.Value) + ", " + encodeScalar(word) + "]"}
	default:
		return nil, false, t.refuse(v.Line, "allow: is not a list of words")
	}
	out = edit.apply(src)
	err = verifyEdit(src, out, k, func(old map[string]any) (string, any) {
		key := "allow"
		var list []string
		if k != nil {
			key = k.Value
			list, _ = stringList(old[key])
		}
		items := make([]any, 0, len(list)+1)
		for _, s := range list {
			items = append(items, s)
		}
		return key, append(items, word)
	})
	if err != nil {
		return nil, false, err
	}
	return out, true, nil
}

// TurnOffRule returns src with rules: RULE: off. A rule configured with
// options gets severity: off among them, so its options are kept. changed
// is false when the rule is off already.
func TurnOffRule(src []byte, rule string) (out []byte, changed bool, err error) {
	if Lookup(rule) == nil {
		return nil, false, fmt.Errorf("%w: unknown rule %q (see `prfaq rules`)", ErrNotEditable, rule)
	}
	t, doc, err := parseForEdit(src)
	if err != nil {
		return nil, false, err
	}
	entry := encodeScalar(rule) + ": off"
	k, v := t.topKey(doc, "rules")
	var edit textEdit
	switch {
	case k == nil:
		edit = t.appendTopLevel(doc, "rules:"+t.nl+t.pad(t.step)+entry)
	case isNull(v):
		edit, err = t.fillNull(k, v, entry, "{"+entry+"}")
	case v.Kind == yaml.MappingNode:
		edit, changed, err = t.ruleOff(v, rule, entry)
		if err == nil && !changed {
			return src, false, nil
		}
	default:
		return nil, false, t.refuse(v.Line, "rules: is not a mapping of rule ids")
	}
	if err != nil {
		return nil, false, err
	}
	out = edit.apply(src)
	err = verifyEdit(src, out, k, func(old map[string]any) (string, any) {
		rules := map[string]any{}
		if m, ok := old["rules"].(map[string]any); ok {
			for id, s := range m {
				rules[id] = s
			}
		}
		if opts, ok := rules[rule].(map[string]any); ok {
			withOff := map[string]any{}
			for name, o := range opts {
				if normKey(name) != "severity" {
					withOff[name] = o
				}
			}
			withOff[severityKeyIn(opts)] = "off"
			rules[rule] = withOff
		} else {
			rules[rule] = "off"
		}
		return "rules", rules
	})
	if err != nil {
		return nil, false, err
	}
	return out, true, nil
}

// MinimalEdit returns the one edit that turns old into new: the bytes
// between their common prefix and common suffix, cut at character
// boundaries (and never between CR and LF), so that an editor applying it
// moves nothing else.
func MinimalEdit(old, new []byte) Edit {
	p := 0
	for p < len(old) && p < len(new) && old[p] == new[p] {
		p++
	}
	for p > 0 && !editBoundary(old, p) {
		p--
	}
	s := 0
	for s < len(old)-p && s < len(new)-p && old[len(old)-1-s] == new[len(new)-1-s] {
		s++
	}
	for s > 0 && !editBoundary(old, len(old)-s) {
		s--
	}
	return Edit{Span: spanOf(p, len(old)-s), NewText: string(new[p : len(new)-s])}
}

// editBoundary reports whether an edit may start or end at offset i of b:
// not inside a character, not between CR and LF. The bytes on either side
// of a common prefix or suffix are the same in both texts, so b's say.
func editBoundary(b []byte, i int) bool {
	if i <= 0 || i >= len(b) {
		return true
	}
	return utf8.RuneStart(b[i]) && !(b[i-1] == '\r' && b[i] == '\n')
}

func checkWord(word string) error {
	if word == "" {
		return fmt.Errorf("%w: the word to allow is empty", ErrNotEditable)
	}
	for _, r := range word {
		if r == '\n' || r == '\r' || unicode.IsControl(r) {
			return fmt.Errorf("%w: %q is not one line of text", ErrNotEditable, word)
		}
	}
	if !utf8.ValidString(word) {
		return fmt.Errorf("%w: %q is not valid UTF-8", ErrNotEditable, word)
	}
	return nil
}

// yamlText is a configuration's text with what edits need to fit in: its
// line starts, its newline, its indentation step.
type yamlText struct {
	src        []byte
	lineStarts []int
	nl         string
	step       int
}

// textEdit replaces src[start:end] with text.
type textEdit struct {
	start, end int
	text       string
}

func (e textEdit) apply(src []byte) []byte {
	out := make([]byte, 0, len(src)+len(e.text))
	out = append(out, src[:e.start]...)
	out = append(out, e.text...)
	return append(out, src[e.end:]...)
}

func parseForEdit(src []byte) (*yamlText, *yaml.Node, error) {
	if len(src) > maxConfigSize {
		return nil, nil, fmt.Errorf("%w: the file is larger than %d bytes", ErrNotEditable, maxConfigSize)
	}
	if !utf8.Valid(src) {
		return nil, nil, fmt.Errorf("%w: the file is not valid UTF-8", ErrNotEditable)
	}
	t := &yamlText{src: src, lineStarts: []int{0}, nl: "\n", step: 2}
	for i, c := range src {
		if c == '\n' {
			t.lineStarts = append(t.lineStarts, i+1)
		}
	}
	if bytes.Contains(src, []byte("\r\n")) {
		t.nl = "\r\n"
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, nil, fmt.Errorf("%w: invalid YAML (line %d): %v; fix it first", ErrNotEditable, yamlErrorLine(err), err)
	}
	if hasSecondDocument(src) {
		return nil, nil, fmt.Errorf("%w: the file holds more than one YAML document", ErrNotEditable)
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return t, nil, nil // empty or comments only
	}
	doc := root.Content[0]
	switch {
	case isNull(doc):
		return t, nil, nil
	case doc.Kind != yaml.MappingNode:
		return nil, nil, t.refuse(doc.Line, "the file is not a mapping of keys")
	case doc.Style&yaml.FlowStyle != 0:
		return nil, nil, t.refuse(doc.Line, "the file is one flow mapping ({…}); add the key by hand")
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0 && v.Line > k.Line && v.Column > k.Column {
			t.step = v.Column - k.Column
			break
		}
	}
	return t, doc, nil
}

// hasSecondDocument reports a "---" line after content: the edit would
// land in the last document while the configuration is the first.
func hasSecondDocument(src []byte) bool {
	seenContent := false
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimRight(line, "\r")
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(line, "---") && (len(line) == 3 || line[3] == ' ' || line[3] == '\t') {
			if seenContent {
				return true
			}
			continue
		}
		if trimmed != "" && !strings.HasPrefix(trimmed, "#") {
			seenContent = true
		}
	}
	return false
}

func (t *yamlText) refuse(line int, msg string) error {
	if line > 0 {
		return fmt.Errorf("%w: line %d: %s", ErrNotEditable, line, msg)
	}
	return fmt.Errorf("%w: %s", ErrNotEditable, msg)
}

func (t *yamlText) pad(n int) string { return strings.Repeat(" ", n) }

// offset converts yaml's 1-based line and column (in characters) to a
// byte offset.
func (t *yamlText) offset(line, col int) int {
	if line < 1 || line > len(t.lineStarts) {
		return len(t.src)
	}
	i := t.lineStarts[line-1]
	for c := 1; c < col && i < len(t.src) && t.src[i] != '\n'; c++ {
		_, size := utf8.DecodeRune(t.src[i:])
		i += size
	}
	return i
}

// lineEnd is the offset of the end of a 1-based line, before its newline.
func (t *yamlText) lineEnd(line int) int {
	end := len(t.src)
	if line < len(t.lineStarts) {
		end = t.lineStarts[line] - 1
	}
	if end > 0 && end <= len(t.src) && t.src[end-1] == '\r' && end-1 >= t.lineStarts[line-1] {
		end--
	}
	return end
}

// topKey finds a top-level key by its normalised names.
func (t *yamlText) topKey(doc *yaml.Node, names ...string) (k, v *yaml.Node) {
	if doc == nil {
		return nil, nil
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		for _, n := range names {
			if normKey(doc.Content[i].Value) == n {
				return doc.Content[i], doc.Content[i+1]
			}
		}
	}
	return nil, nil
}

// appendTopLevel adds a new top-level key (its text given whole) at the
// end of the file, after everything else: the existing keys keep their
// order.
func (t *yamlText) appendTopLevel(doc *yaml.Node, text string) textEdit {
	indent := ""
	if doc != nil && doc.Column > 1 {
		indent = t.pad(doc.Column - 1)
		text = strings.ReplaceAll(text, t.nl, t.nl+indent)
	}
	at := len(t.src)
	prefix := ""
	if at > 0 && t.src[at-1] != '\n' {
		prefix = t.nl
	}
	return textEdit{at, at, prefix + indent + text + t.nl}
}

// appendItem adds an item after the last one of a sequence: a new line
// for a block sequence, ", item" before the bracket of a flow one.
func (t *yamlText) appendItem(seq *yaml.Node, item string) (textEdit, error) {
	if seq.Style&yaml.FlowStyle != 0 {
		return t.insertInFlow(seq, item)
	}
	last := seq.Content[len(seq.Content)-1]
	if last.Kind != yaml.ScalarNode || last.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return textEdit{}, t.refuse(last.Line, "the list's last item is not one line; add the word by hand")
	}
	lineStart := t.lineStarts[last.Line-1]
	line := t.src[lineStart:t.lineEnd(last.Line)]
	indent := len(line) - len(bytes.TrimLeft(line, " "))
	if indent >= len(line) || line[indent] != '-' {
		return textEdit{}, t.refuse(last.Line, "the list's items are not one per line; add the word by hand")
	}
	at := t.lineEnd(last.Line)
	return textEdit{at, at, t.nl + string(line[:indent]) + "- " + item}, nil
}

// insertInFlow adds an item before the closing bracket of a flow
// collection, after its last character that is not a space.
func (t *yamlText) insertInFlow(n *yaml.Node, item string) (textEdit, error) {
	open := t.offset(n.Line, n.Column)
	closing := matchBracket(t.src, open)
	if closing < 0 {
		return textEdit{}, t.refuse(n.Line, "cannot find the end of the flow collection")
	}
	at := closing
	for at > open+1 && (t.src[at-1] == ' ' || t.src[at-1] == '\t') {
		at--
	}
	if len(n.Content) == 0 {
		return textEdit{at, at, item}, nil
	}
	return textEdit{at, at, ", " + item}, nil
}

// matchBracket returns the offset of the bracket that closes the one at
// open, skipping quoted text and comments; -1 when there is none.
func matchBracket(src []byte, open int) int {
	if open >= len(src) || (src[open] != '[' && src[open] != '{') {
		return -1
	}
	depth := 0
	for i := open; i < len(src); i++ {
		switch c := src[i]; c {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				return i
			}
		case '"':
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '\'':
			for i++; i < len(src); i++ {
				if src[i] == '\'' {
					if i+1 < len(src) && src[i+1] == '\'' {
						i++
						continue
					}
					break
				}
			}
		case '#':
			if i > 0 && (src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n') {
				for i < len(src) && src[i] != '\n' {
					i++
				}
			}
		}
	}
	return -1
}

// scalarSpan is the source span of a scalar that is written on one line.
func (t *yamlText) scalarSpan(n *yaml.Node) (int, int, error) {
	start := t.offset(n.Line, n.Column)
	lineEnd := t.lineEnd(n.Line)
	bad := t.refuse(n.Line, "the value is not written on one line; change it by hand")
	switch {
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return 0, 0, bad
	case n.Style&yaml.DoubleQuotedStyle != 0:
		for i := start + 1; i < lineEnd; i++ {
			switch t.src[i] {
			case '\\':
				i++
			case '"':
				return start, i + 1, nil
			}
		}
		return 0, 0, bad
	case n.Style&yaml.SingleQuotedStyle != 0:
		for i := start + 1; i < lineEnd; i++ {
			if t.src[i] == '\'' {
				if i+1 < lineEnd && t.src[i+1] == '\'' {
					i++
					continue
				}
				return start, i + 1, nil
			}
		}
		return 0, 0, bad
	}
	end := start + len(n.Value)
	if end > lineEnd || string(t.src[start:end]) != n.Value {
		return 0, 0, bad
	}
	return start, end, nil
}

// fillNull gives an empty key a value: block lines under it when nothing
// follows the colon, else the flow form in place of "~" or "null".
func (t *yamlText) fillNull(k, v *yaml.Node, blockLine, flow string) (textEdit, error) {
	if v.Value == "" {
		at := t.lineEnd(k.Line)
		return textEdit{at, at, t.nl + t.pad(k.Column-1+t.step) + blockLine}, nil
	}
	start, end, err := t.scalarSpan(v)
	if err != nil {
		return textEdit{}, err
	}
	return textEdit{start, end, flow}, nil
}

// ruleOff turns a rule off inside the rules: mapping.
func (t *yamlText) ruleOff(rules *yaml.Node, rule, entry string) (textEdit, bool, error) {
	var val *yaml.Node
	for i := 0; i+1 < len(rules.Content); i += 2 {
		if rules.Content[i].Value == rule {
			val = rules.Content[i+1]
		}
	}
	switch {
	case val == nil && rules.Style&yaml.FlowStyle != 0:
		e, err := t.insertInFlow(rules, entry)
		return e, true, err
	case val == nil:
		last := lastLine(rules)
		at := t.lineEnd(last)
		return textEdit{at, at, t.nl + t.pad(rules.Column-1) + entry}, true, nil
	case val.Kind == yaml.ScalarNode:
		if isOff(val) {
			return textEdit{}, false, nil
		}
		start, end, err := t.scalarSpan(val)
		return textEdit{start, end, "off"}, true, err
	case val.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(val.Content); i += 2 {
			if normKey(val.Content[i].Value) == "severity" {
				sev := val.Content[i+1]
				if isOff(sev) {
					return textEdit{}, false, nil
				}
				if sev.Kind != yaml.ScalarNode {
					return textEdit{}, false, t.refuse(sev.Line, "severity is not a single value")
				}
				start, end, err := t.scalarSpan(sev)
				return textEdit{start, end, "off"}, true, err
			}
		}
		if val.Style&yaml.FlowStyle != 0 {
			open := t.offset(val.Line, val.Column)
			if len(val.Content) == 0 {
				e, err := t.insertInFlow(val, "severity: off")
				return e, true, err
			}
			return textEdit{open + 1, open + 1, "severity: off, "}, true, nil
		}
		first := val.Content[0]
		at := t.lineStarts[first.Line-1]
		return textEdit{at, at, t.pad(first.Column-1) + "severity: off" + t.nl}, true, nil
	}
	return textEdit{}, false, t.refuse(val.Line, "the rule's setting is neither a severity nor a mapping of options")
}

func lastLine(n *yaml.Node) int {
	line := n.Line
	for _, c := range n.Content {
		if l := lastLine(c); l > line {
			line = l
		}
	}
	return line
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func isOff(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode {
		return false
	}
	if n.Tag == "!!bool" {
		var b bool
		return n.Decode(&b) == nil && !b
	}
	s, err := ParseSeverity(n.Value)
	return err == nil && s == Off
}

func severityKeyIn(opts map[string]any) string {
	for name := range opts {
		if normKey(name) == "severity" {
			return name
		}
	}
	return "severity"
}

// encodeScalar writes a string as YAML would: plain where that reads back
// as the same string, quoted where it would not ("yes", "1.0", "a: b").
func encodeScalar(s string) string {
	out, err := yaml.Marshal(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s})
	if err != nil {
		return fmt.Sprintf("%q", s)
	}
	return strings.TrimSuffix(string(out), "\n")
}

// verifyEdit parses old and new and checks that new differs from old in
// exactly one top-level key, whose value want gives.
func verifyEdit(old, new []byte, k *yaml.Node, want func(old map[string]any) (string, any)) error {
	var before, after map[string]any
	if err := yaml.Unmarshal(old, &before); err != nil {
		return fmt.Errorf("%w: %v", ErrNotEditable, err)
	}
	if err := yaml.Unmarshal(new, &after); err != nil {
		return fmt.Errorf("%w: the edit would break the file (%v); change it by hand", ErrNotEditable, err)
	}
	if before == nil {
		before = map[string]any{}
	}
	key, value := want(before)
	expected := map[string]any{}
	for name, v := range before {
		expected[name] = v
	}
	expected[key] = value
	if !reflect.DeepEqual(normalise(expected), normalise(after)) {
		return fmt.Errorf("%w: the edit would change more than %s; change it by hand", ErrNotEditable, key)
	}
	return nil
}

// normalise makes decoded YAML comparable: []string and []any alike.
func normalise(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = normalise(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = normalise(e)
		}
		return out
	case []string:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = e
		}
		return out
	}
	return v
}
