//go:build stripped

package pyscript

import "embed"

// The copies `make dist` embeds in core.wasm: without comments and
// docstrings, lines unchanged (cmd/pystrip writes them from pyscript/).
//
//go:embed stripped/*.py
var sources embed.FS

const root = "stripped"
