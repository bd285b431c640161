package config

import (
	"syscall/js"

	"github.com/hack-pad/safejs"
)

var urlClass = safejs.Safe(js.Global().Get("URL"))

func resolveURL(ref, base string) (string, bool) {
	args := []any{ref}
	if base != "" {
		args = append(args, base)
	}
	u, err := urlClass.New(args...)
	if err != nil {
		return "", false
	}
	href, err := u.Get("href")
	if err != nil {
		return "", false
	}
	s, err := href.String()
	return s, err == nil
}
