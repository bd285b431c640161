// polyscript.JSON: a binary form of JS values in reflected-ffi's "direct"
// format, so bytes written under either core read back under the other.
// stringify(value) gives an array of byte values; parse(bytes) (an array,
// Uint8Array or ArrayBuffer) gives the value back. Unlike JSON it keeps
// undefined, NaN, ±Infinity, -0, BigInts, Dates, RegExps, Maps, Sets,
// Errors, ArrayBuffers, typed arrays, well-known and registered symbols,
// and objects referenced twice (cycles included).
//
// Each value is a one-byte tag and its payload; counts and lengths are
// uint32, numbers float64, both little endian; text is UTF-8. A string or
// object met again is RECURSION with the offset of its first tag.
const [FALSE, TRUE, UNDEFINED, NULL, NUMBER, UI8, NAN, INFINITY, N_INFINITY, ZERO, N_ZERO, BIGINT, BIGUINT,
  STRING, SYMBOL, ARRAY, BUFFER, DATE, ERROR, MAP, OBJECT, REGEXP, SET, VIEW, IMAGE_DATA, BLOB, FILE, RECURSION] =
  Array.from({ length: 28 }, (_, i) => i);

const scratch = new DataView(new ArrayBuffer(8));
const bytes = new Uint8Array(scratch.buffer);
const MAX_INT64 = 2n ** 63n - 1n;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Symbols as text: "@name" well-known, "#key" registered, "!description".
const wellKnown = new Map(Reflect.ownKeys(Symbol).filter((k) => typeof Symbol[k] === "symbol").map((k) => [Symbol[k], k]));
const symbolText = (s) =>
  wellKnown.has(s) ? `@${wellKnown.get(s)}` : Symbol.keyFor(s) !== undefined ? `#${Symbol.keyFor(s)}` : `!${s.description ?? ""}`;
const textSymbol = (t) => (t[0] === "@" ? Symbol[t.slice(1)] : t[0] === "#" ? Symbol.for(t.slice(1)) : Symbol(t.slice(1)));

export const stringify = (value) => {
  const out = [];
  const seen = new Map();
  const u32 = (tag, n) => (scratch.setUint32(0, n, true), out.push(tag, ...bytes.subarray(0, 4)));
  const raw = (view) => {
    for (const b of view) out.push(b);
  };
  // false when value was met before (RECURSION written), else remembered.
  const first = (v) => {
    if (seen.has(v)) return u32(RECURSION, seen.get(v)), false;
    seen.set(v, out.length);
    return true;
  };
  const put = (v) => {
    switch (typeof v) {
      case "number":
        if (Number.isNaN(v)) out.push(NAN);
        else if (v === 0) out.push(Object.is(v, 0) ? ZERO : N_ZERO);
        else if (!Number.isFinite(v)) out.push(v > 0 ? INFINITY : N_INFINITY);
        else if (Number.isInteger(v) && v > 0 && v < 256) out.push(UI8, v);
        else scratch.setFloat64(0, v, true), out.push(NUMBER, ...bytes);
        return;
      case "string":
        if (first(v)) {
          const text = encoder.encode(v);
          u32(STRING, text.length), raw(text);
        }
        return;
      case "boolean":
        return void out.push(v ? TRUE : FALSE);
      case "symbol":
        out.push(SYMBOL);
        return put(symbolText(v));
      case "bigint":
        if (v > MAX_INT64) scratch.setBigUint64(0, v, true), out.push(BIGUINT, ...bytes);
        else scratch.setBigInt64(0, v, true), out.push(BIGINT, ...bytes);
        return;
      case "object":
        if (v === null) return void out.push(NULL);
        if (!first(v)) return;
        if (Array.isArray(v)) {
          u32(ARRAY, v.length);
          for (const item of v) put(item);
        } else if (ArrayBuffer.isView(v)) {
          out.push(VIEW);
          put(v.constructor.name);
          if (first(v.buffer)) u32(BUFFER, v.buffer.byteLength), raw(new Uint8Array(v.buffer));
        } else if (v instanceof ArrayBuffer) {
          u32(BUFFER, v.byteLength), raw(new Uint8Array(v));
        } else if (v instanceof Date) {
          out.push(DATE), put(v.getTime());
        } else if (v instanceof Map) {
          u32(MAP, v.size);
          for (const [key, item] of v) put(key), put(item);
        } else if (v instanceof Set) {
          u32(SET, v.size);
          for (const item of v) put(item);
        } else if (v instanceof Error) {
          out.push(ERROR), put(v.name), put(v.message), put(v.stack);
        } else if (v instanceof RegExp) {
          out.push(REGEXP), put(v.source), put(v.flags);
        } else if (typeof v.toJSON === "function") {
          const json = v.toJSON();
          put(json === v ? null : json);
        } else {
          const keys = Reflect.ownKeys(v);
          u32(OBJECT, keys.length);
          for (const key of keys) put(key), put(v[key]);
        }
        return;
    }
    out.push(UNDEFINED); // functions, undefined
  };
  put(value);
  return out;
};

export const parse = (input) => {
  const data = input instanceof Uint8Array ? input : new Uint8Array(input instanceof ArrayBuffer ? input : [...input]);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const made = new Map(); // offset of a tag → what it made
  let at = 0;
  const u32 = () => ((at += 4), view.getUint32(at - 4, true));
  const f64 = () => ((at += 8), view.getFloat64(at - 8, true));
  const slice = (n) => data.slice(at, (at += n));
  const keep = (start, v) => (made.set(start, v), v);
  const get = () => {
    const start = at;
    const tag = data[at++];
    switch (tag) {
      case FALSE: return false;
      case TRUE: return true;
      case UNDEFINED: return undefined;
      case NULL: return null;
      case NUMBER: return f64();
      case UI8: return data[at++];
      case NAN: return NaN;
      case INFINITY: return Infinity;
      case N_INFINITY: return -Infinity;
      case ZERO: return 0;
      case N_ZERO: return -0;
      case BIGINT: return (at += 8), view.getBigInt64(at - 8, true);
      case BIGUINT: return (at += 8), view.getBigUint64(at - 8, true);
      case STRING: return keep(start, decoder.decode(slice(u32())));
      case SYMBOL: return textSymbol(get());
      case ARRAY: {
        const list = keep(start, []);
        for (let n = u32(); n > 0; n--) list.push(get());
        return list;
      }
      case BUFFER: return keep(start, slice(u32()).buffer);
      case VIEW: {
        const name = get();
        return keep(start, new globalThis[name](get()));
      }
      case DATE: return keep(start, new Date(get()));
      case MAP: {
        const map = keep(start, new Map());
        for (let n = u32(); n > 0; n--) map.set(get(), get());
        return map;
      }
      case SET: {
        const set = keep(start, new Set());
        for (let n = u32(); n > 0; n--) set.add(get());
        return set;
      }
      case OBJECT: {
        const object = keep(start, {});
        for (let n = u32(); n > 0; n--) object[get()] = get();
        return object;
      }
      case ERROR: {
        const [name, message, stack] = [get(), get(), get()];
        const error = new (globalThis[name] ?? Error)(message);
        return keep(start, Object.defineProperty(error, "stack", { value: stack }));
      }
      case REGEXP: return keep(start, new RegExp(get(), get()));
      case IMAGE_DATA: {
        const [pixels, width, height, colorSpace, pixelFormat] = [get(), get(), get(), get(), get()];
        return keep(start, new ImageData(pixels, width, height, { colorSpace, pixelFormat }));
      }
      case FILE: {
        const [name, lastModified] = [get(), get()];
        const blob = get();
        return keep(start, new File([blob], name, { type: blob.type, lastModified }));
      }
      case BLOB: {
        const [type, size] = [get(), get()];
        return keep(start, new Blob([slice(size)], { type }));
      }
      case RECURSION: return made.get(u32());
    }
    throw new SyntaxError(`polyscript.JSON.parse: unknown tag ${tag} at byte ${start}`);
  };
  return get();
};
