package config

import (
	"errors"
	"strconv"

	"github.com/BurntSushi/toml"
)

// JSONParser parses JSON text into Go values: objects as map[string]any or,
// to keep their key order, as Object; arrays as []any; numbers as float64.
// In the browser it wraps JSON.parse; its error message is shown to the
// user unchanged. Key order matters for "files" (templates must be defined
// before use) and "js_modules" (import order): a parser returning plain
// maps makes those tables fall back to sorted key order.
type JSONParser func(text string) (any, error)

// Parse parses config text of the given format into a map.
//
// sourceURL is the config URL as written (Details.URL), or "" for inline
// text; it only appears in error messages:
//
//	(PY1000): Invalid JSON @ <sourceURL>\n<parser message>
//	(PY1000): Invalid TOML\n<line, column and message>
//
// FormatNone yields an empty map. A JSON document whose top level is not an
// object is rejected. TOML values are normalised to JSON-compatible values
// (see normalizeTOML). Parse does not trim text; JSON and TOML both ignore
// surrounding whitespace, and line numbers then match the source.
func Parse(text string, f Format, sourceURL string, parseJSON JSONParser) (map[string]any, error) {
	m, _, err := ParseOrdered(text, f, sourceURL, parseJSON)
	return m, err
}

// ParseOrdered is Parse that also returns the written key order of the
// config's objects (see Order). TOML always gives the order; JSON gives it
// for the objects that parseJSON returns as Object. The order is never nil
// when err is nil.
func ParseOrdered(text string, f Format, sourceURL string, parseJSON JSONParser) (map[string]any, *Order, error) {
	switch f {
	case FormatJSON:
		return parseJSONConfig(text, sourceURL, parseJSON)
	case FormatTOML:
		return parseTOMLConfig(text, sourceURL)
	}
	return map[string]any{}, &Order{}, nil
}

func parseJSONConfig(text, sourceURL string, parseJSON JSONParser) (map[string]any, *Order, error) {
	if parseJSON == nil {
		return nil, nil, syntaxError("JSON", sourceURL, "no JSON parser available")
	}
	return parseObject("JSON", text, sourceURL, parseJSON)
}

// parseObject parses a config of the given kind ("JSON", or "TOML" through
// a config-parser module) that must be an object.
func parseObject(kind, text, sourceURL string, parse JSONParser) (map[string]any, *Order, error) {
	if msg := depthError(text, kind == "TOML"); msg != "" {
		return nil, nil, syntaxError(kind, sourceURL, msg)
	}
	v, err := parse(text)
	if err != nil {
		return nil, nil, syntaxError(kind, sourceURL, err.Error())
	}
	switch v.(type) {
	case Object, map[string]any:
	default:
		return nil, nil, syntaxError(kind, sourceURL, "the config must be an object, not "+jsonKind(v))
	}
	n, o := normalizeJSONValue(v)
	if o == nil {
		o = &Order{}
	}
	return n.(map[string]any), o, nil
}

// jsonKind names the JSON type of a decoded value, for error messages.
func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case []any:
		return "an array"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case float64, float32, int, int64, int32:
		return "a number"
	}
	return "a non-object value"
}

func parseTOMLConfig(text, sourceURL string) (map[string]any, *Order, error) {
	if msg := depthError(text, true); msg != "" {
		return nil, nil, syntaxError("TOML", sourceURL, msg)
	}
	var m map[string]any
	md, err := toml.Decode(text, &m)
	if err != nil {
		return nil, nil, syntaxError("TOML", sourceURL, tomlMessage(err))
	}
	if m == nil {
		return map[string]any{}, &Order{}, nil
	}
	m = normalizeTOML(m)
	return m, tomlOrder(md, m), nil
}

// tomlMessage formats a BurntSushi error as "line L, column C: message".
func tomlMessage(err error) string {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return err.Error()
	}
	msg := "line " + strconv.Itoa(pe.Position.Line)
	if pe.Position.Col > 0 {
		msg += ", column " + strconv.Itoa(pe.Position.Col)
	}
	return msg + ": " + pe.Message
}
