// Package pyscript embeds our Python `pyscript` package, which the runtime
// writes into each interpreter once.
package pyscript

// File is one file of the package, with its path relative to the
// interpreter's working directory.
type File struct {
	Path   string
	Source []byte
}

// Files lists the package's files, sorted by path (embed.FS lists a
// folder sorted; fs.WalkDir would sort again with a sort of its own that
// costs core.wasm ~20 KiB of code).
func Files() []File {
	entries, err := sources.ReadDir(root)
	if err != nil {
		panic("pyscript: embedded files unreadable: " + err.Error())
	}
	files := make([]File, 0, len(entries))
	for _, e := range entries {
		path := "pyscript/" + e.Name()
		src, err := sources.ReadFile(root + "/" + e.Name())
		if err != nil {
			panic("pyscript: embedded files unreadable: " + err.Error())
		}
		files = append(files, File{Path: path, Source: src})
	}
	return files
}
