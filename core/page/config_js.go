package page

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/config"
	"github.com/gopyscript/gopyscript/core/runtime"
	"github.com/gopyscript/gopyscript/core/script"
)

// loadConfigs reads the py and mpy configs up front, as PyScript does before
// its exports resolve. A broken config is reported even if nothing uses it.
// py-game scripts have their own (see gameConfig).
func (p *Page) loadConfigs() map[script.Type]*runtime.Config {
	out := map[script.Type]*runtime.Config{}
	for _, t := range script.Types[:2] {
		chosen, err := p.selectConfig(t)
		var c *runtime.Config
		if err != nil {
			c = &runtime.Config{Config: config.Config{Values: map[string]any{}}, Err: err}
		} else {
			c = runtime.LoadConfig(t, chosen, p.baseURL(), p.defaultInterpreter(t), p.host)
		}
		if c.Err != nil {
			notify(c.Err.Error())
		} else {
			// What a worker script without a config of its own inherits:
			// parsed here, as in PyScript, where a config-parser module may
			// use the page's document; taken before the page's runtime merges
			// remote packages into it; its relative URLs resolve against the
			// file it came from.
			p.shared[t] = config.Selection{Config: js.Global().Get("JSON").Call("stringify", c.OrderedJS()).String(), Base: c.ConfigURL}
		}
		out[t] = c
	}
	return out
}

// selectConfig picks the type's config source among the page's elements
// and main-script attributes, with PyScript's conflict errors.
func (p *Page) selectConfig(t script.Type) (config.Selection, error) {
	var elements []config.Element
	forEach(p.doc.Call("querySelectorAll", t.ConfigSelector()), func(el js.Value) {
		elements = append(elements, config.Element{Src: attr(el, "src"), Text: el.Get("textContent").String(),
			Type: attr(el, "type"), Parser: attr(el, "config-parser")})
	})
	var attrs []string
	parser := ""
	sel := `script[type="` + string(t) + `"][config]:not([worker]),` + string(t) + `-script[config]:not([worker])`
	forEach(p.doc.Call("querySelectorAll", sel), func(el js.Value) {
		attrs = append(attrs, attr(el, "config"))
		if parser == "" {
			parser = attr(el, "config-parser")
		}
	})
	chosen, err := config.Select(string(t), elements, attrs)
	if len(elements) == 0 {
		chosen.Parser = parser
	}
	return chosen, err
}

func (p *Page) baseURL() string { return p.doc.Get("baseURI").String() }

// defaultInterpreter is the self-hosted interpreter next to core.js.
func (p *Page) defaultInterpreter(t script.Type) string {
	return p.host.Get("interpreters").Get(string(t.Kind())).String()
}

func forEach(list js.Value, fn func(js.Value)) {
	for i := 0; i < list.Length(); i++ {
		fn(list.Index(i))
	}
}
