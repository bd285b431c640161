package runtime

import (
	"sort"
	"strings"
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/config"
	"github.com/gopyscript/gopyscript/core/interp"
	"github.com/gopyscript/gopyscript/ffi"
)

// pyodideCache is Pyodide's package lock cache, laid out as PyScript lays it
// out so existing caches stay valid: IndexedDB database
// "IDBMap/<indexURL>@<version>", object store "entries", key = the sorted
// package list as JSON, value = micropip.freeze().
type pyodideCache struct {
	db  js.Value
	key string // set when the install should be frozen into the cache
}

const cacheStore = "entries"

// applyPackagesCache decides how the packages install, per packages_cache:
// a cached lock makes loadPyodide install them all without micropip;
// "passthrough" hands them to loadPyodide as they are; "never" forgets the
// cache. It returns the cache to save into after a micropip install, or nil.
func (rt *Runtime) applyPackagesCache(p *plan) *pyodideCache {
	setting, _ := rt.Config.PackagesCache() // validated with the other keys
	mode := p.packages.CacheMode(setting)
	listed := append(append([]string{}, p.packages.Names...), p.packages.Wheels...)
	if len(listed) == 0 && mode != "never" {
		return nil
	}
	cache, err := openPyodideCache(rt.Config.InterpreterURL, rt.Loader)
	if err != nil {
		// A browser without IndexedDB (some private modes) just installs.
		js.Global().Get("console").Call("warn", "GoPyScript: no package cache: "+err.Error())
		return nil
	}
	switch mode {
	case "never":
		cache.clear()
		return nil
	case "passthrough":
		cache.clear()
		p.options["packages"] = strings2js(listed)
		p.packages.Names, p.packages.Wheels = nil, nil
		return nil
	}
	sort.Strings(listed)
	cache.key = config.PackagesCacheKey(listed)
	if frozen, ok := cache.get(cache.key); ok {
		names := make([]string, len(listed))
		for i, req := range listed {
			names[i] = interp.RequirementName(req) // versions are in the lock already
		}
		p.options["lockFileContents"] = frozen
		delete(p.options, "lockFileURL") // the cached lock replaces the index's
		p.options["packages"] = strings2js(names)
		p.packages.Names, p.packages.Wheels = nil, nil
		return nil
	}
	return cache
}

// openPyodideCache opens the database of the Pyodide at moduleURL, whose
// version the module itself exports.
func openPyodideCache(moduleURL string, host js.Value) (*pyodideCache, error) {
	module, err := ffi.Await(host.Call("import", moduleURL))
	if err != nil {
		return nil, err
	}
	indexURL := moduleURL[:strings.LastIndex(moduleURL, "/")]
	req := js.Global().Get("indexedDB").Call("open", "IDBMap/"+indexURL+"@"+module.Get("version").String())
	upgrade := js.FuncOf(func(js.Value, []js.Value) any {
		db := req.Get("result")
		if db.Get("objectStoreNames").Get("length").Int() == 0 {
			db.Call("createObjectStore", cacheStore)
		}
		return nil
	})
	defer upgrade.Release()
	req.Set("onupgradeneeded", upgrade)
	db, err := idbResult(req)
	if err != nil {
		return nil, err
	}
	return &pyodideCache{db: db}, nil
}

func (c *pyodideCache) store(mode string) js.Value {
	return c.db.Call("transaction", cacheStore, mode).Call("objectStore", cacheStore)
}

func (c *pyodideCache) get(key string) (string, bool) {
	v, err := idbResult(c.store("readonly").Call("get", key))
	if err != nil || v.Type() != js.TypeString {
		return "", false
	}
	return v.String(), true
}

// save freezes what micropip installed, for the next visit.
func (c *pyodideCache) save(micropip js.Value) error {
	frozen := micropip.Call("freeze").String()
	_, err := idbResult(c.store("readwrite").Call("put", frozen, c.key))
	return err
}

func (c *pyodideCache) clear() {
	_, _ = idbResult(c.store("readwrite").Call("clear"))
}

// idbResult waits for an IndexedDB request.
func idbResult(req js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	ok := js.FuncOf(func(js.Value, []js.Value) any { ch <- result{v: req.Get("result")}; return nil })
	fail := js.FuncOf(func(js.Value, []js.Value) any {
		ch <- result{err: Error("IndexedDB: " + ffi.ValueMessage(req.Get("error")))}
		return nil
	})
	defer ok.Release()
	defer fail.Release()
	req.Set("onsuccess", ok)
	req.Set("onerror", fail)
	r := <-ch
	return r.v, r.err
}
