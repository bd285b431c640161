// Command bundle writes the browser files of dist/ from bootstrap/ with
// esbuild's Go API: each file minified (whitespace, syntax and local names;
// every export, import and property name kept) with an external source map,
// so the browser's tools still show the sources. A file's imports of
// ./lib/… are bundled into it; imports of its siblings (./core.js …) stay
// imports, since those are dist/ files of their own that the page may
// already have loaded. Pages download core.js and wasm_exec.js before
// anything runs, so their bytes are boot time. Bare imports ("@xterm/xterm")
// are npm packages, found in -node-modules and bundled into the file that
// imports them (terminal.js, editor.js), which only the pages using them
// fetch. A .css file is minified the same way. Packages named in -verbatim
// are not bundled but written as published into one module of their own
// (see verbatim.go).
//
// Usage:
//
//	go run ./cmd/bundle -out DIR [-node-modules DIR] [-verbatim FILE.js=PACKAGE:NAME,…] FILE.js|FILE.css...
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

func main() {
	out := flag.String("out", "", "`directory` to write the minified files and their .map into")
	modules := flag.String("node-modules", "", "the `directory` bare imports are resolved in")
	vendor := flag.String("verbatim", "", "`FILE.js=PACKAGE:NAME,…`: packages written as published into FILE.js, which exports NAME of each")
	flag.Parse()
	if err := run(*out, *modules, *vendor, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "bundle:", err)
		os.Exit(1)
	}
}

// siblings keeps an entry's `import … from "./name.js"` an import: name.js
// is a file of dist/ of its own. Imports made inside lib/ are bundled.
func siblings(files []string) api.Plugin {
	dirs := map[string]bool{}
	for _, f := range files {
		if abs, err := filepath.Abs(f); err == nil {
			dirs[filepath.Dir(abs)] = true
		}
	}
	return api.Plugin{
		Name: "siblings",
		Setup: func(build api.PluginBuild) {
			build.OnResolve(api.OnResolveOptions{Filter: `^\./[^/]+\.js$`}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
				if args.Kind == api.ResolveEntryPoint || !dirs[args.ResolveDir] {
					return api.OnResolveResult{}, nil
				}
				return api.OnResolveResult{Path: args.Path, External: true}, nil
			})
		},
	}
}

func run(out, modules, vendor string, files []string) error {
	if out == "" || len(files) == 0 {
		return errors.New("usage: bundle -out DIR [-node-modules DIR] [-verbatim FILE.js=PACKAGE:NAME,…] FILE.js|FILE.css...")
	}
	var nodePaths []string
	if modules != "" {
		nodePaths = []string{modules}
	}
	plugins := []api.Plugin{siblings(files)}
	v, err := parseVerbatim(vendor)
	if err != nil {
		return err
	}
	if v != nil {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
		if err := v.write(out, modules); err != nil {
			return err
		}
		plugins = append(plugins, v.plugin())
	}
	result := api.Build(api.BuildOptions{
		EntryPoints:       files,
		Outdir:            out,
		EntryNames:        "[name]",
		Bundle:            true,
		Format:            api.FormatESModule,
		Platform:          api.PlatformBrowser,
		Target:            api.ES2022,
		MinifyWhitespace:  true,
		MinifySyntax:      true,
		MinifyIdentifiers: true,
		Sourcemap:         api.SourceMapLinked,
		SourcesContent:    api.SourcesContentInclude,
		LegalComments:     api.LegalCommentsNone,
		Plugins:           plugins,
		NodePaths:         nodePaths,
		Write:             true,
		LogLevel:          api.LogLevelSilent,
	})
	if len(result.Errors) > 0 {
		msgs := make([]string, len(result.Errors))
		for i, m := range result.Errors {
			msgs[i] = m.Text
			if l := m.Location; l != nil {
				msgs[i] = fmt.Sprintf("%s:%d:%d: %s", l.File, l.Line, l.Column, m.Text)
			}
		}
		return errors.New(strings.Join(msgs, "; "))
	}
	return nil
}
