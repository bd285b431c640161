package config

// SyncMainOnly returns the "sync_main_only" flag, false when unset. PyScript
// uses it to silence the worker warning about a missing SharedArrayBuffer.
func (c Config) SyncMainOnly() (bool, error) {
	switch v := c.Values["sync_main_only"].(type) {
	case nil:
		return false, nil
	case bool:
		return v, nil
	}
	return false, wrongType("sync_main_only", "a boolean")
}

// PackagesCache returns the "packages_cache" setting of Pyodide's lock
// cache: "never", "passthrough", "all", or "" when unset (the default:
// cache the installed packages). Other values give
// `(PY1000): Invalid config: "packages_cache" must be "never", "passthrough" or "all"`.
// See PackageSet.CacheMode for the mode that applies.
func (c Config) PackagesCache() (string, error) {
	switch v := c.Values["packages_cache"].(type) {
	case nil:
		return "", nil
	case string:
		switch v {
		case "never", "passthrough", "all":
			return v, nil
		}
	}
	return "", wrongType("packages_cache", `"never", "passthrough" or "all"`)
}

// AutoProxies reports `experimental_create_proxy = "auto"`: Python
// callables passed to JS on Pyodide's main thread outlive the call. Any
// other value is an error, which PyScript would silently ignore.
func (c Config) AutoProxies() (bool, error) {
	switch v := c.Values["experimental_create_proxy"].(type) {
	case nil:
		return false, nil
	case string:
		if v == "auto" {
			return true, nil
		}
	}
	return false, wrongType("experimental_create_proxy", `"auto"`)
}
