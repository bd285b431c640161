package main

import (
	"path"
	"strings"
)

// mimeTypes is our own table rather than mime.TypeByExtension, which reads
// the OS database (/etc/mime.types, the Windows registry) and so differs
// between machines. Browsers reject modules and streaming wasm compilation
// when the type is wrong, so it must not depend on the host.
var mimeTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".htm":   "text/html; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".wasm":  "application/wasm",
	".json":  "application/json",
	".map":   "application/json",
	".css":   "text/css; charset=utf-8",
	".toml":  "application/toml",
	".py":    "text/x-python; charset=utf-8",
	".txt":   "text/plain; charset=utf-8",
	".md":    "text/markdown; charset=utf-8",
	".xml":   "application/xml",
	".zip":   "application/zip",
	".whl":   "application/zip",
	".tar":   "application/x-tar",
	".gz":    "application/gzip",
	".tgz":   "application/gzip",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".jpeg":  "image/jpeg",
	".gif":   "image/gif",
	".webp":  "image/webp",
	".ico":   "image/x-icon",
	".woff":  "font/woff",
	".woff2": "font/woff2",
	".ttf":   "font/ttf",
}

// contentType returns the media type for a slash-separated file name.
func contentType(name string) string {
	if t, ok := mimeTypes[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	return "application/octet-stream"
}
