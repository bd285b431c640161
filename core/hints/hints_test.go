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
		{"a pyscript submodule that does not exist", "ModuleNotFoundError: No module named 'pyscript.nothing'", `"pyscript.nothing" is not part of the "pyscript" module that GoPyScript itself provides`},
		{"a polyscript submodule", "ImportError: no module named 'polyscript.foo'", "On the page it has XWorker"},
		{"a js_modules name the config lacks", "ModuleNotFoundError: No module named 'pyscript.js_modules.confetti'", "js_modules.confetti comes from the config"},
		{"polyscript's js_modules in MicroPython", "ImportError: no module named 'polyscript.js_modules.confetti'", "[js_modules.worker] in a worker"},
		{"a name polyscript lacks", "ImportError: cannot import name 'XWorker' from 'polyscript' (unknown location)", `has no "XWorker" here. On the page it has XWorker`},
		{"a name pyscript lacks", "ImportError: cannot import name 'Element' from 'pyscript' (/home/pyodide/pyscript/__init__.py)", `has no "Element" here. It has the modules`},
		{"a polyscript name in MicroPython", "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nImportError: can't import name xworker\n", "in a worker xworker"},
		{"_pyscript", "ModuleNotFoundError: No module named '_pyscript.x'", "PyScript's names there are PyWorker"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Contains(t, For(tt.message), tt.contains)
		})
	}
}

// A module the core provides is never a package to install.
func TestCoreModulesAreNotPackages(t *testing.T) {
	for _, message := range []string{
		"ModuleNotFoundError: No module named 'pyscript.nothing'",
		"ImportError: no module named 'polyscript'",
		"ImportError: no module named '_pyscript'",
		"ImportError: cannot import name 'x' from 'polyscript' (unknown location)",
		"ModuleNotFoundError: No module named 'pyscript.js_modules.x'",
	} {
		hint := For(message)
		assert.NotEmpty(t, hint, message)
		assert.NotContains(t, hint, "packages =", message)
	}
}

func TestNoHint(t *testing.T) {
	for _, message := range []string{
		"ValueError: bad value",
		"ImportError: cannot import name 'x' from 'y'",
		"ImportError: can't import name helper",
		"ImportError: can't import name ",
		"ModuleNotFoundError: No module named '",
		"",
	} {
		assert.Empty(t, For(message), message)
	}
}
