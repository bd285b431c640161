package page

import (
	"github.com/gopyscript/gopyscript/ffi"
)

// addDefaultHooks puts PyScript's own hook in hooks.main before anything
// else can: the input() error for async="false" scripts, which a plugin
// may remove like any other.
func (p *Page) addDefaultHooks() {
	p.host.Get("hooks").Get("main").Get("codeBeforeRun").Call("add", mainThreadInput)
}

// waitForPlugins returns once plugins had their chance to add hooks (see
// core.js's pluginsAdded); scripts and workers start after it.
func (p *Page) waitForPlugins() { _, _ = ffi.Await(p.host.Call("pluginsAdded")) }
