package page

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/config"
	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/ffi"
	"github.com/hack-pad/safejs"
)

// typeConfig is the one config shared by all main scripts of a type.
type typeConfig struct {
	config.Config
	err            error  // shown once on the page; the type's scripts do not run
	interpreterURL string // "" means the self-hosted default
}

// loadConfigs reads both types' configs up front, as PyScript does before
// its exports resolve. A broken config is reported even if nothing uses it.
func (p *Page) loadConfigs() map[script.Type]*typeConfig {
	out := map[script.Type]*typeConfig{}
	for _, t := range script.Types {
		tc := p.loadConfig(t)
		if tc.err != nil {
			notify(tc.err.Error())
		}
		out[t] = tc
	}
	return out
}

func (p *Page) loadConfig(t script.Type) *typeConfig {
	tc := &typeConfig{}
	var elements []config.Element
	forEach(p.doc.Call("querySelectorAll", t.ConfigSelector()), func(el js.Value) {
		elements = append(elements, config.Element{Src: attr(el, "src"), Text: el.Get("textContent").String(), Type: attr(el, "type")})
	})
	var attrs []string
	sel := `script[type="` + string(t) + `"][config]:not([worker]),` + string(t) + `-script[config]:not([worker])`
	forEach(p.doc.Call("querySelectorAll", sel), func(el js.Value) { attrs = append(attrs, attr(el, "config")) })

	pageURL := p.doc.Get("baseURI").String()
	chosen, err := config.Select(string(t), elements, attrs)
	if err == nil {
		tc.Config, err = config.Load(chosen, pageURL, fetchConfig, parseConfigJSON)
	}
	if err == nil {
		def := p.host.Get("interpreters").Get(string(t)).String()
		tc.interpreterURL, err = tc.InterpreterURL(string(t), pageURL, def)
	}
	if err != nil {
		tc.err = err
		tc.Values = map[string]any{}
	}
	return tc
}

// pythonJSON is what `pyscript.config` parses: the config as it stands now
// (remote packages merged in), with "type" set as PyScript sets it.
func (tc *typeConfig) pythonJSON(t script.Type) string {
	values := make(map[string]any, len(tc.Values)+1)
	for k, v := range tc.Values {
		values[k] = v
	}
	values["type"] = string(t)
	return ffi.ToJSON(values)
}

// fetchConfig fetches a config URL, with PyScript's error texts.
func fetchConfig(url string) (string, error) { return startDownload(url).text() }

// parseConfigJSON parses with the browser's JSON.parse and keeps the written
// key order (Object.keys), which `files` and `js_modules` follow.
func parseConfigJSON(text string) (any, error) {
	v, err := safejs.Safe(js.Global().Get("JSON")).Call("parse", text)
	if err != nil {
		return nil, textError(ffi.Message(err))
	}
	return orderedValue(safejs.Unsafe(v)), nil
}

func orderedValue(v js.Value) any {
	switch {
	case v.Type() != js.TypeObject:
		return ffi.ToGo(v)
	case js.Global().Get("Array").Call("isArray", v).Bool():
		out := make([]any, v.Length())
		for i := range out {
			out[i] = orderedValue(v.Index(i))
		}
		return out
	}
	keys := js.Global().Get("Object").Call("keys", v)
	obj := config.Object{Keys: make([]string, keys.Length()), Values: make(map[string]any, keys.Length())}
	for i := range obj.Keys {
		k := keys.Index(i).String()
		obj.Keys[i] = k
		obj.Values[k] = orderedValue(v.Get(k))
	}
	return obj
}

func forEach(list js.Value, fn func(js.Value)) {
	for i := 0; i < list.Length(); i++ {
		fn(list.Index(i))
	}
}
