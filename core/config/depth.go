package config

import "strconv"

// MaxDepth bounds how deeply a config's objects, arrays and dotted keys may
// nest. Real configs nest a few levels. Deeper text is refused before it
// reaches a parser: BurntSushi's TOML decoder takes time and memory
// quadratic in the nesting (a 10,000-deep inline table took 17 s and 7 GB),
// and every parsed value is later walked recursively, in Go and in Python.
const MaxDepth = 100

// depthError returns the message for JSON or TOML text that nests deeper
// than MaxDepth, or "". It counts open brackets and braces outside strings
// and comments, plus in TOML the dots of the dotted key being written (and
// of a number: a value at exactly the limit may be refused). It never
// counts fewer levels than a parser of valid text would see; for invalid
// text the parser says what is wrong.
func depthError(text string, toml bool) string {
	depth, dots, line := 0, 0, 1
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '\n':
			line++
			dots = 0
		case '#':
			for i+1 < len(text) && text[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			var lines int
			i, lines = skipString(text, i)
			line += lines
		case '[', '{':
			depth++
			dots = 0
		case ']', '}':
			depth = max(depth-1, 0)
			dots = 0
		case '=', ',', ':':
			dots = 0
		case '.':
			if toml {
				dots++
			}
		}
		if depth+dots > MaxDepth {
			return "nested deeper than " + strconv.Itoa(MaxDepth) + " levels at line " + strconv.Itoa(line)
		}
	}
	return ""
}

// skipString skips the string starting with the quote at text[i] and
// returns the index of its last byte and the newlines it holds. A
// backslash escapes the next byte in "…" strings, not in TOML's '…'. A
// tripled quote opens a TOML multi-line string, whose closing quotes may be
// followed by up to two more quotes that belong to the string. A one-line
// string ends at a newline (where the parser fails), so the scan resumes
// there.
func skipString(text string, i int) (int, int) {
	q := text[i]
	multi := i+2 < len(text) && text[i+1] == q && text[i+2] == q
	if multi {
		i += 2
	}
	lines := 0
	for i++; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\\' && q == '"':
			if i+1 < len(text) && text[i+1] == '\n' {
				lines++
			}
			i++
		case c == '\n' && !multi:
			return i - 1, lines
		case c == '\n':
			lines++
		case c == q && !multi:
			return i, lines
		case c == q && i+2 < len(text) && text[i+1] == q && text[i+2] == q:
			i += 2
			for n := 0; n < 2 && i+1 < len(text) && text[i+1] == q; n++ {
				i++
			}
			return i, lines
		}
	}
	return len(text), lines
}
