// PyScript's terminal: <script type="py|mpy" terminal> (dist/terminal.js,
// with xterm.js; only pages with a terminal fetch it). Go calls terminal()
// for each such script before it runs: target is the wrap of a main-thread
// script's interpreter, or a worker script's Worker (then the result is
// the hook module its worker runs, dist/terminal-worker.js).
//
// On the page (one terminal at most): Pyodide's is read-only, MicroPython's
// input() asks with window.prompt and code.interact() starts its REPL
// there. In a worker: input() reads what is typed (shared memory or a
// service worker), code.interact() is a REPL for both interpreters.
// Either way output and errors go to the terminal, errors to the page too.
import { openTerminal } from "./lib/terminal-view.js";
import { lineDiscipline } from "./lib/terminal-line.js";
import { mpyInteract, mpyRepl, mpyWriter, pyodideWriter } from "./lib/terminal-io.js";

const ONE_MAIN = "You can use at most 1 main terminal";
const READ_ONLY = "py-terminal is read only on main thread";
const NO_INPUT =
  "input() cannot read from this terminal: the page is not cross-origin isolated, so its worker cannot wait for " +
  "what is typed. Serve the page with the headers `Cross-Origin-Opener-Policy: same-origin` and " +
  "`Cross-Origin-Embedder-Policy: require-corp`, add `data-coi-sw` to the script tag that loads core.js, " +
  "or give this script a `service-worker` attribute.";
// PyScript's terminals: typed into (workers, MicroPython), or only shown.
const TYPED = { disableStdin: false, cursorBlink: true, cursorStyle: "block", lineHeight: 1.2 };
const SHOWN = { disableStdin: true, cursorBlink: false, cursorStyle: "underline" };

// MicroPython's input() on the page: window.prompt, the exchange shown in
// the terminal; a cancelled prompt raises EOFError, as in a worker.
const MAIN_INPUT = `
import _gopyscript_terminal
def input(prompt="", _ask=_gopyscript_terminal.ask):
    line = _ask(str(prompt))
    if line is None:
        raise EOFError("input() was cancelled")
    return line
del _gopyscript_terminal
`;

const colour = (code, text) => `\x1b[${code}m${text.endsWith("\n") ? text : `${text}\n`}\x1b[0m`;

let main; // {type, xterm}: the page's one main-thread terminal
let mainTaken = false;
const byElement = new WeakMap(); // a worker script → its terminal, kept across restarts
const byWorker = new WeakMap(); // a Worker → its script's terminal

// Routes a terminal worker's input() and a main runner's errors here.
let wired = false;
const wire = (host) => {
  if (wired) return;
  wired = true;
  const ask = host.input;
  host.input = (worker, prompt) => byWorker.get(worker)?.line.read(prompt) ?? ask(worker, prompt);
  host.terminalError = (type, text) => main?.type === type && main.xterm.write(colour(31, text));
};

export const terminal = async (host, el, type, target) => {
  wire(host);
  if (target instanceof Worker) return workerTerminal(el, type, target);
  if (mainTaken) throw new Error(ONE_MAIN);
  mainTaken = true;
  return mainTerminal(el, type, target);
};

// el.terminal is the xterm.js Terminal, el.process(code) types code into it.
const expose = (el, xterm, process) =>
  Object.defineProperties(el, {
    terminal: { value: xterm, configurable: true },
    process: { value: process, configurable: true },
  });

const mainTerminal = async (el, type, wrap) => {
  const { interpreter } = wrap;
  if (type === "py") {
    console.warn(READ_ONLY);
    const xterm = await openTerminal(el, SHOWN);
    main = { type, xterm };
    const write = (text) => xterm.write(text);
    interpreter.setStdout(pyodideWriter(write));
    interpreter.setStderr(pyodideWriter(write));
    interpreter.globals.set("__terminal__", xterm);
    return void expose(el, xterm, () => Promise.reject(new Error(READ_ONLY)));
  }
  const xterm = await openTerminal(el, TYPED);
  main = { type, xterm };
  const write = (text) => xterm.write(text);
  const flush = mpyWriter(wrap, write);
  const line = lineDiscipline(xterm, (text) => write(colour(31, text)));
  interpreter.registerJsModule("_gopyscript_terminal", {
    ask: (question) => {
      const answer = prompt(question);
      write(`${question}${answer ?? ""}\n`);
      return answer;
    },
  });
  const repl = mpyRepl(interpreter, flush);
  mpyInteract(interpreter, flush, () => line.repl(repl));
  interpreter.runPython(MAIN_INPUT);
  interpreter.globals.set("__terminal__", xterm);
  expose(el, xterm, line.process);
};

// A worker script's terminal, made once for its element; a restarted
// worker gets the same one.
const workerTerminal = async (el, type, worker) => {
  let state = byElement.get(el);
  if (!state) {
    const xterm = await openTerminal(el, TYPED);
    const report = (text) => xterm.write(colour(31, text));
    // Ctrl-C interrupts the element's current worker (see attach).
    state = { xterm, report, line: lineDiscipline(xterm, report, () => state.worker?.interrupt() === true) };
    byElement.set(el, state);
    expose(el, xterm, state.line.process);
  }
  attach(state, type, worker);
  return [new URL("terminal-worker.js", import.meta.url).href];
};

// What the worker's side (terminal-worker.js) calls through xworker.sync,
// and what the page tells it: its errors, and why it cannot read input
// without a synchronous way to the page (MicroPython's REPL still works:
// what is typed goes to it by message).
const attach = (state, type, worker) => {
  const { xterm, report, line } = state;
  state.worker = worker;
  line.reset();
  byWorker.set(worker, { line });
  const { sync } = worker;
  sync.__terminal_write__ = (text) => void xterm.write(text);
  sync.__terminal_read__ = (prompt) => line.read(prompt);
  sync.__terminal__ = () => xterm;
  sync.__terminal_repl__ = () => line.repl((text) => sync.__terminal_chars__(text));
  worker.addEventListener("error", (event) => report(String(event.message)));
  if (worker.transport !== "messages") return;
  xterm.write(colour(33, NO_INPUT));
  if (type === "py") line.refuse(NO_INPUT);
};
