// Named key/value stores in IndexedDB, laid out as PyScript's are, so data
// written by a page on either core is read by the other: one database per
// name, "IDBMap/<name>" (pyscript.storage uses "@pyscript/<name>"), at
// version 1, with one object store "entries" of out-of-line keys, each
// value a string: npm flatted's JSON of [kind, data], kind being "null",
// "generic", "bytearray" or "memoryview".
//
//   import { storage } from ".../storage.js";
//   const store = await storage("notes");  // a Proxy: store.x = 1, delete store.x
//   await store.sync();                     // the writes so far are in IndexedDB
//
// The Python package reads stores through openMap (an in-memory snapshot,
// writes queued in order, sync() to await them).

import { openDatabase, request } from "./lib/idb.js";

export { openDatabase, request } from "./lib/idb.js";

// openMap(name): the store's entries, read once; writes change them at once
// and reach IndexedDB in call order. sync() resolves once the writes made so
// far are stored, or rejects with the first that failed since the last sync
// (the later ones are still attempted: nothing is dropped silently).
export const openMap = async (name) => {
  const db = await openDatabase(name);
  const entries = (mode) => db.transaction("entries", mode, { durability: "default" }).objectStore("entries");
  const reading = entries("readonly");
  const [keys, values] = await Promise.all([request(reading.getAllKeys()), request(reading.getAll())]);
  const map = new Map(keys.map((key, i) => [key, values[i]]));
  let queue = Promise.resolve(), failure = null;
  const write = (op) => {
    queue = queue.then(() => request(op(entries("readwrite")))).catch((error) => void (failure ??= error));
  };
  return {
    entries: () => [...map],
    keys: () => [...map.keys()],
    has: (key) => map.has(key),
    get: (key) => map.get(key),
    set(key, value) {
      map.set(key, value);
      write((store) => store.put(value, key));
    },
    delete(key) {
      map.delete(key);
      write((store) => store.delete(key));
    },
    clear() {
      map.clear();
      write((store) => store.clear());
    },
    async sync() {
      await queue;
      const error = failure;
      failure = null;
      if (error) throw error;
    },
  };
};

// npm flatted's text: a JSON array whose entry 0 is the value; every string,
// array and object inside an entry is an entry of its own, referred to by
// its index written as a string.
const isObject = (v) => v !== null && typeof v === "object";

export const stringify = (value) => {
  const entries = [];
  const known = new Map();
  const index = (v) => {
    let i = known.get(v);
    if (i === undefined) known.set(v, (i = String(entries.push(v) - 1)));
    return i;
  };
  const inline = (v) => (typeof v === "string" || isObject(v) ? index(v) : v);
  index(value);
  const out = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (Array.isArray(entry)) out.push(entry.map(inline));
    else if (isObject(entry)) out.push(Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, inline(v)])));
    else out.push(entry);
  }
  return JSON.stringify(out);
};

export const parse = (text) => {
  const entries = JSON.parse(text);
  const root = entries[0];
  if (!isObject(root)) return root;
  const revived = new Set([root]);
  const todo = [root];
  while (todo.length) {
    const item = todo.pop();
    for (const key of Object.keys(item)) {
      if (typeof item[key] !== "string") continue;
      const target = entries[Number(item[key])];
      item[key] = target;
      if (isObject(target) && !revived.has(target)) revived.add(target), todo.push(target);
    }
  }
  return root;
};

// A value as PyScript stores it, and back (an unknown kind or a string that
// is not flatted comes back as it is).
const encode = (value) => {
  if (value == null) return stringify(["null", 0]);
  if (value instanceof ArrayBuffer) return stringify(["bytearray", [...new Uint8Array(value)]]);
  if (ArrayBuffer.isView(value))
    return stringify(["memoryview", [...new Uint8Array(value.buffer, value.byteOffset, value.byteLength)]]);
  if (["string", "number", "boolean", "object"].includes(typeof value)) return stringify(["generic", value]);
  throw new TypeError(`Unexpected value: ${String(value)}`);
};

const decode = (raw) => {
  let kind, data;
  try {
    [kind, data] = parse(raw);
  } catch {
    return raw;
  }
  switch (kind) {
    case "null": return null;
    case "generic": return data;
    case "bytearray": return new Uint8Array(data).buffer;
    case "memoryview": return new Uint8Array(data);
  }
  return raw;
};

// storage(name): the store "@pyscript/<name>" as an object whose properties
// are its entries (read, assign, delete, Object.keys), plus sync() and clear().
export const storage = async (name) => {
  if (!name) throw new SyntaxError("The storage name must be defined");
  const map = await openMap(`@pyscript/${name}`);
  const own = { sync: () => map.sync(), clear: () => map.clear() };
  // The stored key a property name stands for: itself, or a number key
  // written from Python (property names are always strings).
  const keyOf = (key) => {
    if (typeof key !== "string") return undefined;
    return map.has(key) ? key : map.keys().find((k) => String(k) === key);
  };
  const valueOf = (key) => {
    const stored = keyOf(key);
    return stored === undefined ? undefined : { value: decode(map.get(stored)) };
  };
  return new Proxy(
    {},
    {
      get: (_, key) => (Object.hasOwn(own, key) ? own[key] : valueOf(key)?.value),
      set: (_, key, value) => (map.set(key, encode(value)), true),
      has: (_, key) => keyOf(key) !== undefined,
      deleteProperty: (_, key) => (map.delete(keyOf(key) ?? key), true),
      ownKeys: () => map.keys().map(String),
      getOwnPropertyDescriptor: (_, key) => {
        const found = valueOf(key);
        return found && { ...found, enumerable: true, configurable: true, writable: true };
      },
    },
  );
};

export default storage;
