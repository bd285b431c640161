package config

import "strings"

// Format is the syntax of a config text.
type Format uint8

const (
	// FormatNone means there is no config content: use an empty config.
	FormatNone Format = iota
	// FormatJSON means the text is parsed as JSON.
	FormatJSON
	// FormatTOML means the text is parsed as TOML.
	FormatTOML
)

// String returns "none", "json" or "toml".
func (f Format) String() string {
	switch f {
	case FormatJSON:
		return "json"
	case FormatTOML:
		return "toml"
	}
	return "none"
}

// Details says how a config string must be handled.
type Details struct {
	// Format of the content: for a URL, the format of the fetched body.
	Format Format
	// URL is the config location exactly as written (not yet resolved)
	// when the content must be fetched; empty for inline content.
	URL string
	// Text is the trimmed inline content; empty when URL is set.
	Text string
}

// Detect classifies a config string, taken from a config attribute or from
// a <py-config> element (its src, else its text). explicitType is the
// element's type attribute ("json", "toml" or "" when absent).
//
// The rules, in PyScript's order:
//   - trimmed text starting with "{" and ending with "}" is inline JSON;
//   - else text ending in ".ext" or ".ext?query" is a URL: ".json" is JSON
//     unless the type is "toml", ".toml" is TOML unless the type is "json",
//     anything else is "(PY1000): Invalid URL: <url>", followed by
//     "\nexpected <type> content" when a type was given;
//   - else the type "json" forces JSON; any other non-empty text is TOML.
//
// Two PyScript quirks are kept on purpose, for compatibility:
//   - inline TOML whose last token looks like "x.y" (for example
//     `version = 1.5`, or a bare `name = x.toml`) is taken for a URL;
//   - an explicit type "toml" does not override "{...}" text, which is
//     parsed as JSON. Such text can never be a valid TOML document anyway.
func Detect(config, explicitType string) (Details, error) {
	text := trimJS(config)
	if isJSONShaped(text) {
		return Details{Format: FormatJSON, Text: text}, nil
	}
	if ext, ok := urlExtension(text); ok {
		switch {
		case ext == "json" && explicitType != "toml":
			return Details{Format: FormatJSON, URL: text}, nil
		case ext == "toml" && explicitType != "json":
			return Details{Format: FormatTOML, URL: text}, nil
		}
		return Details{}, badURL(text, explicitType)
	}
	switch {
	case explicitType == "json":
		return Details{Format: FormatJSON, Text: text}, nil
	case text != "" || explicitType == "toml":
		return Details{Format: FormatTOML, Text: text}, nil
	}
	return Details{}, nil
}

// isJSONShaped reports whether text starts with "{" and ends with "}".
func isJSONShaped(text string) bool {
	return strings.HasPrefix(text, "{") && strings.HasSuffix(text, "}")
}

// urlExtension applies PyScript's URL test, the JS regular expression
// /\.(\w+)(?:\?\S*)?$/, and returns the captured extension. It is written by
// hand so that the wasm binary does not need the regexp package.
//
// The leftmost "." wins whose word characters run either to the end of the
// text, or to a "?" followed only by non-whitespace up to the end.
func urlExtension(text string) (string, bool) {
	for i := 0; i < len(text); i++ {
		if text[i] != '.' {
			continue
		}
		j := i + 1
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		if j == i+1 {
			continue
		}
		if j == len(text) || (text[j] == '?' && !strings.ContainsFunc(text[j+1:], isJSSpace)) {
			return text[i+1 : j], true
		}
	}
	return "", false
}

// isWordByte matches the JS \w class (ASCII letters, digits and "_").
func isWordByte(b byte) bool {
	return b == '_' || ('0' <= b && b <= '9') || ('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z')
}

// isJSSpace matches the JS \s class, the set that String.prototype.trim
// removes: ASCII whitespace including \v, the Unicode space separators,
// the line/paragraph separators and the BOM. Unlike unicode.IsSpace it
// excludes U+0085 and includes U+FEFF.
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ',
		0x00A0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return 0x2000 <= r && r <= 0x200A
}

// trimJS trims like JavaScript's String.prototype.trim.
func trimJS(s string) string {
	return strings.TrimFunc(s, isJSSpace)
}
