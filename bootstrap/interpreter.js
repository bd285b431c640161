// Boots an interpreter from its loaded module, for core.js's loader on the
// page and in workers: its output streams, the loader's defaults and
// options, MicroPython's wasm from core.js's prefetch. Fetched along with
// the first interpreter's module, so nothing waits for it.

// Boots the interpreter of a loaded module and resolves to it and its
// output streams, which hooks may replace (wrap.io). Go chooses the options
// (a MicroPython wasm variant, Pyodide's lock file and package URLs); this
// only supplies the defaults and the streams. wasm: MicroPython's prefetch
// ({url, response, module}).
export const boot = async (module, type, url, options, stderr, wasm) => {
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
  return [await start(module, type, url, options, streams, wasm), io];
};

const start = (module, type, url, options, streams, wasm) => {
  // MicroPython's own errors do not say which file was missing or broken.
  if (type === "mpy")
    return fromPrefetch(wasm, () => module.loadMicroPython({ linebuffer: true, ...options, url: wasm.url, ...streams })).catch((error) => {
      throw new Error(`its wasm ${wasm.url}: ${error?.message ?? error}`);
    });
  const defaults = { indexURL: new URL(".", url).href };
  // dist/ ships Pyodide's core without its package wheels: those come from
  // the official CDN folder of the same version unless the config names one.
  if (url === new URL("pyodide/pyodide.mjs", import.meta.url).href)
    defaults.packageBaseUrl = `https://cdn.jsdelivr.net/pyodide/v${module.version}/full/`;
  return module.loadPyodide({ ...defaults, ...options, ...streams });
};

// loadMicroPython takes no compiled module (it gives Emscripten no
// instantiateWasm), but within the call Emscripten calls fetch(url) and
// then WebAssembly.instantiateStreaming(that promise). For that call only,
// the first is answered with the prefetched response and the second with
// an instance of the module compiled from it; a failed compile leaves the
// response to the real instantiateStreaming, which says why.
const fromPrefetch = (wasm, load) => {
  const { fetch } = globalThis;
  const { instantiateStreaming } = WebAssembly;
  let taken = false;
  globalThis.fetch = (input, init) => (input === wasm.url && !taken ? ((taken = true), wasm.response) : fetch(input, init));
  WebAssembly.instantiateStreaming = (source, imports) =>
    source !== wasm.response
      ? instantiateStreaming(source, imports)
      : wasm.module.then((module) =>
          module ? WebAssembly.instantiate(module, imports).then((instance) => ({ module, instance })) : instantiateStreaming(source, imports),
        );
  try {
    return load();
  } finally {
    globalThis.fetch = fetch;
    WebAssembly.instantiateStreaming = instantiateStreaming;
  }
};
