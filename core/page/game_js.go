package page

import (
	"github.com/gopyscript/gopyscript/core/config"
	"github.com/gopyscript/gopyscript/core/runtime"
	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/ffi"
)

// PyScript's py-game: <script type="py-game"> runs in a Pyodide of its own,
// which always installs pygame-ce; each script's config attribute adds its
// files, js_modules and packages before the script runs. dist/game.js does
// the rest: canvas, input(), the py-game event and the run.

// gameConfig reads a py-game script's own config ({} without one).
func (p *Page) gameConfig(it *item) *runtime.Config {
	if it.config == nil {
		sel := config.Selection{Config: attr(it.el, "config"), Parser: attr(it.el, "config-parser")}
		it.config = runtime.LoadConfig(script.Game, sel, p.baseURL(), p.defaultInterpreter(script.Game), p.host)
	}
	return it.config
}

// gameRuntimeConfig is what the py-game interpreter loads with: the first
// script's config (so its pyodide_index, say, applies), with pygame-ce
// first in its packages. A config that cannot be read is that script's
// error, not the others'.
func (p *Page) gameRuntimeConfig(first *item) *runtime.Config {
	c := *p.gameConfig(first)
	if c.Err != nil {
		c = *runtime.LoadConfig(script.Game, config.Selection{}, p.baseURL(), p.defaultInterpreter(script.Game), p.host)
	}
	c.Values = withPygame(c.Values)
	return &c
}

// runGame runs one py-game script to its end, as PyScript runs them one
// after another: its config set up first (the first script's already is),
// then dist/game.js.
func (r *runner) runGame(it *item) {
	el := it.el
	first := it.config != nil
	own := r.page.gameConfig(it)
	if own.Err != nil {
		r.report(own.Err.Error())
		return
	}
	if !first && len(own.Values) > 0 {
		if err := r.rt.Apply(own); err != nil {
			for _, message := range runtime.Messages(err) {
				r.report(message)
			}
			return
		}
	}
	if srcWithCode(el) {
		r.rejectContent(el, func() {})
		return
	}
	code, err := it.code()
	if err != nil {
		r.report(err.Error())
		return
	}
	r.rt.Module.Set("target", el.Get("id"))
	r.rt.Module.Set("script", el)
	if _, err := ffi.Await(r.page.host.Call("game", el, r.wrap, r.rt.Module, code, ffi.ToJSON(own.Values))); err != nil {
		r.report(runtime.PythonError(err))
	}
}
