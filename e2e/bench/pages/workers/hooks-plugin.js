// The hooks bench's plugin, inlined after the core by e2e/bench/workers.mjs,
// which puts the page's core URL in the import: one hook of every kind, each
// doing (next to) nothing, so that the page times the hooks machinery alone.
// The main thread's function hooks count their calls in hooksRan, which the
// bench checks; worker hooks travel as source text, so they are self-contained.
import { hooks } from "{{core}}";

globalThis.hooksRan = 0;
const ran = () => hooksRan++;
for (const name of ["onReady", "onBeforeRun", "onAfterRun", "onWorker"]) hooks.main[name].add(ran);
for (const name of ["onBeforeRunAsync", "onAfterRunAsync"]) hooks.main[name].add(async () => ran());
for (const name of ["onReady", "onBeforeRun", "onAfterRun"]) hooks.worker[name].add((wrap, xworker) => {});
for (const name of ["onBeforeRunAsync", "onAfterRunAsync"]) hooks.worker[name].add(async (wrap, xworker) => {});
for (const name of ["codeBeforeRun", "codeBeforeRunAsync", "codeAfterRun", "codeAfterRunAsync"]) {
  hooks.main[name].add("x = 1");
  hooks.worker[name].add("x = 1");
}
