// A plugin, as PyScript's docs describe one: an ES module that imports
// hooks from core.js and adds to them before the scripts run. This one
// sends every line a script prints to the page's <pre id="output">.
import { hooks } from "/dist/core.js";

hooks.main.onReady.add((wrap, element) => {
  const output = document.getElementById("output");
  wrap.io.stdout = (line) => output.append(`${element.id}: ${line}\n`);
});
