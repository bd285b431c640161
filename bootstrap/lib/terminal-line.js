// What typing into a terminal does. While Python waits in input(), keys
// make a line: echoed, Backspace edits it, Enter ends it, Ctrl-D on an
// empty line cancels it. Otherwise, once a REPL runs, keys go to the REPL
// as they are typed (it echoes them itself); before, they wait for the
// next read or the REPL. process(code) types code line by line, each once
// something takes it.
export const lineDiscipline = (xterm, report) => {
  let reading = null; // {text, resolve} while input() waits
  let ahead = ""; // typed while nothing reads: for the next read, or the REPL
  let repl = null; // sends typed text to the REPL, returns a Promise
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
    resolve(line);
  };

  const type = (data) => {
    if (repl && !reading) return send(data);
    if (data.startsWith("\x1b")) return; // arrows and other keys a line ignores
    if (!reading) {
      ahead += data;
      return;
    }
    let used = 0;
    for (const char of data) {
      used += char.length;
      if (char === "\r" || char === "\n") {
        xterm.write("\r\n");
        finish(reading.text);
        if (data.length > used) type(data.slice(used)); // pasted lines: for what reads next
        return;
      }
      if (char === "\x7f" || char === "\b") {
        if (!reading.text) continue;
        reading.text = [...reading.text].slice(0, -1).join("");
        xterm.write("\b \b");
      } else if (char === "\x04") {
        if (reading.text) continue;
        xterm.write("\r\n");
        return finish(null);
      } else if (char >= " ") {
        reading.text += char;
        xterm.write(char);
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
      const line = new Promise((resolve) => (reading = { text: "", resolve }));
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
