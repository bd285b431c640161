package config

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// PackageSet is the "packages" list, classified, and "index_urls".
// Each list keeps the written order.
type PackageSet struct {
	// Names are the entries installed by name, as written: "numpy",
	// "pkg==1.0", "github:org/repo", ...
	Names []string
	// Wheels are the absolute URLs of the entries whose path ends in ".whl".
	Wheels []string
	// Remote are the absolute URLs of the entries whose path ends in
	// ".toml" or ".json": remote package configs (see Remotes).
	Remote []string
	// IndexURLs is "index_urls" (a string or a list of strings), as written.
	IndexURLs []string
	// Local reports an entry that is a wheel or a path ("./", "../", "/",
	// "emfs://", "file://"): Pyodide's lock cache is then off (see
	// CacheMode).
	Local bool
}

// Packages reads and classifies "packages" and "index_urls". Paths end in
// ".whl", ".toml" or ".json" regardless of a query or fragment, and wheel
// and remote URLs resolve against base (Config.Base). Errors:
//
//	(PY1000): Invalid config: "packages" must be a list of strings
//	(PY1000): Invalid config: "index_urls" must be a string or a list of strings
//	(PY1000): Invalid URL: <entry>
func Packages(values map[string]any, base string) (PackageSet, error) {
	var set PackageSet
	entries, err := stringList(values["packages"], "packages")
	if err != nil {
		return PackageSet{}, err
	}
	for _, e := range entries {
		set.Local = set.Local || isLocalPackage(e)
		switch {
		case isWheel(e):
			abs, err := resolveAsset(e, base)
			if err != nil {
				return PackageSet{}, err
			}
			set.Wheels = append(set.Wheels, abs)
		case remoteFormat(e) != FormatNone:
			abs, err := resolveAsset(e, base)
			if err != nil {
				return PackageSet{}, err
			}
			set.Remote = append(set.Remote, abs)
		default:
			set.Names = append(set.Names, e)
		}
	}
	switch v := values["index_urls"].(type) {
	case nil:
	case string:
		set.IndexURLs = []string{v}
	default:
		if set.IndexURLs, err = stringList(v, ""); err != nil {
			return PackageSet{}, wrongType("index_urls", "a string or a list of strings")
		}
	}
	return set, nil
}

// Packages returns the config's packages; see the Packages function.
func (c Config) Packages(pageURL string) (PackageSet, error) {
	return Packages(c.Values, c.Base(pageURL))
}

// CacheMode returns the Pyodide lock-cache mode to apply for the
// "packages_cache" setting (see Config.PackagesCache): as in polyscript,
// local wheels or paths turn the cache off ("never") unless it is "all".
func (p PackageSet) CacheMode(setting string) string {
	if p.Local && setting != "all" {
		return "never"
	}
	return setting
}

// stringList reads a list of strings; nil gives nil. key names the config
// key in the error.
func stringList(v any, key string) ([]string, error) {
	switch v := v.(type) {
	case nil:
		return nil, nil
	case []string:
		return v, nil
	case []any:
		out := make([]string, len(v))
		for i, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, wrongType(key, "a list of strings")
			}
			out[i] = s
		}
		return out, nil
	}
	return nil, wrongType(key, "a list of strings")
}

// isWheel reports whether a package entry is a wheel file.
func isWheel(entry string) bool {
	return strings.HasSuffix(refPath(entry), ".whl")
}

// remoteFormat returns the format of a remote package config entry, by
// its path's extension; FormatNone for other entries.
func remoteFormat(entry string) Format {
	p := refPath(entry)
	switch {
	case strings.HasSuffix(p, ".toml"):
		return FormatTOML
	case strings.HasSuffix(p, ".json"):
		return FormatJSON
	}
	return FormatNone
}

// isPathEntry reports whether a package entry is a relative or rooted path
// (and so depends on the URL it is resolved against).
func isPathEntry(entry string) bool {
	return strings.HasPrefix(entry, "./") || strings.HasPrefix(entry, "../") || strings.HasPrefix(entry, "/")
}

// isLocalPackage is polyscript's test for a package that is not installed
// from an index: a path, an emfs:// or file:// URL, or a wheel.
func isLocalPackage(entry string) bool {
	return isPathEntry(entry) || strings.HasPrefix(entry, "emfs://") ||
		strings.HasPrefix(entry, "file://") || isWheel(entry)
}

// PackagesCacheKey returns the key of Pyodide's lock cache for a package
// list: the text JavaScript's JSON.stringify(names.sort()) gives, with
// strings sorted by UTF-16 code units as Array.prototype.sort does. names
// is not modified.
func PackagesCacheKey(names []string) string {
	sorted := append([]string(nil), names...)
	sort.SliceStable(sorted, func(i, j int) bool { return lessUTF16(sorted[i], sorted[j]) })
	var b strings.Builder
	b.WriteByte('[')
	for i, s := range sorted {
		if i > 0 {
			b.WriteByte(',')
		}
		writeJSONString(&b, s)
	}
	b.WriteByte(']')
	return b.String()
}

// lessUTF16 compares strings by their UTF-16 code units, as JavaScript
// does. It differs from Go's byte order only for characters above U+FFFF,
// whose surrogates sort before U+E000..U+FFFF.
func lessUTF16(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb {
			ua, ub := firstUnitUTF16(ra), firstUnitUTF16(rb)
			if ua != ub {
				return ua < ub
			}
			return ra < rb // same high surrogate: low surrogates follow the runes
		}
		a, b = a[na:], b[nb:]
	}
	return a == "" && b != ""
}

// firstUnitUTF16 returns the first UTF-16 code unit of r.
func firstUnitUTF16(r rune) rune {
	if r < 0x10000 {
		return r
	}
	return 0xD800 + (r-0x10000)>>10
}

// writeJSONString writes s as JSON.stringify does: quote, backslash and
// control characters escaped (\b \f \n \r \t in short form, others as
// \u00xx), everything else as is. Bytes that are not UTF-8 become U+FFFD,
// as a JS string cannot hold them.
func writeJSONString(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			if r < 0x20 {
				b.WriteString(`\u00`)
				b.WriteByte(hex[r>>4])
				b.WriteByte(hex[r&0xF])
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}
