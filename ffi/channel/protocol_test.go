package channel

import (
	"os"
	"regexp"
	"strconv"
	"testing"

	"github.com/gopyscript/gopyscript/ffi/wire"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// channel.js repeats this package's numbers: a mismatch would make the two
// sides misread every request.
func TestChannelJSUsesTheProtocolsNumbers(t *testing.T) {
	src, err := os.ReadFile("../../bootstrap/channel.js")
	require.NoError(t, err)
	js := string(src)

	assert.Equal(t, map[string]int{
		"get": opGet, "set": opSet, "has": opHas, "delete": opDelete, "apply": opApply,
		"construct": opConstruct, "keys": opKeys, "describe": opDescribe, "call": opCall, "invoke": opInvoke,
	}, jsObjectNumbers(t, js, `export const OP = \{([^}]*)\}`))
	assert.Equal(t, map[string]int{
		"undefined": kindUndefined, "null": kindNull, "boolean": kindBoolean, "number": kindNumber,
		"string": kindString, "bigint": kindBigInt, "symbol": kindSymbol, "arrayBuffer": kindArrayBuffer,
		"array": kindArray, "plain": kindPlain, "function": kindFunction, "object": kindObject,
		"python": kindPython, "copied": kindCopied, "viewFirst": kindViewFirst,
	}, jsObjectNumbers(t, js, `export const KIND = \{([^}]*)\}`))
	assert.Equal(t, map[string]int{"callable": refCallable, "array": refArray, "method": refMethod},
		jsObjectNumbers(t, js, `export const FLAG = \{([^}]*)\}`))
	slots := jsObjectNumbers(t, js, `const (REQUEST = [^;]*);`)
	assert.Equal(t, map[string]int{
		"REQUEST": slotRequest, "RESPONSE": slotResponse, "LENGTH": slotLength, "STATE": slotState,
		"PAGE_WAITS": slotPageWaits, "WORKER_WAITS": slotWorkerWaits,
	}, slots)
	assert.LessOrEqual(t, 4*len(slots), payloadStart, "the payload must start after the last slot")

	views := regexp.MustCompile(`export const VIEWS = \[([^\]]*)\]`).FindStringSubmatch(js)
	require.NotNil(t, views)
	var names []string
	for _, m := range regexp.MustCompile(`"(\w+)"`).FindAllStringSubmatch(views[1], -1) {
		names = append(names, m[1])
	}
	assert.Equal(t, wire.ViewNames[:], names)
}

// jsObjectNumbers reads the `name: 1` or `NAME = 1` pairs of the first
// match of pattern's group.
func jsObjectNumbers(t *testing.T, js, pattern string) map[string]int {
	t.Helper()
	body := regexp.MustCompile(pattern).FindStringSubmatch(js)
	require.NotNil(t, body, "channel.js has no %s", pattern)
	out := map[string]int{}
	for _, m := range regexp.MustCompile(`(\w+)\s*[:=]\s*(\d+)`).FindAllStringSubmatch(body[1], -1) {
		n, err := strconv.Atoi(m[2])
		require.NoError(t, err)
		out[m[1]] = n
	}
	return out
}
