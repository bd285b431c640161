// Command wasmsize prints how many bytes of a WebAssembly module's code
// each Go package takes, from the function names of an unstripped build:
//
//	GOOS=js GOARCH=wasm go build -o /tmp/core.wasm ./bootstrap
//	go run ./cmd/wasmsize [-top 30] /tmp/core.wasm
//	go run ./cmd/wasmsize -package slices /tmp/core.wasm  # its largest functions
//
// `make size` runs it on the core, so a change that grows the boot binary
// shows where. Sizes are raw function bodies (brotli shrinks the whole file
// about 5×); package paths are spelled as in the name section, "_" for "/".
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
)

func main() {
	top := flag.Int("top", 30, "how many packages (or functions) to list")
	pkg := flag.String("package", "", "list this package's largest functions instead")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: wasmsize [-top N] [-package P] module.wasm")
		os.Exit(2)
	}
	module, err := os.ReadFile(flag.Arg(0))
	if err == nil && *pkg != "" {
		err = reportFunctions(os.Stdout, module, *pkg, *top)
	} else if err == nil {
		err = report(os.Stdout, module, *top)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}

// report writes the Markdown table of the top packages by code size.
func report(w io.Writer, module []byte, top int) error {
	sizes, data, err := funcSizes(module)
	if err != nil {
		return err
	}
	byPackage := map[string]int{}
	code := 0
	for name, size := range sizes {
		byPackage[packageOf(name)] += size
		code += size
	}
	packages := make([]string, 0, len(byPackage))
	for p := range byPackage {
		packages = append(packages, p)
	}
	sort.Slice(packages, func(i, j int) bool {
		if byPackage[packages[i]] != byPackage[packages[j]] {
			return byPackage[packages[i]] > byPackage[packages[j]]
		}
		return packages[i] < packages[j]
	})
	fmt.Fprintf(w, "| package | code KiB | share of code |\n|---|---:|---:|\n")
	rest := code
	for i, p := range packages {
		if i == top {
			break
		}
		fmt.Fprintf(w, "| `%s` | %.1f | %.1f%% |\n", p, kib(byPackage[p]), percent(byPackage[p], code))
		rest -= byPackage[p]
	}
	if len(packages) > top {
		fmt.Fprintf(w, "| %d other packages | %.1f | %.1f%% |\n", len(packages)-top, kib(rest), percent(rest, code))
	}
	fmt.Fprintf(w, "| **all code** | **%.1f** | 100%% |\n\nData section (static data of all packages: strings, tables, type info): %.1f KiB. Whole module: %.1f KiB.\n",
		kib(code), kib(data), kib(len(module)))
	return nil
}

// reportFunctions writes the Markdown table of one package's largest
// functions: where to look when that package grew.
func reportFunctions(w io.Writer, module []byte, pkg string, top int) error {
	sizes, _, err := funcSizes(module)
	if err != nil {
		return err
	}
	var names []string
	total := 0
	for name, size := range sizes {
		if packageOf(name) == pkg {
			names = append(names, name)
			total += size
		}
	}
	sort.Slice(names, func(i, j int) bool {
		if sizes[names[i]] != sizes[names[j]] {
			return sizes[names[i]] > sizes[names[j]]
		}
		return names[i] < names[j]
	})
	fmt.Fprintf(w, "| function | code KiB |\n|---|---:|\n")
	for i, name := range names {
		if i == top {
			break
		}
		fmt.Fprintf(w, "| `%s` | %.1f |\n", name, kib(sizes[name]))
	}
	fmt.Fprintf(w, "| **%d functions of `%s`** | **%.1f** |\n", len(names), pkg, kib(total))
	return nil
}

// packageOf is the Go package of a function name as the wasm name section
// spells it, with "_" for "/" and "-": "github.com_BurntSushi_toml.lexKey"
// is in "github.com_BurntSushi_toml", "runtime.mallocgc" in "runtime". The
// package ends at the first dot after a module's domain. Names the
// compiler generates ("type:.eq.…" equality functions, the wasm entry
// points) count as "(generated)".
func packageOf(name string) string {
	if strings.HasPrefix(name, "type_.") {
		return "(generated)"
	}
	start := 0
	if domain := moduleDomain.FindString(name); domain != "" {
		start = len(domain) // its dots are not the package's end
	}
	dot := strings.IndexByte(name[start:], '.')
	if dot <= 0 {
		return "(generated)"
	}
	return name[:start+dot]
}

// moduleDomain matches the domain a module path starts with.
var moduleDomain = regexp.MustCompile(`^[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|org|net|io|in|dev)_`)

func kib(n int) float64 { return float64(n) / 1024 }

func percent(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return 100 * float64(n) / float64(total)
}
