package main

import (
	"strconv"
	"strings"
)

// precompressed lists the sibling files looked for next to a requested file,
// most preferred first: brotli output is smaller than gzip for the same input.
var precompressed = []struct{ coding, suffix string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// parseAcceptEncoding maps each coding in an Accept-Encoding header to its
// q-value. A malformed q-value counts as 0: sending the identity form is
// always safe, guessing that a client can decode something is not.
func parseAcceptEncoding(header string) map[string]float64 {
	prefs := make(map[string]float64)
	for item := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(item, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding == "" {
			continue
		}
		if coding == "x-gzip" { // RFC 9110 §8.4.1.3: equivalent to gzip.
			coding = "gzip"
		}
		q := 1.0
		for param := range strings.SplitSeq(params, ";") {
			name, value, _ := strings.Cut(param, "=")
			if strings.EqualFold(strings.TrimSpace(name), "q") {
				v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
				if err != nil || v < 0 || v > 1 {
					v = 0
				}
				q = v
			}
		}
		prefs[coding] = q
	}
	return prefs
}

// accepts reports whether coding is acceptable: named, or covered by "*",
// with a q-value above 0. An explicit entry overrides "*".
func accepts(prefs map[string]float64, coding string) bool {
	q, ok := prefs[coding]
	if !ok {
		q, ok = prefs["*"]
	}
	return ok && q > 0
}

// chooseVariant picks which precompressed variant to send for the given
// Accept-Encoding header; exists reports whether FILE+suffix is present.
// An empty coding means the file itself. hasVariant reports whether any
// variant exists, i.e. whether the response depends on Accept-Encoding.
func chooseVariant(acceptEncoding string, exists func(suffix string) bool) (coding, suffix string, hasVariant bool) {
	prefs := parseAcceptEncoding(acceptEncoding)
	for _, v := range precompressed {
		if !exists(v.suffix) {
			continue
		}
		hasVariant = true
		if coding == "" && accepts(prefs, v.coding) {
			coding, suffix = v.coding, v.suffix
		}
	}
	return coding, suffix, hasVariant
}
