package main

import (
	"bytes"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
)

// listingTmpl is html/template so that file names are escaped in both the
// text and the href attribute.
var listingTmpl = template.Must(template.New("listing").Parse(`<!doctype html>
<meta charset="utf-8">
<title>Index of {{.Path}}</title>
<h1>Index of {{.Path}}</h1>
<ul>
{{- if ne .Path "/"}}
<li><a href="../">../</a>
{{- end}}
{{- range .Entries}}
<li><a href="{{.Href}}">{{.Name}}</a>
{{- end}}
</ul>
`))

type listingEntry struct{ Name, Href string }

// serveListing sends a minimal HTML index of dir, whose URL path is upath.
func serveListing(w http.ResponseWriter, r *http.Request, dir *os.File, upath string) {
	entries, err := dir.ReadDir(-1)
	if err != nil {
		http.Error(w, "500 cannot read directory", http.StatusInternalServerError)
		return
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	data := struct {
		Path    string
		Entries []listingEntry
	}{Path: upath, Entries: make([]listingEntry, 0, len(entries))}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() {
			name += "/"
		}
		// url.URL escapes "?", "#" and "%" and guards a leading "x:" with
		// "./", so every name links to itself rather than elsewhere.
		data.Entries = append(data.Entries, listingEntry{Name: name, Href: (&url.URL{Path: name}).String()})
	}
	// Rendered to a buffer first so HEAD gets the same Content-Length.
	var buf bytes.Buffer
	if err := listingTmpl.Execute(&buf, data); err != nil {
		http.Error(w, "500 cannot render listing", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}
