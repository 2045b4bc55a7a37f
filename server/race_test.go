//go:build race

package server

// raceEnabled: the race detector is on; heavy tests scale down.
const raceEnabled = true
