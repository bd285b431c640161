package config

import "time"

// Layouts for BurntSushi's local date/time values, which it marks with
// fixed zones of these names.
var localLayouts = map[string]string{
	"datetime-local": "2006-01-02T15:04:05.999999999",
	"date-local":     "2006-01-02",
	"time-local":     "15:04:05.999999999",
}

// normalizeTOML turns decoded TOML values into the values JSON.parse would
// give for the same data:
//   - tables become map[string]any and arrays (including arrays of tables,
//     which BurntSushi returns as []map[string]any) become []any;
//   - strings, booleans, int64 and float64 are kept (NaN and ±Inf too);
//   - dates and times become strings in TOML form: an offset date-time in
//     RFC 3339 ("1979-05-27T07:32:00Z"), a local date-time without offset,
//     a local date ("1979-05-27") or a local time ("07:32:00").
func normalizeTOML(v map[string]any) map[string]any {
	out := make(map[string]any, len(v))
	for k, e := range v {
		out[k] = normalizeValue(e)
	}
	return out
}

func normalizeValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		return normalizeTOML(v)
	case []map[string]any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = normalizeTOML(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = normalizeValue(e)
		}
		return out
	case time.Time:
		if layout, ok := localLayouts[v.Location().String()]; ok {
			return v.Format(layout)
		}
		return v.Format(time.RFC3339Nano)
	}
	return v
}
