package page

import (
	"sync"
	"syscall/js"

	"github.com/gopyscript/gopyscript/core/config"
	"github.com/gopyscript/gopyscript/core/runtime"
	"github.com/gopyscript/gopyscript/core/script"
	"github.com/gopyscript/gopyscript/events"
	"github.com/gopyscript/gopyscript/ffi"
	"github.com/gopyscript/gopyscript/ffi/channel"
)

// Page is the main-thread runtime of one document.
type Page struct {
	host    js.Value
	doc     js.Value
	configs map[script.Type]*runtime.Config
	shared  map[script.Type]config.Selection // configs a worker script inherits
	defined map[script.Type]js.Value         // whenDefined promise resolvers

	mu       sync.Mutex
	ids      script.IDs
	runners  map[script.Type]*runner
	seq      int
	handled  js.Value // WeakSet of elements already queued
	allDone  *events.AllDoneTracker
	observer js.Func

	workerCount     int                 // py-wN ids, one counter across types
	workers         map[*xworker]bool   // running workers
	named           map[string]js.Value // named workers: Promise.withResolvers()
	glueOnce        sync.Once           // channel.js, loaded for the first worker
	notIsolatedOnce sync.Once           // the notice about workers on a page without isolation
	glue            js.Value
	glueErr         error
}

// item is one script element waiting to run.
type item struct {
	el       js.Value
	seq      int
	typ      script.Type
	isScript bool              // <script type=…> rather than <py-script>
	worker   bool              // runs in its own worker
	src      *runtime.Download // the src request, started as soon as the element is seen; nil without src
	config   *runtime.Config   // a py-game script's own config, once read
}

// Start finds the page's scripts, starts their interpreters and runs them.
// It returns once the exports are ready; scripts keep running afterwards.
func Start(host js.Value) {
	p := &Page{
		host:    host,
		doc:     js.Global().Get("document"),
		runners: map[script.Type]*runner{},
		defined: map[script.Type]js.Value{},
		shared:  map[script.Type]config.Selection{},
		handled: js.Global().Get("WeakSet").New(),
		named:   map[string]js.Value{},
		workers: map[*xworker]bool{},
	}
	for _, t := range script.Types {
		p.defined[t] = js.Global().Get("Promise").Call("withResolvers")
	}
	runtime.FetchThrough(host)
	p.addDefaultHooks()
	p.showCallbackErrors()
	ffi.PanicReporter = func(where string, err error) {
		notify("GoPyScript internal error in " + where + ": " + err.Error())
	}
	host.Set("stderr", ffi.FuncOf("stderr", func(_ js.Value, args []js.Value) any {
		if len(args) == 2 {
			if r := p.runner(script.Type(args[0].String())); r != nil {
				r.report(args[1].String())
			} else {
				notify(args[1].String())
			}
		}
		return nil
	}))
	host.Set("stats", ffi.FuncOf("stats", func(js.Value, []js.Value) any {
		p.mu.Lock()
		defer p.mu.Unlock()
		return map[string]any{"workers": len(p.workers), "lent": channel.Lent(), "channels": channel.Open()}
	}))
	if problem := host.Get("isolationProblem"); problem.Truthy() {
		p.tellNotIsolated(problem.String())
	}
	p.configs = p.loadConfigs()

	initial := p.find(p.doc)
	var keys []any
	items := make([]*item, len(initial))
	for i, el := range initial {
		items[i] = p.newItem(el)
		if items[i].typ != script.Game { // PyScript's py:all-done waits for py and mpy scripts only
			keys = append(keys, items[i].seq)
		}
	}
	p.allDone = events.NewAllDoneTracker(keys, events.DispatchAllDone)
	p.enqueue(items, true)
	p.allDone.Start()
	p.observe()
	host.Call("ready", p.exports())
}

// selector matches every main-thread script element of every type.
func selector() string {
	s := ""
	for i, t := range script.Types {
		if i > 0 {
			s += ","
		}
		s += t.Selector()
	}
	return s
}

// find lists the unhandled script elements in root, in document order,
// including root itself when it is one.
func (p *Page) find(root js.Value) []js.Value {
	var found []js.Value
	sel := selector()
	if root.Get("nodeType").Int() == 1 && root.Call("matches", sel).Bool() {
		found = append(found, root)
	}
	list := root.Call("querySelectorAll", sel)
	for i := 0; i < list.Length(); i++ {
		found = append(found, list.Index(i))
	}
	fresh := found[:0]
	for _, el := range found {
		if !p.handled.Call("has", el).Bool() {
			p.handled.Call("add", el)
			fresh = append(fresh, el)
		}
	}
	return fresh
}

func (p *Page) newItem(el js.Value) *item {
	typ, _ := script.TypeOf(el.Get("localName").String(), attr(el, "type"))
	p.mu.Lock()
	p.seq++
	it := &item{el: el, seq: p.seq, typ: typ, isScript: el.Get("localName").String() == "script",
		worker: typ != script.Game && el.Call("hasAttribute", "worker").Bool()} // a game draws on the page's canvas
	p.mu.Unlock()
	if src := attr(el, "src"); src != "" && !it.worker && !srcWithCode(el) {
		// Fetch every src at once; the runner still runs them in order.
		// One with inline code too is an error, and is not fetched at all.
		d := runtime.StartDownload(src)
		it.src = &d
	}
	return it
}

// enqueue hands items found together to their types' runners, and starts
// their workers in the order PyScript numbers them (firstScan: the page's
// scripts when the core starts).
func (p *Page) enqueue(items []*item, firstScan bool) {
	var workers []*item
	var kinds []workerKind
	for _, it := range items {
		if it.worker {
			workers = append(workers, it)
			kinds = append(kinds, workerKind{typ: it.typ, wait: p.numberWait(it)})
		} else {
			p.run(it)
		}
	}
	for _, i := range workerOrder(kinds, firstScan) {
		p.startScriptWorker(workers[i])
	}
}

// numberWait is how long PyScript waits before numbering this worker script.
func (p *Page) numberWait(it *item) numberWait {
	if it.el.Call("hasAttribute", "terminal").Bool() {
		return loadWait
	}
	if _, named := p.configs[it.typ].Values["interpreter"]; named {
		return noWait
	}
	if d, err := config.Detect(attr(it.el, "config"), ""); err == nil && d.URL != "" {
		return loadWait
	}
	return oneTick
}

// run hands the item to its type's runner, starting that runner (and so its
// interpreter) on the first script of the type.
func (p *Page) run(it *item) {
	p.mu.Lock()
	r, ok := p.runners[it.typ]
	if !ok {
		r = newRunner(p, it.typ)
		p.runners[it.typ] = r
	}
	p.mu.Unlock()
	if !ok {
		ffi.Go(string(it.typ)+" runner", r.loop)
	}
	r.queue.Push(it)
}

// observe runs scripts added to the document later, like PyScript does.
func (p *Page) observe() {
	p.observer = ffi.FuncOf("MutationObserver", func(_ js.Value, args []js.Value) any {
		records := args[0]
		var items []*item
		for i := 0; i < records.Length(); i++ {
			added := records.Index(i).Get("addedNodes")
			for j := 0; j < added.Length(); j++ {
				node := added.Index(j)
				if node.Get("nodeType").Int() != 1 {
					continue
				}
				for _, el := range p.find(node) {
					items = append(items, p.newItem(el))
				}
			}
		}
		p.enqueue(items, false)
		return nil
	})
	mo := js.Global().Get("MutationObserver").New(p.observer)
	mo.Call("observe", p.doc, map[string]any{"childList": true, "subtree": true})
}

// runner is the type's runner, nil before its first script.
func (p *Page) runner(t script.Type) *runner {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.runners[t]
}

// nextID hands out py-N / mpy-N ids; runners of both types share the page.
func (p *Page) nextID(t script.Type) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.ids.Next(t)
}

// attr returns an attribute's value, or "" when it is absent.
func attr(el js.Value, name string) string {
	v := el.Call("getAttribute", name)
	if v.IsNull() {
		return ""
	}
	return v.String()
}
