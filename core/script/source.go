package script

import (
	"strconv"
	"strings"
)

// FetchError is PyScript's message for a `src` that answered with an HTTP
// error; the code follows the status (PY0404, PY0500 …, else PY0001).
func FetchError(url string, status int, statusText string) string {
	code := "PY0001"
	switch status {
	case 401, 403, 404, 500, 503:
		code = "PY0" + strconv.Itoa(status)
	}
	return "(" + code + "): Fetching from URL " + url + " failed with error " +
		strconv.Itoa(status) + " (" + statusText + "). Are your filename and path correct?"
}

// NetworkError is PyScript's message for a `src` that could not be fetched.
func NetworkError(url, reason string) string {
	return "(PY0001): Fetching from URL " + url + " failed with error '" + reason +
		"'. Are your filename and path correct?"
}

// InvalidContent is the error for a script with both `src` and inline code.
func InvalidContent(outerHTML string) string {
	return "(PY0409) Invalid content for " + outerHTML
}

// InvalidWorker is PyScript's error for a `worker` attribute with a value
// (it is a boolean attribute) or a worker with an empty `src`.
func InvalidWorker(outerHTML string) string {
	return "SyntaxError: Invalid worker attribute\n" + outerHTML
}

var htmlEntities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#39;", "'", "&quot;", `"`)

// UnescapeHTML undoes the escaping the HTML parser applied to code written
// inside a <py-script> element that has child elements.
func UnescapeHTML(s string) string { return htmlEntities.Replace(s) }
