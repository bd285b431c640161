// An editor environment: one worker, from the core's PyWorker/MPWorker, for
// the editors of one `${interpreter}-${env}` key. It starts on its first
// run (or setup), as PyScript's does. Runs go one after the other; the
// output of the running one goes where that run says. Stop keeps the
// environment where it can: Pyodide on an isolated page takes a
// KeyboardInterrupt; elsewhere the worker is replaced by a fresh one, whose
// setup code runs again.
const here = (path) => new URL(path, import.meta.url).href;

export class Env {
  constructor(key, type, exports) {
    this.key = key;
    this.type = type;
    this.exports = exports;
    this.config = ""; // as written: inline JSON/TOML or a .json/.toml URL
    this.serviceWorker = "";
    this.setups = []; // {code, out, failed}: run again on a fresh worker
    this.worker = null; // a Promise of the xworker once started
    this.xworker = null; // the xworker once ready
    this.route = { write: console.log, writeErr: console.error };
    this.queue = Promise.resolve();
  }

  // The worker, started once; again (after a restart) runs the setups
  // before any queued run.
  start(again = false) {
    if (this.worker) return this.worker;
    const make = this.type === "mpy" ? this.exports.MPWorker : this.exports.PyWorker;
    const options = { hooks: [here("editor-worker.js")] };
    if (this.config) options.config = this.config;
    if (this.serviceWorker) options.serviceWorker = this.serviceWorker;
    const started = make(here("editor.py"), options).then(async (xworker) => {
      if (this.worker !== started) {
        xworker.terminate(); // restarted or overridden meanwhile
        throw new Error(`the environment ${this.key} was restarted`);
      }
      xworker.sync.write = (line) => this.route.write(line);
      xworker.sync.writeErr = (line) => this.route.writeErr(line);
      this.xworker = xworker;
      if (again)
        for (const { code, out, failed } of this.setups) {
          this.route = out;
          await xworker.sync.runAsync(code).catch(failed);
        }
      return xworker;
    });
    this.worker = started;
    // One that could not start (a bad config) is tried again by the next run.
    started.catch(() => this.worker === started && (this.worker = null));
    return started;
  }

  // Queues code (after before, when given) and returns its task: task.done
  // settles once it ran; out gets its output.
  run(code, before, out) {
    const task = { state: "waiting", out, cancelled: Promise.withResolvers() };
    const ran = this.queue.then(() => this.#execute(task, code, before));
    this.queue = ran.catch(() => {});
    // A run stopped before it started ends at once, not once its turn comes.
    task.done = Promise.race([ran, task.cancelled.promise]);
    return task;
  }

  async #execute(task, code, before) {
    if (task.state !== "waiting") return;
    const xworker = await this.start().catch((error) => {
      // The core showed why on the page already.
      throw Object.assign(new Error(`the environment ${this.key} could not start: ${error?.message ?? error}`), { reported: true });
    });
    if (task.state !== "waiting") return;
    task.state = "running";
    this.route = task.out;
    try {
      if (before) await xworker.sync.runAsync(before);
      await xworker.sync.runAsync(code);
    } finally {
      if (task.state === "running") task.state = "done";
    }
  }

  // Stops a task: one still waiting never runs ("cancelled"); a running one
  // is interrupted ("interrupted") or its worker replaced ("restarted").
  stop(task) {
    if (task.state === "waiting") {
      task.cancelled.resolve();
      return (task.state = "cancelled");
    }
    if (task.state !== "running") return task.state;
    if (this.xworker?.interrupt()) return "interrupted";
    task.state = "restarted";
    this.restart();
    return "restarted";
  }

  // A fresh worker now (what the old one held is gone); queued runs go to it.
  restart() {
    this.drop();
    this.start(true).catch(() => {}); // shown by whichever run waits for it
  }

  // Ends the worker; the next run starts another.
  drop() {
    this.xworker?.terminate();
    this.xworker = null;
    this.worker = null;
  }
}
