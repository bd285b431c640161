package mip

import (
	"errors"
	"strconv"
)

// Error kinds, matched with errors.Is on an *Error.
var (
	// ErrInvalidSpec: a packages entry (or a dependency) is not a valid spec.
	ErrInvalidSpec = errors.New("invalid package spec")
	// ErrNotFound: the package.json, or a file it lists, does not exist
	// (HTTP 404 or 410). A Fetcher may also return it (or wrap it).
	ErrNotFound = errors.New("not found")
	// ErrDownload: any other failure of the Fetcher.
	ErrDownload = errors.New("download failed")
	// ErrInvalidPackage: the package.json cannot be parsed or has the wrong
	// shape.
	ErrInvalidPackage = errors.New("invalid package.json")
	// ErrWrite: the Writer failed.
	ErrWrite = errors.New("write failed")
)

// HTTPError is what a Fetcher should return for an HTTP response that is not
// a success; the installer reports 404 and 410 as "not found".
type HTTPError struct {
	Status     int    // e.g. 404
	StatusText string // e.g. "Not Found"; optional
}

func (e *HTTPError) Error() string {
	s := "HTTP " + strconv.Itoa(e.Status)
	if e.StatusText != "" {
		s += " " + e.StatusText
	}
	return s
}

// Error is the error returned by Install. Its message names the package, the
// URL and the problem, e.g.
//
//	Package not found: unittest (https://micropython.org/pi/v2/package/py/unittest/latest.json: HTTP 404 Not Found)
//	File not found: unittest/__init__.py of package unittest (https://micropython.org/pi/v2/file/ab/ab12cd34: HTTP 404)
//	Cannot download package foo (https://example.com/foo/package.json: TypeError: Failed to fetch)
//	Invalid package.json for foo (https://example.com/foo/package.json): "deps" must be a list of [name, version] pairs
//	Cannot write /lib/foo.py for package foo: disk full
//	Invalid package spec "a/b": a package name cannot contain "/"; use github:…, http:// or https://
//
// A failure in a dependency ends with " (required by <parent>)".
type Error struct {
	Kind       error  // one of the Err* values above
	Package    string // the package as written in the spec or the deps list
	File       string // destination file (relative to the target), if any
	URL        string // URL being fetched, if any
	Detail     string // the reason, for ErrInvalidSpec and ErrInvalidPackage
	RequiredBy string // the package that listed this one in its deps
	Err        error  // the Fetcher's or Writer's error, if any
}

func (e *Error) Error() string {
	var s string
	switch e.Kind {
	case ErrInvalidSpec:
		s = "Invalid package spec " + strconv.Quote(e.Package) + ": " + e.Detail
	case ErrInvalidPackage:
		s = "Invalid package.json for " + e.Package + " (" + e.URL + "): " + e.Detail
	case ErrWrite:
		s = "Cannot write " + e.File + " for package " + e.Package + ": " + errText(e.Err)
	case ErrNotFound:
		if e.File != "" {
			s = "File not found: " + e.File + " of package " + e.Package
		} else {
			s = "Package not found: " + e.Package
		}
		s += " (" + e.URL + ": " + errText(e.Err) + ")"
	default:
		if e.File != "" {
			s = "Cannot download " + e.File + " of package " + e.Package
		} else {
			s = "Cannot download package " + e.Package
		}
		s += " (" + e.URL + ": " + errText(e.Err) + ")"
	}
	if e.RequiredBy != "" {
		s += " (required by " + e.RequiredBy + ")"
	}
	return s
}

// Unwrap gives both the kind and the underlying error to errors.Is/As.
func (e *Error) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

func errText(err error) string {
	if err == nil {
		return "unknown error"
	}
	return err.Error()
}

// fetchError classifies a Fetcher error.
func fetchError(err error, pkg, file, url, parent string) *Error {
	kind := ErrDownload
	var h *HTTPError
	if errors.Is(err, ErrNotFound) || (errors.As(err, &h) && (h.Status == 404 || h.Status == 410)) {
		kind = ErrNotFound
	}
	return &Error{Kind: kind, Package: pkg, File: file, URL: url, RequiredBy: parent, Err: err}
}
