package config

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
// An absolute ref is returned in normalised form whatever the base. The
// parser is the platform's: the browser's own URL in wasm (net/url would
// add ~190 kB to the binary), net/url natively.
func Resolve(ref, base string) (string, error) {
	abs, ok := resolveURL(ref, base)
	if !ok {
		return "", badConfig("Invalid URL: " + ref)
	}
	return abs, nil
}
