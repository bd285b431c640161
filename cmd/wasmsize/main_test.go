package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPackageOf(t *testing.T) {
	for name, want := range map[string]string{
		"runtime.mallocgc":                                     "runtime",
		"runtime.__mheap_.alloc":                               "runtime",
		"runtime.wasm_export_run":                              "runtime",
		"fmt.__pp_.doPrintf":                                   "fmt",
		"internal_runtime_maps.__Map_.Get":                     "internal_runtime_maps",
		"github.com_BurntSushi_toml.__parser_.replaceEscapes":  "github.com_BurntSushi_toml",
		"github.com_hack_pad_safejs.Value.Call":                "github.com_hack_pad_safejs",
		"github.com_gopyscript_gopyscript_ffi.Await.func3":     "github.com_gopyscript_gopyscript_ffi",
		"type_.eq.github.com_gopyscript_gopyscript_core.Error": "(generated)",
		"_rt0_wasm_js":                                         "(generated)",
	} {
		assert.Equal(t, want, packageOf(name), name)
	}
}

// module builds a wasm module with one imported function, two defined ones
// of bodies 3 and 5 bytes, their names, and a 4-byte data section.
func module() []byte {
	section := func(id byte, payload ...byte) []byte { return append([]byte{id, byte(len(payload))}, payload...) }
	str := func(s string) []byte { return append([]byte{byte(len(s))}, s...) }
	var imports []byte
	imports = append(imports, 1)
	imports = append(imports, str("go")...)
	imports = append(imports, str("debug")...)
	imports = append(imports, 0, 0)
	code := []byte{2, 3, 0, 0x01, 0x0b, 5, 0, 0x01, 0x01, 0x01, 0x0b}
	var names []byte
	names = append(names, 2)
	names = append(names, 1)
	names = append(names, str("fmt.Println")...)
	names = append(names, 2)
	names = append(names, str("runtime.main")...)
	name := append(str("name"), append([]byte{1, byte(len(names))}, names...)...)
	out := []byte("\x00asm\x01\x00\x00\x00")
	out = append(out, section(2, imports...)...)
	out = append(out, section(10, code...)...)
	out = append(out, section(11, 1, 2, 3, 4)...)
	return append(out, section(0, name...)...)
}

func TestFuncSizesSkipsImportsAndNamesBodies(t *testing.T) {
	sizes, data, err := funcSizes(module())
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"fmt.Println": 3, "runtime.main": 5}, sizes)
	assert.Equal(t, 4, data)
}

func TestReportListsPackagesLargestFirst(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, report(&out, module(), 1))
	assert.Contains(t, out.String(), "| `runtime` | 0.0 | 62.5% |\n| 1 other packages | 0.0 | 37.5% |\n")
}

func TestReportFunctionsListsOnePackage(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, reportFunctions(&out, module(), "fmt", 10))
	assert.Equal(t, "| function | code KiB |\n|---|---:|\n| `fmt.Println` | 0.0 |\n| **1 functions of `fmt`** | **0.0** |\n", out.String())
}

func TestMalformedModulesAreRefused(t *testing.T) {
	_, _, err := funcSizes([]byte("not wasm"))
	assert.EqualError(t, err, "not a WebAssembly module")
	broken := module()
	_, _, err = funcSizes(broken[:len(broken)-3])
	assert.ErrorContains(t, err, "malformed WebAssembly module in section 0")
}
