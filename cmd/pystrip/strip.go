package main

import "bytes"

// Strip blanks the comments of Python source and replaces each statement
// that is only a string literal (a docstring, a string used as a comment)
// by `pass`. Every line stays where it was, so a traceback through the
// stripped package names the same line numbers as the sources.
//
// It tokenizes only as far as needed: string literals (with their r/b/f/u
// prefixes, single or triple quotes; a backslash always takes the next
// character, as the tokenizer does even in raw strings), comments, bracket
// depth and backslash continuations. A string literal counts as a whole
// statement when it starts a logical line and nothing but blanks or a
// comment follows it on the line where it ends.
func Strip(src []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(src))
	depth := 0
	lineStart := true // no token yet on this logical line
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			trimLine(&out)
			out.WriteByte('\n')
			i++
			if depth == 0 {
				lineStart = true
			}
		case c == ' ' || c == '\t' || c == '\f' || c == '\r':
			out.WriteByte(c)
			i++
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '\\' && i+1 < len(src) && src[i+1] == '\n':
			out.WriteString("\\\n")
			i += 2
		case isStringStart(src, i):
			end := stringEnd(src, i)
			if lineStart && onlyCommentFollows(src, end) {
				out.WriteString("pass")
				out.Write(bytes.Repeat([]byte{'\n'}, bytes.Count(src[i:end], []byte{'\n'})))
			} else {
				out.Write(src[i:end])
			}
			lineStart = false
			i = end
		case isIdentByte(c):
			j := i
			for j < len(src) && isIdentByte(src[j]) {
				j++
			}
			out.Write(src[i:j])
			lineStart = false
			i = j
		default:
			switch c {
			case '(', '[', '{':
				depth++
			case ')', ']', '}':
				if depth > 0 {
					depth--
				}
			}
			out.WriteByte(c)
			lineStart = false
			i++
		}
	}
	trimLine(&out)
	return out.Bytes()
}

// trimLine drops the blanks at the end of what was written of this line
// (those before a removed comment, or a line left empty).
func trimLine(out *bytes.Buffer) {
	b := out.Bytes()
	n := len(b)
	for n > 0 && (b[n-1] == ' ' || b[n-1] == '\t' || b[n-1] == '\f' || b[n-1] == '\r') {
		n--
	}
	out.Truncate(n)
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// isStringStart tells whether a string literal starts at i: a quote, or up
// to two prefix letters (r, b, f, u in any case) then a quote, where i does
// not continue an identifier (Strip copies identifiers whole).
func isStringStart(src []byte, i int) bool {
	for j := i; j < len(src) && j < i+3; j++ {
		switch src[j] {
		case '"', '\'':
			return true
		case 'r', 'R', 'b', 'B', 'f', 'F', 'u', 'U':
			continue
		}
		return false
	}
	return false
}

// stringEnd returns the index just past the string literal starting at i.
// An unterminated literal runs to the end of its line (single quotes) or of
// the source (triple quotes), where Python reports it.
func stringEnd(src []byte, i int) int {
	for src[i] != '"' && src[i] != '\'' {
		i++
	}
	quote := src[i]
	triple := i+2 < len(src) && src[i+1] == quote && src[i+2] == quote
	if triple {
		i += 3
	} else {
		i++
	}
	for i < len(src) {
		switch c := src[i]; {
		case c == '\\':
			i += 2
		case c == quote && !triple:
			return i + 1
		case c == quote && i+2 < len(src) && src[i+1] == quote && src[i+2] == quote:
			return i + 3
		case c == '\n' && !triple:
			return i
		default:
			i++
		}
	}
	return len(src)
}

// onlyCommentFollows tells whether the line holds nothing after i but
// blanks or a comment.
func onlyCommentFollows(src []byte, i int) bool {
	for ; i < len(src); i++ {
		switch src[i] {
		case ' ', '\t', '\f', '\r':
		case '\n', '#':
			return true
		default:
			return false
		}
	}
	return true
}
