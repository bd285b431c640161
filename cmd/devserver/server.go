package main

import (
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// mount serves dir at a URL prefix that always starts and ends with "/".
type mount struct {
	prefix string
	dir    string
}

// handler serves root at "/" and each mount at its prefix.
type handler struct {
	root   string
	mounts []mount // longest prefix first, so the first match wins
	coi    bool
	cors   bool // Access-Control-Allow-Origin: *, as public CDNs send
}

func newHandler(root string, mounts []mount, coi bool) *handler {
	sorted := slices.Clone(mounts)
	slices.SortStableFunc(sorted, func(a, b mount) int { return len(b.prefix) - len(a.prefix) })
	return &handler{root: root, mounts: sorted, coi: coi}
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	// Cross-origin isolation enables SharedArrayBuffer, which the Python
	// workers need to block on calls into the main thread.
	if h.coi {
		hdr.Set("Cross-Origin-Opener-Policy", "same-origin")
		hdr.Set("Cross-Origin-Embedder-Policy", "require-corp")
	}
	// Lets isolated pages on other origins (another dev port) load our files.
	hdr.Set("Cross-Origin-Resource-Policy", "cross-origin")
	if h.cors {
		hdr.Set("Access-Control-Allow-Origin", "*")
	}
	// Files change all the time during development: always revalidate,
	// which the ETag/Last-Modified below turn into cheap 304s.
	hdr.Set("Cache-Control", "no-cache")

	// Service workers by the names GoPyScript and PyScript give them may
	// control the whole origin, so pages anywhere can use data-coi-sw or
	// service-worker without copying them next to the page.
	if base := path.Base(r.URL.Path); base == "coi-sw.js" || base == "service-worker.js" || base == "sw.js" {
		hdr.Set("Service-Worker-Allowed", "/")
	}
	if r.URL.Path == echoPath {
		serveEcho(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	upath := r.URL.Path
	// Browsers resolve dot segments before sending, so ".." only comes from
	// tools or attackers; refuse it rather than guess what was meant.
	if slices.Contains(strings.Split(upath, "/"), "..") {
		http.Error(w, "400 bad request: path contains ..", http.StatusBadRequest)
		return
	}
	dir, name := h.resolve(upath)
	// os.Root confines every open to dir, including through symlinks. It is
	// opened per request so a directory that is deleted and rebuilt (rm -rf
	// dist) is picked up without restarting the server.
	root, err := os.OpenRoot(dir)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer root.Close()
	f, info, err := open(root, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()

	trailingSlash := strings.HasSuffix(upath, "/")
	switch {
	case info.IsDir() && !trailingSlash:
		// Relative links in the page only resolve inside the directory with
		// the slash. Relative target: an absolute one built from "//host"
		// would be an open redirect. 302 so browsers don't cache it.
		target := url.URL{Path: path.Base(upath) + "/", RawQuery: r.URL.RawQuery}
		http.Redirect(w, r, target.String(), http.StatusFound)
	case info.IsDir():
		serveDir(w, r, root, name, f, upath)
	case trailingSlash:
		http.NotFound(w, r)
	default:
		serveFile(w, r, root, name, f, info)
	}
}

// resolve picks the mount with the longest prefix matching upath and returns
// its directory and the slash-separated name inside it ("." for its top).
func (h *handler) resolve(upath string) (dir, name string) {
	dir, prefix := h.root, "/"
	for _, m := range h.mounts {
		// The extra "/" lets "/dist" match "/dist/", to be redirected.
		if strings.HasPrefix(upath+"/", m.prefix) {
			dir, prefix = m.dir, m.prefix
			break
		}
	}
	name = strings.TrimPrefix(path.Clean("/"+upath[len(prefix)-1:]), "/")
	if name == "" {
		name = "."
	}
	return dir, name
}

// open opens name inside root and stats it.
func open(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	f, err := root.Open(filepath.FromSlash(name))
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// serveDir serves the directory's index.html, or else a listing.
func serveDir(w http.ResponseWriter, r *http.Request, root *os.Root, name string, dir *os.File, upath string) {
	index := path.Join(name, "index.html")
	if f, info, err := open(root, index); err == nil {
		defer f.Close()
		if !info.IsDir() {
			serveFile(w, r, root, index, f, info)
			return
		}
	}
	serveListing(w, r, dir, upath)
}

// serveFile sends the regular file name, or a precompressed sibling of it
// when the client accepts that encoding.
func serveFile(w http.ResponseWriter, r *http.Request, root *os.Root, name string, f *os.File, info fs.FileInfo) {
	hdr := w.Header()
	// The type of the original, never of the .br/.gz sibling.
	hdr.Set("Content-Type", contentType(name))
	coding, suffix, hasVariant := chooseVariant(r.Header.Get("Accept-Encoding"), func(suffix string) bool {
		fi, err := root.Stat(filepath.FromSlash(name + suffix))
		return err == nil && fi.Mode().IsRegular()
	})
	if hasVariant {
		hdr.Add("Vary", "Accept-Encoding")
	}
	tagSuffix := ""
	if coding != "" {
		// Falls back to the original if the variant vanished since the Stat.
		if vf, vinfo, err := open(root, name+suffix); err == nil {
			defer vf.Close()
			f, info, tagSuffix = vf, vinfo, suffix
			hdr.Set("Content-Encoding", coding)
			// ServeContent omits Content-Length when Content-Encoding is set
			// (it assumes on-the-fly compression), but ours is the file size.
			// It overwrites this for ranges and drops it for 304s and errors.
			hdr.Set("Content-Length", strconv.FormatInt(info.Size(), 10))
		}
	}
	// Last-Modified alone has one-second resolution and would answer 304 for
	// a file rebuilt within the same second; the ETag catches that. The
	// suffix keeps the tags of the variants of one file distinct.
	hdr.Set("ETag", fmt.Sprintf(`"%x-%x%s"`, info.ModTime().UnixNano(), info.Size(), tagSuffix))
	http.ServeContent(w, r, name, info.ModTime(), f)
}
