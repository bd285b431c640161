// Package config finds, classifies and parses the PyScript configuration of
// a page, for one interpreter type at a time ("py" or "mpy").
//
// It follows @pyscript/core 0.7.31 (src/config.js) and polyscript's loader
// rules, and it is pure Go: no syscall/js and no encoding/json. JSON text is
// parsed by a function that the caller injects (the browser's JSON.parse);
// TOML is parsed with github.com/BurntSushi/toml.
//
// Typical flow on the main thread:
//
//	sel, err := config.Select("py", elements, attrs) // <py-config> vs config=""
//	cfg, err := config.Load(sel, pageURL, fetch, jsonParse)
//	url, err := cfg.InterpreterURL("py", pageURL, defaultURL)
//
// Every error message reproduces PyScript's text, with its "(PY1000)"
// (bad config) or "(PY0409)" (conflicting config) prefix.
package config
