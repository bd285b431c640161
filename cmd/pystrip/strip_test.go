package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStrip(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"module docstring", "\"\"\"Doc\n\nmore\"\"\"\nimport js\n", "pass\n\n\nimport js\n"},
		{"function docstring keeps the body valid", "def f():\n    '''Only a docstring.'''\n", "def f():\n    pass\n"},
		{"comments go, code stays", "x = 1  # one\n# alone\n    # indented\ny = '#not a comment'\n", "x = 1\n\n\ny = '#not a comment'\n"},
		{"a string that is part of an expression stays", "x = (\n    \"a\"\n    \"b\"\n)\ncall(\n\"\"\"text\"\"\")\n", "x = (\n    \"a\"\n    \"b\"\n)\ncall(\n\"\"\"text\"\"\")\n"},
		{"a string with more on its line stays", "'a'.join(x)\n\"s\" + t\n", "'a'.join(x)\n\"s\" + t\n"},
		{"prefixes and escapes", "r'\\''\nb\"\\\"x\"  # c\nf'{a}' if b else c\nreturn\n", "pass\npass\nf'{a}' if b else c\nreturn\n"},
		{"triple quotes hold quotes and hashes", "s = '''it's # not\n\"a\" comment'''\n", "s = '''it's # not\n\"a\" comment'''\n"},
		{"backslash continuation is not a new line", "x = 1 + \\\n    'y'\n", "x = 1 + \\\n    'y'\n"},
		{"identifiers that look like prefixes", "rb = br = 1\nfor u in f: pass\n", "rb = br = 1\nfor u in f: pass\n"},
		{"docstring after a class line", "class A:\n    \"\"\"Doc.\n    Lines.\n    \"\"\"\n\n    x = 1\n", "class A:\n    pass\n\n\n\n    x = 1\n"},
		{"unterminated string is left for Python to report", "x = 'abc\ny = 1\n", "x = 'abc\ny = 1\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, string(Strip([]byte(c.in))))
		})
	}
}

// The package the build embeds: every file keeps its line count, gets
// smaller, and (when a python3 is at hand) still parses.
func TestStripKeepsThePackageValid(t *testing.T) {
	files, err := filepath.Glob("../../core/pyscript/pyscript/*.py")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	python, _ := exec.LookPath("python3")
	dir := t.TempDir()
	for _, name := range files {
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		stripped := Strip(src)
		assert.Equal(t, bytes.Count(src, []byte{'\n'}), bytes.Count(stripped, []byte{'\n'}), name)
		assert.Less(t, len(stripped), len(src), name)
		if python == "" {
			continue
		}
		out := filepath.Join(dir, filepath.Base(name))
		require.NoError(t, os.WriteFile(out, stripped, 0o644))
		msg, err := exec.Command(python, "-c",
			"import ast, sys; ast.parse(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1])", out).CombinedOutput()
		assert.NoError(t, err, "%s: %s", name, msg)
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "m.py")
	require.NoError(t, os.WriteFile(src, []byte("# c\nx = 1\n"), 0o644))
	out := filepath.Join(dir, "out", "pkg")
	require.NoError(t, run(out, []string{src}))
	got, err := os.ReadFile(filepath.Join(out, "m.py"))
	require.NoError(t, err)
	assert.Equal(t, "\nx = 1\n", string(got))
	assert.Error(t, run("", []string{src}))
	assert.Error(t, run(out, []string{filepath.Join(dir, "missing.py")}))
}
