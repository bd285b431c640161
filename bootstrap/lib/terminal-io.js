// An interpreter's output sent to a terminal, the same on the page and in a
// worker. write(text) takes text as the terminal shows it.

// Pyodide writes bytes (setStdout/setStderr); a character split across two
// writes is decoded whole. A terminal is a tty: Python flushes each line.
export const pyodideWriter = (write) => {
  const decoder = new TextDecoder();
  return {
    isatty: true,
    write: (buffer) => {
      write(decoder.decode(buffer, { stream: true }));
      return buffer.length;
    },
  };
};

// MicroPython is loaded with linebuffer: io gets whole lines. It keeps an
// unfinished line (a REPL prompt, what input() echoes) in its module's
// buffers: the function returned writes those out.
export const mpyWriter = (wrap, write) => {
  wrap.io.stdout = wrap.io.stderr = (line) => write(`${line}\n`);
  const module = wrap.interpreter._module;
  const decoder = new TextDecoder();
  return () => {
    for (const buffer of ["_stdoutBuffer", "_stderrBuffer"]) {
      const pending = module[buffer];
      if (!pending?.length) continue;
      module[buffer] = [];
      write(decoder.decode(new Uint8Array(pending)));
    }
  };
};

// MicroPython's REPL, fed what is typed (a string) one byte at a time.
export const mpyRepl = (interpreter, flush) => {
  const encoder = new TextEncoder();
  return (text) => {
    for (const byte of encoder.encode(text)) interpreter.replProcessChar(byte);
    flush();
  };
};

// MicroPython's `import code; code.interact()` (its `code` module is this):
// MicroPython's own REPL, started in the interpreter; started() then routes
// what is typed to it.
export const mpyInteract = (interpreter, flush, started) =>
  interpreter.registerJsModule("code", {
    interact: () => {
      interpreter.replInit();
      flush();
      started();
    },
  });
