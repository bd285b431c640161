package page

import "github.com/gopyscript/gopyscript/core/script"

// workerKind is what decides when PyScript numbers a worker script: its
// type, and how long PyScript waits before giving it its id.
type workerKind struct {
	typ  script.Type
	wait numberWait
}

type numberWait int

const (
	// noWait: the type's page config names the interpreter, so PyScript
	// numbers its worker scripts at once.
	noWait numberWait = iota
	// oneTick: the config is at hand (the page's, or inline): numbered
	// after one await.
	oneTick
	// loadWait: its own config file is fetched, or its terminal set up,
	// before it is numbered.
	loadWait
)

// workerOrder is the order in which PyScript gives worker scripts found
// together their ids (py-w0, mpy-w1 …): by how long it waits before
// numbering each; on the page's first scan all py scripts come before the
// mpy ones at each step, as PyScript defines the types in that order;
// otherwise document order is kept.
func workerOrder(kinds []workerKind, firstScan bool) []int {
	rank := func(k workerKind) int {
		r := 2 * int(k.wait)
		if firstScan && k.typ != script.Py {
			r++
		}
		return r
	}
	var order []int
	for r := 0; r <= 2*int(loadWait)+1; r++ {
		for i, k := range kinds {
			if rank(k) == r {
				order = append(order, i)
			}
		}
	}
	return order
}
