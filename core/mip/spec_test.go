package mip

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRewrite(t *testing.T) {
	for _, tc := range []struct{ in, branch, want string }{
		{"github:org/repo/a/b.py", "", "https://raw.githubusercontent.com/org/repo/HEAD/a/b.py"},
		{"github:org/repo/package.json", "main", "https://raw.githubusercontent.com/org/repo/main/package.json"},
		{"gitlab:org/repo/a.py", "", "https://gitlab.com/org/repo/-/raw/HEAD/a.py"},
		{"https://e.com/github:x", "main", "https://e.com/github:x"},
	} {
		assert.Equal(t, tc.want, rewrite(tc.in, tc.branch), tc.in)
	}
}

func TestJoinURL(t *testing.T) {
	for _, tc := range []struct{ base, rel, want string }{
		{"https://e.com/a/b/package.json", "x.py", "https://e.com/a/b/x.py"},
		{"https://e.com/a/b/package.json", "./x/y.py", "https://e.com/a/b/x/y.py"},
		{"https://e.com/a/b/package.json", "../x.py", "https://e.com/a/x.py"},
		{"https://e.com/a/b/package.json", "../../../../x.py", "https://e.com/x.py"},
		{"https://e.com/a/b/package.json", "/x.py", "https://e.com/x.py"},
		{"https://e.com/a/package.json?v=1", "x.py?raw", "https://e.com/a/x.py?raw"},
		{"http://localhost:8000/package.json", "x.py", "http://localhost:8000/x.py"},
		{"github:org/repo/package.json", "x.py", "github:org/repo/x.py"},
		{"github:org/repo/sub/package.json", "../../x.py", "github:org/repo/x.py"},
		{"github:org/repo/sub/package.json", "/x.py", "github:org/repo/x.py"},
	} {
		assert.Equal(t, tc.want, joinURL(tc.base, tc.rel), tc.base+" + "+tc.rel)
	}
}

func TestResolveKeys(t *testing.T) {
	// Versions of one index package share a key: installed once.
	a, _ := resolve("foo@1.0", "", idx, "py")
	b, _ := resolve("foo", "latest", idx, "py")
	assert.Equal(t, a.key, b.key)
	// Branches of a repository are different packages.
	c, _ := resolve("github:o/r@x", "", idx, "py")
	d, _ := resolve("github:o/r", "y", idx, "py")
	assert.NotEqual(t, c.key, d.key)
	assert.Equal(t, "https://raw.githubusercontent.com/o/r/x/package.json", c.url)
	assert.Equal(t, "https://raw.githubusercontent.com/o/r/y/package.json", d.url)
	// @branch in the spec wins over the version next to it in deps.
	e, _ := resolve("github:o/r/f.py@x", "y", idx, "py")
	assert.Equal(t, "https://raw.githubusercontent.com/o/r/x/f.py", e.url)
}
