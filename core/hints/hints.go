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
	if module, name := missingName(message); module != "" {
		return provided(module, name)
	}
	name := missingModule(message)
	top, _, _ := strings.Cut(name, ".")
	switch {
	case name == "":
		return ""
	case strings.HasPrefix(name, "pyscript.js_modules.") || strings.HasPrefix(name, "polyscript.js_modules."):
		return "Hint: js_modules." + name[strings.LastIndex(name, ".")+1:] + " comes from the config: name its URL there " +
			"([js_modules.main] on the page, [js_modules.worker] in a worker)."
	case coreModules[top] != "":
		return "Hint: \"" + name + "\" is not part of the \"" + top + "\" module that GoPyScript itself provides to every script " +
			"(no package to install). " + coreModules[top]
	}
	return "Hint: the module \"" + top + "\" is not in this interpreter. If it is a package, list it in the config " +
		"(packages = [\"" + top + "\"]); if it is your own code, add its file to the config's [files]."
}

// coreModules say what the modules the core gives every interpreter hold.
var coreModules = map[string]string{
	"pyscript": "It has the modules context, display, events, fetch, ffi, flatted, fs, js_modules, media, storage, " +
		"util, web, websocket and workers, and the names HTML, PyWorker, RUNNING_IN_WORKER, Storage, WebSocket, config, " +
		"create_named_worker, current_target, display, document, fetch, js_import, js_modules, py_import, storage, " +
		"sync, when, window and workers.",
	"polyscript": "On the page it has XWorker, config, currentScript, js_modules, workers, lazy_py_modules, storage, " +
		"IDBMap, IDBMapSync and JSON; in a worker xworker, target, currentScript, config, js_modules, ffi, " +
		"lazy_py_modules, storage, IDBMap, IDBMapSync and JSON.",
	"_pyscript": "It is private to the pyscript package; PyScript's names there are PyWorker (on the page), fs, " +
		"interpreter, js_import and target.",
}

// provided is the hint for a name a core module lacks.
func provided(module, name string) string {
	return "Hint: the \"" + module + "\" module that GoPyScript itself provides has no \"" + name + "\" here. " +
		coreModules[module]
}

// missingName is the core module and the name an import from it could not
// find: CPython says "cannot import name 'x' from 'polyscript'";
// MicroPython's "can't import name x" does not name the module, so only
// names no other module has are taken for polyscript's.
func missingName(message string) (module, name string) {
	if i := strings.LastIndex(message, "cannot import name '"); i >= 0 {
		name, rest, _ := strings.Cut(message[i+len("cannot import name '"):], "' from '")
		module, _, _ = strings.Cut(rest, "'")
		if coreModules[module] != "" {
			return module, name
		}
	}
	if i := strings.LastIndex(message, "can't import name "); i >= 0 {
		if words := strings.Fields(message[i+len("can't import name "):]); len(words) > 0 && polyscriptOnly[words[0]] {
			return "polyscript", words[0]
		}
	}
	return "", ""
}

var polyscriptOnly = map[string]bool{"XWorker": true, "xworker": true, "currentScript": true, "lazy_py_modules": true,
	"IDBMap": true, "IDBMapSync": true, "target": true}

// BorrowedProxy says whether message is Pyodide's error for a Python
// function called after the call that passed it to JS released it.
func BorrowedProxy(message string) bool {
	return strings.Contains(message, "borrowed proxy was automatically destroyed")
}

// missingModule is the name of the module an import could not find, from
// Pyodide's (CPython's) or MicroPython's message.
func missingModule(message string) string {
	for _, prefix := range []string{"ModuleNotFoundError: No module named '", "ImportError: no module named '"} {
		i := strings.LastIndex(message, prefix)
		if i < 0 {
			continue
		}
		name, _, found := strings.Cut(message[i+len(prefix):], "'")
		if found && name != "" {
			return name
		}
	}
	return ""
}
