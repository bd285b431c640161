package script

import "strconv"

// IDs hands out the per-type element ids PyScript uses for targets and
// <py-script> elements: py-0, py-1, … and mpy-0, … with one counter per type.
type IDs struct {
	next map[Type]int
}

// Next returns the next id for t.
func (ids *IDs) Next(t Type) string {
	if ids.next == nil {
		ids.next = map[Type]int{}
	}
	n := ids.next[t]
	ids.next[t] = n + 1
	return string(t) + "-" + strconv.Itoa(n)
}
