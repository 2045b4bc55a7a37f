package server

import (
	"testing"
)

// A client that never answers the server's own requests (Vim ALE never
// answers workspace/configuration) cannot make the server remember them
// without bound: a storm of settings-less configuration pushes, each of
// which asks for the settings, leaves at most maxPending waiting.
func TestUnansweredServerRequestsBounded(t *testing.T) {
	c := newClient(t) // answers no workspace/configuration
	c.initialize(nil)
	for i := 0; i < 2000; i++ {
		c.notify("workspace/didChangeConfiguration", map[string]any{"settings": nil})
	}
	c.sync()
	c.srv.pmu.Lock()
	pending, order := len(c.srv.pending), len(c.srv.pendingOrder)
	c.srv.pmu.Unlock()
	c.mu.Lock()
	asked := 0
	for _, m := range c.requests {
		if m == "workspace/configuration" {
			asked++
		}
	}
	c.mu.Unlock()
	if asked <= maxPending {
		t.Fatalf("the server asked only %d times for 2,000 pushes", asked)
	}
	if pending > maxPending || order > maxPending+1 {
		t.Errorf("%d requests remembered (%d in order) after %d unanswered, want at most %d", pending, order, asked, maxPending)
	}
}
