package runtime

import "strings"

// The texts of errors PyScript has no wording for: each says what went
// wrong, where, and what to do about it.

// NotAnESModule explains the FAQ's most confusing js_modules failure: a
// classic or UMD script imported as a module has no exports.
func NotAnESModule(url string) string {
	return "js_modules: " + url + " is not an ES module: importing it gave no exports."
}

// ImportFailed is a js_modules URL that could not be imported at all.
func ImportFailed(url, reason string) string {
	return "js_modules: unable to import " + url + ": " + reason
}

// StylesheetFailed is a js_modules .css URL that did not load.
func StylesheetFailed(url string) string {
	return "js_modules: unable to load the stylesheet " + url
}

// Failures are errors that are each shown on their own (several js_modules
// that failed to import), where one error would hide the others.
type Failures []error

func (f Failures) Error() string {
	messages := make([]string, len(f))
	for i, err := range f {
		messages[i] = err.Error()
	}
	return strings.Join(messages, "\n")
}

// Messages is what to show for err: one message per failure of Failures.
func Messages(err error) []string {
	if failures, ok := err.(Failures); ok {
		var messages []string
		for _, e := range failures {
			messages = append(messages, Messages(e)...)
		}
		return messages
	}
	return []string{err.Error()}
}
