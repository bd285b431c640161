package config

// Element is one <TYPE-config> element of the page, as read from the DOM.
type Element struct {
	Src  string // the src attribute, "" when absent
	Text string // the textContent
	Type string // the type attribute ("json", "toml"), "" when absent
	// Parser is the config-parser attribute: the URL of a module that
	// parses TOML in place of ours, "" when absent.
	Parser string
}

// Selection is the single config source chosen for a type.
type Selection struct {
	// Config is the raw config string: an element's src (else its text), or
	// a config attribute. Empty means no config.
	Config string
	// Type is the explicit format of a <TYPE-config> element; always empty
	// for config attributes.
	Type string
	// Parser is the URL of the config-parser module that parses a TOML
	// config (from the chosen element, or from the script whose config
	// attribute was chosen), "" for ours.
	Parser string
	// Base is the URL of the file Config was read from when Config holds
	// that file's content already parsed (the page's config handed to a
	// worker): its relative URLs resolve against Base. "" otherwise.
	Base string
}

// Select picks the config source for one interpreter type ("py" or "mpy").
//
// elements are the page's <TYPE-config> elements. attrs are the config
// attribute values of the main-thread scripts of that type, i.e.
// script[type=TYPE][config]:not([worker]) and TYPE-script[config]:not([worker]),
// in document order. The checks follow PyScript's order:
//
//  1. more than one element:   "(PY0409): Too many TYPE-config"
//  2. an element and attrs:    "(PY0409): Ambiguous TYPE-config VS config attribute"
//  3. attrs that differ:       "(PY0409): Unable to use different configs on main"
//
// No element and no attribute is valid: the Selection is empty.
func Select(typ string, elements []Element, attrs []string) (Selection, error) {
	switch {
	case len(elements) > 1:
		return Selection{}, conflictError("Too many " + typ + "-config")
	case len(elements) == 1 && len(attrs) > 0:
		return Selection{}, conflictError("Ambiguous " + typ + "-config VS config attribute")
	case len(elements) == 1:
		el := elements[0]
		cfg := el.Src
		if cfg == "" {
			cfg = el.Text
		}
		return Selection{Config: cfg, Type: el.Type, Parser: el.Parser}, nil
	case len(attrs) > 0:
		for _, a := range attrs[1:] {
			if a != attrs[0] {
				return Selection{}, conflictError("Unable to use different configs on main")
			}
		}
		return Selection{Config: attrs[0]}, nil
	}
	return Selection{}, nil
}
