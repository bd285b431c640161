package config

import "encoding/json"

// stdJSON stands in for the browser's JSON.parse.
func stdJSON(text string) (any, error) {
	var v any
	err := json.Unmarshal([]byte(text), &v)
	return v, err
}
