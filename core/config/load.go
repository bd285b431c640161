package config

// Fetcher returns the body of the resource at an absolute URL. In the
// browser it wraps PyScript's robust fetch; its errors are returned as-is.
type Fetcher func(url string) (string, error)

// ModuleParser parses text with the parse function (or default export) of
// the module at an absolute URL, into values as a JSONParser returns them.
type ModuleParser func(moduleURL, text string) (any, error)

// Load turns a Selection into a Config: it detects the format, fetches a
// URL config (resolved against pageURL) and parses it, a TOML one with the
// Selection's config-parser module when it names one. An empty Selection
// gives an empty Config.
func Load(sel Selection, pageURL string, fetch Fetcher, parseJSON JSONParser, parseWith ModuleParser) (Config, error) {
	d, err := Detect(sel.Config, sel.Type)
	if err != nil {
		return Config{}, err
	}
	cfg := Config{ConfigURL: sel.Base}
	text := d.Text
	if d.URL != "" {
		abs, err := Resolve(d.URL, pageURL)
		if err != nil {
			return Config{}, err
		}
		if fetch == nil {
			return Config{}, badConfig("Unable to fetch " + abs)
		}
		body, err := fetch(abs)
		if err != nil {
			return Config{}, err
		}
		text = trimJS(body)
		cfg.ConfigURL = abs
	}
	if d.Format == FormatTOML && sel.Parser != "" {
		cfg.Values, cfg.Order, err = parseWithModule(text, d.URL, sel.Parser, pageURL, parseWith)
	} else {
		cfg.Values, cfg.Order, err = ParseOrdered(text, d.Format, d.URL, parseJSON)
	}
	if err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// parseWithModule parses a TOML config with the page's config-parser module.
func parseWithModule(text, sourceURL, parser, pageURL string, parseWith ModuleParser) (map[string]any, *Order, error) {
	moduleURL, err := Resolve(parser, pageURL)
	if err != nil {
		return nil, nil, err
	}
	if parseWith == nil {
		return nil, nil, syntaxError("TOML", sourceURL, "no config-parser support here")
	}
	return parseObject("TOML", text, sourceURL, func(text string) (any, error) { return parseWith(moduleURL, text) })
}
