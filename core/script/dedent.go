// Package script holds the pure model of a PyScript script element: how its
// source is cleaned, how its attributes are read, and how ids are assigned.
package script

import "strings"

// Dedent removes the indentation of the first non-blank line from every line
// that starts with it, so code nested inside indented HTML runs as written,
// and drops the line break right after the opening tag, as PyScript does, so
// traceback line numbers match PyScript's.
func Dedent(code string) string {
	return dropLeadingNewline(dedent(code))
}

func dropLeadingNewline(code string) string {
	if rest, ok := strings.CutPrefix(code, "\r\n"); ok {
		return rest
	}
	return strings.TrimPrefix(code, "\n")
}

func dedent(code string) string {
	for _, line := range splitLines(code) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		if indent == "" {
			return code
		}
		lines := strings.SplitAfter(code, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimPrefix(l, indent)
		}
		return strings.Join(lines, "")
	}
	return code
}

func splitLines(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
}
