package script

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFetchErrorTexts(t *testing.T) {
	assert.Equal(t, "(PY0404): Fetching from URL ./nope.py failed with error 404 (Not Found). Are your filename and path correct?",
		FetchError("./nope.py", 404, "Not Found"))
	assert.Equal(t, "(PY0500): Fetching from URL a.py failed with error 500 (Internal Server Error). Are your filename and path correct?",
		FetchError("a.py", 500, "Internal Server Error"))
	assert.Contains(t, FetchError("a.py", 418, "I'm a teapot"), "(PY0001): ")
	assert.Equal(t, "(PY0001): Fetching from URL http://x/a.py failed with error 'Failed to fetch'. Are your filename and path correct?",
		NetworkError("http://x/a.py", "Failed to fetch"))
}

func TestInvalidContentAndUnescape(t *testing.T) {
	assert.Equal(t, `(PY0409) Invalid content for <script type="py" src="a.py">x</script>`,
		InvalidContent(`<script type="py" src="a.py">x</script>`))
	assert.Equal(t, `if a < b and c > d: print("&")`, UnescapeHTML(`if a &lt; b and c &gt; d: print(&quot;&amp;&quot;)`))
}
