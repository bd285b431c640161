package config

import "strings"

// CDN URL patterns for bare interpreter versions (polyscript's module()).
const (
	pyodideCDNPrefix     = "https://cdn.jsdelivr.net/pyodide/v"
	pyodideCDNSuffix     = "/full/pyodide.mjs"
	micropythonCDNPrefix = "https://cdn.jsdelivr.net/npm/@micropython/micropython-webassembly-pyscript@"
	micropythonCDNSuffix = "/micropython.mjs"
)

// InterpreterURL resolves the value of the "interpreter" key for type "py"
// (Pyodide) or "mpy" (MicroPython) into the URL of the interpreter module:
//
//   - nil or "" gives defaultURL, unchanged;
//   - a URL-shaped value (starting with "./", "../" or "/", having a scheme
//     such as "https:", or ending in ".mjs" or ".js") is resolved against
//     base (see Base: the config URL, or the page for inline configs);
//   - any other string is a version on the public CDN:
//     py:  https://cdn.jsdelivr.net/pyodide/v<ver>/full/pyodide.mjs
//     mpy: https://cdn.jsdelivr.net/npm/@micropython/micropython-webassembly-pyscript@<ver>/micropython.mjs
//
// The CDN mapping follows the PyScript docs and polyscript's workers; the
// PyScript 0.7.31 main thread instead resolves a bare version against the
// page, which then fails to load.
func InterpreterURL(typ string, value any, base, defaultURL string) (string, error) {
	if typ != "py" && typ != "mpy" {
		return "", badConfig("Unknown interpreter type: " + typ)
	}
	if value == nil {
		return defaultURL, nil
	}
	s, ok := value.(string)
	if !ok {
		return "", wrongType("interpreter", "a string")
	}
	switch {
	case s == "":
		return defaultURL, nil
	case isURLShaped(s):
		return Resolve(s, base)
	case typ == "py":
		return pyodideCDNPrefix + s + pyodideCDNSuffix, nil
	}
	return micropythonCDNPrefix + s + micropythonCDNSuffix, nil
}

// isURLShaped reports whether an interpreter value is a URL, not a version.
func isURLShaped(s string) bool {
	return strings.HasPrefix(s, "./") || strings.HasPrefix(s, "../") ||
		strings.HasPrefix(s, "/") || hasScheme(s) ||
		strings.HasSuffix(s, ".mjs") || strings.HasSuffix(s, ".js")
}

// hasScheme reports whether s starts with an RFC 3986 scheme and ":".
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && (('0' <= c && c <= '9') || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}
