package script

import (
	"strings"
	"testing"
)

// FuzzDedent feeds arbitrary script text (any bytes a page or a src= file
// may hold) to Dedent: it must never panic, keep every line (but the line
// break right after the tag) and only remove text from the start of lines.
func FuzzDedent(f *testing.F) {
	for _, s := range []string{
		"", "\n", "\r\n  x\r\n  y", "\n    def f():\n        return 1\n    print(f())\n",
		"\t\ta\n\t b\n", "  a\x00\n  \xff\xfe\n", "\n\n   \n  # c\n  p", strings.Repeat(" ", 100) + "x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		d := dedent(code)
		if got := Dedent(code); got != dropLeadingNewline(d) {
			t.Fatalf("Dedent(%q) = %q, not dedent then the first line break dropped", code, got)
		}
		if n, want := strings.Count(d, "\n"), strings.Count(code, "\n"); n != want {
			t.Fatalf("%d line breaks, want %d: %q -> %q", n, want, code, d)
		}
		// Each output line is the end of its input line.
		in := strings.SplitAfter(code, "\n")
		for i, l := range strings.SplitAfter(d, "\n") {
			if !strings.HasSuffix(in[i], l) {
				t.Fatalf("line %d %q is not the end of %q", i, l, in[i])
			}
		}
	})
}
