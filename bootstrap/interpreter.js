// Boots an interpreter from its loaded module, for core.js's loader on the
// page and in workers: its output streams, the loader's defaults and
// options, MicroPython's wasm from core.js's prefetch. Fetched along with
// the first interpreter's module, so nothing waits for it.

// Boots the interpreter of a loaded module and resolves to it and its
// output streams, which hooks may replace (wrap.io). Go chooses the options
// (a MicroPython wasm variant, Pyodide's lock file and package URLs); this
// only supplies the defaults and the streams. wasm: MicroPython's prefetch
// ({url, response, module}). waiting(url, response): core.js's notice for a
// download that stalls, for the files Pyodide fetches itself.
export const boot = async (module, type, url, options, stderr, wasm, waiting) => {
  const io = {
    stdout: (text) => console.log(text),
    stderr,
    // A writer that calls write once per complete line.
    buffered: (write, EOL = "\n") => {
      let pending = "";
      return (text) => {
        const lines = (pending + text).split(EOL);
        pending = lines.pop();
        for (const line of lines) write(line);
      };
    },
  };
  const streams = { stdout: (text) => io.stdout(text), stderr: (text) => io.stderr(text) };
  return [await start(module, type, url, options, streams, wasm, waiting), io];
};

const start = async (module, type, url, options, streams, wasm, waiting) => {
  if (type === "mpy") {
    // MicroPython's own errors do not say which file was missing or broken,
    // nor the server's status: the wasm is named when its response failed
    // or did not compile, and only then.
    const ours = (why) => new Error(`its wasm ${wasm.url}: ${why}`);
    const response = await wasm.response.catch((error) => {
      throw ours(error?.message ?? error);
    });
    if (!response.ok) throw ours(`HTTP ${response.status} ${response.statusText}`);
    return fromPrefetch(wasm, () => module.loadMicroPython({ linebuffer: true, ...options, url: wasm.url, ...streams })).catch(async (error) => {
      const compiled = await wasm.module;
      if (compiled instanceof WebAssembly.Module) throw error;
      throw ours(String(compiled?.message ?? compiled));
    });
  }
  const defaults = { indexURL: new URL(".", url).href };
  // dist/ ships Pyodide's core without its package wheels: those come from
  // the official CDN folder of the same version unless the config names one.
  if (url === new URL("pyodide/pyodide.mjs", import.meta.url).href)
    defaults.packageBaseUrl = `https://cdn.jsdelivr.net/pyodide/v${module.version}/full/`;
  return failingWasm(defaults.indexURL, waiting, () => module.loadPyodide({ ...defaults, ...options, ...streams }));
};

// Pyodide's loader only warns when its wasm cannot be fetched or compiled,
// then waits forever. While it loads, a failed compile of a .wasm fetched
// from its folder rejects the load instead, naming the file and why (the
// server's status, else the browser's error). The wrappers only watch:
// other callers meanwhile get what they would have got. Its folder's
// downloads (the lock file, the standard library, the wasm) are named on
// the page if they stall.
const failingWasm = (folder, waiting, load) => {
  const { fetch } = globalThis;
  const { compileStreaming, instantiateStreaming } = WebAssembly;
  const ours = new Map(); // fetch promise → URL
  let fail;
  const failed = new Promise((_, reject) => (fail = reject));
  globalThis.fetch = (input, init) => {
    const response = fetch(input, init);
    try {
      const url = new URL(String(input?.url ?? input), globalThis.location.href).href;
      if (url.startsWith(folder)) waiting(url, response);
      if (url.startsWith(folder) && url.endsWith(".wasm")) ours.set(response, url);
    } catch {} // not a URL: fetch's own promise says so
    return response;
  };
  const watch = (real) => (source, ...rest) => {
    const result = real(source, ...rest);
    const url = ours.get(source);
    if (url)
      result.catch(async (error) => {
        const status = await source.then((r) => (r.ok ? "" : `HTTP ${r.status} ${r.statusText}`), () => "");
        fail(new Error(`its wasm ${url}: ${status || (error?.message ?? error)}`));
      });
    return result;
  };
  WebAssembly.compileStreaming = watch(compileStreaming);
  WebAssembly.instantiateStreaming = watch(instantiateStreaming);
  return Promise.race([load(), failed]).finally(() => {
    globalThis.fetch = fetch;
    WebAssembly.compileStreaming = compileStreaming;
    WebAssembly.instantiateStreaming = instantiateStreaming;
  });
};

// loadMicroPython takes no compiled module (it gives Emscripten no
// instantiateWasm), but within the call Emscripten calls fetch(url) and
// then WebAssembly.instantiateStreaming(that promise). For that call only,
// the first is answered with the prefetched response and the second with
// an instance of the module compiled from it; a failed compile leaves the
// response to the real instantiateStreaming (which may still instantiate
// what a wrong MIME type kept from compiling as a stream).
const fromPrefetch = (wasm, load) => {
  const { fetch } = globalThis;
  const { instantiateStreaming } = WebAssembly;
  let taken = false;
  globalThis.fetch = (input, init) => (input === wasm.url && !taken ? ((taken = true), wasm.response) : fetch(input, init));
  WebAssembly.instantiateStreaming = (source, imports) =>
    source !== wasm.response
      ? instantiateStreaming(source, imports)
      : wasm.module.then((module) =>
          module instanceof WebAssembly.Module ? WebAssembly.instantiate(module, imports).then((instance) => ({ module, instance })) : instantiateStreaming(source, imports),
        );
  try {
    return load();
  } finally {
    globalThis.fetch = fetch;
    WebAssembly.instantiateStreaming = instantiateStreaming;
  }
};

// pyodide.loadPackage, with the files fetched meanwhile (its wheels) named
// on the page if they stall (waiting: core.js's notice). Calls that overlap
// share one watching fetch, which the last to finish takes away.
let loading = 0;
let unwatched;
export const loadPackage = async (waiting, pyodide, names, options) => {
  if (loading++ === 0) {
    unwatched = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      const response = unwatched(input, init);
      try {
        waiting(new URL(String(input?.url ?? input), globalThis.location.href).href, response);
      } catch {} // not a URL: fetch's own promise says so
      return response;
    };
  }
  try {
    return await pyodide.loadPackage(names, options);
  } finally {
    if (--loading === 0) globalThis.fetch = unwatched;
  }
};

// The packages Pyodide could not load, for its error: each lock file
// package with its wheel's URL, and the server's status when that is an
// error (Pyodide says only "Failed to fetch": the integrity check of its
// download hides the status), asked with HEAD: the wheel may be large, and
// a server that does not answer HEAD says nothing.
export const wheels = (pyodide, names) =>
  Promise.all(names.map(async (name) => {
    const file = pyodide.lockfile?.packages?.[name]?.file_name;
    if (!file) return name;
    const url = new URL(file, pyodide.lockfileBaseUrl).href;
    const status = await fetch(url, { method: "HEAD" }).then(
      (r) => (r.ok || r.status === 405 || r.status === 501 ? "" : `: HTTP ${r.status} ${r.statusText}`),
      () => "",
    );
    return `${name} (${url}${status})`;
  }).map((named, i) => named.catch(() => names[i]))).then((list) => list.join(", "));
