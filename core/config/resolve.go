package config

import "net/url"

// Base returns the URL that relative URLs inside a config resolve against:
// the config's own absolute URL when it was fetched, otherwise
// "<page directory>/config.txt", as polyscript does for inline configs.
func Base(configURL, pageURL string) string {
	if configURL != "" {
		return configURL
	}
	b, err := Resolve("./config.txt", pageURL)
	if err != nil {
		return pageURL
	}
	return b
}

// Resolve resolves ref against base, like JavaScript's new URL(ref, base).href.
// An absolute ref is returned in normalised form whatever the base.
func Resolve(ref, base string) (string, error) {
	r, err := url.Parse(ref)
	if err != nil {
		return "", badConfig("Invalid URL: " + ref)
	}
	if !r.IsAbs() {
		b, err := url.Parse(base)
		if err != nil || !b.IsAbs() {
			return "", badConfig("Invalid URL: " + ref + " (base " + base + ")")
		}
		r = b.ResolveReference(r)
	}
	if r.Host != "" && r.Path == "" && r.Opaque == "" {
		r.Path = "/" // new URL("https://host").href is "https://host/"
	}
	return r.String(), nil
}
