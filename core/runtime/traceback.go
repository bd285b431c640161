package runtime

import "strings"

// CleanTraceback drops from a Python traceback the frames that only carry a
// call to the user's code: Pyodide's own runner, and the pyscript package's
// event dispatch when a frame of the handler follows. The first frame a
// user reads is then their code; the exception line and every other frame
// are kept as they are.
func CleanTraceback(tb string) string {
	lines := strings.Split(tb, "\n")
	out := lines[:0:0]
	skipping := false
	for i, line := range lines {
		if strings.HasPrefix(line, "  File ") {
			skipping = strings.Contains(line, "/_pyodide/") ||
				strings.Contains(line, `pyscript/events.py"`) && frameFollows(lines[i+1:])
		} else if !strings.HasPrefix(line, "    ") {
			skipping = false
		}
		if !skipping {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// frameFollows says whether another frame comes before the exception line.
func frameFollows(lines []string) bool {
	for _, line := range lines {
		if strings.HasPrefix(line, "  File ") {
			return true
		}
		if !strings.HasPrefix(line, "    ") {
			return false
		}
	}
	return false
}
