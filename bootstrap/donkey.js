// PyScript's donkey(): Python on demand in a hidden worker, loaded only by
// pages that call it. execute(code) runs statements, evaluate(code) gives
// an expression's value; a task started while another runs replaces the
// busy worker with a fresh one, as in PyScript. There is no terminal yet:
// process(code) runs code like execute, clear() and reset() only stop a
// busy task. A Python error is shown on the page and the task resolves to
// undefined.
export const donkey = async ({ type = "py", persistent = false, config } = {}, { api, host, url }) => {
  const start = () => (type === "mpy" ? api.MPWorker : api.PyWorker)(url, config === undefined ? {} : { config });
  let worker = await start();
  let working = false;
  const kill = () => {
    worker?.terminate();
    worker = null;
    working = false;
  };
  const reload = async () => {
    kill();
    worker = await start();
  };
  const task = (label, name = label) => async (code) => {
    if (working || !worker) await reload();
    const mine = worker;
    working = true;
    try {
      const result = await mine.sync[name](dedent(String(code)), !!persistent);
      return name === "evaluate" ? result : undefined;
    } catch (error) {
      // A task replaced by a newer one just ends.
      if (worker === mine) host.stderr(type, `donkey.${label}: ${error?.message ?? error}`);
    } finally {
      if (worker === mine) working = false;
    }
  };
  const idle = async () => {
    if (working) await reload();
  };
  return { process: task("process", "execute"), execute: task("execute"), evaluate: task("evaluate"), clear: idle, reset: idle, kill };
};

// Code written indented inside a template string runs as if it were not.
const dedent = (code) => {
  const lines = code.replace(/^\s*\n/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)[0].length));
  return lines.map((l) => l.slice(indent === Infinity ? 0 : indent)).join("\n");
};
