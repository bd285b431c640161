package mip

import (
	"encoding/json"
	"errors"
	"sort"
	"testing"
)

// stdJSON stands in for the browser's JSON.parse.
func stdJSON(text string) (any, error) {
	var v any
	err := json.Unmarshal([]byte(text), &v)
	return v, err
}

// web is a fake network: URL → body; other URLs answer 404, or the error
// in fail.
type web struct {
	pages   map[string]string
	fail    map[string]error
	fetched []string
}

func (w *web) fetch(url string) ([]byte, error) {
	w.fetched = append(w.fetched, url)
	if err, ok := w.fail[url]; ok {
		return nil, err
	}
	body, ok := w.pages[url]
	if !ok {
		return nil, &HTTPError{Status: 404, StatusText: "Not Found"}
	}
	return []byte(body), nil
}

func (w *web) count(url string) int {
	n := 0
	for _, u := range w.fetched {
		if u == url {
			n++
		}
	}
	return n
}

// disk is a fake file system.
type disk struct {
	files map[string]string
	order []string
	err   error
}

func newDisk() *disk { return &disk{files: map[string]string{}} }

func (d *disk) write(path string, data []byte) error {
	if d.err != nil {
		return d.err
	}
	d.files[path] = string(data)
	d.order = append(d.order, path)
	return nil
}

func (d *disk) paths() []string {
	var out []string
	for p := range d.files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// install runs Install with stdJSON and the given options.
func install(t *testing.T, spec string, opts Options, pages map[string]string) (*web, *disk, error) {
	t.Helper()
	w := &web{pages: pages}
	d := newDisk()
	if opts.JSON == nil {
		opts.JSON = stdJSON
	}
	err := Install(spec, opts, w.fetch, d.write)
	return w, d, err
}

// asError returns err as *Error or fails the test.
func asError(t *testing.T, err error) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *mip.Error", err, err)
	}
	return e
}
