package config

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSelect(t *testing.T) {
	tests := []struct {
		name     string
		typ      string
		elements []Element
		attrs    []string
		want     Selection
		wantErr  string
	}{
		{name: "nothing", typ: "py", want: Selection{}},
		{name: "one element src", typ: "py", elements: []Element{{Src: "c.toml", Text: "ignored", Type: "toml"}},
			want: Selection{Config: "c.toml", Type: "toml"}},
		{name: "one element text", typ: "py", elements: []Element{{Text: "a = 1"}}, want: Selection{Config: "a = 1"}},
		{name: "one empty element", typ: "mpy", elements: []Element{{}}, want: Selection{}},
		{name: "one attr", typ: "py", attrs: []string{"c.json"}, want: Selection{Config: "c.json"}},
		{name: "identical attrs", typ: "py", attrs: []string{"c.json", "c.json", "c.json"}, want: Selection{Config: "c.json"}},
		{name: "identical empty attrs", typ: "py", attrs: []string{"", ""}, want: Selection{}},
		{name: "two elements py", typ: "py", elements: []Element{{Src: "a.toml"}, {Src: "a.toml"}},
			wantErr: "(PY0409): Too many py-config"},
		{name: "two elements mpy", typ: "mpy", elements: []Element{{}, {}},
			wantErr: "(PY0409): Too many mpy-config"},
		{name: "too many wins over ambiguous", typ: "py", elements: []Element{{}, {}}, attrs: []string{"a", "b"},
			wantErr: "(PY0409): Too many py-config"},
		{name: "element and attr py", typ: "py", elements: []Element{{Src: "c.toml"}}, attrs: []string{"c.toml"},
			wantErr: "(PY0409): Ambiguous py-config VS config attribute"},
		{name: "element and attr mpy", typ: "mpy", elements: []Element{{Text: "a = 1"}}, attrs: []string{""},
			wantErr: "(PY0409): Ambiguous mpy-config VS config attribute"},
		{name: "ambiguous wins over different", typ: "py", elements: []Element{{}}, attrs: []string{"a", "b"},
			wantErr: "(PY0409): Ambiguous py-config VS config attribute"},
		{name: "different attrs", typ: "py", attrs: []string{"a.toml", "b.toml"},
			wantErr: "(PY0409): Unable to use different configs on main"},
		{name: "different later attr", typ: "mpy", attrs: []string{"a.toml", "a.toml", "a.json"},
			wantErr: "(PY0409): Unable to use different configs on main"},
		{name: "whitespace makes attrs different", typ: "py", attrs: []string{"a.toml", " a.toml"},
			wantErr: "(PY0409): Unable to use different configs on main"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Select(tt.typ, tt.elements, tt.attrs)
			if tt.wantErr != "" {
				require.EqualError(t, err, tt.wantErr)
				assert.Equal(t, Selection{}, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}
