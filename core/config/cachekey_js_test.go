package config

import (
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPackagesCacheKeyMatchesJS compares PackagesCacheKey with the
// JavaScript engine's own JSON.stringify(list.sort()).
func TestPackagesCacheKeyMatchesJS(t *testing.T) {
	lists := [][]string{
		{},
		{"numpy", "Pillow", "pkg==1.0", "micropip", "https://h/a.whl"},
		{`a"q`, `b\c`, "\x01\x1f\b\f\n\r\t\x7f", "\u2028\u2029", "é", "e\u0301"},
		{"\uFFFD", "😀", "\uE000", "\U0001F601", "\U0001F600", "\uD7FF", "ａ", "a"},
		{"ab", "a", "", "A", "_", "~"},
	}
	for _, list := range lists {
		arr := js.Global().Get("Array").New()
		for _, s := range list {
			arr.Call("push", s)
		}
		want := js.Global().Get("JSON").Call("stringify", arr.Call("sort")).String()
		assert.Equal(t, want, PackagesCacheKey(list), "%q", list)
	}
}
