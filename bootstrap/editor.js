// PyScript's editor: each <script type="py-editor"> (Pyodide) or
// <script type="mpy-editor"> (MicroPython) becomes a CodeMirror editor with
// a Run button, its code running in a worker shared by the editors of its
// environment (lib/editor-env.js). core.js imports this file only on pages
// that have an editor, and calls editors() whenever editor scripts appear.
import { basicSetup, EditorView } from "codemirror";
import { python } from "@codemirror/lang-python";
import { keymap } from "@codemirror/view";
import { indentUnit } from "@codemirror/language";
import { indentWithTab } from "@codemirror/commands";
import { Env } from "./lib/editor-env.js";
import { iconsFor, makeBox, writers } from "./lib/editor-box.js";
import { dedent } from "./lib/dedent.js";
import { namedTarget } from "./lib/target.js";

const INTERPRETERS = { py: "pyodide", mpy: "micropython" };

// PyScript's ids: one counter for both types, taken in this order by an
// editor: for its env (without an env attribute), its target (without an
// id), its output (without an output attribute).
let count = 0;
const nextID = (type) => `${type}-editor-${count++}`;

const envs = new Map();
// Editors start one after the other, in document order (ids, env rules).
let queue = Promise.resolve();

export const editors = (host, exports) => {
  // Shown on the page and the console, once the core can show errors.
  const report = (type, text) => Promise.resolve(host.api).then(() => host.stderr(type, text));
  for (const type of Object.keys(INTERPRETERS))
    for (const script of document.querySelectorAll(`script[type="${type}-editor"]`)) {
      script.type += "-active"; // taken, as in PyScript
      queue = queue.then(() => init(script, type, { host, exports, report })).catch((error) => report(type, message(error)));
    }
  return queue;
};

const message = (error) => error?.message ?? String(error);

const init = async (script, type, { host, exports, report }) => {
  const interpreter = INTERPRETERS[type];
  const named = script.getAttribute("env");
  const key = `${interpreter}-${named || nextID(type)}`;
  const icons = iconsFor(script);
  const sw = script.getAttribute("service-worker");
  // The service worker gets control now, not at the first Run (a page that
  // must reload for it reloads before anyone typed).
  if (sw) Promise.resolve(host.serviceWorker?.(new URL(sw, document.baseURI).href)).catch(() => {});
  const env = environment(script, key, type, exports);
  if (sw) env.serviceWorker ||= sw;

  let source = script.textContent;
  if (script.hasAttribute("src")) {
    const url = script.src;
    source = await fetch(url).then((r) => (r.ok ? r.text() : null), () => null);
    if (source === null) throw new Error(`Invalid source: ${url}`);
  }

  source = dedent(source);
  const context = { type, env, script, report, icons, source, setup: script.hasAttribute("setup"), handleEvent: execute };
  let target;
  Object.defineProperties(script, {
    xworker: { get: () => env.xworker ?? undefined, configurable: true },
    target: { get: () => target, configurable: true },
    code: {
      get: () => code(context),
      set: (text) => context.view?.dispatch({ changes: { from: 0, to: context.view.state.doc.length, insert: String(text) } }),
      configurable: true,
    },
    // Runs code as a setup would (no output shown), or presses Run.
    process: {
      value: (text, asRunButtonAction = false) =>
        asRunButtonAction ? !context.button?.click() : context.handleEvent({ currentTarget: null, code: text }),
      configurable: true,
    },
    handleEvent: {
      get: () => context.handleEvent,
      set: (callback) => (context.handleEvent = callback === execute ? execute : override(context, callback)),
      configurable: true,
    },
  });
  const ready = () => script.dispatchEvent(new Event(`${type}-editor`, { bubbles: true }));

  if (context.setup) {
    env.setups.push({ code: source, out: quiet(context), failed: (error) => report(type, traceback(message(error))) });
    context.handleEvent({ currentTarget: null }).then(ready);
    return;
  }

  target = targetOf(script, type);
  if (!target.id) target.id = nextID(type);
  if (!target.hasAttribute("exec-id")) target.setAttribute("exec-id", 0);
  if (!target.hasAttribute("root")) target.setAttribute("root", target.id);
  const outputName = script.getAttribute("output");
  const output = outputName && document.getElementById(outputName);
  if (outputName && !output) report(type, `Unknown output ${outputName}: this editor writes into an output of its own`);
  const parts = makeBox({
    type,
    env: named ? key : interpreter,
    target,
    output,
    outputID: output ? "" : `${nextID(type)}-output`,
    icons,
    rows: script.getAttribute("rows"),
  });
  Object.assign(context, parts);
  parts.button.addEventListener("click", (event) => press(context, event));

  const doc = source.trim();
  // Code indented with tabs or two spaces keeps being indented so.
  const indentation = doc.match(/^([ \t]+)/m)?.[1] ?? "    ";
  const run = () => (parts.button.click(), true);
  context.view = new EditorView({
    doc,
    parent: parts.root,
    extensions: [
      indentUnit.of(indentation),
      python(),
      keymap.of([
        { key: "Ctrl-Enter", run, preventDefault: true },
        { key: "Cmd-Enter", run, preventDefault: true },
        { key: "Shift-Enter", run, preventDefault: true },
        indentWithTab,
      ]),
      basicSetup,
    ],
  });
  context.view.focus();
  ready();
};

// The environment of key, with PyScript's rules for configs: only the
// first editor of an environment may give one, unless a later one says
// env-override (the environment then starts again with the new config).
const environment = (script, key, type, exports) => {
  const config = script.getAttribute("config");
  let env = envs.get(key);
  if (!env) {
    env = new Env(key, type, exports);
    env.config = config ?? "";
    envs.set(key, env);
  } else if (config !== null) {
    if (!script.hasAttribute("env-override"))
      throw new SyntaxError(env.lastHadConfig ? `duplicated config for env: ${key}` : `unable to add a config to the env: ${key}`);
    env.drop();
    env.config = config;
  }
  env.lastHadConfig = config !== null;
  return env;
};

// Where the editor goes: the target attribute (an id, else a selector), or
// a <TYPE-editor> element right after the script.
const targetOf = (script, type) => {
  const selector = script.getAttribute("target");
  if (selector) return namedTarget(selector);
  const el = document.createElement(`${type}-editor`);
  el.style.display = "block";
  script.after(el);
  return el;
};

const code = (context) => (context.view ? context.view.state.doc.toString() : context.source);

// The Run button: runs the code; while it runs, stops it (once confirmed,
// as in PyScript).
const press = async (context, event) => {
  const { button, script } = context;
  if (button.classList.contains("running")) {
    if (context.task && confirm("Stop evaluating this code?")) context.env.stop(context.task);
    return;
  }
  button.blur();
  await context.handleEvent(event, script.getAttribute("onbeforerun") || "");
};

// The default handleEvent (`this` is the editor's context): runs the
// editor's code, or event.code, after before. With a button (a Run) the
// output and errors go to the editor's output; otherwise (setup, process)
// output goes to the console and errors to the page.
async function execute({ currentTarget, code: given }, before = "") {
  const shown = !!currentTarget;
  const out = shown ? writers(this.output) : quiet(this);
  if (shown) {
    running(this, true);
    this.output.replaceChildren();
  }
  const task = this.env.run(given === undefined ? code(this) : dedent(String(given)), before, out);
  if (shown) this.task = task;
  try {
    await task.done;
  } catch (error) {
    if (task.state === "restarted") out.write(restarted(this.env));
    else if (shown || !error.reported) out.writeErr(traceback(message(error)));
  } finally {
    if (shown) {
      this.task = null;
      running(this, false);
      this.script.dispatchEvent(new Event("py-editor:done", { bubbles: true, cancelable: true }));
    }
  }
}

// Where the output of code run without a button goes.
const quiet = ({ type, report }) => ({ write: (line) => console.log(line), writeErr: (line) => report(type, line) });

// A page's own handleEvent: it gets the event with the code to run as
// event.code, and returning false cancels the run.
const override = (context, callback) => async (event, before) => {
  const { currentTarget } = event;
  const given = event.code ?? code(context);
  Object.defineProperty(event, "code", { value: given, configurable: true });
  if ((await callback(event)) !== false) await execute.call(context, { currentTarget, code: given }, before);
};

const running = ({ button, icons }, on) => {
  button.classList.toggle("running", on);
  button.innerHTML = on ? icons.stop : icons.run;
};

const restarted = (env) =>
  `Stopped: ${env.type === "mpy" ? "MicroPython cannot be interrupted" : "Pyodide can be interrupted only on a cross-origin isolated page"}, ` +
  `so the environment ${env.key} was restarted: its variables are gone` +
  (env.setups.length ? " and its setup code runs again." : ".");

// A traceback without the frames of Pyodide's own runner (as the core
// shows them): the first frame is the user's code.
const traceback = (text) => {
  let skipping = false;
  const kept = text.split("\n").filter((line) => {
    if (line.startsWith("  File ")) skipping = line.includes("/_pyodide/");
    else if (!line.startsWith("    ")) skipping = false;
    return !skipping;
  });
  return kept.join("\n").trimEnd();
};
