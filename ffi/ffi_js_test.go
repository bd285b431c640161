package ffi

import (
	"errors"
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func jsEval(src string) js.Value {
	return js.Global().Get("Function").New("return (" + src + ")").Invoke()
}

func TestAwaitResolvesAfterATimer(t *testing.T) {
	v, err := Await(jsEval(`new Promise(r => setTimeout(() => r(42), 5))`))
	require.NoError(t, err)
	assert.Equal(t, 42, v.Int())
}

func TestAwaitRejectionKeepsTheJSMessage(t *testing.T) {
	_, err := Await(jsEval(`Promise.reject(new Error("boom"))`))
	require.Error(t, err)
	assert.Equal(t, "boom", Message(err))
}

func TestPromiseFromGo(t *testing.T) {
	v, err := Await(Promise("test", func() (any, error) { return "ok", nil }))
	require.NoError(t, err)
	assert.Equal(t, "ok", v.String())

	_, err = Await(Promise("test", func() (any, error) { return nil, errors.New("nope") }))
	assert.Equal(t, "nope", Message(err))
}

func TestPanicsAreReportedNotFatal(t *testing.T) {
	var got []string
	old := PanicReporter
	PanicReporter = func(where string, err error) { got = append(got, where+": "+err.Error()) }
	defer func() { PanicReporter = old }()

	f := FuncOf("callback", func(js.Value, []js.Value) any { var m map[string]int; m["x"] = 1; return 1 })
	defer f.Release()
	res := f.Invoke()
	assert.True(t, res.IsUndefined())

	_, err := Await(Promise("promise", func() (any, error) { panic("bad") }))
	assert.Contains(t, Message(err), "bad")
	require.Len(t, got, 2)
	assert.Contains(t, got[0], "callback: assignment to entry in nil map")
	assert.Equal(t, "promise: bad", got[1])
}

func TestParseJSONAndToGo(t *testing.T) {
	v, err := ParseJSON(`{"a": [1, "x", true, null], "b": {"c": 2.5}}`)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"a": []any{1.0, "x", true, nil}, "b": map[string]any{"c": 2.5}}, v)

	_, err = ParseJSON(`{"a": }`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "JSON")
	assert.NotContains(t, err.Error(), "JavaScript error")
}

func TestToJSONRoundTrips(t *testing.T) {
	// Key order follows Go's map order, so compare values, not text.
	text := ToJSON(map[string]any{"a": []any{1, "x"}, "type": "py", "n": nil})
	back, err := ParseJSON(text)
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"a": []any{1.0, "x"}, "type": "py", "n": nil}, back)
}
