package runtime

import (
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/config"
	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/ffi"
	"github.com/hack-pad/safejs"
)

// Config is the config one runtime runs with: on the page, the one config
// shared by all main scripts of a type; in a worker, the worker's own.
type Config struct {
	config.Config
	// Err is set when the config cannot be used; its scripts do not run.
	Err error
	// InterpreterURL is the interpreter module to load.
	InterpreterURL string
}

// LoadConfig fetches and parses the chosen config source (a config-parser
// module is imported through loader's import) and resolves the interpreter
// it names (defaultURL when it names none). A failure is kept
// in Err, with empty values, so callers can still report and carry on.
func LoadConfig(t script.Type, chosen config.Selection, pageURL, defaultURL string, loader js.Value) *Config {
	c := &Config{}
	var err error
	c.Config, err = config.Load(chosen, pageURL, FetchText, ParseJSON, moduleParser(loader))
	if err == nil {
		c.InterpreterURL, err = c.Config.InterpreterURL(string(t.Kind()), pageURL, defaultURL)
	}
	if err != nil {
		c.Err = err
		c.Values = map[string]any{}
	}
	return c
}

// PythonJSON is what `pyscript.config` parses: the config as it stands now
// (remote packages merged in), with "type" set as PyScript sets it.
func (c *Config) PythonJSON(t script.Type) string {
	values := make(map[string]any, len(c.Values)+1)
	for k, v := range c.Values {
		values[k] = v
	}
	values["type"] = string(t)
	return ffi.ToJSON(values)
}

// OrderedJS is the config's values as a JS object whose keys come in their
// written order, so that JSON.stringify keeps it (files, js_modules).
func (c *Config) OrderedJS() js.Value { return orderedJS(c.Values, c.Order) }

func orderedJS(v any, order *config.Order) js.Value {
	m, ok := v.(map[string]any)
	if !ok {
		return js.ValueOf(v)
	}
	obj := js.Global().Get("Object").New()
	for _, k := range order.KeysOf(m) {
		obj.Set(k, orderedJS(m[k], order.Child(k)))
	}
	return obj
}

// moduleParser parses text with a config-parser module imported through
// loader: its parse function, else its default export, sync or async. The
// result crosses as JSON, so key order is kept as with ParseJSON.
func moduleParser(loader js.Value) config.ModuleParser {
	return func(moduleURL, text string) (any, error) {
		module, err := ffi.Await(loader.Call("import", moduleURL))
		if err != nil {
			return nil, Error("config-parser " + moduleURL + ": " + ffi.Message(err))
		}
		parse := module.Get("parse")
		if parse.Type() != js.TypeFunction {
			parse = module.Get("default")
		}
		if parse.Type() != js.TypeFunction {
			return nil, Error("config-parser " + moduleURL + " exports no parse function (nor a default one)")
		}
		parsed, err := safejs.Safe(parse).Invoke(text)
		if err != nil {
			return nil, Error(ffi.Message(err))
		}
		value, err := ffi.Await(js.Global().Get("Promise").Call("resolve", safejs.Unsafe(parsed)))
		if err != nil {
			return nil, Error(ffi.Message(err))
		}
		return ParseJSON(js.Global().Get("JSON").Call("stringify", value).String())
	}
}

// FetchText fetches a URL's text, with PyScript's error texts.
func FetchText(url string) (string, error) { return StartDownload(url).Text() }

// ParseJSON parses with the browser's JSON.parse and keeps the written key
// order (Object.keys), which `files` and `js_modules` follow.
func ParseJSON(text string) (any, error) {
	v, err := safejs.Safe(js.Global().Get("JSON")).Call("parse", text)
	if err != nil {
		return nil, Error(ffi.Message(err))
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

// Error is an error whose text is shown as it is.
type Error string

func (e Error) Error() string { return string(e) }
