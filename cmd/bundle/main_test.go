package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func write(t *testing.T, path, text string) string {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	return path
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(data)
}

// What other files and pages rely on survives: export names, imports of
// sibling files, dynamic imports, property names, import.meta.url; the
// parts under lib/ are inlined; comments and local names go.
func TestBundleKeepsTheInterface(t *testing.T) {
	src := t.TempDir()
	write(t, filepath.Join(src, "lib", "inner.js"), "export const inner = (x) => x.innerProperty;\n")
	write(t, filepath.Join(src, "lib", "part.js"), "// A part.\nimport { inner } from \"./inner.js\";\nexport const partValue = (x) => x.partProperty + inner(x);\n")
	core := write(t, filepath.Join(src, "core.js"), `// The loader.
import { helper } from "./helper.js";
import { partValue } from "./lib/part.js";
const localName = (someArgument) => someArgument.property + helper(import.meta.url) + partValue(someArgument);
export const exported = { key: localName, load: (name) => import(new URL(name, import.meta.url).href) };
export default exported;
`)
	script := write(t, filepath.Join(src, "sw.js"), "self.addEventListener(\"fetch\", (event) => event.respondWith(fetch(event.request)));\n")
	out := filepath.Join(t.TempDir(), "dist")
	require.NoError(t, run(out, "", "", []string{core, script}))

	code := read(t, filepath.Join(out, "core.js"))
	for _, kept := range []string{`from"./helper.js"`, "import.meta.url", ".property", ".partProperty", ".innerProperty", "exported", "key:", "import(", "as default"} {
		assert.Contains(t, code, kept)
	}
	for _, gone := range []string{"The loader", "A part", "localName", "someArgument", "part.js", "inner.js"} {
		assert.NotContains(t, code, gone)
	}
	assert.True(t, strings.HasSuffix(code, "//# sourceMappingURL=core.js.map\n"), code)
	sourceMap := read(t, filepath.Join(out, "core.js.map"))
	assert.Contains(t, sourceMap, "The loader.")
	assert.Contains(t, sourceMap, "A part.")

	// A classic script (a service worker) stays one: no import or export.
	sw := read(t, filepath.Join(out, "sw.js"))
	assert.Contains(t, sw, `self.addEventListener("fetch"`)
	assert.NotContains(t, sw, "export")
	assert.NoFileExists(t, filepath.Join(out, "part.js"))
}

func TestRunReportsWhereTheSourceIsBroken(t *testing.T) {
	broken := write(t, filepath.Join(t.TempDir(), "broken.js"), "const a = ;\n")
	err := run(t.TempDir(), "", "", []string{broken})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "broken.js:1:10")
	assert.Error(t, run("", "", "", []string{broken}))
	assert.Error(t, run(t.TempDir(), "", "", []string{filepath.Join(t.TempDir(), "missing.js")}))
}

// An npm package is bundled into the file that imports it (pages that never
// load that file never download it); CSS is minified too.
func TestBundleInlinesPackagesFromNodeModules(t *testing.T) {
	src, modules := t.TempDir(), t.TempDir()
	write(t, filepath.Join(modules, "widget", "package.json"), `{"name":"widget","module":"index.mjs"}`)
	write(t, filepath.Join(modules, "widget", "index.mjs"), "export class Widget { open(el) { el.dataset.widgetOpened = 'yes'; } }\n")
	entry := write(t, filepath.Join(src, "panel.js"), "import { Widget } from \"widget\";\nexport const panel = (el) => new Widget().open(el);\n")
	css := write(t, filepath.Join(src, "panel.css"), ".panel {\n  color: #ff0000;\n}\n")
	out := t.TempDir()
	require.NoError(t, run(out, modules, "", []string{entry, css}))
	code := read(t, filepath.Join(out, "panel.js"))
	assert.Contains(t, code, "widgetOpened")
	assert.NotContains(t, code, `from"widget"`)
	assert.Contains(t, read(t, filepath.Join(out, "panel.css")), ".panel{color:red}")
	assert.Error(t, run(t.TempDir(), "", "", []string{entry}), "without node_modules the package cannot be found")
}

// A -verbatim package keeps its published bytes, in a module of its own
// that the bundles import; what it exports works as an ES module's export.
func TestVerbatimPackagesKeepTheirPublishedBytes(t *testing.T) {
	src, modules := t.TempDir(), t.TempDir()
	published := `!function(e,t){"object"==typeof exports&&"object"==typeof module?module.exports=t():e.Gadget=t()}(globalThis,(()=>({Gadget:class{spin(){return "spun"}}})));`
	write(t, filepath.Join(modules, "@scope", "gadget", "package.json"), `{"name":"@scope/gadget","main":"lib/gadget.js"}`)
	write(t, filepath.Join(modules, "@scope", "gadget", "lib", "gadget.js"), published+"\n//# sourceMappingURL=gadget.js.map\n")
	write(t, filepath.Join(src, "lib", "user.js"), "import { Gadget } from \"@scope/gadget\";\nexport const use = () => new Gadget().spin();\n")
	top := write(t, filepath.Join(src, "panel.js"), "export { use } from \"./lib/user.js\";\n")
	out := t.TempDir()
	require.NoError(t, run(out, modules, "gadgets.js=@scope/gadget:Gadget", []string{top}))
	vendor := read(t, filepath.Join(out, "gadgets.js"))
	assert.Contains(t, vendor, published)
	assert.Contains(t, vendor, "export const { Gadget } = load(")
	assert.NotContains(t, vendor, "sourceMappingURL")
	panel := read(t, filepath.Join(out, "panel.js"))
	assert.Contains(t, panel, `from"./gadgets.js"`)
	assert.NotContains(t, panel, "spun")

	for _, bad := range []string{"gadgets.js", "gadgets.js=@scope/gadget", "a/b.js=@scope/gadget:Gadget", "gadgets.js=@scope/gadget:not-a-name"} {
		assert.Error(t, run(t.TempDir(), modules, bad, []string{top}), bad)
	}
	assert.Error(t, run(t.TempDir(), modules, "gadgets.js=@scope/missing:Gadget", []string{top}))
}
