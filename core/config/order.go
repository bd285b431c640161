package config

import (
	"sort"

	"github.com/BurntSushi/toml"
)

// Object is a decoded JSON object that keeps the order of its keys. A
// JSONParser may return it, at any depth, in place of map[string]any so
// that Parse can record the written order (see Order); the browser's
// Object.keys gives that order.
//
// Keys lists the keys in written order. A key missing from Keys comes after
// the listed ones, in sorted order; a listed key missing from Values is
// ignored, and so is a repeated one. Values may hold Object, map[string]any,
// []any and scalars.
type Object struct {
	Keys   []string
	Values map[string]any
}

// Order is the written order of the keys of a config's objects, which Go
// maps forget. It mirrors the object tree of Config.Values: Keys are the
// keys of one object and Sub the orders of its nested objects, by key.
// Objects inside arrays are not tracked.
//
// A nil *Order, or nil Keys, means "order unknown": the keys are then taken
// in sorted order. Every method is safe on a nil *Order.
type Order struct {
	Keys []string
	Sub  map[string]*Order
}

// Child returns the order of the object under key, nil when unknown.
func (o *Order) Child(key string) *Order {
	if o == nil {
		return nil
	}
	return o.Sub[key]
}

// KeysOf returns the keys of m in written order: first the keys of o.Keys
// that m holds, then any other key of m, sorted.
func (o *Order) KeysOf(m map[string]any) []string {
	out := make([]string, 0, len(m))
	seen := make(map[string]bool, len(m))
	if o != nil {
		for _, k := range o.Keys {
			if _, ok := m[k]; ok && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	n := len(out)
	for k := range m {
		if !seen[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out[n:])
	return out
}

// child returns the order of the object under key, creating it; nil when
// o is nil.
func (o *Order) child(key string) *Order {
	if o == nil {
		return nil
	}
	if o.Sub == nil {
		o.Sub = map[string]*Order{}
	}
	c := o.Sub[key]
	if c == nil {
		c = &Order{}
		o.Sub[key] = c
	}
	return c
}

// add records that key was just added to m, the object o describes. When
// the order of m was unknown, its other keys are first fixed in sorted
// order, so that key stays after them. It does nothing on a nil Order.
func (o *Order) add(m map[string]any, key string) {
	if o == nil {
		return
	}
	if o.Keys == nil {
		for _, k := range o.KeysOf(m) {
			if k != key {
				o.Keys = append(o.Keys, k)
			}
		}
	}
	o.Keys = append(o.Keys, key)
}

// normalizeJSONValue turns Object values (at any depth) into maps and
// returns the order of v when v is an object.
func normalizeJSONValue(v any) (any, *Order) {
	switch v := v.(type) {
	case Object:
		m := make(map[string]any, len(v.Values))
		o := &Order{Keys: make([]string, 0, len(v.Values))}
		for _, k := range (&Order{Keys: v.Keys}).KeysOf(v.Values) {
			o.Keys = append(o.Keys, k)
			m[k] = o.normalizeField(k, v.Values[k])
		}
		return m, o
	case map[string]any:
		m := make(map[string]any, len(v))
		o := &Order{}
		for k, e := range v {
			m[k] = o.normalizeField(k, e)
		}
		if o.Sub == nil {
			o = nil
		}
		return m, o
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i], _ = normalizeJSONValue(e)
		}
		return out, nil
	}
	return v, nil
}

// normalizeField normalises the value of key and records its order.
func (o *Order) normalizeField(key string, v any) any {
	n, sub := normalizeJSONValue(v)
	if sub != nil {
		if o.Sub == nil {
			o.Sub = map[string]*Order{}
		}
		o.Sub[key] = sub
	}
	return n
}

// tomlOrder builds the Order of a decoded TOML document from its metadata,
// whose keys come in written order. Tables reached through arrays of
// tables are skipped.
func tomlOrder(md toml.MetaData, values map[string]any) *Order {
	root := &Order{}
	seen := map[*Order]map[string]bool{}
	for _, path := range md.Keys() {
		o, m := root, values
		for i, k := range path {
			if seen[o] == nil {
				seen[o] = map[string]bool{}
			}
			if !seen[o][k] {
				seen[o][k] = true
				o.Keys = append(o.Keys, k)
			}
			if i == len(path)-1 {
				break
			}
			next, ok := m[k].(map[string]any)
			if !ok {
				break
			}
			o, m = o.child(k), next
		}
	}
	return root
}
