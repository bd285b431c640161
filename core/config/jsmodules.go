package config

import "unicode"

// JSModule is one entry of "js_modules.main" or "js_modules.worker".
type JSModule struct {
	// URL is the absolute URL of the module or stylesheet.
	URL string
	// Name is the name Python imports it by, as in
	// `from pyscript.js_modules import <name>`; unused for CSS.
	Name string
	// CSS marks a stylesheet (a URL whose path ends in ".css", any case),
	// which is added to the page as <link rel="stylesheet"> rather than
	// imported.
	CSS bool
}

// JSModules returns the JavaScript modules of "js_modules.main" (imported
// on the main thread) and "js_modules.worker" (imported in workers), both
// tables of url = "name", in written order. URLs resolve against base;
// order is the config's key order (nil means sorted order). Other keys of
// "js_modules" are ignored.
//
// A module's name must be a Python identifier, else the import cannot
// work; a stylesheet's name only has to be a string. Stylesheets are only
// allowed on main. Errors, all "(PY1000): Invalid config: ..." or
// "(PY1000): Invalid URL: <url>":
//
//	"js_modules" must be a table
//	"js_modules.main" must be a table of strings
//	"js_modules.main" name "my-lib" of ./lib.js is not a Python identifier
//	"js_modules.worker" cannot load the stylesheet ./a.css: list it in "js_modules.main"
func JSModules(values map[string]any, order *Order, base string) (main, worker []JSModule, err error) {
	v := values["js_modules"]
	if v == nil {
		return nil, nil, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, nil, wrongType("js_modules", "a table")
	}
	o := order.Child("js_modules")
	if main, err = jsModuleTable(m["main"], o.Child("main"), "main", base); err != nil {
		return nil, nil, err
	}
	if worker, err = jsModuleTable(m["worker"], o.Child("worker"), "worker", base); err != nil {
		return nil, nil, err
	}
	return main, worker, nil
}

// JSModules returns the config's JS modules; see the JSModules function.
func (c Config) JSModules(pageURL string) (main, worker []JSModule, err error) {
	return JSModules(c.Values, c.Order, c.Base(pageURL))
}

func jsModuleTable(v any, o *Order, side, base string) ([]JSModule, error) {
	if v == nil {
		return nil, nil
	}
	key := "js_modules." + side
	m, ok := v.(map[string]any)
	if !ok {
		return nil, wrongType(key, "a table of strings")
	}
	out := make([]JSModule, 0, len(m))
	for _, src := range o.KeysOf(m) {
		name, ok := m[src].(string)
		if !ok {
			return nil, wrongType(key, "a table of strings")
		}
		abs, err := resolveAsset(src, base)
		if err != nil {
			return nil, err
		}
		css := hasSuffixFold(refPath(abs), ".css")
		switch {
		case css && side == "worker":
			return nil, badConfig("Invalid config: \"" + key + "\" cannot load the stylesheet " + src + ": list it in \"js_modules.main\"")
		case !css && !IsPythonIdentifier(name):
			return nil, badConfig("Invalid config: \"" + key + "\" name \"" + name + "\" of " + src + " is not a Python identifier")
		}
		out = append(out, JSModule{URL: abs, Name: name, CSS: css})
	}
	return out, nil
}

// pythonKeywords are Python's hard keywords, which cannot be imported
// names. Soft keywords (match, case, type, _) can.
var pythonKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true,
	"assert": true, "async": true, "await": true, "break": true,
	"class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true,
	"global": true, "if": true, "import": true, "in": true, "is": true,
	"lambda": true, "nonlocal": true, "not": true, "or": true, "pass": true,
	"raise": true, "return": true, "try": true, "while": true, "with": true,
	"yield": true,
}

// IsPythonIdentifier reports whether s is a Python identifier that is not
// a keyword: a letter or "_" followed by letters, digits, combining marks,
// connector punctuation or "_" (Python's XID classes, approximated with
// Unicode categories).
func IsPythonIdentifier(s string) bool {
	if s == "" || pythonKeywords[s] {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r):
		case i > 0 && (unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Pc)):
		default:
			return false
		}
	}
	return true
}
