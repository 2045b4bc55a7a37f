package diagnostics

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/prfaq-lsp/prfaq-lsp/document"
)

// ConfigFileName is the per-project configuration file, found by walking up
// from the document.
const ConfigFileName = ".prfaq.yaml"

// Config is the user's configuration: which files are PR/FAQs, which
// sections are required, and per-rule severities and options. The same keys
// come from .prfaq.yaml and from an editor's "prfaq" settings section.
type Config struct {
	// Files are extra globs of PR/FAQ files ("docs/**/*.md").
	Files []string
	// Sections are the required parts; missing-section checks only these.
	Sections []document.PartKind
	// WordsPerPage converts word counts to pages.
	WordsPerPage int
	// Allow lists words no rule flags (case-insensitive).
	Allow []string
	// Jargon adds buzzwords with their plain alternatives.
	Jargon map[string]string
	// Rules holds per-rule settings by id.
	Rules map[string]RuleSetting
	// Stage is the documents' stage ("" for the default, review); a
	// document's front matter "stage:" wins over it.
	Stage Stage
	// RulesURL is where the rule reference is published (docs/rules.md);
	// a finding links to its rule's section there (see RuleHref).
	RulesURL string
	// MaxFindings caps the findings of one rule in one document (0: no
	// cap); past it, one finding says how many more there are.
	MaxFindings int
}

// DefaultMaxFindings is the cap on one rule's findings in one document: a
// generated or pasted document can have hundreds of thousands, which no one
// reads and which cost time and memory to send.
const DefaultMaxFindings = 1000

// DefaultRulesURL is the published rule reference of this repository.
const DefaultRulesURL = "https://github.com/prfaq-lsp/prfaq-lsp/blob/main/docs/rules.md"

// RuleHref is the address of a rule's explanation: RulesURL with "{rule}"
// replaced by the id, or else with "#id" added (the anchors of
// docs/rules.md). It is "" for a rule the reference does not describe.
func (c *Config) RuleHref(rule string) string {
	if Lookup(rule) == nil {
		return ""
	}
	base := DefaultRulesURL
	if c != nil && c.RulesURL != "" {
		base = c.RulesURL
	}
	if strings.Contains(base, "{rule}") {
		return strings.ReplaceAll(base, "{rule}", rule)
	}
	return base + "#" + rule
}

// RuleSetting is one rule's configured severity (nil: the default) and options.
type RuleSetting struct {
	Severity *Severity
	Options  map[string]any
}

// Default returns the built-in configuration.
func Default() *Config {
	return &Config{
		Sections:     append([]document.PartKind(nil), document.AllParts...),
		WordsPerPage: 500,
		Jargon:       map[string]string{},
		Rules:        map[string]RuleSetting{},
		RulesURL:     DefaultRulesURL,
		MaxFindings:  DefaultMaxFindings,
	}
}

// Clone returns a deep-enough copy to apply further layers to.
func (c *Config) Clone() *Config {
	n := *c
	n.Files = append([]string(nil), c.Files...)
	n.Sections = append([]document.PartKind(nil), c.Sections...)
	n.Allow = append([]string(nil), c.Allow...)
	n.Jargon = map[string]string{}
	for k, v := range c.Jargon {
		n.Jargon[k] = v
	}
	n.Rules = map[string]RuleSetting{}
	for k, v := range c.Rules {
		opts := map[string]any{}
		for ok, ov := range v.Options {
			opts[ok] = ov
		}
		n.Rules[k] = RuleSetting{Severity: v.Severity, Options: opts}
	}
	return &n
}

// ConfigError is a problem in one key of a configuration.
type ConfigError struct {
	File string // empty for editor settings
	Line int    // 0 when unknown
	Key  string
	Msg  string
}

func (e *ConfigError) Error() string {
	where := e.File
	if where == "" {
		where = "settings"
	}
	if e.Line > 0 {
		where += ":" + strconv.Itoa(e.Line)
	}
	return fmt.Sprintf("%s: %s: %s", where, e.Key, e.Msg)
}

// maxConfigSize bounds a configuration file; a larger one is refused.
const maxConfigSize = 1 << 20

// LoadFile applies a YAML configuration file on top of c. Bad keys are
// reported (file, line, key) and keep their previous values; the rest apply.
func (c *Config) LoadFile(file string) error {
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	defer f.Close()
	// Read one byte more than the limit, never the whole of a huge file
	// (or one that is a link to one): ApplyYAML refuses it by its size.
	data, err := io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return c.ApplyYAML(data, file)
}

// ApplyYAML applies YAML configuration text; file names it in errors.
func (c *Config) ApplyYAML(data []byte, file string) error {
	if len(data) > maxConfigSize {
		return &ConfigError{File: file, Key: "(file)", Msg: fmt.Sprintf("larger than %d bytes; ignored", maxConfigSize)}
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return &ConfigError{File: file, Line: yamlErrorLine(err), Key: "(file)", Msg: "invalid YAML: " + err.Error()}
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil // empty file
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return &ConfigError{File: file, Line: doc.Line, Key: "(file)", Msg: "want a mapping of keys"}
	}
	var errs []error
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		var value any
		if err := v.Decode(&value); err != nil {
			errs = append(errs, &ConfigError{File: file, Line: v.Line, Key: k.Value, Msg: err.Error()})
			continue
		}
		if err := c.apply(k.Value, value, v); err != nil {
			errs = append(errs, withPlace(err, file, v.Line))
		}
	}
	return errors.Join(errs...)
}

// ApplyMap applies settings from an editor (JSON decoded into maps).
func (c *Config) ApplyMap(m map[string]any) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var errs []error
	for _, k := range keys {
		if err := c.apply(k, m[k], nil); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// withPlace adds the file (and a line, where the error has none) to every
// ConfigError in err, joined ones included.
func withPlace(err error, file string, line int) error {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		var errs []error
		for _, e := range joined.Unwrap() {
			errs = append(errs, withPlace(e, file, line))
		}
		return errors.Join(errs...)
	}
	var ce *ConfigError
	if errors.As(err, &ce) {
		ce.File = file
		if ce.Line == 0 {
			ce.Line = line
		}
		return ce
	}
	return &ConfigError{File: file, Line: line, Msg: err.Error()}
}

var lineInYAMLError = regexp.MustCompile(`line (\d+)`)

func yamlErrorLine(err error) int {
	if m := lineInYAMLError.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n
	}
	return 0
}

// normKey folds "max-words", "max_words" and "maxWords" together.
func normKey(k string) string {
	k = strings.ToLower(k)
	k = strings.ReplaceAll(k, "-", "")
	return strings.ReplaceAll(k, "_", "")
}

// apply sets one top-level key. node, when not nil, gives line numbers for
// nested keys.
func (c *Config) apply(key string, value any, node *yaml.Node) error {
	bad := func(msg string) error { return &ConfigError{Key: key, Msg: msg} }
	switch normKey(key) {
	case "files", "filepatterns", "globs":
		list, ok := stringList(value)
		if !ok {
			return bad("want a list of globs")
		}
		for _, g := range list {
			if _, err := path.Match(strings.ReplaceAll(g, "**", "*"), ""); err != nil {
				return bad(fmt.Sprintf("bad glob %q", g))
			}
		}
		c.Files = list
	case "sections", "required", "requiredsections":
		list, ok := stringList(value)
		if !ok {
			return bad("want a list of section names")
		}
		var parts []document.PartKind
		for _, s := range list {
			if !validPart(s) {
				return bad(fmt.Sprintf("unknown section %q (want one of %s)", s, partNames()))
			}
			parts = append(parts, document.PartKind(s))
		}
		c.Sections = parts
	case "wordsperpage":
		n, ok := toInt(value)
		if !ok || n < 50 || n > 10000 {
			return bad("want a number of words between 50 and 10000")
		}
		c.WordsPerPage = n
	case "allow", "allowedwords":
		list, ok := stringList(value)
		if !ok {
			return bad("want a list of words")
		}
		c.Allow = list
	case "jargon":
		m, ok := value.(map[string]any)
		if !ok {
			return bad("want a mapping of buzzword: plain alternative")
		}
		for k, v := range m {
			s, ok := v.(string)
			if !ok {
				return bad(fmt.Sprintf("the alternative to %q must be text", k))
			}
			c.Jargon[strings.ToLower(k)] = s
		}
	case "stage":
		s, ok := value.(string)
		if !ok {
			return bad("want draft, review or final")
		}
		st, err := ParseStage(s)
		if err != nil {
			return bad(err.Error())
		}
		c.Stage = st
	case "rules":
		m, ok := value.(map[string]any)
		if !ok {
			return bad("want a mapping of rule id: severity or options")
		}
		return c.applyRules(m, node)
	case "rulesurl":
		s, ok := value.(string)
		if ok && s == "" { // an editor's empty setting: the default
			c.RulesURL = DefaultRulesURL
			return nil
		}
		u, err := url.Parse(s)
		if !ok || err != nil || (u.Scheme != "https" && u.Scheme != "http" && u.Scheme != "file") || (u.Host == "" && u.Scheme != "file") {
			return bad("want the address (http, https or file URL) of the rule reference, e.g. " + DefaultRulesURL)
		}
		c.RulesURL = s
	case "maxfindings":
		n, ok := toInt(value)
		if !ok || n < 0 {
			return bad("want a number of findings per rule and document (0: no limit)")
		}
		c.MaxFindings = n
	case "server", "trace", "enable", "path", "checkon":
		// editor-side settings that travel in the same section
	default:
		return bad("unknown key (want files, sections, words-per-page, allow, jargon, stage, rules, rules-url or max-findings)")
	}
	return nil
}

func (c *Config) applyRules(m map[string]any, node *yaml.Node) error {
	lines := map[string]int{}
	if node != nil && node.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(node.Content); i += 2 {
			lines[node.Content[i].Value] = node.Content[i].Line
		}
	}
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var errs []error
	for _, id := range ids {
		if err := c.applyRule(id, m[id]); err != nil {
			errs = append(errs, &ConfigError{Line: lines[id], Key: "rules." + id, Msg: err.Error()})
		}
	}
	return errors.Join(errs...)
}

func (c *Config) applyRule(id string, value any) error {
	r := Lookup(id)
	if r == nil {
		return fmt.Errorf("unknown rule (see `prfaq rules`)")
	}
	set := c.Rules[id]
	if set.Options == nil {
		set.Options = map[string]any{}
	}
	switch v := value.(type) {
	case string:
		s, err := ParseSeverity(v)
		if err != nil {
			return err
		}
		set.Severity = &s
	case bool:
		if v {
			set.Severity = nil
		} else {
			off := Off
			set.Severity = &off
		}
	case map[string]any:
		for k, ov := range v {
			if normKey(k) == "severity" {
				str, ok := ov.(string)
				if !ok {
					return fmt.Errorf("severity must be text")
				}
				s, err := ParseSeverity(str)
				if err != nil {
					return err
				}
				set.Severity = &s
				continue
			}
			if !r.hasOption(k) {
				return fmt.Errorf("unknown option %q (rule %s has: %s)", k, id, r.optionNames())
			}
			if r.validateOption != nil {
				if err := r.validateOption(k, ov); err != nil {
					return err
				}
			}
			set.Options[normKey(k)] = ov
		}
	default:
		return fmt.Errorf("want a severity (off, error, warning, information, hint) or a mapping of options")
	}
	c.Rules[id] = set
	return nil
}

func (r *Rule) hasOption(k string) bool {
	for name := range r.Options {
		if normKey(name) == normKey(k) {
			return true
		}
	}
	return false
}

func (r *Rule) optionNames() string {
	if len(r.Options) == 0 {
		return "no options"
	}
	names := make([]string, 0, len(r.Options))
	for n := range r.Options {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

func validPart(s string) bool {
	for _, k := range document.AllParts {
		if string(k) == s {
			return true
		}
	}
	return false
}

func partNames() string {
	var names []string
	for _, k := range document.AllParts {
		names = append(names, string(k))
	}
	return strings.Join(names, ", ")
}

func stringList(v any) ([]string, bool) {
	switch v := v.(type) {
	case string:
		return []string{v}, true
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	case nil:
		return nil, true
	}
	return nil, false
}

func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		if n == float64(int(n)) {
			return int(n), true
		}
	case uint64:
		return int(n), true
	}
	return 0, false
}

func (c *Config) severityOverride(id string) (Severity, bool) {
	if s := c.Rules[id].Severity; s != nil {
		return *s, true
	}
	return Off, false
}

func (c *Config) severity(r *Rule) Severity {
	if s, ok := c.severityOverride(r.ID); ok {
		return s
	}
	return r.Severity
}

func (c *Config) ruleInt(id, name string, def int) int {
	if v, ok := c.Rules[id].Options[normKey(name)]; ok {
		if n, ok := toInt(v); ok {
			return n
		}
	}
	return def
}

func (c *Config) ruleStrings(id, name string) []string {
	if v, ok := c.Rules[id].Options[normKey(name)]; ok {
		if l, ok := stringList(v); ok {
			return l
		}
	}
	return nil
}

func (c *Config) allowed(word string) bool {
	for _, a := range c.Allow {
		if strings.EqualFold(a, word) {
			return true
		}
	}
	return false
}

// Requires reports whether the part is required.
func (c *Config) Requires(k document.PartKind) bool {
	for _, s := range c.Sections {
		if s == k {
			return true
		}
	}
	return false
}

// FindConfigFile walks up from dir to the filesystem root looking for
// .prfaq.yaml; it returns "" when there is none.
func FindConfigFile(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, ConfigFileName)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// ForFile returns base with the .prfaq.yaml that governs file applied, and
// the configuration's problems (the defaults apply to bad keys).
func ForFile(base *Config, file string) (*Config, string, error) {
	if base == nil {
		base = Default()
	}
	cfgPath := FindConfigFile(filepath.Dir(file))
	if cfgPath == "" {
		return base, "", nil
	}
	c := base.Clone()
	return c, cfgPath, c.LoadFile(cfgPath)
}
