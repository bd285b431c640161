package script

import "strings"

// IsSync reports whether an `async` attribute value asks for a synchronous
// run: scripts are async by default and only false, 0 or no turn that off.
func IsSync(asyncAttr string, present bool) bool {
	if !present {
		return false
	}
	switch strings.ToLower(asyncAttr) {
	case "false", "0", "no":
		return true
	}
	return false
}

// HasCode reports whether inline text next to a `src` attribute is real
// code; blank text and comments (/* … */, or lines starting with # or //)
// are allowed beside `src`. Scanned by hand: regexp would add ~100 kB to
// the wasm binary.
func HasCode(text string) bool {
	for {
		start := strings.Index(text, "/*")
		if start < 0 {
			break
		}
		end := strings.Index(text[start+2:], "*/")
		if end < 0 {
			break
		}
		text = text[:start] + text[start+2+end+2:]
	}
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "//") {
			return true
		}
	}
	return false
}

// Type is a PyScript script type: "py" (Pyodide), "mpy" (MicroPython) or
// "py-game" (Pyodide in an environment of its own, for pygame-ce).
type Type string

const (
	Py   Type = "py"
	MPy  Type = "mpy"
	Game Type = "py-game"
)

// Types lists the supported types in the order PyScript registers them:
// py-game, which PyScript defines as a custom type, last (the page-wide
// configs are those of the types before it).
var Types = []Type{MPy, Py, Game}

// Kind is the interpreter family the type runs: Py or MPy.
func (t Type) Kind() Type {
	if t == MPy {
		return MPy
	}
	return Py
}

// Selector matches the main-thread elements of this type that run code.
func (t Type) Selector() string {
	return `script[type="` + string(t) + `"],` + string(t) + `-script`
}

// ConfigSelector matches the <py-config>-style elements of this type.
func (t Type) ConfigSelector() string { return string(t) + "-config" }

// Interpreter names the interpreter behind the type, as PyScript does.
func (t Type) Interpreter() string {
	if t.Kind() == Py {
		return "pyodide"
	}
	return "micropython"
}

// DisplayName is the interpreter's name as shown in progress messages.
func (t Type) DisplayName() string {
	if t.Kind() == Py {
		return "Pyodide"
	}
	return "MicroPython"
}

// TypeOf maps a tag name and type attribute to a script type.
func TypeOf(localName, typeAttr string) (Type, bool) {
	name := strings.ToLower(localName)
	if name == "script" {
		name = strings.ToLower(strings.TrimSpace(typeAttr))
	} else {
		name = strings.TrimSuffix(name, "-script")
	}
	for _, t := range Types {
		if name == string(t) {
			return t, true
		}
	}
	return "", false
}
