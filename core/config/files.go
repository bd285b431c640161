package config

import (
	"errors"
	"strings"
)

// FileSpec is one file to fetch into the interpreter's file system.
type FileSpec struct {
	// URL is the absolute URL to fetch.
	URL string
	// Source is the source as written, after template expansion.
	Source string
	// Dest is the destination path. For an archive to extract it is the
	// folder, ending in "/" ("./*" gives "./", "/*" gives "/").
	Dest string
	// Extract means the fetched archive is unpacked into Dest.
	Extract bool
	// Format is the archive format when Extract is set: "zip" (.zip and
	// .whl), "tar" (.tar) or "tar.gz" (.tar.gz and .tgz); "" otherwise.
	// These are names Pyodide's unpackArchive accepts.
	Format string
}

// Files returns the files that the "files" table, then the legacy "fetch"
// list (see Fetch), ask to copy into the interpreter's file system, in
// written order. order is the config's key order (Config.Order; nil means
// sorted order), base the URL sources resolve against (Config.Base).
//
// "files" maps sources to destinations, as polyscript does:
//   - a key shaped "{NAME}" defines a template, whose value may use the
//     templates defined before it; "{NAME}" in a later source or
//     destination is replaced by that value;
//   - an empty destination means "./" followed by the source's file name,
//     and a destination ending in "/" gets the file name appended; the
//     name is the last path segment of the source, without query or
//     fragment;
//   - a destination ending in "/*" extracts an archive into that folder;
//     the source's path (query and fragment ignored, case ignored) must end
//     in .zip, .whl, .tgz, .tar or .tar.gz.
//
// Errors, all without a code, as polyscript words them:
//
//	Invalid template: {X}           {X} is used but not defined (yet)
//	Duplicated template: {X}        {X} is defined twice
//	Duplicated destination: <dest>  two files have the same destination
//	Unsupported archive <source>    "/*" with a source of another type
//
// and, with the "(PY1000): " prefix: `Invalid config: "files" must be a
// table of strings`, `Invalid config: no file name in <source>, give it a
// destination file` and `Invalid URL: <source>`, plus Fetch's errors.
func Files(values map[string]any, order *Order, base string) ([]FileSpec, error) {
	entries, err := expandFiles(values["files"], order.Child("files"))
	if err != nil {
		return nil, err
	}
	var specs []FileSpec
	targets := make(map[string]bool, len(entries))
	for _, e := range entries {
		dest := e.dest
		if dest == "" {
			dest = "./"
		}
		if strings.HasSuffix(dest, "/") {
			name := fileName(e.src)
			if name == "" {
				return nil, badConfig("Invalid config: no file name in " + e.src + ", give it a destination file")
			}
			dest += name
		}
		if targets[dest] && !strings.HasSuffix(dest, "/*") {
			return nil, errors.New("Duplicated destination: " + dest)
		}
		targets[dest] = true
		specs = append(specs, FileSpec{Source: e.src, Dest: dest})
	}
	// As in polyscript, URL and archive errors come after the checks above.
	for i := range specs {
		s := &specs[i]
		if s.URL, err = resolveAsset(s.Source, base); err != nil {
			return nil, err
		}
		if !strings.HasSuffix(s.Dest, "/*") {
			continue
		}
		if s.Format = archiveFormat(s.URL); s.Format == "" {
			return nil, errors.New("Unsupported archive " + s.Source)
		}
		s.Extract = true
		s.Dest = strings.TrimSuffix(s.Dest, "*")
	}
	fetched, err := Fetch(values, base)
	if err != nil {
		return nil, err
	}
	return append(specs, fetched...), nil
}

// Files returns the config's files; see the Files function.
func (c Config) Files(pageURL string) ([]FileSpec, error) {
	return Files(c.Values, c.Order, c.Base(pageURL))
}

// filesEntry is one non-template entry of a "files" table, templates
// expanded.
type filesEntry struct{ src, dest string }

// expandFiles reads a "files" table in written order, expands templates
// and drops the template definitions.
func expandFiles(v any, o *Order) ([]filesEntry, error) {
	if v == nil {
		return nil, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, filesTypeError()
	}
	return expandEntries(m, o.KeysOf(m))
}

// expandEntries expands the entries of m in the order of keys. A key
// listed twice is a duplicated template or destination: maps cannot hold
// one, so this is a safeguard for callers that build keys themselves.
func expandEntries(m map[string]any, keys []string) ([]filesEntry, error) {
	defs := map[string]string{}
	out := make([]filesEntry, 0, len(keys))
	for _, key := range keys {
		var dest string
		switch d := m[key].(type) {
		case nil:
		case string:
			dest = d
		default:
			return nil, filesTypeError()
		}
		if isTemplateKey(key) {
			if _, dup := defs[key]; dup {
				return nil, errors.New("Duplicated template: " + key)
			}
			val, err := expandTemplates(dest, defs)
			if err != nil {
				return nil, err
			}
			defs[key] = val
			continue
		}
		src, err := expandTemplates(key, defs)
		if err != nil {
			return nil, err
		}
		if dest, err = expandTemplates(dest, defs); err != nil {
			return nil, err
		}
		out = append(out, filesEntry{src: src, dest: dest})
	}
	return out, nil
}

func filesTypeError() error {
	return wrongType("files", "a table of strings")
}

// isTemplateKey reports whether a "files" key defines a template: it
// matches the JS expression /^\{.+\}$/.
func isTemplateKey(key string) bool {
	return len(key) >= 3 && key[0] == '{' && key[len(key)-1] == '}' &&
		!hasLineTerminator(key[1:len(key)-1])
}

// expandTemplates replaces every template use in s, found like the JS
// expression /\{.+?\}/g: from a "{", the shortest run of at least one
// character without line terminators up to a "}".
func expandTemplates(s string, defs map[string]string) (string, error) {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		end := templateEnd(s, i)
		if end < 0 {
			continue
		}
		key := s[i : end+1]
		val, ok := defs[key]
		if !ok {
			return "", errors.New("Invalid template: " + key)
		}
		b.WriteString(s[last:i])
		b.WriteString(val)
		last = end + 1
		i = end
	}
	if last == 0 {
		return s, nil
	}
	b.WriteString(s[last:])
	return b.String(), nil
}

// templateEnd returns the index of the "}" closing the template that
// starts at s[i] == '{', or -1 when none does.
func templateEnd(s string, i int) int {
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == '}' && j > i+1:
			return j
		case isLineTerminatorAt(s, j):
			return -1
		}
	}
	return -1
}

// hasLineTerminator reports whether s holds a JS line terminator, which
// the regular expression "." does not match.
func hasLineTerminator(s string) bool {
	for j := 0; j < len(s); j++ {
		if isLineTerminatorAt(s, j) {
			return true
		}
	}
	return false
}

// isLineTerminatorAt reports whether a JS line terminator (\n, \r, U+2028,
// U+2029) starts at s[j].
func isLineTerminatorAt(s string, j int) bool {
	switch s[j] {
	case '\n', '\r':
		return true
	case 0xE2:
		return strings.HasPrefix(s[j:], "\u2028") || strings.HasPrefix(s[j:], "\u2029")
	}
	return false
}

// fileName returns the last path segment of a source, without its query
// and fragment.
func fileName(src string) string {
	if i := strings.IndexAny(src, "?#"); i >= 0 {
		src = src[:i]
	}
	return src[strings.LastIndexByte(src, '/')+1:]
}

// archiveFormat returns the unpack format of an archive URL, judged by its
// path: "zip", "tar" or "tar.gz"; "" when it is not an archive.
func archiveFormat(url string) string {
	p := refPath(url)
	switch {
	case hasSuffixFold(p, ".zip"), hasSuffixFold(p, ".whl"):
		return "zip"
	case hasSuffixFold(p, ".tar.gz"), hasSuffixFold(p, ".tgz"):
		return "tar.gz"
	case hasSuffixFold(p, ".tar"):
		return "tar"
	}
	return ""
}
