// A third-party plugin, as PyScript's docs describe one: a module that
// imports from core.js and adds hooks before the scripts run. Every hook
// records its name in window.hookLog (worker hooks post "hook:<name>" to
// the page, which the onWorker hook adds to the same log).
import { hooks, TYPES, relative_url, whenDefined, config } from "/dist/core.js";

const log = (globalThis.hookLog = []);
globalThis.pluginSaw = {
  types: [...TYPES],
  relative: relative_url("./x.py", "https://example.com/app/"),
};
const later = (name) => new Promise((resolve) => setTimeout(() => resolve(log.push(name)), 20));

hooks.main.onReady.add(async (wrap, element) => {
  // Filled in by the time scripts run (ours fills it once the core has
  // read the page's configs; PyScript's before its exports resolve).
  globalThis.pluginSaw.config = Object.keys(config);
  log.push(`onReady ${wrap.type} ${element.id} ${typeof wrap.run} ${typeof wrap.runAsync} ${typeof wrap.config}`);
  wrap.io.stdout = (text) => log.push(`stdout ${text}`);
  await later("onReady awaited");
});
for (const name of ["onBeforeRun", "onAfterRun"]) hooks.main[name].add((wrap, element) => log.push(`${name} ${element.id}`));
for (const name of ["onBeforeRunAsync", "onAfterRunAsync"])
  hooks.main[name].add(async (wrap, element) => {
    log.push(`${name} ${element.id}`);
    await later(`${name} awaited`);
  });
for (const name of ["codeBeforeRun", "codeBeforeRunAsync", "codeAfterRun", "codeAfterRunAsync"])
  hooks.main[name].add(`from pyscript import window\nwindow.hookLog.push("${name}")`);
for (const type of ["py", "mpy"]) {
  addEventListener(`${type}:ready`, (e) => e.detail.worker || log.push(`${type}:ready`), true);
  addEventListener(`${type}:done`, (e) => e.detail.worker || log.push(`${type}:done`), true);
}

hooks.main.onWorker.add((wrap, xworker) => {
  log.push(`onWorker ${wrap} ${xworker instanceof Worker}`);
  xworker.addEventListener("message", ({ data }) => typeof data === "string" && data.startsWith("hook:") && log.push(data.slice(5)));
});
// Worker hooks travel as source text: each must be self-contained. Three
// ways of writing a function: arrow, method shorthand, async function.
hooks.worker.onReady.add((wrap, xworker) => {
  xworker.postMessage(`hook:onReady ${wrap.type} ${typeof wrap.run} ${typeof wrap.interpreter}`);
  wrap.io.stdout = (text) => xworker.postMessage(`hook:stdout ${text}`);
});
hooks.worker.onBeforeRun.add({ onBeforeRun(wrap, xworker) { xworker.postMessage("hook:onBeforeRun"); } }.onBeforeRun);
hooks.worker.onAfterRun.add((wrap, xworker) => {
  xworker.postMessage("hook:onAfterRun");
  return wrap.runEvent("handler", { type: "custom" });
});
hooks.worker.onBeforeRunAsync.add(async function (wrap, xworker) {
  await new Promise((resolve) => setTimeout(resolve, 20));
  xworker.postMessage("hook:onBeforeRunAsync awaited");
});
hooks.worker.onAfterRunAsync.add(async (wrap, xworker) => {
  await new Promise((resolve) => setTimeout(resolve, 20));
  xworker.postMessage("hook:onAfterRunAsync awaited");
  await wrap.runEvent("handler", { type: "custom" });
});
for (const name of ["codeBeforeRun", "codeBeforeRunAsync", "codeAfterRun", "codeAfterRunAsync"])
  hooks.worker[name].add(`from polyscript import xworker\nxworker.postMessage("hook:${name}")`);

// whenDefined gives the same wrap the hooks get.
whenDefined(new URLSearchParams(location.search).get("type") ?? "mpy").then((wrap) => (globalThis.defined = wrap));
