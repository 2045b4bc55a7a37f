package diagnostics

// A rule may find far more than is shown: capFindings keeps the first
// MaxFindings of each rule in document order and says how many more there
// are. A rule that found 400,000 (a duplicate question repeated as often)
// kept every one until the cap, 250 MB of findings to drop. reportLimit
// drops them as they are reported instead, and only counts them, where that
// cannot change what capFindings keeps: once a rule has kept max findings,
// one that starts after all of them cannot be among the first max.
// Suppression comments could remove kept ones, so a document with any keeps
// every finding, as before.
type reportLimit struct {
	max      int
	kept     int
	keptEnd  int     // the greatest start among the kept
	dropped  int     // findings counted, not kept
	earliest Finding // the dropped one that comes first, for capFindings's mark
}

// drops reports whether a finding that starts at start is counted only.
func (l *reportLimit) drops(start int) bool {
	return l != nil && l.kept >= l.max && start > l.keptEnd
}

// keep records a kept finding.
func (l *reportLimit) keep(start int) {
	if l != nil {
		l.kept++
		l.keptEnd = max(l.keptEnd, start)
	}
}

// drop counts a finding drops accepted, and keeps it if it comes before
// the earliest dropped so far.
func (l *reportLimit) drop(f Finding) {
	if l.earliestAt(f.Span.Start) {
		l.earliest = f
	}
	l.dropped++
}

// earliestAt reports whether a dropped finding that starts at start would
// come before every one dropped so far.
func (l *reportLimit) earliestAt(start int) bool {
	return l.dropped == 0 || start < l.earliest.Span.Start
}
