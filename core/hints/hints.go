// Package hints adds a short, plain-language hint to the error messages
// PyScript's users meet most (the FAQ's common errors), saying what to
// change. It only reads the message, so it applies to errors from scripts,
// workers, hooks and donkey alike.
package hints

import "strings"

// For returns the hint for an error message, "" when none applies.
func For(message string) string {
	switch {
	case BorrowedProxy(message):
		return "Hint: JavaScript called a Python function after the call that gave it had ended. " +
			"Wrap the function with pyodide.ffi.create_proxy(), or set experimental_create_proxy = \"auto\" in the config."
	case strings.Contains(message, "is not an ES module"), strings.Contains(message, "does not provide an export named"):
		return "Hint: a JavaScript file loaded as a module must be an ES module. Use the library's ES module build " +
			"(often a .mjs or .esm.js file, or an ESM CDN such as https://esm.run/<package>) instead of a classic <script> or CommonJS one."
	case strings.Contains(message, "SharedArrayBuffer"):
		return "Hint: SharedArrayBuffer exists only on a cross-origin isolated page. Serve the page with the headers " +
			"`Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`, " +
			"or add the data-coi-sw attribute to the script tag that loads core.js."
	}
	if name := missingModule(message); name != "" {
		return "Hint: the module \"" + name + "\" is not in this interpreter. If it is a package, list it in the config " +
			"(packages = [\"" + name + "\"]); if it is your own code, add its file to the config's [files]."
	}
	return ""
}

// BorrowedProxy says whether message is Pyodide's error for a Python
// function called after the call that passed it to JS released it.
func BorrowedProxy(message string) bool {
	return strings.Contains(message, "borrowed proxy was automatically destroyed")
}

// missingModule is the top-level name of the module an import could not
// find, from Pyodide's (CPython's) or MicroPython's message.
func missingModule(message string) string {
	for _, prefix := range []string{"ModuleNotFoundError: No module named '", "ImportError: no module named '"} {
		i := strings.LastIndex(message, prefix)
		if i < 0 {
			continue
		}
		name, _, found := strings.Cut(message[i+len(prefix):], "'")
		if !found || name == "" {
			continue
		}
		top, _, _ := strings.Cut(name, ".")
		return top
	}
	return ""
}
