package runtime

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMessagesNameTheURL(t *testing.T) {
	assert.Contains(t, NotAnESModule("https://h/lib.js"), "https://h/lib.js is not an ES module")
	assert.Equal(t, "js_modules: unable to import https://h/x.js: 404", ImportFailed("https://h/x.js", "404"))
	assert.Equal(t, "js_modules: unable to load the stylesheet https://h/x.css", StylesheetFailed("https://h/x.css"))
}

func TestMessagesShowsEachFailureOnItsOwn(t *testing.T) {
	failures := Failures{errors.New("js_modules: unable to import a.js: 404"), Failures{errors.New("b"), errors.New("c")}}
	assert.Equal(t, []string{"js_modules: unable to import a.js: 404", "b", "c"}, Messages(failures))
	assert.Equal(t, "js_modules: unable to import a.js: 404\nb\nc", failures.Error())
	joined := errors.Join(errors.New("one error"), errors.New("in two lines"))
	assert.Equal(t, []string{"one error\nin two lines"}, Messages(joined))
}
