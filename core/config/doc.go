// Package config finds, classifies and parses the PyScript configuration of
// a page, for one interpreter type at a time ("py" or "mpy"), and reads the
// keys PyScript acts on.
//
// It follows @pyscript/core 0.7.31 (src/config.js) and polyscript's loader
// rules (files, fetch, js_modules, packages, remote packages). It is pure
// Go, without encoding/json, regexp or fmt; only URL resolution uses the
// browser's URL class under js/wasm (resolve_js.go). JSON text is parsed
// by a function that the caller injects (the browser's JSON.parse); TOML
// is parsed with github.com/BurntSushi/toml. Go maps forget key order, so
// Parse records it on the side (Order) for "files" templates and import
// order.
//
// Typical flow on the main thread:
//
//	sel, err := config.Select("py", elements, attrs) // <py-config> vs config=""
//	cfg, err := config.Load(sel, pageURL, fetch, jsonParse, parseWith) // parseWith: config-parser
//	url, err := cfg.InterpreterURL("py", pageURL, defaultURL)
//	err = config.ExpandRemotes(&cfg, pageURL, fetch, jsonParse) // remote packages
//	files, err := cfg.Files(pageURL)                            // files + fetch
//	main, worker, err := cfg.JSModules(pageURL)
//	pkgs, err := cfg.Packages(pageURL)
//
// Error messages reproduce PyScript's texts: config errors carry the
// "(PY1000)" (bad config) or "(PY0409)" (conflicting config) prefix, while
// the messages polyscript raises itself ("Invalid template: {X}",
// "Duplicated path: <url>", ...) have none, as in PyScript.
package config
