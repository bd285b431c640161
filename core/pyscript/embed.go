// Package pyscript embeds our Python `pyscript` package, which the runtime
// writes into each interpreter once.
package pyscript

import (
	"embed"
	"io/fs"
	"sort"
)

//go:embed pyscript/*.py
var sources embed.FS

// File is one file of the package, with its path relative to the
// interpreter's working directory.
type File struct {
	Path   string
	Source []byte
}

// Files lists the package's files, sorted by path.
func Files() []File {
	var files []File
	err := fs.WalkDir(sources, "pyscript", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := sources.ReadFile(path)
		files = append(files, File{Path: path, Source: src})
		return err
	})
	if err != nil {
		panic("pyscript: embedded files unreadable: " + err.Error())
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files
}
