package script

import (
	"regexp"
	"strings"
)

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

var (
	blockComments = regexp.MustCompile(`(?s)/\*.*?\*/`)
	lineComments  = regexp.MustCompile(`(?m)^\s*(?://|#).*`)
)

// HasCode reports whether inline text next to a `src` attribute is real
// code; comments and blank text are allowed beside `src`.
func HasCode(text string) bool {
	text = blockComments.ReplaceAllString(text, "")
	text = lineComments.ReplaceAllString(text, "")
	return strings.TrimSpace(text) != ""
}

// Type is a PyScript script type: "py" (Pyodide) or "mpy" (MicroPython).
type Type string

const (
	Py  Type = "py"
	MPy Type = "mpy"
)

// Types lists the supported types in the order PyScript registers them.
var Types = []Type{MPy, Py}

// Selector matches the main-thread elements of this type that run code.
func (t Type) Selector() string {
	return `script[type="` + string(t) + `"],` + string(t) + `-script`
}

// ConfigSelector matches the <py-config>-style elements of this type.
func (t Type) ConfigSelector() string { return string(t) + "-config" }

// Interpreter names the interpreter behind the type, as PyScript does.
func (t Type) Interpreter() string {
	if t == Py {
		return "pyodide"
	}
	return "micropython"
}

// DisplayName is the interpreter's name as shown in progress messages.
func (t Type) DisplayName() string {
	if t == Py {
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
