// IndexedDB key/value stores laid out as PyScript's are, so either core
// reads what the other wrote: one database "<prefix>/<name>" (prefix
// "IDBMap"), version 1, one object store "entries" of out-of-line keys.

export const request = (r) =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

export const openDatabase = (name, prefix = "IDBMap") => {
  const opening = indexedDB.open(`${prefix}/${name}`);
  opening.onupgradeneeded = () => {
    if (!opening.result.objectStoreNames.contains("entries")) opening.result.createObjectStore("entries");
  };
  return request(opening);
};

// polyscript's IDBMap: a Map whose every method returns a Promise (size
// too). Options: prefix, durability. Errors of the database are also
// dispatched as events on the map.
export class IDBMap extends EventTarget {
  #db;
  #prefix;
  #durability;
  constructor(name, { prefix = "IDBMap", durability = "default" } = {}) {
    super();
    this.#prefix = prefix;
    this.#durability = durability;
    this.#db = openDatabase(name, prefix);
    this.#db.catch((error) => this.dispatchEvent(Object.assign(new Event("error"), { error })));
  }
  async #store(mode, op) {
    const db = await this.#db;
    return request(op(db.transaction("entries", mode, { durability: this.#durability }).objectStore("entries")));
  }
  get size() {
    return this.#store("readonly", (s) => s.count());
  }
  get(key) {
    return this.#store("readonly", (s) => s.get(key));
  }
  async has(key) {
    return (await this.#store("readonly", (s) => s.getKey(key))) !== undefined;
  }
  keys() {
    return this.#store("readonly", (s) => s.getAllKeys());
  }
  values() {
    return this.#store("readonly", (s) => s.getAll());
  }
  async entries() {
    const [keys, values] = await Promise.all([this.keys(), this.values()]);
    return keys.map((key, i) => [key, values[i]]);
  }
  async forEach(callback, context = this) {
    for (const [key, value] of await this.entries()) await callback.call(context, value, key, this);
  }
  async set(key, value) {
    await this.#store("readwrite", (s) => s.put(value, key));
    return this;
  }
  async delete(key) {
    await this.#store("readwrite", (s) => s.delete(key));
  }
  async clear() {
    await this.#store("readwrite", (s) => s.clear());
  }
  async close() {
    (await this.#db).close();
  }
  get [Symbol.toStringTag]() {
    return this.#prefix;
  }
}

// polyscript's IDBMapSync: a plain Map filled from the database (await
// sync() before reading), whose changes reach the database in call order.
export class IDBMapSync extends Map {
  #map;
  #queue;
  constructor(...args) {
    super();
    this.#map = new IDBMap(...args);
    this.#queue = this.#map.entries().then((entries) => {
      for (const [key, value] of entries) super.set(key, value);
    });
  }
  #then(op) {
    this.#queue = this.#queue.then(op);
  }
  set(key, value) {
    this.#then(() => this.#map.set(key, value));
    return super.set(key, value);
  }
  delete(key) {
    this.#then(() => this.#map.delete(key));
    return super.delete(key);
  }
  clear() {
    this.#then(() => this.#map.clear());
    return super.clear();
  }
  async sync() {
    await this.#queue;
  }
  async close() {
    await this.#queue;
    await this.#map.close();
  }
}
