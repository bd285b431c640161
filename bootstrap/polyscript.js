// The `polyscript` module PyScript gives Python, which published apps
// import (`from polyscript import XWorker, xworker, currentScript`), and
// PyScript's names in the private `_pyscript` one. Built for one
// interpreter from our own `_pyscript` module (mod: what the runtime and
// its host put there), on the page or in a worker.
import { IDBMap, IDBMapSync } from "./lib/idb.js";
import { parse, stringify } from "./lib/direct.js";

// Names Pyodide probes on every object it wraps: a named worker called so
// would turn the registry into something Pyodide awaits or iterates.
const UNNAMEABLE = new Set(["__dict__", "constructor", "get", "has", "includes", "next", "set", "then"]);

const RUNTIMES = { py: "pyodide", mpy: "micropython" };

export const registerPolyscript = (mod, interpreter) => {
  const py = mod.type === "py";
  // A Python dict or list given as an option becomes a plain JS value.
  const PyProxy = py ? interpreter.ffi.PyProxy : interpreter.PyProxy;
  const plain = (v) => (!(v instanceof PyProxy) ? v : py ? v.toJs({ dict_converter: Object.fromEntries }) : PyProxy.toJs(v));
  let configText, config;
  const common = {
    IDBMap,
    IDBMapSync,
    JSON: { parse, stringify },
    get config() {
      if (configText !== mod.config) {
        configText = mod.config;
        config = JSON.parse(configText);
        delete config.type; // ours, for pyscript.config: not part of the config
      }
      return config;
    },
    // Install packages as a config's `packages` would, then import each
    // by the module name it gives (pyscript.py_import's rule: "demo-mip"
    // is demo_mip; None when an entry does not tell).
    lazy_py_modules: async (...names) => {
      await mod.py_import(...names);
      const { _module_of } = interpreter.pyimport("pyscript.packages");
      return names.map((name) => _module_of(name));
    },
    storage: async (name) => {
      const store = new IDBMapSync(name);
      await store.sync();
      return store;
    },
  };
  mod.interpreter = interpreter;
  mod.fs.ERROR = "storage permissions not granted";
  mod.fs.NAMESPACE = "@pyscript.fs";

  let module, jsModules;
  if (!mod.worker) {
    jsModules = mod.js_modules;
    module = Object.defineProperties(common, {
      ...Object.getOwnPropertyDescriptors({
        js_modules: jsModules,
        // A worker started from Python, of this interpreter's type unless
        // options.type says otherwise; returned at once, as in PyScript.
        XWorker: (url, options = {}) => {
          const opts = Object.fromEntries(Object.entries(plain(options)).map(([k, v]) => [k, plain(v)]));
          return mod.PyWorker(url, { type: RUNTIMES[mod.type], ...opts });
        },
        workers: new Proxy({}, {
          get: (_, name) => (typeof name === "string" && !UNNAMEABLE.has(name) ? mod.workers(name) : undefined),
        }),
        // The element of the script that started last, as long as its
        // code runs (PyScript's is the element its module was made for).
        get currentScript() {
          return mod.script ?? null;
        },
      }),
    });
  } else {
    // The worker's own js_modules.worker, and the page's js_modules.main
    // imported on the page when first asked for.
    const fromPage = {};
    jsModules = new Proxy(mod.js_modules, {
      get: (own, name) => {
        if (name in own) return own[name];
        const entry = mod.js_modules_main?.[name];
        if (entry && mod.synchronous) return (fromPage[name] ??= mod.runtime("module", entry.url, entry.css));
      },
      has: (own, name) => name in own || name in (mod.js_modules_main ?? {}),
      ownKeys: (own) => [...new Set([...Reflect.ownKeys(own), ...Object.keys(mod.js_modules_main ?? {})])],
      getOwnPropertyDescriptor: (own, name) =>
        Reflect.getOwnPropertyDescriptor(own, name) ??
        (name in (mod.js_modules_main ?? {}) ? { value: jsModules[name], writable: true, configurable: true, enumerable: true } : undefined),
    });
    const xworker = mod.xworker;
    xworker.isWindowProxy = (ref) => mod.on_page(ref);
    xworker.polyfill = xworker.transport === "service-worker";
    // The page's objects are read there in one request; the worker's own
    // are read here.
    const onPage = (target) => mod.synchronous && mod.on_page(target);
    const query = (target, path) =>
      onPage(target) ? mod.runtime("query", target, path) : path.replace(/\[(['"]?)(.+?)\1\]/g, ".$2").split(".").reduce((v, k) => v?.[k], target);
    module = Object.defineProperties(common, {
      ...Object.getOwnPropertyDescriptors({
        js_modules: jsModules,
        xworker,
        ffi: {
          assign: (target, ...sources) => (onPage(target) ? mod.runtime("assign", target, ...sources.map(plain)) : Object.assign(target, ...sources.map(plain)), target),
          direct: (value) => value,
          // fn is source text (a function's, or an arrow's) run on the page.
          evaluate: (fn, ...args) => mod.runtime("evaluate", String(fn), ...args.map(plain)),
          gather: (target, ...paths) => (onPage(target) ? [...mod.runtime("gather", target, ...paths)] : paths.map((path) => query(target, path))),
          query,
        },
        // The script element on the page, and its output element (created
        // on first use): both need the page reachable synchronously.
        get currentScript() {
          return mod.synchronous ? mod.runtime("script") : null;
        },
        get target() {
          return mod.synchronous ? mod.runtime("target") : "";
        },
      }),
    });
  }
  interpreter.registerJsModule("polyscript", module);
  // Pyodide imports polyscript.js_modules.NAME from the module's
  // attributes; MicroPython needs each registered, as PyScript does.
  if (!py) {
    interpreter.registerJsModule("polyscript.js_modules", jsModules);
    for (const name of Reflect.ownKeys(jsModules))
      interpreter.registerJsModule(`polyscript.js_modules.${name}`, new Proxy({}, {
        get: (_, key) => jsModules[name]?.[key],
        has: (_, key) => key in (jsModules[name] ?? {}),
      }));
  }
};
