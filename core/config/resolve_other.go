//go:build !js

package config

import "net/url"

func resolveURL(ref, base string) (string, bool) {
	r, err := url.Parse(ref)
	if err != nil {
		return "", false
	}
	if !r.IsAbs() {
		b, err := url.Parse(base)
		if err != nil || !b.IsAbs() {
			return "", false
		}
		r = b.ResolveReference(r)
	} else if r.Opaque == "" {
		r = r.ResolveReference(r) // removes dot segments, as new URL does
	}
	if r.Host != "" && r.Path == "" && r.Opaque == "" {
		r.Path = "/" // new URL("https://host").href is "https://host/"
	}
	return r.String(), true
}
