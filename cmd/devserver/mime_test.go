package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestContentType(t *testing.T) {
	for name, want := range map[string]string{
		"index.html":           "text/html; charset=utf-8",
		"core.js":              "text/javascript; charset=utf-8",
		"core.mjs":             "text/javascript; charset=utf-8",
		"CORE.MJS":             "text/javascript; charset=utf-8",
		"main.wasm":            "application/wasm",
		"pyscript.json":        "application/json",
		"style.css":            "text/css; charset=utf-8",
		"pyscript.toml":        "application/toml",
		"dir.v1/main.py":       "text/x-python; charset=utf-8",
		"notes.txt":            "text/plain; charset=utf-8",
		"pkg.whl":              "application/zip",
		"pkg.zip":              "application/zip",
		"pkg.tar":              "application/x-tar",
		"pkg.tar.gz":           "application/gzip",
		"pkg.tgz":              "application/gzip",
		"logo.svg":             "image/svg+xml",
		"logo.png":             "image/png",
		"core.js.br":           "application/octet-stream",
		"python_stdlib.zip.xz": "application/octet-stream",
		"LICENSE":              "application/octet-stream",
	} {
		assert.Equal(t, want, contentType(name), name)
	}
}
