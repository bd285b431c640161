// A plugin that gets things wrong: values a hook Set must refuse, and hooks
// that throw or reject. It also imports core.js from a second URL. Like
// any plugin, it adds its hooks before its first await.
import { hooks } from "/dist/core.js";
import * as again from "/dist/core.js?second-copy";

globalThis.refused = [];
for (const [set, value] of [
  [hooks.main.onReady, "print(1)"],
  [hooks.main.codeBeforeRun, () => 1],
  [hooks.worker.onBeforeRun, null],
  [hooks.worker.modules, 42],
])
  try {
    set.add(value);
  } catch (error) {
    refused.push(`${error.name}: ${error.message}`);
  }
hooks.main.onBeforeRun.add(() => {
  throw new Error("boom in a main hook");
});
hooks.main.onAfterRun.add(() => Promise.reject(new Error("rejected in a main hook")));
hooks.worker.onReady.add(() => {
  throw new Error("boom in a worker hook");
});

globalThis.sameHooks = again.hooks === hooks && again.PyWorker === (await import("/dist/core.js")).PyWorker;
