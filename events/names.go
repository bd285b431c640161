// Package events names PyScript's DOM events and tracks when py:all-done is due.
package events

// Name builds a type-scoped event name such as "py:ready" or "mpy:done".
func Name(scriptType, what string) string { return scriptType + ":" + what }

const (
	Ready    = "ready"
	Done     = "done"
	Progress = "progress"
	// AllDone fires once on window, whatever the types on the page.
	AllDone = "py:all-done"
)
