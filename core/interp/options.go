package interp

import "strings"

// MicroPythonWASM is the wasm file next to a micropython.mjs: the settrace
// build when debugging, the ulab build when the ulab package is asked for.
func MicroPythonWASM(moduleURL string, debug, ulab bool) string {
	base := strings.TrimSuffix(strings.TrimSuffix(moduleURL, ".mjs"), ".js")
	if debug {
		base += "-settrace"
	}
	if ulab {
		base += "-ulab"
	}
	return base + ".wasm"
}

// MicroPythonHeap is the heap a MicroPython needs to read a config of
// configBytes, or 0 for its loader's default (1 MB). Its heap grows in
// areas no larger than the first, so no single object (the config's text,
// then its largest value) can outgrow the heap it starts with.
func MicroPythonHeap(configBytes int) int {
	const defaultHeap = 1 << 20
	heap := defaultHeap
	for heap < 2*configBytes+defaultHeap/2 {
		heap <<= 1
	}
	if heap == defaultHeap {
		return 0
	}
	return heap
}
