package config

import (
	"bytes"
	"encoding/json"
	"errors"
)

// stdJSON stands in for the browser's JSON.parse.
func stdJSON(text string) (any, error) {
	var v any
	err := json.Unmarshal([]byte(text), &v)
	return v, err
}

// orderedJSON stands in for a JSON.parse wrapper that reports key order:
// objects come back as Object.
func orderedJSON(text string) (any, error) {
	dec := json.NewDecoder(bytes.NewReader([]byte(text)))
	dec.UseNumber()
	v, err := decodeOrdered(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, errors.New("trailing data")
	}
	return v, nil
}

func decodeOrdered(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			list := []any{}
			for dec.More() {
				e, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				list = append(list, e)
			}
			_, err := dec.Token()
			return list, err
		}
		obj := Object{Values: map[string]any{}}
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			e, err := decodeOrdered(dec)
			if err != nil {
				return nil, err
			}
			key := k.(string)
			obj.Keys = append(obj.Keys, key)
			obj.Values[key] = e
		}
		_, err := dec.Token()
		return obj, err
	case json.Number:
		return t.Float64()
	}
	return tok, nil
}

// mustParse parses a TOML or JSON (ordered) config for tests.
func mustParse(text string, f Format) (map[string]any, *Order) {
	values, order, err := ParseOrdered(text, f, "", orderedJSON)
	if err != nil {
		panic(err)
	}
	return values, order
}
