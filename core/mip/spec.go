package mip

import (
	"path"
	"strings"
)

// source is a resolved spec: either one file or a package.json.
type source struct {
	label  string // package name for messages
	key    string // dedupe key
	single bool   // a lone .py/.mpy file
	dest   string // single: file name inside the target
	url    string // URL to fetch (file or package.json)
	// For a package.json: the URL as written (github:/gitlab: form kept),
	// base of relative "urls" entries, and the branch used to rewrite its
	// github:/gitlab: "urls" entries.
	jsonURL string
	branch  string
}

const (
	githubPrefix = "github:"
	gitlabPrefix = "gitlab:"
)

func isRepoURL(s string) bool {
	return strings.HasPrefix(s, githubPrefix) || strings.HasPrefix(s, gitlabPrefix)
}

func isHTTPURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// isFullURL reports whether a package.json "urls" entry is absolute.
func isFullURL(s string) bool { return isHTTPURL(s) || isRepoURL(s) }

// resolve turns a spec (and the version given next to it in a deps list,
// if any) into a source.
func resolve(spec, version, index, mpy string) (source, string) {
	spec = strings.TrimSpace(spec)
	version = strings.TrimSpace(version)
	if spec == "" {
		return source{}, "empty package name"
	}
	switch {
	case isRepoURL(spec):
		return resolveRepo(spec, version)
	case isHTTPURL(spec):
		return resolveHTTP(spec)
	}
	name, v, hasAt := strings.Cut(spec, "@")
	if hasAt && v != "" {
		version = v
	}
	if version == "" {
		version = "latest"
	}
	switch {
	case name == "":
		return source{}, "empty package name"
	case strings.Contains(name, "/"):
		return source{}, `a package name cannot contain "/"; use github:…, http:// or https://`
	case strings.ContainsAny(name, " \t\r\n?#%\\:"):
		return source{}, "not a package name or a URL"
	case strings.ContainsAny(version, "/ \t\r\n?#%\\@"):
		return source{}, "invalid version " + `"` + version + `"`
	}
	label := name
	if version != "latest" {
		label += "@" + version
	}
	u := index + "/package/" + mpy + "/" + name + "/" + version + ".json"
	return source{label: label, key: "index:" + name, url: u, jsonURL: u}, ""
}

// resolveRepo handles github:org/repo[/path][@branch] and gitlab:….
func resolveRepo(spec, version string) (source, string) {
	label := spec
	s, branch, hasAt := strings.Cut(spec, "@")
	if !hasAt || branch == "" {
		branch = version
	}
	if branch == "latest" {
		branch = ""
	}
	if strings.ContainsAny(branch, " \t\r\n?#%\\") {
		return source{}, `invalid branch "` + branch + `"`
	}
	rest := s[len(githubPrefix):] // same length as gitlabPrefix
	parts := strings.Split(rest, "/")
	if len(parts) < 2 || parts[0] == "" || parts[1] == "" {
		return source{}, "expected " + s[:len(githubPrefix)] + "org/repo[/path][@branch]"
	}
	if strings.ContainsAny(rest, " \t\r\n?#\\") {
		return source{}, "invalid repository path"
	}
	if isFile(s) {
		return source{label: label, key: rewrite(s, branch), single: true,
			dest: path.Base(s), url: rewrite(s, branch)}, ""
	}
	j := jsonOf(s)
	u := rewrite(j, branch)
	return source{label: label, key: u, url: u, jsonURL: j, branch: branch}, ""
}

// resolveHTTP handles http(s) URLs, used verbatim.
func resolveHTTP(spec string) (source, string) {
	p, tail := splitQuery(spec)
	if host := p[strings.Index(p, "//")+2:]; host == "" || host[0] == '/' {
		return source{}, "missing host"
	}
	if strings.ContainsAny(spec, " \t\r\n\\") {
		return source{}, "invalid URL"
	}
	if isFile(p) {
		return source{label: spec, key: spec, single: true, dest: path.Base(p), url: spec}, ""
	}
	u := jsonOf(p) + tail
	return source{label: spec, key: u, url: u, jsonURL: u}, ""
}

// splitQuery splits "…?q#f" into "…" and "?q#f".
func splitQuery(u string) (string, string) {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		return u[:i], u[i:]
	}
	return u, ""
}

func isFile(p string) bool {
	return strings.HasSuffix(p, ".py") || strings.HasSuffix(p, ".mpy")
}

// jsonOf returns the package.json URL of a package URL: .json URLs as they
// are, directories + "/package.json".
func jsonOf(p string) string {
	if strings.HasSuffix(p, ".json") {
		return p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p + "package.json"
}

// rewrite turns github:/gitlab: URLs into raw-content https URLs on branch
// (HEAD when empty); other URLs are returned unchanged.
func rewrite(u, branch string) string {
	if branch == "" {
		branch = "HEAD"
	}
	var host string
	switch {
	case strings.HasPrefix(u, githubPrefix):
		host = "https://raw.githubusercontent.com/"
	case strings.HasPrefix(u, gitlabPrefix):
		host = "https://gitlab.com/"
	default:
		return u
	}
	org, rest, _ := strings.Cut(u[len(githubPrefix):], "/")
	repo, p, _ := strings.Cut(rest, "/")
	if host == "https://gitlab.com/" {
		return host + org + "/" + repo + "/-/raw/" + branch + "/" + p
	}
	return host + org + "/" + repo + "/" + branch + "/" + p
}

// splitRoot splits an absolute URL into the part a relative reference cannot
// leave (scheme and host, or github:org/repo) and its path.
func splitRoot(u string) (root, p string) {
	if isRepoURL(u) {
		n := len(githubPrefix)
		i := strings.IndexByte(u[n:], '/')
		if i < 0 {
			return u, "/"
		}
		j := strings.IndexByte(u[n+i+1:], '/')
		if j < 0 {
			return u, "/"
		}
		k := n + i + 1 + j
		return u[:k], u[k:]
	}
	i := strings.Index(u, "//")
	if i < 0 {
		return "", u
	}
	j := strings.IndexByte(u[i+2:], '/')
	if j < 0 {
		return u, "/"
	}
	return u[:i+2+j], u[i+2+j:]
}

// joinURL resolves a relative "urls" entry against the package.json URL it
// comes from: "x.py" and "./x.py" sit next to the package.json, "../x.py"
// one folder up (never above the host or the repository), "/x.py" at the
// root of the host or the repository.
func joinURL(jsonURL, rel string) string {
	base, _ := splitQuery(jsonURL)
	root, p := splitRoot(base)
	relPath, tail := splitQuery(rel)
	if !strings.HasPrefix(relPath, "/") {
		p = p[:strings.LastIndexByte(p, '/')+1] + relPath
	} else {
		p = relPath
	}
	clean := path.Clean("/" + p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	return root + clean + tail
}
