package runtime

import "strings"

// CleanTraceback drops the frames of Pyodide's own runner from a Python
// traceback, so the first frame a user reads is their code. The exception
// line and every user frame are kept as they are.
func CleanTraceback(tb string) string {
	lines := strings.Split(tb, "\n")
	out := lines[:0:0]
	skipping := false
	for _, line := range lines {
		if strings.HasPrefix(line, "  File ") {
			skipping = strings.Contains(line, "/_pyodide/")
		} else if !strings.HasPrefix(line, "    ") {
			skipping = false
		}
		if !skipping {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}
