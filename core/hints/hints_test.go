package hints

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFor(t *testing.T) {
	for _, tt := range []struct {
		name, message, contains string
	}{
		{"borrowed proxy", "Error: This borrowed proxy was automatically destroyed at the end of a function call. Try using create_proxy or create_once_callable.", `experimental_create_proxy = "auto"`},
		{"js_modules without exports", "js_modules: https://x.test/lib.js is not an ES module: importing it gave no exports.", "https://esm.run/<package>"},
		{"missing default export", "SyntaxError: The requested module './lib.js' does not provide an export named 'default'", "ES module build"},
		{"no SharedArrayBuffer", "ReferenceError: SharedArrayBuffer is not defined", "Cross-Origin-Embedder-Policy: require-corp"},
		{"Pyodide import", "Traceback (most recent call last):\n  File \"<exec>\", line 1, in <module>\nModuleNotFoundError: No module named 'numpy.linalg'", `packages = ["numpy"]`},
		{"MicroPython import", "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nImportError: no module named 'helpers'", `module "helpers" is not in this interpreter`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Contains(t, For(tt.message), tt.contains)
		})
	}
}

func TestNoHint(t *testing.T) {
	for _, message := range []string{
		"ValueError: bad value",
		"ImportError: cannot import name 'x' from 'y'",
		"ModuleNotFoundError: No module named '",
		"",
	} {
		assert.Empty(t, For(message), message)
	}
}
