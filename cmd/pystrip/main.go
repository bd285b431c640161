// Command pystrip writes copies of Python files without their comments and
// docstrings, line numbers unchanged (see Strip). The build embeds such
// copies of the `pyscript` package in core.wasm: they are a third of its
// size after brotli, and core.wasm is downloaded by every page.
//
// Usage:
//
//	go run ./cmd/pystrip -out DIR FILE.py...
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	out := flag.String("out", "", "`directory` for the stripped copies (created)")
	flag.Parse()
	if err := run(*out, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "pystrip:", err)
		os.Exit(1)
	}
}

func run(out string, files []string) error {
	if out == "" || len(files) == 0 {
		return fmt.Errorf("usage: pystrip -out DIR FILE.py...")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, filepath.Base(name)), Strip(src), 0o644); err != nil {
			return err
		}
	}
	return nil
}
