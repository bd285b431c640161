// What typing into a terminal does. While Python waits in input(), keys
// make a line: echoed; ← → Home End (Ctrl-A, Ctrl-E) move in it, Backspace
// and Delete edit it, ↑ ↓ go through the lines read before (this
// terminal's history), Enter ends it, Ctrl-D on an empty line cancels it.
// Otherwise, once a REPL runs, keys go to the REPL as they are typed (it
// echoes them itself); before, they wait for the next read or the REPL.
// process(code) types code line by line, each once something takes it.
// Ctrl-C asks interrupt() to stop the running Python (a Pyodide worker
// that can be interrupted: KeyboardInterrupt); a line being read is then
// given up.
// The line is redrawn in place: a line longer than the terminal is wide
// is still read right, but shown oddly while edited in its middle.

// A key's escape sequence at the start of text (arrows, Home, End, Delete).
const KEY = /^\x1b(?:\[[0-9;]*[A-Za-z~]|O[A-Za-z])/;
const MOVES = {
  "\x1b[A": "up", "\x1bOA": "up", "\x1b[B": "down", "\x1bOB": "down",
  "\x1b[C": "right", "\x1bOC": "right", "\x1b[D": "left", "\x1bOD": "left",
  "\x1b[H": "home", "\x1bOH": "home", "\x1b[1~": "home", "\x01": "home",
  "\x1b[F": "end", "\x1bOF": "end", "\x1b[4~": "end", "\x05": "end",
  "\x1b[3~": "delete",
};

export const lineDiscipline = (xterm, report, interrupt = () => false) => {
  let reading = null; // {chars, cursor, recalled, resolve} while input() waits
  const history = []; // lines read, oldest first
  let ahead = ""; // typed while nothing reads: for the next read, or the REPL
  let repl = null; // sends typed text to the REPL (may return a Promise)
  let queue = Promise.resolve();
  let busy = 0; // REPL sends not finished
  let waiters = [];
  let refused = null;
  const changed = () => {
    for (const wake of waiters) wake();
    waiters = [];
  };

  const finish = (line) => {
    const { resolve } = reading;
    reading = null;
    if (line && line !== history.at(-1)) history.push(line);
    resolve(line);
  };

  // Shows the line again from where the cursor was, and puts the cursor
  // where it now is.
  const redraw = (from) => {
    const { chars, cursor } = reading;
    const back = (n) => (n > 0 ? `\x1b[${n}D` : "");
    xterm.write(`${back(from)}${chars.join("")}\x1b[K${back(chars.length - cursor)}`);
  };
  const replace = (text) => {
    const from = reading.cursor;
    reading.chars = [...text];
    reading.cursor = reading.chars.length;
    redraw(from);
  };
  const move = (how) => {
    const { chars, cursor } = reading;
    const from = cursor;
    if (how === "left") reading.cursor = Math.max(0, cursor - 1);
    else if (how === "right") reading.cursor = Math.min(chars.length, cursor + 1);
    else if (how === "home") reading.cursor = 0;
    else if (how === "end") reading.cursor = chars.length;
    else if (how === "delete") {
      if (cursor === chars.length) return;
      chars.splice(cursor, 1);
    } else {
      // ↑ ↓: recalled counts back from the newest line; 0 is the line typed.
      const recalled = Math.min(history.length, Math.max(0, reading.recalled + (how === "up" ? 1 : -1)));
      if (recalled === reading.recalled) return;
      if (reading.recalled === 0) reading.typed = chars.join("");
      reading.recalled = recalled;
      return replace(recalled ? history[history.length - recalled] : reading.typed);
    }
    redraw(from);
  };

  const type = (data) => {
    if (repl && !reading) return send(data);
    if (!reading) {
      if (data === "\x03") interrupt();
      else if (!data.startsWith("\x1b")) ahead += data; // keys that move in a line mean nothing yet
      return;
    }
    for (let i = 0; i < data.length; ) {
      const key = data.slice(i).match(KEY)?.[0] ?? String.fromCodePoint(data.codePointAt(i));
      i += key.length;
      const { chars, cursor } = reading;
      if (key === "\r" || key === "\n") {
        xterm.write(`${chars.length > cursor ? `\x1b[${chars.length - cursor}C` : ""}\r\n`);
        finish(chars.join(""));
        if (i < data.length) type(data.slice(i)); // pasted lines: for what reads next
        return;
      }
      if (MOVES[key]) move(MOVES[key]);
      else if (key === "\x7f" || key === "\b") {
        if (!cursor) continue;
        chars.splice(cursor - 1, 1);
        reading.cursor--;
        redraw(cursor);
      } else if (key === "\x03") {
        if (!interrupt()) continue;
        xterm.write(`${chars.length > cursor ? `\x1b[${chars.length - cursor}C` : ""}^C\r\n`);
        return finish("");
      } else if (key === "\x04") {
        if (chars.length) continue;
        xterm.write("\r\n");
        return finish(null);
      } else if (key >= " " && !key.startsWith("\x1b")) {
        chars.splice(cursor, 0, key);
        reading.cursor++;
        if (reading.cursor === chars.length) xterm.write(key);
        else redraw(cursor);
      }
    }
  };

  const send = (data) => {
    busy++;
    queue = queue
      .then(() => repl(data))
      .catch((error) => report(String(error?.message ?? error)))
      .finally(() => {
        busy--;
        if (!busy) changed();
      });
  };

  xterm.onData(type);
  return {
    // A line typed after prompt; null when cancelled.
    read(prompt) {
      xterm.write(String(prompt ?? ""));
      const line = new Promise((resolve) => (reading = { chars: [], cursor: 0, recalled: 0, typed: "", resolve }));
      const typed = ahead;
      ahead = "";
      if (typed) type(typed);
      changed();
      return line;
    },
    // From now on, what is typed outside a read goes to send(text).
    repl(sendTo) {
      repl = sendTo;
      if (ahead) send(ahead);
      ahead = "";
      changed();
    },
    // Forget the read and the REPL of a worker that is gone.
    reset() {
      if (reading) finish(null);
      repl = null;
      ahead = "";
      refused = null;
    },
    // Nothing will ever read: process(code) fails with why.
    refuse(why) {
      refused = why;
    },
    async process(code) {
      if (refused) throw new Error(refused);
      for (const line of String(code).split(/\r\n|\r|\n/)) {
        while (!reading && !(repl && !busy)) await new Promise((wake) => waiters.push(wake));
        type(`${line}\r`);
      }
    },
  };
};
