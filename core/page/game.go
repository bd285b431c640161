package page

import "github.com/gopyscript/gopyscript/core/interp"

// withPygame is a copy of a py-game config's values with pygame-ce first
// in its packages, as PyScript installs it for every py-game script. A
// list that names it already is kept, and so is a packages value that is
// not a list (the runtime reports it).
func withPygame(values map[string]any) map[string]any {
	out := make(map[string]any, len(values)+1)
	for k, v := range values {
		out[k] = v
	}
	list, isList := values["packages"].([]any)
	if values["packages"] != nil && !isList {
		return out
	}
	for _, v := range list {
		if s, _ := v.(string); interp.RequirementName(s) == "pygame-ce" {
			return out
		}
	}
	out["packages"] = append([]any{"pygame-ce"}, list...)
	return out
}
