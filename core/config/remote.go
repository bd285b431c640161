package config

import (
	"errors"
	"strconv"
	"strings"
)

// Guards against runaway remote package graphs.
const (
	// MaxRemoteDepth is how deeply remote packages may include each other.
	MaxRemoteDepth = 16
	// MaxRemotePackages is how many remote package configs one config may
	// pull in, all levels together.
	MaxRemotePackages = 100
)

// RemoteRef is a remote package config to fetch.
type RemoteRef struct {
	// URL is the absolute URL to fetch.
	URL string
	// Entry is the "packages" entry as written; it names the package in
	// error messages (pass it to Parse as sourceURL).
	Entry string
	// Format is FormatTOML or FormatJSON, by the URL's extension.
	Format Format
}

// Remotes expands the remote packages of a config: the "packages" entries
// whose path ends in ".toml" or ".json" are configs of their own, whose
// "files" and "js_modules" are merged into the config (see MergeRemote)
// and whose "packages" are processed in turn. It does no I/O; the caller
// fetches:
//
//	r, err := NewRemotes(cfg.Values, cfg.Order, cfg.Base(pageURL))
//	for {
//		ref, ok, err := r.Next()
//		if err != nil || !ok { ... }             // done, or failed
//		text, err := fetch(ref.URL)
//		values, order, err := ParseOrdered(text, ref.Format, ref.Entry, parseJSON)
//		err = r.Add(values, order)
//	}
//
// ExpandRemotes runs that loop with a Fetcher.
//
// As in polyscript, the walk is depth first: a package's nested packages
// are merged before its own files and modules, and when the walk ends
// "packages" is replaced by the remaining (non-remote) entries, nested ones
// in place of the package that listed them, without repeats. Root entries
// stay as written; nested wheel and path entries are resolved against
// their package's URL. A package reached again is skipped, unless it
// includes itself. Errors:
//
//	Unable to process <name> @ <entry>    two packages have the same "name"
//	Duplicated path: <url>                 from MergeRemote
//	(PY1000): Invalid config: remote package cycle: <url> -> ... -> <url>
//	(PY1000): Invalid config: remote packages nested more than 16 deep: <url> -> ...
//	(PY1000): Invalid config: more than 100 remote packages
//
// plus the type errors of "packages", "name", "files" and "js_modules".
// After an error the values are partly merged and should be dropped.
type Remotes struct {
	values  map[string]any
	order   *Order
	stack   []*remoteFrame
	pending *RemoteRef
	done    map[string]bool // packages merged
	names   map[string]bool // their "name"s
	seen    map[string]bool // plain entries kept
	out     []any           // the new "packages"
	hadKey  bool
	count   int
	err     error
}

// remoteFrame is one "packages" list being walked: the root config's, or a
// remote package's, whose own config is merged when its list is done.
type remoteFrame struct {
	url     string // the package URL; "" for the root config
	base    string
	entries []string
	next    int
	values  map[string]any
	order   *Order
}

// NewRemotes starts expanding the remote packages of values. order is the
// config's key order, updated as keys are merged (nil: the merged keys
// are ordered by the sort fallback); base is the URL root entries resolve
// against (Config.Base).
func NewRemotes(values map[string]any, order *Order, base string) (*Remotes, error) {
	entries, err := stringList(values["packages"], "packages")
	if err != nil {
		return nil, err
	}
	_, hadKey := values["packages"]
	return &Remotes{
		values: values,
		order:  order,
		stack:  []*remoteFrame{{base: base, entries: entries}},
		done:   map[string]bool{},
		names:  map[string]bool{},
		seen:   map[string]bool{},
		out:    []any{},
		hadKey: hadKey,
	}, nil
}

// Next returns the next remote package config to fetch and give to Add.
// ok is false when the walk is over; "packages" then holds the expanded
// list. Calling Next again before Add returns the same package.
func (r *Remotes) Next() (ref RemoteRef, ok bool, err error) {
	if r.err != nil {
		return RemoteRef{}, false, r.err
	}
	if r.pending != nil {
		return *r.pending, true, nil
	}
	ref, ok, err = r.next()
	if err != nil {
		r.err = err
	}
	return ref, ok, err
}

func (r *Remotes) next() (RemoteRef, bool, error) {
	for len(r.stack) > 0 {
		f := r.stack[len(r.stack)-1]
		if f.next == len(f.entries) {
			if err := r.pop(); err != nil {
				return RemoteRef{}, false, err
			}
			continue
		}
		entry := f.entries[f.next]
		f.next++
		format := remoteFormat(entry)
		if format == FormatNone {
			if f.url != "" && (isPathEntry(entry) || isWheel(entry)) {
				abs, err := resolveAsset(entry, f.base)
				if err != nil {
					return RemoteRef{}, false, err
				}
				entry = abs
			}
			if !r.seen[entry] {
				r.seen[entry] = true
				r.out = append(r.out, entry)
			}
			continue
		}
		abs, err := resolveAsset(entry, f.base)
		if err != nil {
			return RemoteRef{}, false, err
		}
		if r.done[abs] {
			continue
		}
		if r.onStack(abs) {
			return RemoteRef{}, false, badConfig("Invalid config: remote package cycle: " + r.chain(abs))
		}
		if len(r.stack) > MaxRemoteDepth {
			return RemoteRef{}, false, badConfig("Invalid config: remote packages nested more than " +
				strconv.Itoa(MaxRemoteDepth) + " deep: " + r.chain(abs))
		}
		if r.count == MaxRemotePackages {
			return RemoteRef{}, false, badConfig("Invalid config: more than " + strconv.Itoa(MaxRemotePackages) + " remote packages")
		}
		r.count++
		r.pending = &RemoteRef{URL: abs, Entry: entry, Format: format}
		return *r.pending, true, nil
	}
	return RemoteRef{}, false, nil
}

// pop ends the top frame: a package's config is merged, the root's ends
// the walk.
func (r *Remotes) pop() error {
	f := r.stack[len(r.stack)-1]
	r.stack = r.stack[:len(r.stack)-1]
	if f.url == "" {
		if r.hadKey {
			r.values["packages"] = r.out
		}
		return nil
	}
	r.done[f.url] = true
	return MergeRemote(r.values, r.order, f.url, f.values, f.order)
}

// onStack reports whether url is a package being walked.
func (r *Remotes) onStack(url string) bool {
	for _, f := range r.stack {
		if f.url == url {
			return true
		}
	}
	return false
}

// chain names the packages being walked, then url.
func (r *Remotes) chain(url string) string {
	var parts []string
	for _, f := range r.stack {
		if f.url != "" {
			parts = append(parts, f.url)
		}
	}
	return strings.Join(append(parts, url), " -> ")
}

// Add gives the parsed config of the package that Next returned, with its
// key order (nil: sorted order). Its nested packages come next.
func (r *Remotes) Add(values map[string]any, order *Order) error {
	if r.err != nil {
		return r.err
	}
	if r.pending == nil {
		return errors.New("config: Remotes.Add called without a package from Next")
	}
	err := r.add(values, order)
	if err != nil {
		r.err = err
	}
	return err
}

func (r *Remotes) add(values map[string]any, order *Order) error {
	ref := *r.pending
	r.pending = nil
	switch name := values["name"].(type) {
	case nil:
	case string:
		if name != "" {
			if r.names[name] {
				return errors.New("Unable to process " + name + " @ " + ref.Entry)
			}
			r.names[name] = true
		}
	default:
		return wrongType("name", "a string")
	}
	entries, err := stringList(values["packages"], "packages")
	if err != nil {
		return err
	}
	r.stack = append(r.stack, &remoteFrame{
		url: ref.URL, base: ref.URL, entries: entries, values: values, order: order,
	})
	return nil
}

// ExpandRemotes expands the remote packages of cfg (see Remotes), fetching
// each config with fetch and parsing the trimmed text (JSON with
// parseJSON), as Load does. cfg.Values
// and cfg.Order are updated in place; on error they are partly merged. A
// nil fetch fails with "(PY1000): Unable to fetch <url>" when a remote
// package is listed.
func ExpandRemotes(cfg *Config, pageURL string, fetch Fetcher, parseJSON JSONParser) error {
	if cfg.Values == nil {
		cfg.Values = map[string]any{}
	}
	if cfg.Order == nil {
		cfg.Order = &Order{}
	}
	r, err := NewRemotes(cfg.Values, cfg.Order, cfg.Base(pageURL))
	if err != nil {
		return err
	}
	for {
		ref, ok, err := r.Next()
		if err != nil || !ok {
			return err
		}
		if fetch == nil {
			return badConfig("Unable to fetch " + ref.URL)
		}
		text, err := fetch(ref.URL)
		if err != nil {
			return err
		}
		values, order, err := ParseOrdered(trimJS(text), ref.Format, ref.Entry, parseJSON)
		if err != nil {
			return err
		}
		if err := r.Add(values, order); err != nil {
			return err
		}
	}
}

// MergeRemote merges the "files" and "js_modules" of a remote package
// config (remote, with its key order remoteOrder) into values, whose key
// order is order (nil: none is recorded). pkgURL is the package's absolute
// URL:
//
//   - "files": templates are expanded with the package's own definitions,
//     which are then dropped; each source is resolved against pkgURL and
//     added, with its destination, after the existing entries;
//   - "js_modules": the "main" and "worker" tables are added likewise,
//     their URLs resolved against pkgURL.
//
// A source or URL already present (as written) fails with
// "Duplicated path: <absolute url>". The package's "packages" and "name"
// are left to Remotes. values may be partly merged on error.
func MergeRemote(values map[string]any, order *Order, pkgURL string, remote map[string]any, remoteOrder *Order) error {
	files, err := expandFiles(remote["files"], remoteOrder.Child("files"))
	if err != nil {
		return err
	}
	if len(files) > 0 {
		target, to, err := subTable(values, order, "files", "files", "a table of strings")
		if err != nil {
			return err
		}
		for _, e := range files {
			if err := addPath(target, to, e.src, e.dest, pkgURL); err != nil {
				return err
			}
		}
	}
	jsm := remote["js_modules"]
	if jsm == nil {
		return nil
	}
	m, ok := jsm.(map[string]any)
	if !ok {
		return wrongType("js_modules", "a table")
	}
	for _, side := range []string{"main", "worker"} {
		v := m[side]
		if v == nil {
			continue
		}
		src, ok := v.(map[string]any)
		if !ok {
			return wrongType("js_modules."+side, "a table of strings")
		}
		jsValues, jsOrder, err := subTable(values, order, "js_modules", "js_modules", "a table")
		if err != nil {
			return err
		}
		target, to, err := subTable(jsValues, jsOrder, side, "js_modules."+side, "a table of strings")
		if err != nil {
			return err
		}
		for _, key := range remoteOrder.Child("js_modules").Child(side).KeysOf(src) {
			if err := addPath(target, to, key, src[key], pkgURL); err != nil {
				return err
			}
		}
	}
	return nil
}

// addPath adds key, resolved against pkgURL, to target.
func addPath(target map[string]any, o *Order, key string, value any, pkgURL string) error {
	abs, err := resolveAsset(key, pkgURL)
	if err != nil {
		return err
	}
	if _, dup := target[abs]; dup {
		return errors.New("Duplicated path: " + abs)
	}
	target[abs] = value
	o.add(target, abs)
	return nil
}

// subTable returns the table under key in values, with its order,
// creating both when missing. Its type must be a table; path and want
// word the error.
func subTable(values map[string]any, order *Order, key, path, want string) (map[string]any, *Order, error) {
	switch v := values[key].(type) {
	case map[string]any:
		return v, order.child(key), nil
	case nil:
		_, present := values[key]
		m := map[string]any{}
		values[key] = m
		if !present {
			order.add(values, key)
		}
		return m, order.child(key), nil
	}
	return nil, nil, wrongType(path, want)
}
