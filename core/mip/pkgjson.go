package mip

import (
	"path"
	"strings"
)

// pkgJSON is the part of a package.json that mip uses.
type pkgJSON struct {
	hashes [][2]string // dest, short sha256
	urls   [][2]string // dest, url
	deps   [][2]string // spec, version ("" when absent)
}

// parsePackage checks the shape of a parsed package.json; the second result
// is a reason when it is invalid. Unknown keys (e.g. "version") are ignored.
func parsePackage(v any) (pkgJSON, string) {
	var p pkgJSON
	m, ok := v.(map[string]any)
	if !ok {
		return p, "not a JSON object"
	}
	var bad string
	if p.hashes, bad = pairs(m, "hashes", "[path, hash]", false); bad != "" {
		return p, bad
	}
	if p.urls, bad = pairs(m, "urls", "[path, url]", false); bad != "" {
		return p, bad
	}
	if p.deps, bad = pairs(m, "deps", "[name, version]", true); bad != "" {
		return p, bad
	}
	for _, h := range p.hashes {
		if bad = checkDest(h[0]); bad != "" {
			return p, bad
		}
		if len(h[1]) < 2 || !isHex(h[1]) {
			return p, `invalid hash "` + h[1] + `" for ` + h[0]
		}
	}
	for _, u := range p.urls {
		if bad = checkDest(u[0]); bad != "" {
			return p, bad
		}
		if strings.TrimSpace(u[1]) == "" {
			return p, "empty URL for " + u[0]
		}
	}
	for _, d := range p.deps {
		if strings.TrimSpace(d[0]) == "" {
			return p, "empty dependency name"
		}
	}
	return p, ""
}

// pairs reads key as a list of 2-string lists. With optionalSecond, a
// 1-element list or a null second element is accepted (deps without a
// version). A missing or null key is an empty list.
func pairs(m map[string]any, key, shape string, optionalSecond bool) ([][2]string, string) {
	raw, ok := m[key]
	if !ok || raw == nil {
		return nil, ""
	}
	wrong := `"` + key + `" must be a list of ` + shape + " pairs"
	list, ok := raw.([]any)
	if !ok {
		return nil, wrong
	}
	out := make([][2]string, 0, len(list))
	for _, item := range list {
		pair, ok := item.([]any)
		if !ok || len(pair) == 0 || len(pair) > 2 || (len(pair) == 1 && !optionalSecond) {
			return nil, wrong
		}
		var p [2]string
		if p[0], ok = pair[0].(string); !ok {
			return nil, wrong
		}
		if len(pair) == 2 && !(optionalSecond && pair[1] == nil) {
			if p[1], ok = pair[1].(string); !ok {
				return nil, wrong
			}
		}
		out = append(out, p)
	}
	return out, ""
}

// checkDest rejects destination paths that would leave the target folder.
func checkDest(dest string) string {
	switch {
	case dest == "" || strings.HasSuffix(dest, "/"):
		return `invalid file path "` + dest + `"`
	case strings.HasPrefix(dest, "/") || strings.Contains(dest, "\\"):
		return `file path "` + dest + `" must be relative`
	}
	for _, seg := range strings.Split(dest, "/") {
		if seg == ".." {
			return `file path "` + dest + `" leaves the target folder`
		}
	}
	if path.Clean(dest) == "." {
		return `invalid file path "` + dest + `"`
	}
	return ""
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// maxJSONDepth bounds how deeply a package.json may nest: a real one nests
// three levels, and the parsed value is converted to Go recursively.
const maxJSONDepth = 100

// tooDeep reports whether JSON text nests arrays and objects deeper than
// maxJSONDepth, counting brackets outside strings.
func tooDeep(text []byte) bool {
	depth, inString := 0, false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '[' || c == '{':
			if depth++; depth > maxJSONDepth {
				return true
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return false
}
