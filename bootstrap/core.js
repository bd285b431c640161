// GoPyScript loader. The page includes this module exactly as it would
// include PyScript's core.js. It starts fetching and compiling core.wasm at
// once (and the interpreter, when the page tells which), runs it with Go's
// wasm_exec.js and re-exports what the Go core gives.
// Every URL is resolved against this module, so dist/ works from any base.
import { eventAttributes } from "./lib/listeners.js";

const KEY = Symbol.for("gopyscript");
const here = (path) => new URL(path, import.meta.url).href;

const closedSyncs = new WeakSet();
let pluginsAdded;

// PyScript's hooks. Each Set takes only what can run: functions for on*,
// Python source for code*, and (ours) module URLs in hooks.worker.modules:
// modules whose exports are worker hooks, for pages whose CSP forbids the
// eval a stringified worker hook needs.
const HOOKS = ["onReady", "onBeforeRun", "onBeforeRunAsync", "onAfterRun", "onAfterRunAsync",
  "codeBeforeRun", "codeBeforeRunAsync", "codeAfterRun", "codeAfterRunAsync"];
const describe = (value) => (typeof value === "string" ? `the string ${JSON.stringify(value.slice(0, 40))}` : `${typeof value} ${String(value).slice(0, 40)}`);
class HookSet extends Set {
  #name;
  #accepts;
  #what;
  constructor(name, accepts, what) {
    super();
    this.#name = name;
    this.#accepts = accepts;
    this.#what = what;
  }
  add(value) {
    if (!this.#accepts(value)) throw new TypeError(`${this.#name} takes ${this.#what}, not ${describe(value)}`);
    return super.add(value);
  }
}
const isFunction = (v) => typeof v === "function";
const isCode = (v) => typeof v === "string";
const hookSets = (place, names) =>
  Object.fromEntries(names.map((name) => {
    const code = name.startsWith("code");
    return [name, new HookSet(`hooks.${place}.${name}`, code ? isCode : isFunction, code ? "Python code (a string)" : "functions")];
  }));
const newHooks = () => ({
  main: hookSets("main", ["onWorker", ...HOOKS]),
  worker: {
    ...hookSets("worker", HOOKS),
    modules: new HookSet("hooks.worker.modules", (v) => isCode(v) || v instanceof URL, "module URLs (a string or URL)"),
  },
});

// Runs a hook Set's functions in order with args. With wait, each one's
// Promise is awaited before the next and the result is a Promise (undefined
// when no hook returned one). Errors go to report(text), and never stop the
// others.
export const runHooks = (list, where, args, wait, report) => {
  const failed = (error) => report(`Error in ${where}: ${error?.stack?.includes(String(error)) ? error.stack : String(error)}`);
  let chain;
  for (const hook of list) {
    const call = () => {
      try {
        const result = hook(...args);
        if (result && typeof result.then === "function") return Promise.resolve(result).catch(failed);
      } catch (error) {
        failed(error);
      }
    };
    if (chain) chain = chain.then(call);
    else if (wait) chain = call();
    else call();
  }
  return chain;
};

// Python code hooks run as one block each.
export const hookCode = (list) => [...list].join("\n");

// The `wrap` PyScript gives hooks and whenDefined: the interpreter with
// unhooked run/runAsync, a copy of the config and its io, whose stdout and
// stderr a hook may replace.
export const makeWrap = (type, interpreter, config) => ({
  type,
  interpreter,
  config: JSON.parse(config),
  io: ioOf(interpreter),
  run: (code, ...rest) => interpreter.runPython(code, ...rest),
  runAsync: (code, ...rest) => interpreter.runPythonAsync(code, ...rest),
  // A Python handler by (dotted) name, called with a DOM event.
  runEvent: async (name, event) => {
    const [first, ...keys] = name.split(".");
    let target = interpreter.globals.get(first);
    for (const key of keys) target = target[key];
    return await target(event);
  },
});

const start = async (shared) => {
  const isolationProblem = await isolate();
  if (isolationProblem === null) return new Promise(() => {}); // this page is going away
  // Self-hosted interpreters shipped next to this file.
  const interpreters = {
    mpy: here("micropython/micropython.mjs"),
    py: here("pyodide/pyodide.mjs"),
  };

  const host = {
    interpreters,
    // Why data-coi-sw could not make the page cross-origin isolated, for Go
    // to show instead of its general notice.
    isolationProblem,
    // Go replaces this to show stderr on the page; until then: console.
    stderr: (type, text) => console.error(text),
    // Resolved by Go with the exports once the core is running.
    ready: null,
    load: interpreterLoader((type, text) => host.stderr(type, text)),
    import: importing,
    fetch: download,
    wheels: (...args) => feature("interpreter.js", "interpreter loader").then((module) => module.wheels(...args)),
    loadPackage: (...args) => feature("interpreter.js", "interpreter loader").then((module) => module.loadPackage(watch, ...args)),
    key: objectKey,
    storage: openStorage,
    polyscript: registerPolyscript,
    fs: fileSystems((fs, ...folder) => fs.grant(...folder)),
    // A worker's pyscript.fs asks the page for a folder: granted once the
    // handle is stored where the worker reads it.
    fsGrant: (...folder) => loadFS().then((fs) => fs.grant(...folder)).then(() => true),
    importAll: (...urls) =>
      Promise.all(urls.map((url) => import(new URL(url, document.baseURI).href))),
    // xworker.sync: assigning a function offers it to the worker's
    // pyscript.sync; reading a name gives a function that calls the
    // worker's export of that name and returns a Promise (rejected once
    // closeSync(table) said the worker was terminated).
    syncProxy: (table, call) =>
      new Proxy(table, {
        get: (_, name) =>
          name === "then" || typeof name === "symbol"
            ? undefined
            : (...args) => (closedSyncs.has(table) ? Promise.reject(new Error("the worker was terminated")) : call(name, args)),
        set: (_, name, fn) => ((table[name] = fn), true),
      }),
    closeSync: (table) => closedSyncs.add(table),
    hooks: shared.hooks,
    // hooks.main[name](...args); see runHooks.
    runHooks: (name, args, wait, report) => runHooks(shared.hooks.main[name], `hooks.main.${name}`, args, wait, report),
    hookCode: (name) => hookCode(shared.hooks.main[name]),
    // What a worker gets of hooks.worker when it starts, as PyScript does:
    // functions as their source (see reviveHooks), module URLs absolute;
    // own: module URLs of hooks for this worker only, which come first.
    workerHooks: (own = []) =>
      Object.fromEntries(Object.entries(shared.hooks.worker).map(([name, list]) => [
        name,
        name === "modules" ? [...own, ...list].map((v) => new URL(v, document.baseURI).href) : [...list].map(String),
      ])),
    // A script's terminal (dist/terminal.js, fetched only by pages with
    // one): target is the wrap of a main-thread script's interpreter, or a
    // worker script's Worker; for a worker it resolves to the hook modules
    // the worker runs. terminal.js replaces terminalError and input. A
    // bundle that cannot load is reported once; the scripts run without.
    terminal: (el, type, target) => {
      const first = !features.has("terminal.js");
      return feature("terminal.js", "terminal").then((module) => module.terminal(host, el, type, target), (error) => {
        if (first) throw error;
      });
    },
    terminalError: () => {},
    // Runs a py-game script (dist/game.js, fetched only by pages with one).
    game: (...args) => feature("game.js", "py-game support").then((module) => module.game(...args)),
    input: (worker, text) => prompt(text),
    makeWrap,
    autoProxies,
    // Settles once plugins could add their hooks: module scripts that
    // import core.js run after its exports are ready, and the browser has
    // fetched them all by DOMContentLoaded. Scripts start after it.
    pluginsAdded: () =>
      (pluginsAdded ??= new Promise((resolve) => {
        const after = () => setTimeout(resolve);
        // readyState is already "interactive" while module scripts are
        // still being fetched: only DOMContentLoaded says they all were.
        const [navigation] = performance.getEntriesByType("navigation");
        if (navigation ? navigation.domContentLoadedEventStart > 0 : document.readyState !== "loading") after();
        else addEventListener("DOMContentLoaded", after, { once: true });
      })),
  };
  // host.api: settled once the core runs (lazy modules wait for it to show errors).
  const api = (host.api = new Promise((resolve) => (host.ready = resolve)));
  watchEditors(host);
  host.attributesReady = eventAttributes((type, text) => host.stderr(type, text));

  // What Go will fetch and load first, started while the core compiles:
  // each main-thread script's src, the config files, the config's `files`
  // and, when the config tells which, the interpreter. Go decides: it takes
  // an early response only for the same URL (takeEarly, once), and shares
  // the interpreter load only when it asks for exactly this one.
  const early = new Map();
  const fetchEarly = (url) => {
    if (!early.has(url)) {
      const response = download(url);
      response.catch(() => {}); // Go reports failures when it takes it
      early.set(url, response);
    }
    return early.get(url);
  };
  host.takeEarly = (url) => {
    const abs = new URL(url, document.baseURI).href;
    const response = early.get(abs);
    early.delete(abs);
    return response;
  };
  for (const type of Object.keys(interpreters)) {
    const uses = `script[type="${type}"]:not([worker]),${type}-script:not([worker])`;
    if (!document.querySelector(uses)) continue;
    const configs = configValues(type).map((value) => {
      const url = configFileURL(value);
      if (!url) return { text: value, base: document.baseURI };
      return fetchEarly(url)
        .then((r) => (r.ok ? r.clone().text() : null))
        .then((text) => text && { text, base: url }, () => null);
    });
    Promise.all(configs).then((texts) => {
      const url = earlyInterpreter(host, type, texts);
      if (url) host.load(type, url).catch(() => {}); // as above
      for (const c of texts) if (c) configFiles(c).forEach(fetchEarly);
    });
    for (const el of document.querySelectorAll(`script[type="${type}"][src]:not([worker]),${type}-script[src]:not([worker])`))
      if (!el.textContent.trim()) fetchEarly(new URL(el.getAttribute("src"), document.baseURI).href);
  }

  // Requested after the interpreters' small loader modules, which gate their
  // large downloads, so those start as early as possible.
  // A failed download names the file and its status; start() reports it
  // (the catch below only keeps it from also being an unhandled rejection).
  const wasm = download(here("core.wasm"))
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
      return WebAssembly.compileStreaming(response);
    })
    .catch((error) => {
      throw new Error(`${here("core.wasm")}: ${error?.message ?? error}`);
    });
  wasm.catch(() => {});
  // Workers start from worker.js with this same compiled module.
  host.workerURL = here("worker.js");
  host.serviceWorker = serviceWorker;
  host.newWorker = (viaServiceWorker, name) => newWorker(host, viaServiceWorker, name);
  host.channelURL = here("channel.js");
  startWorkers(host, wasm);

  await import(here("wasm_exec.js"));
  const go = new globalThis.Go();
  const crash = goCrash();
  go.exit = (code) => {
    if (code) fail(`the GoPyScript core stopped unexpectedly (exit code ${code})${crash()}`);
    host.ready({}); // never leave importers waiting on a dead core
  };
  shared.host = host;
  host.module = await wasm;
  const instance = await WebAssembly.instantiate(host.module, go.importObject);
  host.exports = instance.exports;
  go.run(instance);
  return api;
};

// dist/ modules of features only some pages have (the terminal, the editor,
// py-game), each imported once, when first used; one that cannot be
// imported rejects with an error naming it.
const features = new Map();
const feature = (file, what) => {
  if (!features.has(file))
    features.set(file, import(here(file)).catch((error) => {
      throw new Error(`GoPyScript could not load its ${what} (${here(file)}): ${error?.message ?? error}`);
    }));
  return features.get(file);
};

// py-editor and mpy-editor scripts, now and added later, are dist/editor.js's
// (fetched only by pages that have one).
const EDITORS = 'script[type="py-editor"],script[type="mpy-editor"]';
const watchEditors = (host) => {
  let editors;
  const scan = () =>
    (editors ??= feature("editor.js", "editor").catch((error) => fail(error.message))).then((module) => module?.editors(host, shared.exports));
  if (document.querySelector(EDITORS)) scan();
  new MutationObserver((records) => {
    for (const { addedNodes } of records)
      for (const node of addedNodes)
        if (node.nodeType === 1 && (node.matches(EDITORS) || node.querySelector(EDITORS))) return void scan();
  }).observe(document, { childList: true, subtree: true });
};

// Cross-origin isolation from our service worker when the core's script
// tag has data-coi-sw (its value: the service worker's URL, relative to the
// page; empty: coi-sw.js next to this file); see isolation.js. Resolves to
// why the page is not isolated ("" when it is, or nobody asked), or to null
// when it reloads.
const isolate = async () => {
  const tag = [...document.querySelectorAll("script[data-coi-sw]")].find((s) => s.src === import.meta.url);
  if (!tag) return "";
  const url = new URL(tag.dataset.coiSw || here("coi-sw.js"), document.baseURI).href;
  return (await import(here("isolation.js"))).isolate(url);
};

// Go prints why it stopped (a fatal error, a panic nobody recovered) on
// stderr just before it exits: goCrash keeps that, for the error shown on
// the page, and returns a function giving it (from its first line on).
export const goCrash = () => {
  const { fs } = globalThis;
  const { writeSync } = fs;
  const decoder = new TextDecoder();
  let stderr = "";
  fs.writeSync = function (fd, buf) {
    if (fd === 2) stderr = (stderr + decoder.decode(buf)).slice(-65536);
    return writeSync.call(this, fd, buf);
  };
  return () => {
    const start = Math.max(stderr.lastIndexOf("fatal error:"), stderr.lastIndexOf("panic:"), 0);
    const why = stderr.slice(start).trim().slice(0, 1500);
    return why && `: ${why}`;
  };
};

// The configs that apply to a type's main-thread scripts, as written: each
// <type-config>'s src (else its text) and each script's config attribute.
const configValues = (type) => [
  ...[...document.querySelectorAll(`${type}-config`)].map((el) => el.getAttribute("src") ?? el.textContent),
  ...[...document.querySelectorAll(
    `script[type="${type}"][config]:not([worker]),${type}-script[config]:not([worker])`,
  )].map((el) => el.getAttribute("config")),
];

// The absolute URL of a config value naming a .json or .toml file (by
// PyScript's test, as Go applies it), else null: inline text.
const configFileURL = (value) => {
  if (inlineJSON(value)) return null;
  const text = value.trim();
  const ext = text.match(/\.(\w+)(?:\?\S*)?$/)?.[1];
  return ext === "json" || ext === "toml" ? new URL(text, document.baseURI).href : null;
};

// Go's test for config text that is JSON rather than TOML.
const inlineJSON = (text) => {
  const t = text.trim();
  return t.startsWith("{") && t.endsWith("}");
};

// The interpreter module a type will load, when its configs ({text, base};
// null for one not at hand) tell without Go: the default one when there
// is no config, or when they name nothing that changes how it loads (see
// changesLoad) and no interpreter; else the interpreter they name by URL
// (resolved as Go does: against the config file, or the page for inline
// config). null: Go must decide first.
const earlyInterpreter = (host, type, configs) => {
  if (!configs.length) return host.interpreters[type];
  if (configs.some((c) => !c || changesLoad[type].test(c.text))) return null;
  const named = configs.filter((c) => interpreterKey.test(c.text));
  if (!named.length) return host.interpreters[type];
  const value = named.length === 1 && named[0].text.match(interpreterValue)?.[1];
  return value && urlShaped.test(value) ? new URL(value, named[0].base).href : null;
};

// The sources of a config's `files` as URLs (against its base, as Go
// resolves them), templated ones left out. JSON is parsed; of TOML only a
// [files] table of quoted "source" = … lines is read.
const configFiles = ({ text, base }) => {
  let sources = [];
  if (inlineJSON(text)) {
    try {
      const { files } = JSON.parse(text);
      if (files && typeof files === "object" && !Array.isArray(files)) sources = Object.keys(files);
    } catch {} // Go reports it
  } else {
    const table = text.match(/^\s*\[files\]\s*$([\s\S]*?)(?=^\s*\[|(?![\s\S]))/m)?.[1] ?? "";
    sources = [...table.matchAll(/^\s*(?:"([^"\\]*)"|'([^']*)')\s*=/gm)].map((m) => m[1] ?? m[2]);
  }
  return sources.filter((s) => s && !s.includes("{")).map((s) => new URL(s, base).href);
};

// Config that may give the interpreter load options: MicroPython's debug
// and ulab builds (remote .json/.toml packages may list ulab); Pyodide's
// package cache and index.
const changesLoad = { mpy: /debug|ulab|\.toml|\.json/, py: /packages|pyodide_index/ };
// Inline config only (a worker tells its interpreter synchronously).
const inlineConfigs = (values) => values.map((text) => (configFileURL(text) ? null : { text, base: document.baseURI }));

// An `interpreter` key, in TOML or JSON.
const interpreterKey = /(^|[{,])\s*"?interpreter"?\s*[=:]/m;
// A top-level `interpreter = "…"` (TOML, before any [table]) or
// `"interpreter": "…"` (JSON).
const interpreterValue = /^[^[]*?"?\binterpreter"?\s*[=:]\s*["']([^"'\n]+)["']/;
// Go's rule for an interpreter value that is a URL, not a version.
const urlShaped = /^(\.\.?\/|\/|[a-z][a-z0-9+.-]*:)|\.m?js$/i;

// The page's worker scripts start at once, while core.wasm compiles: each
// Worker loads its files and, when its config cannot pick another one, its
// interpreter (named in its URL, see newWorker), then gets the compiled
// module. Go adopts them (takeWorker) and sends each its script.
const WORKERS = 'script[type="mpy"][worker],script[type="py"][worker],mpy-script[worker],py-script[worker]';
const startWorkers = (host, wasm) => {
  const early = new Map();
  for (const el of document.querySelectorAll(WORKERS)) {
    const type = el.localName === "script" ? el.type : el.localName.slice(0, -"-script".length);
    const sw = el.getAttribute("service-worker");
    const own = el.getAttribute("config");
    const interpreter = earlyInterpreter(host, type, inlineConfigs(own ? [own] : configValues(type)));
    const viaServiceWorker = !!sw && host.serviceWorker(new URL(sw, document.baseURI).href) === true;
    early.set(el, newWorker(host, viaServiceWorker, undefined, interpreter && { type, interpreter }));
  }
  host.takeWorker = (el) => {
    const worker = early.get(el);
    early.delete(el);
    return worker;
  };
  if (!early.size) return;
  host.glue = import(host.channelURL);
  wasm.then((module) => early.forEach((worker) => worker.postMessage({ module })), () => {});
};

// A worker running worker.js; through a Blob URL that imports it when the
// page's own origin must own the worker: a worker going through the service
// worker that controls the page (worker.js's URL may be outside its
// scope), and any worker of a core served from another origin (a CDN),
// whose worker.js the browser refuses to start directly. The Blob imports
// it dynamically (WebKit refuses a static import of another origin's module
// in a worker of an isolated page) and keeps the page's messages until
// worker.js listens; a failed import is thrown where the page hears it.
// prepare ({type, interpreter}) goes in the URL's fragment: the worker
// starts that interpreter as soon as it runs. A message would wait for
// this thread: Chromium hands a worker the messages posted before its
// script ran only in a task of the page's thread, which may be busy
// starting Go by then.
const BLOB_WORKER = `const kept = [], keep = (e) => kept.push(e);
addEventListener("message", keep);
import(URL_).then(() => {
  removeEventListener("message", keep);
  for (const e of kept) dispatchEvent(new MessageEvent("message", { data: e.data, ports: e.ports }));
}, (error) => setTimeout(() => { throw error; }));`;
export const newWorker = (host, viaServiceWorker, name, prepare) => {
  const url = viaServiceWorker || new URL(host.workerURL).origin !== location.origin
    ? URL.createObjectURL(new Blob([BLOB_WORKER.replace("URL_", JSON.stringify(host.workerURL))], { type: "text/javascript" }))
    : host.workerURL;
  return new Worker(prepare ? `${url}#${new URLSearchParams(prepare)}` : url, { type: "module", name });
};

// PyScript's service-worker attribute (PyWorker's serviceWorker option):
// on a page that is not cross-origin isolated, workers reach the page
// synchronously through the service worker at url once it controls the
// page. serviceWorker(url) is true when it does, false when it cannot help
// (an isolated page, no service workers), else a Promise (isolation.js's
// adopt): the page reloads once for it (the Promise never settles), or it
// resolves to why it cannot be used, for Go to show. Workers wait for it,
// so none runs twice.
const adopting = new Map();
const serviceWorker = (url) => {
  if (globalThis.crossOriginIsolated || !navigator.serviceWorker) return false;
  if (navigator.serviceWorker.controller?.scriptURL === url) {
    sessionStorage.removeItem(`gopyscript:service-worker-reloaded:${url}`);
    return true;
  }
  if (!adopting.has(url)) adopting.set(url, import(here("isolation.js")).then((module) => module.adopt(url)));
  return adopting.get(url);
};

// A number per JS object, the same for the same object in this thread:
// pyscript.web keys its wrapper cache and equality on it (the interpreters'
// own proxies of one object are distinct Python objects).
const objectKeys = new WeakMap();
let lastObjectKey = 0;
export const objectKey = (object) => {
  if (Object(object) !== object) return 0;
  let key = objectKeys.get(object);
  if (key === undefined) objectKeys.set(object, (key = ++lastObjectKey));
  return key;
};

// An IndexedDB store for pyscript.storage, from dist/storage.js (fetched
// only by pages that use it), on the page and in workers alike.
export const openStorage = (name) => import(here("storage.js")).then((module) => module.openMap(name));

// pyscript.fs, from dist/fs.js (fetched only by pages that mount a folder),
// for one interpreter: grant(fs, path, key, id, mode, root) gets the
// folder's handle in this thread, asking the user when needed. A refusal
// comes back as its message, for Python to raise (an interpreter's text of
// a JS error is not the same in MicroPython and Pyodide).
const loadFS = () => import(here("fs.js"));
export const fileSystems = (grant) => (interpreter) => ({
  mount: async (path, key, id, mode, root) => {
    const fs = await loadFS();
    let handler;
    try {
      handler = await grant(fs, path, key, id, mode, root);
    } catch (error) {
      if (String(error?.message).startsWith(fs.DENIED)) return error.message;
      throw error;
    }
    return fs.mount(interpreter, path, handler);
  },
  unmount: async (path) => (await loadFS()).unmount(interpreter, path),
  revoke: async (key) => (await loadFS()).forget(key),
});

// A loader that starts each (type, url, options) once: the same request
// reuses the first load, so Go adopts an interpreter started early.
export const interpreterLoader = (stderr) => {
  const cache = new Map();
  return (type, url, options = {}) => {
    const key = JSON.stringify([type, url, options]);
    if (!cache.has(key)) cache.set(key, loadInterpreter(type, url, options, (text) => stderr(type, text)));
    loadPolyscript(); // while the interpreter downloads
    return cache.get(key);
  };
};

// The `polyscript` module for an interpreter (dist/polyscript.js, fetched
// along with the first interpreter, so nothing waits for it).
let polyscriptModule;
const loadPolyscript = () => (polyscriptModule ??= import(here("polyscript.js")));
export const registerPolyscript = async (mod, interpreter) => (await loadPolyscript()).registerPolyscript(mod, interpreter);

// The browser's error for a module it could not fetch does not say why: a
// second request asks the server for the status. A failed import is not
// tried again: the browser keeps its failure for that URL, and importing
// it under another URL would make a second copy of a module the page may
// share.
export const importing = (url) =>
  watch(url, import(url)).catch(async (error) => {
    const status = await fetch(url).then((r) => (r.ok ? "" : ` (HTTP ${r.status} ${r.statusText})`), () => "");
    throw new Error(`${error?.message ?? error}${status}`);
  });

// The core's own downloads are GETs, safe to repeat: one whose connection
// dropped before the response came (a reset, a network change) is tried
// once more. A body cut off later is not: it is reported.
export const download = (url) => watch(url, fetch(url).catch(() => fetch(url)));

// A download still pending after a few seconds is named on the page, with
// how long it has waited, until it settles: a stalled server shows what
// the page waits for instead of nothing. Not in workers (no page).
const WAITING = "display:block;font-family:ui-monospace,monospace;color:#613400;background:#fffbe6;" +
  "border:1px solid #d48806;border-radius:4px;padding:.5em .75em;margin:.5em 0";
const watch = (url, promise) => {
  if (!globalThis.document) return promise;
  let seconds = 0;
  let notice;
  const timer = setInterval(() => {
    if (++seconds < 3 || !document.body) return;
    notice ??= document.body.appendChild(Object.assign(document.createElement("div"), { className: "py-notice py-waiting" }));
    notice.style.cssText = WAITING;
    notice.textContent = `still waiting for ${url} (${seconds} s)`;
  }, 1000);
  const done = () => {
    clearInterval(timer);
    notice?.remove();
  };
  promise.then(done, done);
  return promise;
};

// Loads an interpreter: its module, and dist/interpreter.js to boot it,
// fetched together.
const loadInterpreter = async (type, url, options, stderr) => {
  const wasm = type === "mpy" && prefetch(options.url ?? url.replace(/\.m?js$/, ".wasm"));
  const [module, { boot }] = await Promise.all([importing(url), feature("interpreter.js", "interpreter loader")]);
  const [interpreter, io] = await boot(module, type, url, options, stderr, wasm, watch);
  ios.set(interpreter, io);
  return interpreter;
};

// MicroPython's loader requests its wasm (next to its module, unless Go
// names another build) only once the module has arrived and run, which on
// the page waits for a main thread busy starting Go: the wasm is requested
// with the module instead, and compiled off the main thread as it arrives
// (from a clone: the response stays whole for the loader; see
// interpreter.js). module: the compiled module, or why it did not compile.
const prefetch = (url) => {
  const response = download(url);
  response.catch(() => {}); // the loader reports it
  return { url, response, module: WebAssembly.compileStreaming(response.then((r) => r.clone())).catch((error) => error) };
};

// experimental_create_proxy = "auto" for one Pyodide interpreter: a
// Python callable passed to a JS function outlives the call, owned by JS,
// and Pyodide's FinalizationRegistry releases it once JS drops it (other
// arguments still end with the call). Only this interpreter's end-of-call
// release changes; no global or prototype is touched.
const BORROWED = /^This borrowed proxy was automatically destroyed at the end of (a|an asynchronous) function call/;
const autoProxies = (pyodide) => {
  const module = pyodide._module;
  const destroy = module.pyproxy_destroy;
  module.pyproxy_destroy = function (proxy, message, ...rest) {
    if (typeof proxy === "function" && BORROWED.test(message ?? "")) {
      const { shared } = module.PyProxy_getAttrsQuiet(proxy);
      if (shared.ptr) {
        if (!shared.gcRegistered) module.gc_register_proxy(shared);
        return;
      }
    }
    return destroy.call(this, proxy, message, ...rest);
  };
};

// Each interpreter's output streams, which wrap.io lets hooks replace.
const ios = new WeakMap();
const ioOf = (interpreter) => ios.get(interpreter);

const fail = (message) => {
  console.error(message);
  const show = () =>
    document.body.append(
      Object.assign(document.createElement("div"), { className: "py-error", textContent: message }),
    );
  document.body ? show() : addEventListener("DOMContentLoaded", show, { once: true });
};

// A second copy of this module (another URL) reuses the first core. In a
// worker (imported by worker.js for loadInterpreter) the page core does not
// start.
//
// No top-level await: WebKit runs a module importing one whose top-level
// await is pending before that one has finished (WebKit bug 242740), with
// its imports uninitialized, so a plugin next to the core's tag would die
// there. The exports work at once and wait for the core themselves;
// `config` is filled in once the core has read the page's configs.
const shared = (globalThis[KEY] ??= {});
shared.hooks ??= newHooks();
if (!shared.exports) {
  const ready = !globalThis.document
    ? Promise.resolve({})
    : start(shared).catch((error) => {
        fail(`GoPyScript failed to start: ${error?.message ?? error}`);
        return {};
      });
  const config = {};
  ready.then((api) => Object.assign(config, api.config));
  const later = (name) => (...args) =>
    ready.then((api) => (api[name] ? api[name](...args) : Promise.reject(new Error(`${name}: the GoPyScript core is not running (see the error on the page)`))));
  shared.exports = {
    config,
    whenDefined: later("whenDefined"),
    PyWorker: later("PyWorker"),
    MPWorker: later("MPWorker"),
    donkey: (options) =>
      ready.then((api) => import(here("donkey.js")).then((module) => module.donkey(options, { api, host: shared.host, url: here("donkey.py") }))),
  };
}

export const { config, whenDefined, PyWorker, MPWorker, donkey } = shared.exports;
export const { hooks } = shared;
export const TYPES = new Map([["py", "pyodide"], ["mpy", "micropython"]]);
export const relative_url = (url, base = location.href) => new URL(url, base).href;
export default { config, whenDefined, PyWorker, MPWorker, donkey, hooks, TYPES, relative_url };
