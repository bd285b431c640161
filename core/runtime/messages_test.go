package runtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMessagesNameTheURL(t *testing.T) {
	assert.Contains(t, NotAnESModule("https://h/lib.js"), "https://h/lib.js is not an ES module")
	assert.Equal(t, "js_modules: unable to import https://h/x.js: 404", ImportFailed("https://h/x.js", "404"))
	assert.Equal(t, "js_modules: unable to load the stylesheet https://h/x.css", StylesheetFailed("https://h/x.css"))
}
