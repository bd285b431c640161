// The JS half of the page↔worker channel (Go side: ffi/channel). Go runs the
// protocol; this module does what JS does cheaply and Go does not: build
// Proxies and closures, tell a value's kind in one call, batch finalizers.
// The numbers below are ffi/channel/protocol.go's: keep them in step (the
// wasm tests check that they match).

// Request kinds (protocol.go op*).
export const OP = { get: 1, set: 2, has: 3, delete: 4, apply: 5, construct: 6, keys: 7, describe: 8, call: 9 };

// Value kinds reported by kind(v) (protocol.go js*).
export const KIND = {
  undefined: 0, null: 1, boolean: 2, number: 3, string: 4, bigint: 5, symbol: 6,
  arrayBuffer: 7, array: 8, plain: 9, function: 10, object: 11, python: 12, viewFirst: 20,
};

// Typed array and DataView names, in wire.ViewNames order.
export const VIEWS = [
  "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array",
  "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "DataView",
];
const viewIndex = new Map(VIEWS.map((name, i) => [name, i]));

// What a lent object's flags tell the borrower (protocol.go ref*): whether
// it can be called, whether it is an Array, and, for the keys interpreters
// probe on every new object, whether the key is there at all. A probe of an
// absent key is answered without a round trip to the page.
export const FLAG = { callable: 1, array: 2 };
// The Event methods a wrapper calls before posting (listener option invoke).
export const INVOKE = Symbol("gopyscript.invoke");
const valueProbes = ["then", Symbol.iterator, Symbol.asyncIterator, "next", "get", "set", "has", "includes",
  Symbol.dispose, Symbol.asyncDispose].filter((key) => key !== undefined);
const inProbes = ["length", "size", "name", "message", "stack"];
const probeBit = new Map([...valueProbes, ...inProbes].map((key, i) => [key, 1 << (i + 2)]));
export const PROBES = [...valueProbes.map(String), ...inProbes];

// shape(v): the flags of an object the page lends.
export const shape = (v) => {
  let flags = (typeof v === "function" ? FLAG.callable : 0) | (Array.isArray(v) ? FLAG.array : 0);
  for (const key of valueProbes) if (v[key] !== undefined) flags |= probeBit.get(key);
  for (const key of inProbes) if (key in v) flags |= probeBit.get(key);
  return flags;
};

// One instance per channel end. `peer` maps the proxies and wrappers of the
// other side's objects to their ids; host.python, once the worker's
// interpreter is loaded, tells its objects apart.
export const channel = (host = {}) => {
  const peer = new WeakMap();
  const kind = (v) => {
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
    if (Array.isArray(v)) return KIND.array;
    if (host.python?.(v)) return KIND.python;
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null ? KIND.plain : KIND.object;
  };

  // Finalizations arrive one by one; Go hears of them once per task, as a
  // flat [id, serial, id, serial, …] list.
  let collected = [];
  let release = () => {};
  const registry = new FinalizationRegistry(([id, serial]) => {
    if (!collected.length) setTimeout(() => release(collected.splice(0)));
    collected.push(id, serial);
  });
  const track = (value, id, serial) => {
    peer.set(value, id);
    registry.register(value, [id, serial]);
    return value;
  };

  return {
    kind,
    onRelease: (fn) => (release = fn),
    // Worker: a proxy of the page object `id`; `request(op, id, ...operands)`
    // asks the page and returns its answer (or throws what it threw).
    proxy(id, flags, serial, request) {
      const target = flags & FLAG.callable ? function () {}.bind() : flags & FLAG.array ? [] : {};
      return track(new Proxy(target, handler(id, flags, request)), id, serial);
    },
    // Page: addEventListener(type, workerFunction, {invoke: …}) names Event
    // methods (preventDefault …) the wrapper calls on the page, in time.
    listen(listener, options) {
      if (peer.has(listener) && options?.invoke) listener[INVOKE] = [options.invoke].flat();
    },
    // Page: a function that calls the worker function `id` through `invoke`
    // (which returns a Promise). Listener options with `invoke` name Event
    // methods that must run before the handler is posted to the worker.
    wrapper(id, serial, invoke) {
      const fn = function (...args) {
        for (const method of fn[INVOKE] ?? []) args[0]?.[method]?.();
        const result = invoke(id, this, args);
        // The worker shows a handler's exception; a caller may still await it.
        result.catch(() => {});
        return result;
      };
      return track(fn, id, serial);
    },
  };
};

// The traps of a proxy of page object `id`. Own keys and prototypes stay
// local (they describe the local target); probes of absent keys are answered
// from the flags; everything else asks the page.
const handler = (id, flags, request) => ({
  get(target, key) {
    // fn.call(…) and fn.apply(…) call the proxy itself: one round trip.
    if (flags & FLAG.callable && (key === "call" || key === "apply" || key === "bind")) return Function.prototype[key];
    // A probe key the flags say is absent is undefined: no round trip.
    if (probeBit.has(key) && !(flags & probeBit.get(key))) return undefined;
    if (typeof key === "symbol" && !wellKnown.has(key)) return undefined;
    return request(OP.get, id, key);
  },
  set: (target, key, value) => (request(OP.set, id, key, value), true),
  has(target, key) {
    // MicroPython asks every function whether it is one of its own proxies.
    if (key === "_ref") return false;
    if (inProbes.includes(key)) return !!(flags & probeBit.get(key));
    return request(OP.has, id, key);
  },
  deleteProperty: (target, key) => request(OP.delete, id, key),
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
    const bit = probeBit.get(key);
    // Interpreters walk the prototype chain with Object.hasOwn: report an
    // inherited probe key as own, with a getter that asks the page.
    if (inProbes.includes(key))
      return flags & bit ? { configurable: true, enumerable: false, get: () => request(OP.get, id, key) } : undefined;
    const desc = request(OP.describe, id, key);
    if (desc) desc.configurable = true;
    return desc;
  },
  defineProperty: (target, key, desc) => (request(OP.set, id, key, desc.value), true),
});

const wellKnown = new Set(Object.getOwnPropertyNames(Symbol).map((k) => Symbol[k]).filter((s) => typeof s === "symbol"));

// Page: serve each request of the worker whose buffer is `sab` as it comes,
// through the Go core's wasm export (a plain call, no goroutine switch),
// until the state slot says closed.
export const watch = (sab, index, exports) => {
  const i32 = new Int32Array(sab);
  const serve = () => exports.gps_serve(index);
  let seen = 0;
  const next = () => {
    if (Atomics.load(i32, 3) !== 0) return;
    const wait = Atomics.waitAsync(i32, 0, seen);
    (wait.async ? wait.value : Promise.resolve()).then(() => {
      seen = Atomics.load(i32, 0);
      if (Atomics.load(i32, 3) !== 0) return;
      serve();
      next();
    });
  };
  next();
};

