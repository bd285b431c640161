// PyScript's donkey(): Python on demand in a hidden worker, loaded only by
// pages that call it. execute(code) runs statements, evaluate(code) gives
// an expression's value; a task started while another runs replaces the
// busy worker with a fresh one, as in PyScript. A Python error is shown on
// the page and the task resolves to undefined.
//
// With `terminal` (true: a new <py-terminal> at the end of the body; else
// the id or selector of the element to put it in), the worker is a hidden
// terminal script's, as in PyScript: its output and errors show there,
// process(code) shows the code there as it runs, clear() and reset() act on
// it. Without, process runs code like execute, clear and reset only stop a
// busy task.
import { dedent } from "./lib/dedent.js";

export const donkey = async ({ type = "py", persistent = false, terminal, config } = {}, { api, host, url }) => {
  const start = async () => {
    if (terminal) return terminalWorker(type, url, terminal, config);
    return { worker: await (type === "mpy" ? api.MPWorker : api.PyWorker)(url, config === undefined ? {} : { config }) };
  };
  let farm = await start(); // {worker, terminal?, close?}
  let working = false;
  const kill = () => {
    farm?.worker.terminate();
    farm?.close?.();
    farm = null;
    working = false;
  };
  const reload = async () => {
    kill();
    farm = await start();
  };
  const task = (label, name = label) => async (code) => {
    if (working || !farm) await reload();
    const mine = farm;
    working = true;
    code = dedent(String(code).replace(/^\s*\n/, "")); // from its first line of code
    try {
      if (label === "process") mine.terminal?.write(`${asTyped(code)}\n`);
      const result = await mine.worker.sync[name](code, !!persistent);
      return name === "evaluate" ? result : undefined;
    } catch (error) {
      // A task replaced by a newer one just ends.
      if (farm === mine) {
        const text = `donkey.${label}: ${error?.message ?? error}`;
        mine.terminal?.write(`\x1b[31m${text}\x1b[0m\n`);
        host.stderr(type, text);
      }
    } finally {
      if (farm === mine) working = false;
    }
  };
  const onTerminal = (method) => async () => {
    if (working) await reload();
    else farm?.terminal?.[method]();
  };
  return {
    process: task("process", "execute"),
    execute: task("execute"),
    evaluate: task("evaluate"),
    clear: onTerminal("clear"),
    reset: onTerminal("reset"),
    kill,
  };
};

// A worker with a terminal, from a <script type worker terminal> added to
// the body and removed once its code has run (its terminal stays). Its own
// config, or none: not the page's.
const terminalWorker = (type, url, where, config) =>
  new Promise((resolve) => {
    const script = Object.assign(document.createElement("script"), { type, src: url });
    script.toggleAttribute("worker", true);
    script.toggleAttribute("terminal", true);
    if (where !== true) script.setAttribute("target", where);
    script.setAttribute("config", config === undefined ? "{}" : typeof config === "string" ? config : JSON.stringify(config));
    script.addEventListener(`${type}:done`, (event) => {
      event.stopPropagation();
      script.remove();
      const { xworker: worker, terminal } = script;
      // The <py-terminal> made for it goes with it; a target stays.
      const box = where === true ? terminal?.element?.parentElement : null;
      resolve({ worker, terminal, close: () => (terminal?.dispose(), box?.remove()) });
    }, { once: true });
    document.body.append(script);
  });

// Code as typed at Python's prompts.
const asTyped = (code) =>
  code
    .replace(/\n$/, "")
    .split("\n")
    .map((line, i) => (i ? "... " : ">>> ") + line)
    .join("\n");
