// Worker hooks without eval: a module whose exports are the hooks. A
// stringified hook is added too; under this CSP it cannot be rebuilt.
import { hooks } from "/dist/core.js";

globalThis.hookLog = [];
hooks.main.onWorker.add((wrap, xworker) =>
  xworker.addEventListener("message", ({ data }) => typeof data === "string" && data.startsWith("hook:") && hookLog.push(data.slice(5))),
);
hooks.worker.modules.add(new URL("./worker-hooks.js", import.meta.url));
hooks.worker.onAfterRun.add(() => {});
