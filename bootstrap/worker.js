// GoPyScript worker entry. The page starts it and posts core.wasm's
// compiled module with the script to run; the same Go program sees it is in
// a worker and runs the script here. A static module file, so pages whose
// CSP allows `worker-src 'self'` and no eval still run workers.
import "./wasm_exec.js";
import { loadInterpreter } from "./core.js";
import * as glue from "./channel.js";

const KEY = Symbol.for("gopyscript");

// polyscript.xworker: messages between the page's xworker.postMessage and
// Python. Those posted before Python listens are kept for its handler.
const early = [];
let onmessage = null;
const xworker = {
  postMessage: (...args) => postMessage(...args),
  get onmessage() {
    return onmessage;
  },
  set onmessage(handler) {
    onmessage = handler;
    while (onmessage && early.length) onmessage(early.shift());
  },
};

addEventListener("message", function start({ data }) {
  removeEventListener("message", start);
  addEventListener("message", (event) => (onmessage ? onmessage(event) : early.push(event)));
  boot(data).catch((error) => {
    // Go never ran: tell the page, which shows it and settles the worker.
    data.start.port.postMessage({ type: "error", fatal: true, message: `GoPyScript worker failed to start: ${error?.message ?? error}` });
  });
});

// Code written for the page expects relative URLs to mean the page's, not
// this file's: fetch and XMLHttpRequest resolve them against the page.
const resolveAgainst = (base) => {
  const { fetch } = globalThis;
  const resolve = (url) => (typeof url === "string" ? new URL(url, base).href : url);
  globalThis.fetch = (input, init) => fetch(resolve(input), init);
  const { open } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    return open.call(this, method, resolve(url), ...rest);
  };
};

const boot = async ({ module, init, start }) => {
  resolveAgainst(init.pageURL);
  const io = [];
  const i32 = start.sab && new Int32Array(start.sab);
  let exports;
  const host = {
    init,
    start,
    glue,
    io,
    xworker,
    // A proxy trap's request to the page: operands go in io, Go answers
    // in io[0] through a wasm export (no scheduler round trip).
    request(op, id, ...operands) {
      io.length = 0;
      io.push(...operands);
      const length = exports.gps_request(op, id);
      const ok = length >= 0 && exports.gps_response(glue.transact(i32, length)) === 1;
      const result = io[0];
      io.length = 0;
      if (!ok) throw result;
      return result;
    },
    // The runtime's own calls to the page (its target element, imports).
    runtime: (name, ...args) => host.request(glue.OP.call, 1, name, ...args),
    // pyscript.sync for MicroPython, which cannot catch a thrown JS error.
    syncCall(name, ...args) {
      try {
        return [true, host.request(glue.OP.call, 0, name, ...args)];
      } catch (error) {
        return [false, error?.message ?? String(error)];
      }
    },
    // js_import in a worker imports on the page, as in PyScript.
    jsImport: (...urls) => Promise.resolve().then(() => [...host.runtime("import", ...urls)]),
    load: (type, url, options) => loadInterpreter(type, url, options, (text) => host.stderr(text)),
    stderr: (text) => console.error(text),
    import: (url) => import(url),
    importAll: (...urls) => Promise.all(urls.map((url) => import(new URL(url, init.pageURL).href))),
    // Once the interpreter is loaded: how to keep, free and convert its
    // objects when they cross to the page.
    adopt(type, interpreter) {
      const PyProxy = type === "py" ? interpreter.ffi.PyProxy : interpreter.PyProxy;
      host.python = (v) => v instanceof PyProxy;
      host.keep = (v) => (type === "py" && v instanceof PyProxy ? v.copy() : v);
      host.drop = (v) => type === "py" && v instanceof PyProxy && v.destroy();
      host.toJs = (v) => (type === "py" ? v.toJs({ dict_converter: Object.fromEntries }) : PyProxy.toJs(v));
    },
  };
  // pyscript.sync: calls the page's xworker.sync functions synchronously;
  // assigning a function exports it to the page.
  xworker.sync = new Proxy(
    {},
    {
      get: (_, name) => (name === "then" || typeof name === "symbol" ? undefined : (...args) => host.request(glue.OP.call, 0, name, ...args)),
      set: (_, name, fn) => (host.exportFunction(name, fn), true),
    },
  );
  globalThis[KEY] = { host };
  const go = new globalThis.Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  exports = instance.exports;
  go.exit = (code) => {
    if (code) start.port.postMessage({ type: "error", fatal: true, message: `the GoPyScript core of this worker stopped unexpectedly (exit code ${code})` });
  };
  go.run(instance);
};

