package config

import (
	"errors"
	"strings"
)

// Fetch translates the legacy "fetch" list into files to copy, in written
// order (Files includes them after the "files" table). Each entry is a
// table {from, to_folder, to_file, files}:
//
//   - with "files" (a list of names): each name is fetched from
//     "<from>/<name>" and written to "<to_folder>/<name>";
//   - otherwise "from" is fetched and written to "<to_folder>/<to_file>",
//     to_file defaulting to the last path segment of "from".
//
// "from" defaults to "" and "to_folder" to "."; the parts are joined as
// polyscript does (trimmed, outer "/" removed, "" and "." parts skipped, a
// leading "/" of the first part kept). Sources resolve against base. These
// files are never extracted.
//
// PyScript's two errors (without a code) are checked over all entries
// first, "files" and "to_file" counting as given even when null:
//
//	Cannot use 'to_file' and 'files' parameters together!
//	Couldn't determine the filename from the path <from>, please supply 'to_file' parameter.
//
// The second also reports an entry whose file name comes out empty. Wrong
// types give "(PY1000): Invalid config: "fetch" must be a list of tables"
// or `... "fetch.<key>" must be a string` ("a list of strings" for files).
func Fetch(values map[string]any, base string) ([]FileSpec, error) {
	v := values["fetch"]
	if v == nil {
		return nil, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, wrongType("fetch", "a list of tables")
	}
	entries := make([]map[string]any, len(list))
	for i, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			return nil, wrongType("fetch", "a list of tables")
		}
		entries[i] = m
	}
	for _, m := range entries {
		_, hasFiles := m["files"]
		_, hasToFile := m["to_file"]
		if hasFiles && hasToFile {
			return nil, errors.New("Cannot use 'to_file' and 'files' parameters together!")
		}
		from, err := fetchString(m, "from", "")
		if err != nil {
			return nil, err
		}
		if !hasFiles && !hasToFile && strings.HasSuffix(from, "/") {
			return nil, noFileName(from)
		}
	}
	var specs []FileSpec
	for _, m := range entries {
		from, _ := fetchString(m, "from", "")
		toFolder, err := fetchString(m, "to_folder", ".")
		if err != nil {
			return nil, err
		}
		if files := m["files"]; files != nil {
			names, ok := files.([]any)
			if !ok {
				return nil, wrongType("fetch.files", "a list of strings")
			}
			for _, n := range names {
				name, ok := n.(string)
				if !ok {
					return nil, wrongType("fetch.files", "a list of strings")
				}
				specs = append(specs, FileSpec{Source: joinPaths(from, name), Dest: joinPaths(toFolder, name)})
			}
			continue
		}
		toFile, err := fetchString(m, "to_file", "")
		if err != nil {
			return nil, err
		}
		if toFile == "" {
			toFile = from[strings.LastIndexByte(from, '/')+1:]
		}
		dest := joinPaths(toFolder, toFile)
		if toFile == "" || dest == "" {
			return nil, noFileName(from)
		}
		specs = append(specs, FileSpec{Source: from, Dest: dest})
	}
	for i := range specs {
		var err error
		if specs[i].URL, err = resolveAsset(specs[i].Source, base); err != nil {
			return nil, err
		}
	}
	return specs, nil
}

func noFileName(from string) error {
	return errors.New("Couldn't determine the filename from the path " + from + ", please supply 'to_file' parameter.")
}

// fetchString reads an optional string key of a "fetch" entry; null counts
// as absent.
func fetchString(m map[string]any, key, def string) (string, error) {
	switch v := m[key].(type) {
	case nil:
		return def, nil
	case string:
		return v, nil
	}
	return "", wrongType("fetch."+key, "a string")
}

// joinPaths joins path parts as polyscript's legacy fetch does.
func joinPaths(parts ...string) string {
	kept := make([]string, 0, len(parts))
	for _, p := range parts {
		p = strings.Trim(trimJS(p), "/")
		if p != "" && p != "." {
			kept = append(kept, p)
		}
	}
	res := strings.Join(kept, "/")
	if strings.HasPrefix(parts[0], "/") {
		return "/" + res
	}
	return res
}
