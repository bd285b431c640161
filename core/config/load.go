package config

// Fetcher returns the body of the resource at an absolute URL. In the
// browser it wraps PyScript's robust fetch; its errors are returned as-is.
type Fetcher func(url string) (string, error)

// Load turns a Selection into a Config: it detects the format, fetches a
// URL config (resolved against pageURL) and parses it. An empty Selection
// gives an empty Config.
func Load(sel Selection, pageURL string, fetch Fetcher, parseJSON JSONParser) (Config, error) {
	d, err := Detect(sel.Config, sel.Type)
	if err != nil {
		return Config{}, err
	}
	var cfg Config
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
	cfg.Values, cfg.Order, err = ParseOrdered(text, d.Format, d.URL, parseJSON)
	if err != nil {
		return Config{}, err
	}
	return cfg, nil
}
