package page

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWithPygame(t *testing.T) {
	assert.Equal(t, map[string]any{"packages": []any{"pygame-ce"}}, withPygame(map[string]any{}))
	assert.Equal(t, map[string]any{"packages": []any{"pygame-ce", "numpy"}, "debug": true},
		withPygame(map[string]any{"packages": []any{"numpy"}, "debug": true}))
	named := map[string]any{"packages": []any{"numpy", "pygame-ce==2.5.7"}}
	assert.Equal(t, named, withPygame(named), "already listed, with a version")
	bad := map[string]any{"packages": "pygame-ce"}
	assert.Equal(t, bad, withPygame(bad), "not a list: left for the runtime to report")

	values := map[string]any{"packages": []any{"numpy"}}
	withPygame(values)
	assert.Equal(t, map[string]any{"packages": []any{"numpy"}}, values, "the script's own config is not changed")
}
