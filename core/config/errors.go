package config

import "errors"

// PyScript error codes (PS src/exceptions.js) used by this package.
const (
	codeBadConfig   = "PY1000" // ErrorCode.BAD_CONFIG
	codeConflicting = "PY0409" // ErrorCode.CONFLICTING_CODE
)

// badConfig builds a "(PY1000): <msg>" error.
func badConfig(msg string) error {
	return errors.New("(" + codeBadConfig + "): " + msg)
}

// conflictError builds a "(PY0409): <reason>" error.
func conflictError(reason string) error {
	return errors.New("(" + codeConflicting + "): " + reason)
}

// badURL is the error for a URL-shaped config whose extension does not fit.
// The "expected <type> content" line is added whenever an explicit type was
// given, whatever that type is.
func badURL(url, explicitType string) error {
	msg := "Invalid URL: " + url
	if explicitType != "" {
		msg += "\nexpected " + explicitType + " content"
	}
	return badConfig(msg)
}

// syntaxError is the error for content that could not be parsed.
// kind is "JSON" or "TOML"; url is left out when the config was inline.
func syntaxError(kind, url, detail string) error {
	msg := "Invalid " + kind
	if url != "" {
		msg += " @ " + url
	}
	return badConfig(msg + "\n" + detail)
}

// wrongType is the error for a known key whose value has the wrong type.
func wrongType(key, want string) error {
	return badConfig("Invalid config: \"" + key + "\" must be " + want)
}
