package events

import "sync"

// AllDoneTracker fires its callback once every element it was told about
// has reported done. Elements are compared by an opaque key.
type AllDoneTracker struct {
	mu      sync.Mutex
	pending map[any]bool
	fired   bool
	fire    func()
}

// NewAllDoneTracker waits for the given keys; with none it fires on Start.
func NewAllDoneTracker(keys []any, fire func()) *AllDoneTracker {
	t := &AllDoneTracker{pending: make(map[any]bool, len(keys)), fire: fire}
	for _, k := range keys {
		t.pending[k] = true
	}
	return t
}

// Start fires at once when nothing is pending; call it after setup so an
// empty page still gets py:all-done.
func (t *AllDoneTracker) Start() { t.check() }

// Done marks key finished; unknown keys (scripts added later) are ignored,
// as PyScript only waits for the scripts present when it started.
func (t *AllDoneTracker) Done(key any) {
	t.mu.Lock()
	delete(t.pending, key)
	t.mu.Unlock()
	t.check()
}

func (t *AllDoneTracker) check() {
	t.mu.Lock()
	due := !t.fired && len(t.pending) == 0
	if due {
		t.fired = true
	}
	t.mu.Unlock()
	if due {
		t.fire()
	}
}
