package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOrderKeysOf(t *testing.T) {
	m := map[string]any{"b": 1, "a": 2, "z": 3, "c": 4}
	tests := []struct {
		name  string
		order *Order
		want  []string
	}{
		{"nil order sorts", nil, []string{"a", "b", "c", "z"}},
		{"nil keys sort", &Order{}, []string{"a", "b", "c", "z"}},
		{"written order", &Order{Keys: []string{"z", "b", "c", "a"}}, []string{"z", "b", "c", "a"}},
		{"unlisted keys follow sorted", &Order{Keys: []string{"z"}}, []string{"z", "a", "b", "c"}},
		{"stale and repeated keys dropped", &Order{Keys: []string{"x", "c", "c", "a"}}, []string{"c", "a", "b", "z"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.order.KeysOf(m))
		})
	}
	var nilOrder *Order
	assert.Nil(t, nilOrder.Child("x"))
	assert.Nil(t, nilOrder.child("x"))
	nilOrder.add(m, "b") // must not panic
}

func TestOrderAddFixesUnknownOrder(t *testing.T) {
	m := map[string]any{"b": 1, "a": 2, "new": 3}
	o := &Order{}
	o.add(m, "new")
	assert.Equal(t, []string{"a", "b", "new"}, o.Keys)
	m["0"] = 4
	o.add(m, "0")
	assert.Equal(t, []string{"a", "b", "new", "0"}, o.KeysOf(m))
}

func TestParseOrderedTOML(t *testing.T) {
	text := `
z = 1
[files]
"{B}" = "b"
"./x.py" = ""
"{A}" = "a"
inline = { q = 1, b = 2 }
c.d = 1
[[fetch]]
from = "a"
[[fetch]]
to_file = "b"
[js_modules.worker]
"w.js" = "w"
[js_modules.main]
"m2.js" = "m2"
"m1.js" = "m1"
`
	values, order, err := ParseOrdered(text, FormatTOML, "", nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"z", "files", "fetch", "js_modules"}, order.Keys)
	files := order.Child("files")
	assert.Equal(t, []string{"{B}", "./x.py", "{A}", "inline", "c"}, files.Keys)
	assert.Equal(t, []string{"q", "b"}, files.Child("inline").Keys)
	assert.Equal(t, []string{"d"}, files.Child("c").Keys)
	assert.Nil(t, order.Child("fetch"), "arrays of tables are not tracked")
	assert.Equal(t, []string{"worker", "main"}, order.Child("js_modules").Keys)
	assert.Equal(t, []string{"m2.js", "m1.js"}, order.Child("js_modules").Child("main").Keys)
	assert.Len(t, values["fetch"], 2)
}

func TestParseOrderedJSON(t *testing.T) {
	t.Run("ordered parser", func(t *testing.T) {
		values, order, err := ParseOrdered(`{"z": 1, "files": {"{B}": "b", "a.py": "", "{A}": "a"}, "l": [{"y": 1, "x": {"k": 2}}]}`,
			FormatJSON, "", orderedJSON)
		require.NoError(t, err)
		assert.Equal(t, map[string]any{
			"z":     float64(1),
			"files": map[string]any{"{B}": "b", "a.py": "", "{A}": "a"},
			"l":     []any{map[string]any{"y": float64(1), "x": map[string]any{"k": float64(2)}}},
		}, values, "Object values become maps at any depth, arrays included")
		assert.Equal(t, []string{"z", "files", "l"}, order.Keys)
		assert.Equal(t, []string{"{B}", "a.py", "{A}"}, order.Child("files").Keys)
		assert.Nil(t, order.Child("l"))
	})
	t.Run("plain maps give no order", func(t *testing.T) {
		values, order, err := ParseOrdered(`{"b": {"y": 1}, "a": 2}`, FormatJSON, "", stdJSON)
		require.NoError(t, err)
		require.NotNil(t, order)
		assert.Nil(t, order.Keys)
		assert.Equal(t, []string{"a", "b"}, order.KeysOf(values))
	})
	t.Run("Object inside a plain map", func(t *testing.T) {
		parser := func(string) (any, error) {
			return map[string]any{"files": Object{Keys: []string{"b", "a", "b", "gone"}, Values: map[string]any{"a": "1", "b": "2", "c": "3"}}}, nil
		}
		values, order, err := ParseOrdered("{}", FormatJSON, "", parser)
		require.NoError(t, err)
		assert.Equal(t, map[string]any{"files": map[string]any{"a": "1", "b": "2", "c": "3"}}, values)
		assert.Nil(t, order.Keys)
		assert.Equal(t, []string{"b", "a", "c"}, order.Child("files").Keys)
	})
	t.Run("Object root with nil values", func(t *testing.T) {
		values, order, err := ParseOrdered("{}", FormatJSON, "", func(string) (any, error) { return Object{}, nil })
		require.NoError(t, err)
		assert.Equal(t, map[string]any{}, values)
		assert.Empty(t, order.Keys)
	})
	t.Run("none", func(t *testing.T) {
		values, order, err := ParseOrdered("", FormatNone, "", nil)
		require.NoError(t, err)
		assert.Equal(t, map[string]any{}, values)
		assert.NotNil(t, order)
	})
}
