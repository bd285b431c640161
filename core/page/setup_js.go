package page

import (
	"errors"
	"strings"
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/archive"
	"github.com/gopyscript/gopyscript/core/config"
	"github.com/gopyscript/gopyscript/core/interp"
	"github.com/gopyscript/gopyscript/core/mip"
	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/ffi"
)

// plan is what a type's config asks for, read and checked before the
// interpreter loads; its downloads are already under way.
type plan struct {
	options   map[string]any // for loadMicroPython / loadPyodide
	debug     bool
	files     []config.FileSpec
	downloads []download // one per file, started at once
	jsModules []config.JSModule
	packages  config.PackageSet
	base      string // what relative URLs in the config resolve against
	cache     *pyodideCache
}

// plan expands remote packages, starts every file download, and validates
// the keys that matter before the interpreter loads.
func (r *runner) plan(cfg *typeConfig) (*plan, error) {
	pageURL := r.page.doc.Get("baseURI").String()
	if listed, err := cfg.Packages(pageURL); err == nil && len(listed.Remote) > 0 {
		r.progress("Loading remote packages")
		if err := config.ExpandRemotes(&cfg.Config, pageURL, fetchConfig, parseConfigJSON); err != nil {
			return nil, err
		}
		r.progress("Loaded remote packages")
	}
	p := &plan{options: map[string]any{}}
	var err error
	if p.debug, err = cfg.Debug(); err != nil {
		return nil, err
	}
	if p.files, err = cfg.Files(pageURL); err != nil {
		return nil, err
	}
	p.downloads = make([]download, len(p.files))
	for i, f := range p.files {
		p.downloads[i] = startDownload(f.URL) // as soon as the list is known
	}
	if p.jsModules, _, err = cfg.JSModules(pageURL); err != nil {
		return nil, err
	}
	if p.packages, err = cfg.Packages(pageURL); err != nil {
		return nil, err
	}
	if ms, ok := cfg.FFITimeout(); ok {
		js.Global().Set("reflected_ffi_timeout", ms) // read by workers, as in PyScript
	}
	// Keys used later (or by workers) are checked now, with the others.
	if _, err := cfg.PackagesCache(); err != nil {
		return nil, err
	}
	if _, err := cfg.SyncMainOnly(); err != nil {
		return nil, err
	}
	if _, err := cfg.Plugins(); err != nil {
		return nil, err
	}
	if r.typ == script.Py {
		if err := pyodideIndex(cfg, pageURL, p.options); err != nil {
			return nil, err
		}
		p.cache = r.applyPackagesCache(cfg, p)
	}
	if r.typ == script.MPy {
		ulab := removeName(&p.packages.Names, "ulab")
		if p.debug || ulab {
			p.options["url"] = interp.MicroPythonWASM(cfg.interpreterURL, p.debug, ulab)
		}
	}
	p.base = cfg.Base(pageURL)
	return p, nil
}

// setup writes the files, imports js_modules and installs packages.
func (r *runner) setup(p *plan) error {
	if len(p.files) > 0 {
		r.progress("Loading files")
		for i, f := range p.files {
			if err := r.writeFile(f, p.downloads[i]); err != nil {
				return err
			}
		}
		r.progress("Loaded files")
	}
	if len(p.jsModules) > 0 {
		r.progress("Loading JS modules")
		modules, err := r.loadJSModules(p.jsModules)
		if err != nil {
			return err
		}
		r.module.Set("js_modules", modules)
		r.progress("Loaded JS modules")
	}
	pk := p.packages
	if len(pk.Names) == 0 && len(pk.Wheels) == 0 {
		return nil
	}
	r.progress("Loading packages")
	var err error
	if r.typ == script.Py {
		var micropip js.Value
		micropip, err = r.installPyodidePackages(pk.Wheels, pk.Names, pk.IndexURLs)
		if err == nil && p.cache != nil && micropip.Truthy() {
			if err := p.cache.save(micropip); err != nil {
				js.Global().Get("console").Call("warn", "GoPyScript: packages not cached: "+err.Error())
			}
		}
	} else {
		err = r.installMicroPythonPackages(pk.Wheels, pk.Names, p.base)
	}
	if err != nil {
		return err
	}
	r.progress("Loaded packages")
	return nil
}

// writeFile puts one downloaded file, or an archive's content, in place.
func (r *runner) writeFile(f config.FileSpec, d download) error {
	if f.Extract {
		return r.unpack(d, f.Format, f.Dest)
	}
	data, err := d.bytes()
	if err != nil {
		return err
	}
	return r.interp.WriteBytes(f.Dest, data)
}

// unpack writes a downloaded archive's files under dest.
func (r *runner) unpack(d download, format, dest string) error {
	data, err := d.bytes()
	if err != nil {
		return err
	}
	return archive.Options{Name: d.url}.Extract(goBytes(data), format, dest, r.interp.WriteFile)
}

// installMicroPythonPackages unzips wheels at the root, as PyScript does,
// and installs everything else with mip semantics into /lib. Relative specs
// ("./pkg/") are package folders next to the config.
func (r *runner) installMicroPythonPackages(wheels, names []string, base string) error {
	for _, url := range wheels {
		if err := r.unpack(startDownload(url), archive.Zip, "/"); err != nil {
			return err
		}
	}
	installer := mip.New(mip.Options{JSON: ffi.ParseJSON, Log: r.progress}, fetchBytes, r.interp.WriteFile)
	for _, spec := range names {
		if strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") || strings.HasPrefix(spec, "/") {
			abs, err := config.Resolve(spec, base)
			if err != nil {
				return err
			}
			spec = abs
		}
		if err := installer.Install(spec); err != nil {
			return err
		}
	}
	return nil
}

// fetchBytes is mip's fetcher: HTTP errors come back as *mip.HTTPError,
// which mip turns into "Package not found" and the like.
func fetchBytes(url string) ([]byte, error) {
	data, err := startDownload(url).bytes()
	var status httpError
	if errors.As(err, &status) {
		return nil, &mip.HTTPError{Status: status.status, StatusText: status.statusText}
	}
	if err != nil {
		return nil, err
	}
	return goBytes(data), nil
}

// pyodideIndex applies `pyodide_index`, GoPyScript's key for a folder
// holding a pyodide-lock.json and its wheels (a mirror, or a test index):
// Pyodide then reads its lock and packages there instead of the CDN.
func pyodideIndex(cfg *typeConfig, pageURL string, options map[string]any) error {
	v, ok := cfg.Values["pyodide_index"]
	if !ok {
		return nil
	}
	folder, isString := v.(string)
	if !isString || folder == "" {
		return textError(`(PY1000): Invalid config: "pyodide_index" must be the URL of a folder`)
	}
	if !strings.HasSuffix(folder, "/") {
		folder += "/"
	}
	abs, err := config.Resolve(folder, cfg.Base(pageURL))
	if err != nil {
		return err
	}
	options["lockFileURL"] = abs + "pyodide-lock.json"
	options["packageBaseUrl"] = abs
	return nil
}

// removeName drops every entry equal to name, reporting whether it was there.
func removeName(list *[]string, name string) bool {
	kept := (*list)[:0]
	found := false
	for _, v := range *list {
		if v == name {
			found = true
		} else {
			kept = append(kept, v)
		}
	}
	*list = kept
	return found
}
