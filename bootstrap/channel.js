// The JS half of the page↔worker channel (Go side: ffi/channel). Go runs the
// protocol and owns every table; this module does what JS does cheaply and
// Go does not: build Proxies and closures, and do in one call what would
// otherwise be several crossings between Go and JS (each costs about a
// microsecond). The numbers below are ffi/channel/protocol.go's: keep them
// in step (ffi/channel/protocol_test.go checks that they match).

// Request kinds (protocol.go op*).
export const OP = { get: 1, set: 2, has: 3, delete: 4, apply: 5, construct: 6, keys: 7, describe: 8, call: 9, invoke: 10 };

// Value kinds reported by kind(v) (protocol.go kind*).
export const KIND = {
  undefined: 0, null: 1, boolean: 2, number: 3, string: 4, bigint: 5, symbol: 6,
  arrayBuffer: 7, array: 8, plain: 9, function: 10, object: 11, python: 12, copied: 13, viewFirst: 20,
};

// Page: an Array that goes to the worker by value, its items as usual
// (KIND.copied): what the runtime's calls answer with a list, so that
// reading it costs the worker no round trip per item.
const copies = new WeakSet();
export const copied = (array) => (copies.add(array), array);

// uncopyable says why an object cannot go by value, or nothing: copied, a
// DOM node would arrive as an empty object, the window as its globals.
const uncopyable = (v) =>
  globalThis.Node && (v instanceof Node || v instanceof Window)
    ? `GoPyScript cannot send ${v instanceof Node ? `the DOM node ${v.nodeName}` : "the window"} to a worker that has no shared memory (the page is not cross-origin isolated: it gets copies, and this cannot be copied); send what it needs from it, such as a text or an id`
    : "";

// pyscript.web's element builder for workers (the runtime call "build").
export { build } from "./lib/web-build.js";

// Typed array and DataView names, in wire.ViewNames order.
export const VIEWS = [
  "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
  "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "DataView",
];
const viewIndex = new Map(VIEWS.map((name, i) => [name, i]));

// What a lent object's flags tell the borrower (protocol.go ref*): whether
// it can be called, whether it is an Array, and, for the keys interpreters
// probe on every new object (Pyodide: then, next, length …), whether the key
// is there at all. A probe of an absent key needs no round trip. `method`
// (1 << 24, above the probe bits) marks the answer to a get that found a
// method: a function in a data property of the target's prototype chain.
export const FLAG = { callable: 1, array: 2, method: 16777216 };
const valueProbes = ["then", Symbol.iterator, Symbol.asyncIterator, "next", "get", "set", "has", "includes",
  Symbol.dispose, Symbol.asyncDispose].filter((key) => key !== undefined);
const inProbes = ["length", "size", "name", "message", "stack"];
const probeBit = new Map([...valueProbes, ...inProbes].map((key, i) => [key, 1 << (i + 2)]));

// The Event methods a worker-function wrapper calls before posting
// (listener option `invoke`).
export const INVOKE = Symbol("gopyscript.invoke");

// Page: the method the last get found (see FLAG.method), until it is shaped.
let foundMethod;
const inheritedMethod = (target, key) => {
  if (Object.hasOwn(target, key)) return false;
  for (let p = Object.getPrototypeOf(target); p !== null; p = Object.getPrototypeOf(p)) {
    const desc = Reflect.getOwnPropertyDescriptor(p, key);
    if (desc) return typeof desc.value === "function";
  }
  return false;
};

const shape = (v) => {
  let flags = (typeof v === "function" ? FLAG.callable : 0) | (Array.isArray(v) ? FLAG.array : 0);
  if (v === foundMethod) (flags |= FLAG.method), (foundMethod = undefined);
  for (const key of valueProbes) if (v[key] !== undefined) flags |= probeBit.get(key);
  for (const key of inProbes) if (key in v) flags |= probeBit.get(key);
  return flags;
};

const nameOf = (v) => {
  try {
    return (typeof v === "function" ? v.name : v.constructor?.name) ?? "";
  } catch {
    return "";
  }
};

// One instance per channel end. `python` (worker) tells the interpreter's
// objects apart once it is loaded; `make(id, flags, name)` builds the
// stand-in of one of the peer's objects.
export const channel = (host = {}) => {
  const peer = new WeakMap(); // a stand-in → the peer's id for it
  const standIns = new Map(); // peer id → [WeakRef(stand-in), serial]
  const identity = new Map(); // an own object → the id it is lent under
  let serials = 0;
  let make = () => undefined;
  let root;
  let closed = false;

  // Finalizations arrive one by one; Go hears of them once per task, as a
  // flat [id, serial, id, serial, …] list.
  let collected = [];
  let release = () => {};
  const registry = new FinalizationRegistry(([id, serial]) => {
    if (standIns.get(id)?.[1] === serial) standIns.delete(id);
    if (!collected.length) setTimeout(() => release(collected.splice(0)));
    collected.push(id, serial);
  });

  // Strings reach Go as UTF-8 in `scratch`, which Go copies from: a JS
  // string Go reads through syscall/js costs a reference, three crossings
  // and a finalizer. textOf(v) puts v there and returns its length, or -1
  // when v is not a string (or does not fit); a perform's other results
  // wait in `held` for Go to take.
  const scratch = new Uint8Array(4096);
  const encoder = new TextEncoder();
  const textOf = (v) => {
    if (typeof v !== "string" || v.length > scratch.length) return -1;
    const { read, written } = encoder.encodeInto(v, scratch);
    return read === v.length ? written : -1;
  };
  let held;
  const hold = (v) => {
    const n = textOf(v);
    if (n < 0) held = v;
    return n;
  };

  const performWith = (op, target, ...ops) => {
    switch (op) {
      case OP.get: {
        const v = Reflect.get(target, ops[0]);
        foundMethod = typeof v === "function" && typeof target === "object" && inheritedMethod(target, ops[0]) ? v : undefined;
        return v;
      }
      case OP.set: return Reflect.set(target, ops[0], ops[1]);
      case OP.has: return Reflect.has(target, ops[0]);
      case OP.delete: return Reflect.deleteProperty(target, ops[0]);
      case OP.apply:
      case OP.invoke:
        // addEventListener(type, workerFunction, {invoke: …}) names Event
        // methods (preventDefault …) the wrapper calls on the page, in time.
        if (peer.has(ops[2]) && ops[3]?.invoke) ops[2][INVOKE] = [ops[3].invoke].flat();
        // invoke: key, arguments… (the target's method, called on it).
        if (op === OP.invoke) return Reflect.apply(Reflect.get(target, ops[0]), target, ops.slice(1));
        return Reflect.apply(target, ops[0], ops.slice(1));
      case OP.construct: return Reflect.construct(target, ops);
      case OP.keys: return Object.getOwnPropertyNames(target);
      case OP.describe: return Reflect.getOwnPropertyDescriptor(target, ops[0]);
    }
    throw new Error(`GoPyScript: unknown request ${op} from the worker`);
  };

  return {
    kind(v) {
      switch (typeof v) {
        case "undefined": return KIND.undefined;
        case "boolean": return KIND.boolean;
        case "number": return KIND.number;
        case "string": return KIND.string;
        case "bigint": return KIND.bigint;
        case "symbol": return KIND.symbol;
        case "function": {
          const id = peer.get(v);
          return id === undefined ? KIND.function : -(id + 1);
        }
      }
      if (v === null) return KIND.null;
      const id = peer.get(v);
      if (id !== undefined) return -(id + 1);
      if (v instanceof ArrayBuffer) return KIND.arrayBuffer;
      if (ArrayBuffer.isView(v)) return KIND.viewFirst + viewIndex.get(Object.prototype.toString.call(v).slice(8, -1));
      if (Array.isArray(v)) return copies.has(v) ? KIND.copied : KIND.array;
      if (host.python?.(v)) return KIND.python;
      const proto = Object.getPrototypeOf(v);
      return proto === Object.prototype || proto === null ? KIND.plain : KIND.object;
    },

    // Own objects, lent by reference: "id flags name" as text in scratch
    // (see textOf; the name is cut short so that it always fits), id 0 when
    // the object has none yet (Go gives it one and remembers it here).
    describe: (v) => textOf(`${identity.get(v) ?? 0} ${shape(v)} ${nameOf(v).slice(0, 256)}`),
    remember: (v, id) => void identity.set(v, id),
    forget: (v) => void identity.delete(v),
    uncopyable,
    // The peer is gone: nothing it lent may be called any more.
    close() {
      closed = true;
      identity.clear();
    },

    // The peer's objects: put the one live stand-in of `id` in dst[key] and
    // return its serial, negative when an existing stand-in was reused (0:
    // the page's globalThis, never released).
    place(dst, key, id, flags, name) {
      if (id === 0 && root) return void (dst[key] = root), 0;
      const known = standIns.get(id);
      const alive = known?.[0].deref();
      if (alive) {
        if (flags & FLAG.method) placedMethod = [alive, flags];
        return (dst[key] = alive), -known[1];
      }
      const serial = ++serials;
      const standIn = make(id, flags, name);
      if (flags & FLAG.method) placedMethod = [standIn, flags];
      peer.set(standIn, id);
      standIns.set(id, [new WeakRef(standIn), serial]);
      registry.register(standIn, [id, serial]);
      dst[key] = standIn;
      return serial;
    },

    onRelease: (fn) => void (release = fn),

    // Worker: stand-ins are proxies whose every use asks the page through
    // request(op, id, ...operands); `global` flags the page's globalThis.
    proxies(request, global) {
      make = (id, flags, name) => proxy(id, flags, name, request);
      if (global !== undefined) {
        root = proxy(0, global, "Window", request);
        peer.set(root, 0);
      }
      return root;
    },

    // Page: stand-ins are functions that call the worker function through
    // the Go core's wasm export (this and the arguments in io, the Promise
    // of the result back in io[0]). A listener the browser calls while it
    // dispatches an event gets no answer: the browser ignores what it
    // returns, and the worker shows its exceptions itself.
    io: [],
    wrappers(index, exports) {
      const { io } = this;
      make = (id) => {
        const fn = function (...args) {
          if (closed) return Promise.reject(new Error("the worker was terminated")).catch(() => {});
          const event = args[0];
          for (const method of fn[INVOKE] ?? []) event?.[method]?.();
          const dispatched = event instanceof Event && event.eventPhase !== Event.NONE && event.currentTarget === this;
          io.length = 0;
          io.push(this, ...args);
          exports.gps_invoke(index, id, io.length, dispatched ? 0 : 1);
          const result = io[0];
          io.length = 0;
          // The worker shows a handler's exception; a caller may await it.
          // A dispatched call is rejected only when it could not be sent.
          result?.catch(dispatched ? (error) => console.error(error) : () => {});
          return result;
        };
        return fn;
      };
    },

    scratch,
    textAt: (array, i) => textOf(array[i]),
    // Posts the frame of n bytes Go copied into scratch.
    post(port, n) {
      const frame = scratch.slice(0, n);
      port.postMessage(frame, [frame.buffer]);
    },
    // The result of the last perform that was not a string (taken once).
    takeResult() {
      const v = held;
      held = undefined;
      return v;
    },

    // Page: one request of the worker, against one of the page's objects,
    // with the operands Go put in `array` (emptied, so Go's reference to it
    // keeps nothing alive), or given as arguments. The result as hold() says.
    perform: (op, target, array) => hold(performWith(op, target, ...array.splice(0))),
    performWith: (op, target, ...ops) => hold(performWith(op, target, ...ops)),

    // Worker: a call of one of its functions by the page: args = [this, …].
    call(fn, array) {
      const [self, ...args] = array.splice(0);
      return Reflect.apply(fn, self, args);
    },
    // Page: the operands of a sync call, moved out of Go's array.
    take: (array) => array.splice(0),
    // Page: settle a call of a worker function with the value Go put in it.
    settle(call, thrown) {
      const { value } = call;
      delete call.value;
      (thrown ? call.reject : call.resolve)(value);
    },
  };
};

// Worker: the stand-in and flags of the last method the page found for a
// get (see FLAG.method), and the methods learnt that way: constructor name
// → key → the method's flags. `el.focus()` is then one round trip (invoke)
// instead of two (get, then apply), on every object of that constructor.
// Not for plain objects ("Object"): their keys differ from one to the next.
let placedMethod;
const methods = new Map();
const learns = (name) => !!name && name !== "Object";

// A proxy of page object `id`. Its own keys and prototype stay local (they
// describe the local target); probes of absent keys are answered from the
// flags, a function's name from the name it was lent with; everything else
// asks the page.
const proxy = (id, flags, name, request) => {
  const callable = flags & FLAG.callable;
  const target = callable ? function () {}.bind() : flags & FLAG.array ? [] : {};
  let constructor, shadowed; // keys this object was given from here
  const shadow = (key) => void (shadowed ??= new Set()).add(key);
  const self = new Proxy(target, {
    get(target, key) {
      if (callable) {
        // fn.call(…) and fn.apply(…) call the proxy itself: one round trip.
        if (key === "call" || key === "apply" || key === "bind") return Function.prototype[key];
        if (key === "name") return name;
      }
      if (key === "constructor" && name) return (constructor ??= lazyConstructor(id, callable ? "Function" : name, request));
      if (probeBit.has(key) && !(flags & probeBit.get(key))) return undefined;
      if (typeof key === "symbol" && (key === Symbol.toStringTag || !wellKnown.has(key))) return undefined;
      const known = learns(name) && methods.get(name)?.get(key);
      if (known && !shadowed?.has(key)) return lazyMethod(self, id, key, known, request);
      placedMethod = undefined;
      const value = request(OP.get, id, key);
      if (learns(name) && typeof key === "string" && placedMethod && placedMethod[0] === value) {
        if (!methods.has(name)) methods.set(name, new Map());
        methods.get(name).set(key, placedMethod[1]);
      }
      return value;
    },
    set: (target, key, value) => (shadow(key), request(OP.set, id, key, value), true),
    has(target, key) {
      // MicroPython asks every function whether it is one of its own proxies.
      if (key === "_ref") return false;
      if (inProbes.includes(key)) return !!(flags & probeBit.get(key));
      return request(OP.has, id, key);
    },
    deleteProperty: (target, key) => (shadow(key), request(OP.delete, id, key)),
    apply: (target, self, args) => request(OP.apply, id, self, ...args),
    construct: (target, args) => request(OP.construct, id, ...args),
    ownKeys(target) {
      const keys = request(OP.keys, id);
      // The target's own non-configurable keys must be reported too.
      for (const key of Reflect.ownKeys(target))
        if (!Reflect.getOwnPropertyDescriptor(target, key).configurable && !keys.includes(key)) keys.push(key);
      return keys;
    },
    getOwnPropertyDescriptor(target, key) {
      const local = Reflect.getOwnPropertyDescriptor(target, key);
      if (local && !local.configurable) return local;
      // Interpreters walk the prototype chain with Object.hasOwn: report an
      // inherited probe key as own, with a getter that asks the page.
      if (inProbes.includes(key))
        return flags & probeBit.get(key) ? { configurable: true, enumerable: false, get: () => request(OP.get, id, key) } : undefined;
      const desc = request(OP.describe, id, key);
      if (desc) desc.configurable = true;
      return desc;
    },
    defineProperty: (target, key, desc) => (shadow(key), request(OP.set, id, key, desc.value), true),
  });
  return self;
};

// A method of page object `id` (its stand-in: owner) known to be one: a
// call is a single invoke, which reads the method on the page at that
// moment; any other use reads the method itself first, as a get would.
const lazyMethod = (owner, id, key, flags, request) => {
  let real;
  const resolve = () => (real ??= request(OP.get, id, key));
  const method = new Proxy(function () {}.bind(), {
    get(target, k) {
      if (k === "call" || k === "apply" || k === "bind") return Function.prototype[k];
      if (k === "name") return key;
      if (probeBit.has(k) && !(flags & probeBit.get(k))) return undefined;
      return Reflect.get(resolve(), k);
    },
    has(target, k) {
      if (k === "_ref") return false;
      if (inProbes.includes(k)) return !!(flags & probeBit.get(k));
      return Reflect.has(resolve(), k);
    },
    apply: (target, self, args) =>
      self === undefined || self === owner ? request(OP.invoke, id, key, ...args) : Reflect.apply(resolve(), self, args),
    construct: (target, args) => Reflect.construct(resolve(), args),
    set: (target, k, value) => Reflect.set(resolve(), k, value),
    deleteProperty: (target, k) => Reflect.deleteProperty(resolve(), k),
    ownKeys: () => Reflect.ownKeys(resolve()),
    getOwnPropertyDescriptor: (target, k) => Reflect.getOwnPropertyDescriptor(resolve(), k),
    defineProperty: (target, k, desc) => Reflect.defineProperty(resolve(), k, desc),
  });
  lazyMethods.set(method, resolve);
  return method;
};
const lazyMethods = new WeakMap();

// Page: onEnd waits for the worker holding the Web Lock name to end,
// however it ends: no event tells the page when the browser stops a worker
// or it closes itself. Unless the page terminated it first, the worker then says
// so once (its error event, which the page shows) and is terminated, which
// rejects the calls it left pending and frees what the page held for it.
export const onEnd = (name, worker) => {
  const { terminate } = worker; // the core's, which frees the worker's Go functions
  const stop = new AbortController();
  let live = true;
  const end = function () {
    live = false;
    stop.abort();
    return terminate.call(this);
  };
  Object.defineProperty(worker, "terminate", { value: end, configurable: true });
  navigator.locks
    .request(name, { signal: stop.signal }, () => {
      if (!live) return;
      worker.dispatchEvent(new ErrorEvent("error", { message: "the worker ended unexpectedly (it closed itself, or the browser stopped it)" }));
      worker.terminate();
    })
    .catch(() => {});
};

// Worker: an operand about to be sent, with a method stand-in replaced by
// the page's function itself (else it would be lent as a worker function).
export const sendable = (v) => (typeof v === "function" && lazyMethods.get(v)?.()) || v;

// An object's `constructor`, known by name until it is used for anything
// else: Pyodide reads obj.constructor.name of every object it wraps.
const lazyConstructor = (id, name, request) => {
  let real;
  const resolve = () => (real ??= request(OP.get, id, "constructor"));
  return new Proxy(function () {}.bind(), {
    get: (target, key) => (key === "name" ? name : Reflect.get(resolve(), key)),
    set: (target, key, value) => Reflect.set(resolve(), key, value),
    has: (target, key) => Reflect.has(resolve(), key),
    apply: (target, self, args) => Reflect.apply(resolve(), self, args),
    construct: (target, args) => Reflect.construct(resolve(), args),
  });
};

const wellKnown = new Set(Object.getOwnPropertyNames(Symbol).map((k) => Symbol[k]).filter((s) => typeof s === "symbol"));

// The shared buffer's int32 slots (protocol.go slot*).
const REQUEST = 0, RESPONSE = 1, LENGTH = 2, STATE = 3, PAGE_WAITS = 4, WORKER_WAITS = 5;

// Page: serve each request of the worker whose buffer is `sab` as it comes,
// through the Go core's wasm export (a plain call, no goroutine switch),
// until the state slot says closed. Go answers with the length of the
// response it wrote, or -1 when it will answer later (through reply).
//
// A busy worker's next request usually comes within microseconds, while
// waking the page through Atomics.waitAsync costs tens of them: after each
// answer the page watches the counter for PAGE_SPIN ms before going back to
// the event loop, and yields after SLICE ms of serving in a row, so input
// and rendering never wait longer than that.
const SLICE = 4, PAGE_SPIN = 0.03, WORKER_SPIN = 0.2;

// spinFor(ms, ready) watches for up to ms for ready() to turn true, and
// says whether it did.
const spinFor = (ms, ready) => {
  const until = performance.now() + ms;
  while (!ready()) {
    Atomics.pause?.();
    if (performance.now() >= until) return false;
  }
  return true;
};

// Spinning pays only while the other thread runs and answers fast: it
// burns a core, and when the machine has none to spare (other tabs, other
// processes) or the code is still cold (V8 compiles and tiers it up on
// background threads, which spinning starves), it delays the very answer
// it waits for. spinner(ms) is spinFor while its recent spins paid; once
// misses outweigh hits it only looks, and spins on every PROBE-th call to
// notice when spinning pays again. Each side keeps its own: a page and a
// worker that both stopped spinning find their way back when the worker's
// probe catches a quick answer, and then its quick next request meets the
// page's probe.
export const PROBE = 8;
export const spinner = (ms) => {
  let score = 0, calls = 0;
  return (ready) => {
    if (score < 0 && ++calls % PROBE !== 0) return ready();
    const hit = spinFor(ms, ready);
    score = hit ? Math.min(score + 1, 3) : Math.max(score - 1, -3);
    return hit;
  };
};

export const watch = (sab, index, exports) => {
  const i32 = new Int32Array(sab);
  const spin = spinner(PAGE_SPIN);
  // The counter of the last request served. A wake-up proves nothing: the
  // worker notifies after bumping the counter, and when its thread stalls
  // in between, the page may have served that request (seen by spinning)
  // and gone back to waiting before the late notify wakes it. Serving
  // again would answer the worker's next request with a stale one.
  let served = 0;
  const requested = () => Atomics.load(i32, REQUEST) !== served;
  // Yielding through a message: setTimeout would clamp a chain of them to 4 ms.
  const later = new MessageChannel();
  const serve = () => {
    const slice = performance.now() + SLICE;
    for (;;) {
      if (Atomics.load(i32, STATE) !== 0) return void later.port1.close();
      if (requested()) {
        served = Atomics.load(i32, REQUEST);
        const length = exports.gps_serve(index, Atomics.load(i32, LENGTH));
        if (length >= 0) reply(i32, length); // else answered later, through reply
        if (performance.now() > slice) return void later.port2.postMessage(0);
        if (length >= 0 && spin(requested)) continue;
      }
      Atomics.store(i32, PAGE_WAITS, 1);
      const wait = Atomics.waitAsync(i32, REQUEST, served);
      if (wait.async) return void wait.value.then(woken);
      Atomics.store(i32, PAGE_WAITS, 0);
      // A request came in meanwhile: serve it, slice permitting.
    }
  };
  const woken = () => {
    Atomics.store(i32, PAGE_WAITS, 0);
    serve();
  };
  later.port1.onmessage = serve;
  serve();
};

// Waking a thread costs the waker tens of microseconds on a virtual machine
// (a futex wake, often a cross-CPU interrupt): each side says when it
// sleeps (PAGE_WAITS, WORKER_WAITS), and the other notifies only then. A
// side stores its flag before it checks the slot it waits on, and the other
// changes that slot before it reads the flag: one of them sees the other.

// A worker on a page without cross-origin isolation whose service worker
// answers synchronous XHRs (see service-worker.js): sabayon's protocol.
const SABAYON = "dc78209b-186c-4f83-80e9-406becb7d9f3";
const PAYLOAD = 24; // protocol.go payloadStart

// Page: answers the service worker's asks for the worker `uid`, whose
// request `view` the page serves from `buffer` (a plain ArrayBuffer).
// request(view) starts one; reply(_, length) has its answer in the buffer,
// as reply(i32, length) has for a shared one.
export const serviceWorkerReplies = (uid, buffer) => {
  const pages = new BroadcastChannel(SABAYON);
  let view = 0, answer = null, asks = [];
  const send = () => {
    for (const [ask, asked] of asks) if (asked === view) pages.postMessage([ask, answer]);
    asks = asks.filter(([, asked]) => asked > view);
  };
  pages.onmessage = ({ data }) => {
    if (!Array.isArray(data) || data[1] !== uid) return;
    asks.push([data[0], data[2]]);
    if (answer) send();
  };
  return {
    request(id) {
      view = id;
      answer = null;
    },
    reply(_, length) {
      answer = length < 0 ? [-1] : [length, ...new Uint8Array(buffer, PAYLOAD, length)];
      send();
    },
    close: () => pages.close(),
  };
};

// Worker: transact through the service worker at `sw`: post the request in
// `buffer` to the page, then block on a synchronous XHR the service worker
// answers with the page's response, copied back into the buffer. A timed
// out XHR is sent again (the page may be waiting for the user); a network
// or HTTP error means no service worker answers: the page is unreachable
// (-1).
export const serviceWorkerTransact = (buffer, port, sw, uid) => {
  let view = 0;
  return (_, length) => {
    const id = ++view;
    const frame = new Uint8Array(buffer, PAYLOAD, length).slice();
    port.postMessage({ sabayon: id, frame }, [frame.buffer]);
    for (;;) {
      const xhr = new XMLHttpRequest();
      try {
        xhr.timeout = 3000;
        xhr.open("POST", `${sw}?sabayon`, false);
        xhr.setRequestHeader("Content-Type", "application/json");
        xhr.send(`["${uid}",${id}]`);
      } catch (error) {
        if (error?.name === "TimeoutError") continue;
        return -1; // no service worker answers: the page is unreachable
      }
      if (xhr.status !== 200) return -1;
      const [size, ...bytes] = JSON.parse(xhr.responseText);
      if (size < 0) return -1;
      if (PAYLOAD + size > buffer.byteLength) buffer.resize(PAYLOAD + size);
      new Uint8Array(buffer, PAYLOAD, size).set(bytes);
      return size;
    }
  };
};

// Page: the response of `length` bytes is in the buffer; wake the worker.
export const reply = (i32, length) => {
  Atomics.store(i32, LENGTH, length);
  Atomics.store(i32, RESPONSE, 1);
  if (Atomics.load(i32, WORKER_WAITS)) Atomics.notify(i32, RESPONSE);
};

// Worker: the request of `length` bytes is in the buffer; signal the page
// and wait for the response's length (-1: the page stopped serving),
// spinning first while that pays (the page usually answers within tens of
// microseconds, and waking from Atomics.wait costs as much again).
const workerSpin = spinner(WORKER_SPIN);
export const transact = (i32, length) => {
  Atomics.store(i32, RESPONSE, 0);
  Atomics.store(i32, LENGTH, length);
  Atomics.add(i32, REQUEST, 1);
  if (Atomics.load(i32, PAGE_WAITS) !== 0) Atomics.notify(i32, REQUEST);
  workerSpin(() => Atomics.load(i32, RESPONSE) !== 0);
  while (Atomics.load(i32, RESPONSE) === 0) {
    if (Atomics.load(i32, STATE) !== 0) return -1;
    Atomics.store(i32, WORKER_WAITS, 1);
    Atomics.wait(i32, RESPONSE, 0, 1000);
    Atomics.store(i32, WORKER_WAITS, 0);
  }
  return Atomics.load(i32, LENGTH);
};
