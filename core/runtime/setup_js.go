package runtime

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
	downloads []Download // one per file, started at once
	jsModules []config.JSModule
	packages  config.PackageSet
	base      string // what relative URLs in the config resolve against
	cache     *pyodideCache
}

// plan expands remote packages, starts every file download, and validates
// the keys that matter before the interpreter loads.
func (rt *Runtime) plan() (*plan, error) {
	cfg, pageURL := rt.Config, rt.PageURL
	if listed, err := cfg.Packages(pageURL); err == nil && len(listed.Remote) > 0 {
		rt.Progress("Loading remote packages")
		if err := config.ExpandRemotes(&cfg.Config, pageURL, FetchText, ParseJSON); err != nil {
			return nil, err
		}
		rt.Progress("Loaded remote packages")
		rt.Module.Set("config", cfg.PythonJSON(rt.Type))
	}
	p := &plan{options: map[string]any{}}
	var err error
	if p.debug, err = cfg.Debug(); err != nil {
		return nil, err
	}
	if p.files, err = cfg.Files(pageURL); err != nil {
		return nil, err
	}
	p.downloads = make([]Download, len(p.files))
	for i, f := range p.files {
		p.downloads[i] = StartDownload(f.URL) // as soon as the list is known
	}
	mainModules, workerModules, err := cfg.JSModules(pageURL)
	if err != nil {
		return nil, err
	}
	p.jsModules = mainModules
	if rt.Worker {
		p.jsModules = workerModules
		// The page's modules are imported on the page when Python first
		// asks for them; a worker only needs their names and URLs.
		onPage := js.Global().Get("Object").New()
		for _, m := range mainModules {
			onPage.Set(m.Name, map[string]any{"url": m.URL, "css": m.CSS})
		}
		rt.Module.Set("js_modules_main", onPage)
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
	// Load options only matter before the interpreter loads (see Apply).
	if rt.Type.Kind() == script.Py && rt.Interp == nil {
		if err := pyodideIndex(cfg, pageURL, p.options); err != nil {
			return nil, err
		}
		p.cache = rt.applyPackagesCache(p)
	}
	if rt.Type == script.MPy {
		ulab := removeName(&p.packages.Names, "ulab")
		if p.debug || ulab {
			p.options["url"] = interp.MicroPythonWASM(cfg.InterpreterURL, p.debug, ulab)
		}
		if heap := interp.MicroPythonHeap(len(cfg.PythonJSON(rt.Type))); heap > 0 {
			p.options["heapsize"] = heap
		}
	}
	p.base = cfg.Base(pageURL)
	return p, nil
}

// setup writes the files, imports js_modules and installs packages.
func (rt *Runtime) setup(p *plan) error {
	if len(p.files) > 0 {
		rt.Progress("Loading files")
		for i, f := range p.files {
			if err := rt.writeFile(f, p.downloads[i]); err != nil {
				return err
			}
		}
		rt.Progress("Loaded files")
	}
	if len(p.jsModules) > 0 {
		rt.Progress("Loading JS modules")
		modules, err := rt.loadJSModules(p.jsModules)
		if err != nil {
			return err
		}
		rt.Module.Set("js_modules", modules)
		rt.Progress("Loaded JS modules")
	}
	pk := p.packages
	if len(pk.Names) == 0 && len(pk.Wheels) == 0 {
		return nil
	}
	rt.Progress("Loading packages")
	var err error
	if rt.Type.Kind() == script.Py {
		var micropip js.Value
		micropip, err = rt.installPyodidePackages(pk.Wheels, pk.Names, pk.IndexURLs)
		if err == nil && p.cache != nil && micropip.Truthy() {
			if err := p.cache.save(micropip); err != nil {
				js.Global().Get("console").Call("warn", "GoPyScript: packages not cached: "+err.Error())
			}
		}
	} else {
		err = rt.installMicroPythonPackages(pk.Wheels, pk.Names, p.base)
	}
	if err != nil {
		return err
	}
	rt.Progress("Loaded packages")
	return nil
}

// writeFile puts one downloaded file, or an archive's content, in place.
func (rt *Runtime) writeFile(f config.FileSpec, d Download) error {
	if f.Extract {
		return rt.unpack(d, f.Format, f.Dest)
	}
	data, err := d.Bytes()
	if err != nil {
		return err
	}
	return rt.Interp.WriteBytes(f.Dest, data)
}

// unpack writes a downloaded archive's files under dest.
func (rt *Runtime) unpack(d Download, format, dest string) error {
	data, err := d.Bytes()
	if err != nil {
		return err
	}
	return archive.Options{Name: d.url}.Extract(goBytes(data), format, dest, rt.Interp.WriteFile)
}

// installMicroPythonPackages unzips wheels at the root, as PyScript does,
// and installs everything else with mip semantics into /lib. Relative specs
// ("./pkg/") are package folders next to the config.
func (rt *Runtime) installMicroPythonPackages(wheels, names []string, base string) error {
	for _, url := range wheels {
		if err := rt.unpack(StartDownload(url), archive.Zip, "/"); err != nil {
			return err
		}
	}
	installer := mip.New(mip.Options{JSON: ffi.ParseJSON, Log: rt.Progress}, fetchBytes, rt.Interp.WriteFile)
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
	data, err := StartDownload(url).Bytes()
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
func pyodideIndex(cfg *Config, pageURL string, options map[string]any) error {
	v, ok := cfg.Values["pyodide_index"]
	if !ok {
		return nil
	}
	folder, isString := v.(string)
	if !isString || folder == "" {
		return Error(`(PY1000): Invalid config: "pyodide_index" must be the URL of a folder`)
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
