package config

import "strings"

// resolveAsset resolves a URL found in a config against base, as
// polyscript's absoluteURL does: a "blob:" base (a worker's) is used
// without its "blob:" prefix.
func resolveAsset(ref, base string) (string, error) {
	return Resolve(ref, strings.TrimPrefix(base, "blob:"))
}

// refPath returns the path of a URL or URL reference, without scheme,
// authority, query and fragment, so that "a.zip?x=1" and "a.zip#f" both
// have the path "a.zip".
func refPath(s string) string {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		s = s[:i]
	}
	if hasScheme(s) {
		s = s[strings.IndexByte(s, ':')+1:]
	}
	if rest, ok := strings.CutPrefix(s, "//"); ok {
		i := strings.IndexByte(rest, '/')
		if i < 0 {
			return ""
		}
		s = rest[i:]
	}
	return s
}

// hasSuffixFold is strings.HasSuffix ignoring ASCII case.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}
