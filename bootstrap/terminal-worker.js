// The worker side of a terminal script (dist/terminal-worker.js): a hook
// module for that worker only (see terminal.js). Its output goes to the
// page's terminal, input() reads a line typed there (through the core's
// input(), which asks the page), Pyodide's sys.stdin too, and MicroPython's
// code.interact() streams what is typed to its REPL. Without a synchronous
// way to the page only output and the MicroPython REPL work.
import { mpyInteract, mpyRepl, mpyWriter, pyodideWriter } from "./lib/terminal-io.js";

// input() first shows what the script printed on the prompt's line. The
// core's input() is read by its plain name: MicroPython's builtins.input
// is always its own, which would wait forever.
const FLUSHED_INPUT = `
def _gopyscript_terminal():
    import builtins, sys
    from _gopyscript_terminal import flush
    read = input

    def flushed(prompt=""):
        if hasattr(sys.stdout, "flush"):
            sys.stdout.flush()
        flush()
        return read(prompt)

    builtins.input = flushed

_gopyscript_terminal()
del _gopyscript_terminal
`;

export const onReady = (wrap, xworker) => {
  const { sync } = xworker;
  const { interpreter } = wrap;
  const synchronous = xworker.transport !== "messages";
  const write = (text) => void sync.__terminal_write__(text);
  let flush = () => {};
  if (wrap.type === "py") {
    interpreter.setStdout(pyodideWriter(write));
    interpreter.setStderr(pyodideWriter(write));
    if (synchronous)
      interpreter.setStdin({
        stdin: () => {
          const line = sync.__terminal_read__("");
          return typeof line === "string" ? `${line}\n` : null;
        },
      });
  } else {
    flush = mpyWriter(wrap, write);
    sync.__terminal_chars__ = mpyRepl(interpreter, flush);
    mpyInteract(interpreter, flush, () => sync.__terminal_repl__());
  }
  interpreter.registerJsModule("_gopyscript_terminal", { flush });
  if (synchronous) interpreter.globals.set("__terminal__", sync.__terminal__());
  interpreter.runPython(FLUSHED_INPUT);
};
