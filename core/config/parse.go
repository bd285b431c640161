package config

import (
	"errors"
	"strconv"

	"github.com/BurntSushi/toml"
)

// JSONParser parses JSON text into Go values (objects as map[string]any,
// arrays as []any). In the browser it wraps JSON.parse; its error message
// is shown to the user unchanged.
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
	switch f {
	case FormatJSON:
		return parseJSONConfig(text, sourceURL, parseJSON)
	case FormatTOML:
		return parseTOMLConfig(text, sourceURL)
	}
	return map[string]any{}, nil
}

func parseJSONConfig(text, sourceURL string, parseJSON JSONParser) (map[string]any, error) {
	if parseJSON == nil {
		return nil, syntaxError("JSON", sourceURL, "no JSON parser available")
	}
	v, err := parseJSON(text)
	if err != nil {
		return nil, syntaxError("JSON", sourceURL, err.Error())
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, syntaxError("JSON", sourceURL, "the config must be an object, not "+jsonKind(v))
	}
	if m == nil {
		m = map[string]any{}
	}
	return m, nil
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

func parseTOMLConfig(text, sourceURL string) (map[string]any, error) {
	var m map[string]any
	if _, err := toml.Decode(text, &m); err != nil {
		return nil, syntaxError("TOML", sourceURL, tomlMessage(err))
	}
	if m == nil {
		return map[string]any{}, nil
	}
	return normalizeTOML(m), nil
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
