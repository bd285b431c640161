// GoPyScript worker entry. The page starts it and posts core.wasm's
// compiled module with the script to run; the same Go program sees it is in
// a worker and runs the script here. A static module file, so pages whose
// CSP allows `worker-src 'self'` and no eval still run workers.
//
// Its URL's fragment may name the interpreter to load at once (type and
// interpreter, see core.js newWorker). The page's messages, in order:
// {module} (core.wasm compiled: start Go), then {module, init, start} (the
// script and the channel). Every later message is the page's own
// xworker.postMessage, for Python.
import "./wasm_exec.js";
import { download, fileSystems, goCrash, hookCode, importing, interpreterLoader, makeWrap, objectKey, openStorage, registerPolyscript, runHooks } from "./core.js";
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

const io = [];
let i32;
let transact = glue.transact; // or through a service worker, see start
let exports;
let started;
const host = {
  glue,
  io,
  xworker,
  // Resolved with {init, start} when the page sends the script.
  started: new Promise((resolve) => (started = resolve)),
  // A proxy trap's request to the page: operands go in io, Go answers
  // in io[0] through a wasm export (no scheduler round trip).
  request(op, id, ...operands) {
    for (let i = 0; i < operands.length; i++) if (typeof operands[i] === "function") operands[i] = glue.sendable(operands[i]);
    io.length = 0;
    io.push(...operands);
    const length = exports.gps_request(op, id, operands.length);
    const ok = length >= 0 && exports.gps_response(transact(i32, length)) === 1;
    const result = io[0];
    io.length = 0;
    if (!ok) throw result;
    return result;
  },
  // The runtime's own calls to the page (its target element, imports).
  runtime: (name, ...args) => host.request(glue.OP.call, 1, name, ...args),
  // A runtime call that may be awaited: synchronous where it can be, by
  // message without a shared buffer (Go sets synchronous and callAsync).
  ask: (name, ...args) => (host.synchronous ? host.runtime(name, ...args) : host.callAsync(true, name, args)),
  // pyscript.sync for MicroPython, which cannot catch a thrown JS error.
  syncCall(name, ...args) {
    if (!host.synchronous) return [true, host.callAsync(false, name, args)];
    try {
      return [true, host.request(glue.OP.call, 0, name, ...args)];
    } catch (error) {
      return [false, error?.message ?? String(error)];
    }
  },
  // input(prompt): [ok, line, cancelled], the line from the page's prompt
  // (until a terminal exists), or why there can be none.
  readLine(prompt) {
    if (!host.synchronous)
      return [false, "input() in a worker reads from the page synchronously, which needs a cross-origin isolated page: " +
        "serve it with the headers `Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`, " +
        "or add `data-coi-sw` to the script tag that loads core.js.", false];
    const line = host.runtime("input", prompt);
    return typeof line === "string" ? [true, line, false] : [true, "", true];
  },
  // js_import in a worker imports on the page, as in PyScript.
  jsImport: async (...urls) => [...(await host.ask("import", ...urls))],
  load: interpreterLoader((type, text) => host.stderr(text)),
  stderr: (text) => console.error(text),
  import: importing,
  fetch: download,
  wheels: (...args) => import("./interpreter.js").then((module) => module.wheels(...args)),
  // No page to show a stalled download on.
  loadPackage: (pyodide, names, options) => pyodide.loadPackage(names, options),
  key: objectKey,
  storage: openStorage,
  polyscript: registerPolyscript,
  // Pickers and permission prompts are the page's: it stores the handle,
  // this thread reads it.
  fs: fileSystems(async (fs, path, key, id, mode, root) => {
    await host.ask("fs", path, key, id, mode, root);
    return fs.granted(key, mode);
  }),
  importAll: (...urls) => Promise.all(urls.map((url) => import(new URL(url, host.init.pageURL).href))),
  // Once the interpreter is loaded: how to keep, free and convert its
  // objects when they cross to the page.
  adopt(type, interpreter) {
    const PyProxy = type === "py" ? interpreter.ffi.PyProxy : interpreter.PyProxy;
    host.python = (v) => v instanceof PyProxy;
    host.keep = (v) => (type === "py" && v instanceof PyProxy ? v.copy() : v);
    host.drop = (v) => type === "py" && v instanceof PyProxy && v.destroy();
    const toJs = (v) => (type === "py" ? v.toJs({ dict_converter: Object.fromEntries }) : PyProxy.toJs(v));
    host.toJs = (v) => {
      if (!host.python(v)) return v;
      try {
        return toJs(v);
      } catch (error) {
        // MicroPython's conversion recurses without end on a value that
        // holds itself: the stack overflows.
        if (error instanceof RangeError) throw new RangeError(`it refers to itself or nests too deeply (${error.message})`);
        throw error;
      }
    };
  },
};
// hooks.worker as the page sent them, made runnable here again: functions
// from their source (which needs eval: a CSP without 'unsafe-eval' refuses
// it), then each module's exports of a hook's name, in the order added.
const hooks = {};
host.makeWrap = makeWrap;
host.runHooks = (name, args, wait, report) => runHooks(hooks[name] ?? [], `hooks.worker.${name}`, args, wait, report);
host.hookCode = (name) => hookCode(hooks[name] ?? []);
host.reviveHooks = async (sent, report) => {
  const add = (name, hook) => hook && (hooks[name] ??= []).push(hook);
  for (const [name, sources] of Object.entries(sent))
    if (name !== "modules") for (const source of sources) add(name, name.startsWith("code") ? source : revive(name, source, report));
  for (const url of sent.modules ?? []) {
    let module;
    try {
      module = await import(url);
    } catch (error) {
      report(`hooks.worker.modules: ${url} could not be imported: ${error}`);
      continue;
    }
    for (const [name, hook] of Object.entries(module)) {
      if (!(name in sent) || name === "modules") continue;
      if (typeof hook === (name.startsWith("code") ? "string" : "function")) add(name, hook);
      else report(`hooks.worker.modules: ${url} exports ${name} as a ${typeof hook}, which is not a worker hook`);
    }
  }
};
// A function from its source: an arrow or function expression, or a
// method written in an object literal ({ onReady(wrap) { … } }); undefined
// (reported) when it cannot be rebuilt.
const revive = (name, source, report) => {
  const method = /^(async\s+)?(?!(?:function|async)\b)([\w$]+)\s*\(/;
  try {
    return Function(`return (${method.test(source) ? source.replace(method, "$1function $2(") : source})`)();
  } catch (error) {
    report(`hooks.worker.${name}: this worker cannot rebuild the function ${source.slice(0, 80)}: ${error}` +
      (error instanceof EvalError ? ". This worker's Content-Security-Policy forbids eval: give worker hooks as a module in hooks.worker.modules instead" : ""));
  }
};

// pyscript.sync: calls the page's xworker.sync functions synchronously;
// assigning a function exports it to the page.
xworker.sync = new Proxy(
  {},
  {
    get: (_, name) =>
      name === "then" || typeof name === "symbol"
        ? undefined
        : (...args) => (host.synchronous ? host.request(glue.OP.call, 0, name, ...args) : host.callAsync(false, name, args)),
    set: (_, name, fn) => (host.exportFunction(name, fn), true),
  },
);
globalThis[KEY] = { host };

// Failures before Go runs reach the page once it has sent the channel.
const fail = (message) =>
  host.started.then(({ start }) => start.port.postMessage({ type: "error", fatal: true, message }));

let booted = false;
const boot = async (module) => {
  booted = true;
  const go = new globalThis.Go();
  const crash = goCrash();
  go.exit = (code) => code && fail(`the GoPyScript core of this worker stopped unexpectedly (exit code ${code})${crash()}`);
  const instance = await WebAssembly.instantiate(module, go.importObject);
  exports = instance.exports;
  go.run(instance);
};

const prepare = new URLSearchParams(location.hash.slice(1));
if (prepare.has("type")) host.load(prepare.get("type"), prepare.get("interpreter")).catch(() => {}); // Go reports it when it asks

addEventListener("message", function internal({ data }) {
  if (data.module && !booted) boot(data.module).catch((error) => fail(`GoPyScript worker failed to start: ${error?.message ?? error}`));
  if (!data.init) return;
  removeEventListener("message", internal);
  addEventListener("message", (event) => (onmessage ? onmessage(event) : early.push(event)));
  host.init = data.init;
  host.start = data.start;
  const { start } = data;
  if (start.serviceWorker) {
    // Not isolated, but a service worker answers: the same requests, in a
    // plain buffer, each carried by a synchronous XHR.
    start.sab = new ArrayBuffer(start.bufferSize, { maxByteLength: start.maxBufferSize });
    transact = glue.serviceWorkerTransact(start.sab, start.port, start.serviceWorker, start.uid);
  }
  i32 = start.sab && new Int32Array(start.sab);
  // A Web Lock held for as long as this worker lives: its release tells the
  // page that the worker ended, which no event does when the browser stops
  // it or it closes itself (Web Locks need a secure context).
  if (globalThis.navigator?.locks && globalThis.crypto?.randomUUID) {
    const lock = `gopyscript-worker-${crypto.randomUUID()}`;
    navigator.locks
      .request(lock, () => (start.port.postMessage({ type: "alive", message: lock }), new Promise(() => {})))
      .catch(() => {});
  }
  resolveAgainst(data.init.pageURL);
  started(data);
});
