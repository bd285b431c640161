package script

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDedent(t *testing.T) {
	cases := map[string]struct{ in, want string }{
		"nested in html":                 {"\n    print(1)\n    if x:\n        y()\n", "print(1)\nif x:\n    y()\n"},
		"tabs":                           {"\n\tprint(1)\n\tprint(2)", "print(1)\nprint(2)"},
		"no indent":                      {"print(1)\n  x", "print(1)\n  x"},
		"blank only":                     {"\n  \n", "  \n"},
		"less indented later line kept":  {"\n    a\n  b\n", "a\n  b\n"},
		"crlf":                           {"\r\n  a\r\n  b", "a\r\nb"},
		"only the first line break goes": {"\n\n  a\n", "\na\n"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) { assert.Equal(t, c.want, Dedent(c.in)) })
	}
}

func TestIsSync(t *testing.T) {
	assert.False(t, IsSync("", false), "absent attribute means async")
	assert.False(t, IsSync("", true), "bare async attribute means async")
	assert.False(t, IsSync("true", true))
	for _, v := range []string{"false", "FALSE", "0", "no", "No"} {
		assert.True(t, IsSync(v, true), v)
	}
}

func TestHasCode(t *testing.T) {
	assert.False(t, HasCode(""))
	assert.False(t, HasCode("\n   \n"))
	assert.False(t, HasCode("\n  # a comment\n  // another\n /* block\n comment */ \n"))
	assert.True(t, HasCode("\n  print('x')\n"))
	assert.True(t, HasCode("# c\nx = 1"))
}

func TestTypeOf(t *testing.T) {
	for _, c := range []struct {
		local, attr string
		want        Type
		ok          bool
	}{
		{"script", "py", Py, true},
		{"SCRIPT", "mpy", MPy, true},
		{"py-script", "", Py, true},
		{"mpy-script", "", MPy, true},
		{"script", "text/python", "", false},
		{"script", "py-editor", "", false},
	} {
		got, ok := TypeOf(c.local, c.attr)
		assert.Equal(t, c.ok, ok, c)
		assert.Equal(t, c.want, got, c)
	}
}

func TestIDsArePerType(t *testing.T) {
	var ids IDs
	assert.Equal(t, "py-0", ids.Next(Py))
	assert.Equal(t, "mpy-0", ids.Next(MPy))
	assert.Equal(t, "py-1", ids.Next(Py))
}

func TestTypeNames(t *testing.T) {
	assert.Equal(t, `script[type="py"],py-script`, Py.Selector())
	assert.Equal(t, "mpy-config", MPy.ConfigSelector())
	assert.Equal(t, "pyodide", Py.Interpreter())
	assert.Equal(t, "MicroPython", MPy.DisplayName())
}

func TestHasCodeBlockCommentEdges(t *testing.T) {
	assert.False(t, HasCode("/* a */ /* b\n */"), "several block comments")
	assert.True(t, HasCode("/* a */ x = 1"), "code after a block comment on the same line")
	assert.True(t, HasCode("/* never closed\n"), "an unclosed comment is content")
}

func TestGameType(t *testing.T) {
	for _, c := range []struct{ tag, typ string }{{"script", "py-game"}, {"py-game-script", ""}} {
		got, ok := TypeOf(c.tag, c.typ)
		assert.True(t, ok, c.tag)
		assert.Equal(t, Game, got, c.tag)
	}
	assert.Equal(t, Py, Game.Kind(), "py-game runs Pyodide")
	assert.Equal(t, "pyodide", Game.Interpreter())
	assert.Equal(t, "Pyodide", Game.DisplayName())
	assert.Equal(t, MPy, MPy.Kind())
}
