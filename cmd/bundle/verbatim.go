package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// A verbatim file is npm packages whose published build is already
// minified CommonJS/UMD (xterm.js and its addons), written into one ES
// module of dist/ byte for byte: esbuild re-printing such a build makes it
// ~5% larger after gzip. Each package runs in a function of its own with a
// `module` and `exports` to fill, and the module exports the names asked
// for. Imports of those packages, wherever they are bundled, import that
// file instead.
type verbatim struct {
	file     string            // the output's name in dist/: "xterm.js"
	packages []verbatimPackage // in the order they run
}

type verbatimPackage struct {
	name   string // "@xterm/xterm"
	export string // the name taken from its module.exports: "Terminal"
}

// parseVerbatim reads -verbatim's FILE.js=PACKAGE:NAME,PACKAGE:NAME….
func parseVerbatim(spec string) (*verbatim, error) {
	if spec == "" {
		return nil, nil
	}
	file, list, ok := strings.Cut(spec, "=")
	if !ok || !strings.HasSuffix(file, ".js") || strings.Contains(file, "/") {
		return nil, fmt.Errorf("-verbatim %q: want FILE.js=PACKAGE:NAME,…", spec)
	}
	v := &verbatim{file: file}
	for _, item := range strings.Split(list, ",") {
		name, export, ok := strings.Cut(item, ":")
		if !ok || name == "" || !identifier.MatchString(export) {
			return nil, fmt.Errorf("-verbatim %q: %q is not PACKAGE:NAME", spec, item)
		}
		v.packages = append(v.packages, verbatimPackage{name: name, export: export})
	}
	return v, nil
}

var (
	identifier = regexp.MustCompile(`^[A-Za-z_$][\w$]*$`)
	// The published file's own source map comment: its map is not copied.
	sourceMapComment = regexp.MustCompile(`(?m)^//# sourceMappingURL=.*$`)
)

// write puts the file into out, each package's main file (package.json's
// "main") read from modules.
func (v *verbatim) write(out, modules string) error {
	var b strings.Builder
	b.WriteString("const load = (run) => { const module = { exports: {} }; run(module, module.exports); return module.exports; };\n")
	for _, p := range v.packages {
		dir := filepath.Join(modules, filepath.FromSlash(p.name))
		var meta struct{ Main string }
		data, err := os.ReadFile(filepath.Join(dir, "package.json"))
		if err == nil {
			err = json.Unmarshal(data, &meta)
		}
		if err == nil && meta.Main == "" {
			err = errors.New(`no "main" in package.json`)
		}
		if err != nil {
			return fmt.Errorf("-verbatim: package %s: %w", p.name, err)
		}
		code, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(meta.Main)))
		if err != nil {
			return fmt.Errorf("-verbatim: package %s: %w", p.name, err)
		}
		fmt.Fprintf(&b, "export const { %s } = load(function (module, exports) {\n%s\n});\n", p.export, sourceMapComment.ReplaceAll(code, nil))
	}
	return os.WriteFile(filepath.Join(out, v.file), []byte(b.String()), 0o644)
}

// plugin makes every import of the packages an import of the file, which
// sits next to the bundles in dist/.
func (v *verbatim) plugin() api.Plugin {
	names := map[string]bool{}
	for _, p := range v.packages {
		names[p.name] = true
	}
	return api.Plugin{
		Name: "verbatim",
		Setup: func(build api.PluginBuild) {
			build.OnResolve(api.OnResolveOptions{Filter: `^[@\w]`}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
				if !names[args.Path] {
					return api.OnResolveResult{}, nil
				}
				return api.OnResolveResult{Path: "./" + v.file, External: true}, nil
			})
		},
	}
}
