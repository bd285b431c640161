package config

import "math"

// Config is the parsed configuration of one interpreter type.
type Config struct {
	// Values holds every key of the config, known or not. It is never nil
	// for a Config returned by Load.
	Values map[string]any
	// ConfigURL is the absolute URL the config was fetched from, or "" when
	// it was inline or absent.
	ConfigURL string
	// Order is the written key order of the objects in Values; nil means
	// unknown (sorted order is used). Load always sets it.
	Order *Order
}

// Base returns the URL that relative URLs in this config resolve against.
func (c Config) Base(pageURL string) string {
	return Base(c.ConfigURL, pageURL)
}

// Interpreter returns the "interpreter" value, "" when unset.
func (c Config) Interpreter() (string, error) {
	return c.stringValue("interpreter")
}

// InterpreterURL returns the interpreter module URL for type "py" or "mpy";
// see the InterpreterURL function.
func (c Config) InterpreterURL(typ, pageURL, defaultURL string) (string, error) {
	return InterpreterURL(typ, c.Values["interpreter"], c.Base(pageURL), defaultURL)
}

// Plugins returns the "plugins" list, nil when unset.
func (c Config) Plugins() ([]string, error) {
	return stringList(c.Values["plugins"], "plugins")
}

// PluginDisabled reports whether "plugins" contains "!name", PyScript's
// way to turn off a built-in plugin. A malformed list disables nothing.
func (c Config) PluginDisabled(name string) bool {
	plugins, _ := c.Plugins()
	for _, p := range plugins {
		if p == "!"+name {
			return true
		}
	}
	return false
}

// Debug returns the "debug" flag, false when unset.
func (c Config) Debug() (bool, error) {
	switch v := c.Values["debug"].(type) {
	case nil:
		return false, nil
	case bool:
		return v, nil
	}
	return false, wrongType("debug", "a boolean")
}

// FFITimeout returns "experimental_ffi_timeout" when it is a safe integer
// (JavaScript's Number.isSafeInteger); ok is false otherwise, and PyScript
// then ignores the key.
func (c Config) FFITimeout() (ms int64, ok bool) {
	const maxSafe = 1<<53 - 1
	switch v := c.Values["experimental_ffi_timeout"].(type) {
	case int64:
		if -maxSafe <= v && v <= maxSafe {
			return v, true
		}
	case float64:
		if v == math.Trunc(v) && -maxSafe <= v && v <= maxSafe {
			return int64(v), true
		}
	}
	return 0, false
}

func (c Config) stringValue(key string) (string, error) {
	switch v := c.Values[key].(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	}
	return "", wrongType(key, "a string")
}
