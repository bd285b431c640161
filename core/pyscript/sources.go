//go:build !stripped

package pyscript

import "embed"

// The sources as written: what tests and tools read.
//
//go:embed pyscript/*.py
var sources embed.FS

const root = "pyscript"
