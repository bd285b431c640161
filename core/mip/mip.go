package mip

import (
	"errors"
	"path"
	"strconv"
	"strings"
)

// Defaults of Options.
const (
	DefaultIndex      = "https://micropython.org/pi/v2"
	DefaultTarget     = "/lib"
	DefaultMPYVersion = "py"
)

// Fetcher returns the body of the resource at an absolute URL. For an HTTP
// response that is not a success it should return an *HTTPError (or an
// error wrapping ErrNotFound for a missing resource).
type Fetcher func(url string) ([]byte, error)

// Writer writes a file into the interpreter's file system, creating the
// missing parent folders. Paths are absolute when the target is.
type Writer func(path string, data []byte) error

// JSONParser parses JSON text into Go values: map[string]any, []any,
// string, float64, bool or nil (in the browser: JSON.parse).
type JSONParser func(text string) (any, error)

// Options of an installation. The zero value installs source files from
// micropython-lib into /lib (JSON must still be set to install packages
// described by a package.json, which all index packages are).
type Options struct {
	// Index is the package index URL; DefaultIndex when empty. A trailing
	// "/" is ignored.
	Index string
	// Target is the folder files are installed into; DefaultTarget when
	// empty. It should be on sys.path for the package to be importable.
	Target string
	// MPYVersion selects the file variant of index packages: "py" for
	// source files (DefaultMPYVersion, used when empty), or a bytecode
	// version such as "6" (sys.implementation._mpy & 0xff) for .mpy files.
	MPYVersion string
	// JSON parses package.json files.
	JSON JSONParser
	// Log, when set, receives one line per step ("Installing …",
	// "Copying: /lib/…"), like mip's console output.
	Log func(msg string)
}

// Installer installs packages, each at most once: a package already
// installed (or being installed) by this Installer is skipped, so shared
// dependencies and dependency cycles are fetched once. Use one Installer
// for all entries of a packages list. An Installer is not safe for
// concurrent use.
type Installer struct {
	index, target, mpy string
	json               JSONParser
	log                func(string)
	fetch              Fetcher
	write              Writer
	seen               map[string]bool
}

// New returns an Installer; empty Options fields take their defaults.
func New(opts Options, fetch Fetcher, write Writer) *Installer {
	in := &Installer{
		index:  strings.TrimRight(opts.Index, "/"),
		target: opts.Target,
		mpy:    opts.MPYVersion,
		json:   opts.JSON,
		log:    opts.Log,
		fetch:  fetch,
		write:  write,
		seen:   map[string]bool{},
	}
	if in.index == "" {
		in.index = DefaultIndex
	}
	if in.target == "" {
		in.target = DefaultTarget
	}
	if in.mpy == "" {
		in.mpy = DefaultMPYVersion
	}
	return in
}

// Install installs one package spec with New(opts, fetch, write).
func Install(spec string, opts Options, fetch Fetcher, write Writer) error {
	return New(opts, fetch, write).Install(spec)
}

// Install installs a package spec (see the package documentation) and its
// dependencies. Files are written as they are downloaded, so a failure may
// leave a package partially installed. Errors are *Error values, except
// for a missing Fetcher or Writer.
func (in *Installer) Install(spec string) error {
	if in.fetch == nil || in.write == nil {
		return errors.New("mip: Install needs a Fetcher and a Writer")
	}
	if strings.ContainsAny(in.mpy, "/?#") {
		return errors.New("mip: invalid MPY version " + in.mpy)
	}
	return in.install(spec, "", "")
}

func (in *Installer) logf(parts ...string) {
	if in.log != nil {
		in.log(strings.Join(parts, ""))
	}
}

func (in *Installer) install(spec, version, parent string) error {
	src, bad := resolve(spec, version, in.index, in.mpy)
	if bad != "" {
		return &Error{Kind: ErrInvalidSpec, Package: spec, Detail: bad, RequiredBy: parent}
	}
	if in.seen[src.key] {
		return nil
	}
	in.seen[src.key] = true
	if src.single {
		in.logf("Downloading ", src.label, " to ", in.target)
		return in.download(src.url, src.dest, src.label, parent, true)
	}
	in.logf("Installing ", src.label, " from ", src.url, " to ", in.target)
	return in.installJSON(src, parent)
}

// download fetches url and writes it as dest inside the target. A fetch
// failure names the file, unless the file is the whole package (wholePkg).
func (in *Installer) download(url, dest, pkg, parent string, wholePkg bool) error {
	data, err := in.fetch(url)
	if err != nil {
		file := dest
		if wholePkg {
			file = ""
		}
		return fetchError(err, pkg, file, url, parent)
	}
	full := path.Join(in.target, dest)
	in.logf("Copying: ", full)
	if err := in.write(full, data); err != nil {
		return &Error{Kind: ErrWrite, Package: pkg, File: full, RequiredBy: parent, Err: err}
	}
	return nil
}

func (in *Installer) installJSON(src source, parent string) error {
	body, err := in.fetch(src.url)
	if err != nil {
		return fetchError(err, src.label, "", src.url, parent)
	}
	invalid := func(detail string) error {
		return &Error{Kind: ErrInvalidPackage, Package: src.label, URL: src.url,
			Detail: detail, RequiredBy: parent}
	}
	if in.json == nil {
		return invalid("no JSON parser available")
	}
	if tooDeep(body) {
		return invalid("nested deeper than " + strconv.Itoa(maxJSONDepth) + " levels")
	}
	v, err := in.json(string(body))
	if err != nil {
		return invalid(err.Error())
	}
	pkg, bad := parsePackage(v)
	if bad != "" {
		return invalid(bad)
	}
	for _, h := range pkg.hashes {
		u := in.index + "/file/" + h[1][:2] + "/" + h[1]
		if err := in.download(u, h[0], src.label, parent, false); err != nil {
			return err
		}
	}
	for _, f := range pkg.urls {
		u := f[1]
		if !isFullURL(u) {
			u = joinURL(src.jsonURL, u)
		}
		if err := in.download(rewrite(u, src.branch), f[0], src.label, parent, false); err != nil {
			return err
		}
	}
	for _, d := range pkg.deps {
		if err := in.install(d[0], d[1], src.label); err != nil {
			return err
		}
	}
	return nil
}
