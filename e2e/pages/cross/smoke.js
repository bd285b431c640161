// First script of every cross-engine smoke page (e2e/cross/run.mjs). The
// runner drives browsers whose drivers cannot inject a script before the
// page's own (WebDriver classic), so the page records for itself what a user
// or a listener would see, and smoke.state() hands it over in one call.
//
// Query: ?type=mpy|py picks the interpreter of the page's scripts;
// ?core=URL loads core.js from there instead of this server's /dist/, so the
// same pages can test a core served from another origin.
//
// The core's script tag is written here, except on pages whose own module
// imports core.js (data-imports-core).
(() => {
  const importsCore = document.currentScript.hasAttribute("data-imports-core");
  const query = new URLSearchParams(location.search);
  const core = query.get("core") ?? "/dist/core.js";
  const events = [];
  const pageErrors = [];
  const record = (e) => events.push(`${e.type} ${e.target.id || "window"}${e.detail?.worker ? " worker" : ""}`);
  for (const name of ["py:ready", "py:done", "mpy:ready", "mpy:done", "py-editor", "mpy-editor", "py-editor:done"])
    addEventListener(name, record, true);
  addEventListener("py:all-done", (e) => events.push(e.type));
  addEventListener("error", (e) => pageErrors.push(String(e.message)));
  addEventListener("unhandledrejection", (e) => pageErrors.push(String(e.reason)));
  // Loads of this very URL in this tab: pages that reload themselves say so.
  const key = `smoke-loads ${location.pathname}${location.search}`;
  const loads = Number(sessionStorage.getItem(key) ?? 0) + 1;
  sessionStorage.setItem(key, loads);

  const texts = (selector) => [...document.querySelectorAll(selector)].map((e) => e.textContent.trim());
  // Lines of text as shown, without trailing blanks.
  const shown = (lines) =>
    lines
      .map((line) => line.replaceAll("\u00a0", " ").trimEnd())
      .join("\n")
      .trimEnd();
  // What xterm.js renders of each terminal: its rows, and their text.
  const terminals = () =>
    [...document.querySelectorAll(".xterm")].map((xterm) => {
      const rows = [...(xterm.querySelector(".xterm-rows")?.children ?? [])];
      return { rows: rows.length, text: shown(rows.map((row) => row.textContent)) };
    });
  // Each editor box: CodeMirror's lines in the shadow root it renders in,
  // and the output under it.
  const editors = () =>
    [...document.querySelectorAll(".py-editor-box, .mpy-editor-box")].map((box) => {
      const root = [...box.querySelectorAll("*")].find((e) => e.shadowRoot)?.shadowRoot;
      const lines = root?.querySelectorAll(".cm-editor .cm-line") ?? [];
      const output = box.querySelector(".py-editor-output, .mpy-editor-output");
      return { env: box.dataset.env, code: shown([...lines].map((line) => line.textContent)), output: shown(output?.innerText.split("\n") ?? []) };
    });
  window.smoke = {
    type: query.get("type") ?? "mpy",
    core,
    // A page may set smoke.extra to an (async) function whose result the
    // runner gets too: a worker's transport, a log kept by a plugin.
    extra: null,
    state: async () => ({
      loads,
      events,
      pageErrors,
      out: texts(".out"),
      errors: texts(".py-error"),
      notices: texts(".py-notice"),
      terminals: terminals(),
      editors: editors(),
      controlled: Boolean(navigator.serviceWorker?.controller),
      extra: await Promise.resolve()
        .then(() => window.smoke.extra?.())
        .catch((error) => `smoke.extra failed: ${error}`),
    }),
  };
  const base = new URL(core, location.href);
  document.write(`<link rel="stylesheet" href="${new URL("core.css", base)}" />`);
  if (!importsCore) document.write(`<script type="module" src="${base}"><\/script>`);
})();
