// The cross-engine layer of `make test`: the smokes of cases.mjs in Firefox
// ESR (WebDriver BiDi) and WebKitGTK (WebDriver classic), against the
// project's dev server. Prints the engines' versions, a pass/fail table per
// engine and case, the details of each failure, and exits non-zero on any.
//
// Environment: CROSS_ENGINES (firefox,webkit; chromium too on demand),
// CROSS_CASES (a substring of case names), CROSS_PORT (8202: the servers take
// it and the next ports, WebKitWebDriver CROSS_PORT + 7).
import { isDeepStrictEqual } from "node:util";
import { CASES, SERVERS } from "./cases.mjs";
import * as ENGINES from "./engines.mjs";
import { bounded, sleep, start, stop, stopAll } from "./procs.mjs";

const PORT = Number(process.env.CROSS_PORT ?? 8202);
const DRIVER_PORT = PORT + 7;
const ENGINE_NAMES = (process.env.CROSS_ENGINES ?? "firefox,webkit").split(",").filter(Boolean);
const ONLY = process.env.CROSS_CASES ?? "";
// Bounds, never expectations: the slowest seen was Pyodide in WebKitGTK,
// 18–60 s to boot on this 2-core machine under load.
const WAIT = { mpy: 60_000, py: 180_000 };
const RUN_LIMIT = 20 * 60_000;

const watchdog = setTimeout(() => {
  console.error(`cross: still running after ${RUN_LIMIT / 60_000} min: stopping`);
  process.exit(1);
}, RUN_LIMIT);
watchdog.unref();

// --- servers ----------------------------------------------------------------

async function startServer(name, port) {
  const args = ["run", "../cmd/devserver", "-addr", `127.0.0.1:${port}`, "-root", "pages", "-mount", "/dist/=../dist", ...SERVERS[name].flags];
  const server = start("go", args);
  for (let tries = 0; !server.output.includes("Serving "); tries++) {
    if (tries === 1200 || server.exitCode !== null)
      throw new Error(`the ${name} dev server did not start on port ${port} (CROSS_PORT moves it):\n${server.output}`);
    await sleep(100);
  }
  return server;
}

// --- one case in one engine -------------------------------------------------

class Failure extends Error {
  constructor(message, state) {
    super(message);
    this.state = state;
  }
}

// mismatches lists where the page's state differs from what a step expects.
function mismatches(expected, actual, path = "") {
  if (typeof expected?.test === "function")
    return expected.test(actual) ? [] : [`${path}: expected ${expected}, got ${JSON.stringify(actual)}`];
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length)
    return expected.flatMap((e, i) => mismatches(e, actual[i], `${path}[${i}]`));
  if (expected && typeof expected === "object" && !Array.isArray(expected) && actual && typeof actual === "object")
    return Object.keys(expected).flatMap((key) => mismatches(expected[key], actual[key], path ? `${path}.${key}` : key));
  return isDeepStrictEqual(expected, actual) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

async function waitFor(session, until, timeout, what) {
  const deadline = Date.now() + timeout;
  let state = null;
  let problem = "";
  for (;;) {
    try {
      // Between two documents the driver may refuse: try again.
      state = await bounded(session.state(), 30_000, "the page");
      problem = "";
    } catch (error) {
      problem = error.message.split("\n")[0];
    }
    if (state && until(state)) return state;
    if (Date.now() > deadline)
      throw new Failure(`${what}: no ${until} within ${timeout / 1000} s${problem ? ` (last error: ${problem})` : ""}`, state);
    await sleep(250);
  }
}

// What a step does, for its messages.
function doing(step, url, click) {
  if (step.open) return `opening ${url}`;
  if (step.reload) return "reloading";
  if (step.type) return `typing ${JSON.stringify(step.type.text)} into ${step.type.selector}`;
  return `clicking ${click}`;
}

async function runCase(browser, testCase, type, origins) {
  const query = new URLSearchParams({ type });
  for (const [key, value] of Object.entries(testCase.query ?? {})) query.set(key, typeof value === "function" ? value(origins) : value);
  const url = `${origins[testCase.server]}/${testCase.page}?${query}`;
  const session = await bounded(browser.open({ isolated: SERVERS[testCase.server].isolated }), 60_000, "opening a browsing context");
  try {
    for (const [index, step] of testCase.steps.entries()) {
      // A selector may depend on the interpreter (a class named after it).
      const click = typeof step.click === "function" ? step.click(type) : step.click;
      const stepName = `step ${index + 1} (${doing(step, url, click)})`;
      // A page that reloads itself may interrupt its first load: waitFor
      // then tells whether it got where it should.
      let loadError = "";
      if (step.open) await bounded(session.goto(url), 100_000, stepName).catch((error) => (loadError = ` after ${error.message}`));
      if (step.reload) await bounded(session.reload(), 100_000, stepName);
      if (step.click) await bounded(session.click(click), 30_000, stepName);
      if (step.type) await bounded(session.type(step.type.selector, step.type.text), 30_000, stepName);
      const state = await waitFor(session, step.until, WAIT[type], stepName + loadError);
      const problems = step.expect ? mismatches(step.expect(type), state) : [];
      if (problems.length) throw new Failure(`${stepName}:\n    ${problems.join("\n    ")}`, state);
    }
  } finally {
    await bounded(session.close(), 30_000, "closing the browsing context").catch(() => {});
  }
}

// --- the run ----------------------------------------------------------------

const label = (row) => `${row.testCase.name} (${row.type})`;
const rows = CASES.filter((c) => c.name.includes(ONLY)).flatMap((testCase) => testCase.types.map((type) => ({ testCase, type, cells: {} })));
const failures = [];
let servers = [];

try {
  const names = Object.keys(SERVERS);
  servers = await Promise.all(names.map((name, i) => startServer(name, PORT + i)));
  const origins = Object.fromEntries(names.map((name, i) => [name, `http://127.0.0.1:${PORT + i}`]));

  const engines = [];
  for (const name of ENGINE_NAMES) {
    const engine = ENGINES[name];
    if (!engine) throw new Error(`unknown engine ${name} in CROSS_ENGINES (known: ${Object.keys(ENGINES).join(", ")})`);
    try {
      const browser = await bounded(engine.launch({ port: DRIVER_PORT }), 90_000, `starting ${name}`);
      console.log(`${name}: ${browser.version}`);
      engines.push({ name, browser });
    } catch (error) {
      console.log(`${name}: DID NOT START: ${error.message}`);
      failures.push(`${name} did not start: ${error.message}`);
      engines.push({ name, browser: null });
    }
  }
  console.log("");

  for (const { name, browser } of engines) {
    for (const row of rows) {
      const { testCase, type } = row;
      const known = testCase.known?.[name];
      if (!browser) {
        row.cells[name] = "no browser";
        continue;
      }
      if (testCase.engines && !testCase.engines.includes(name)) {
        row.cells[name] = "n/a";
        continue;
      }
      const started = Date.now();
      let error = null;
      try {
        await runCase(browser, testCase, type, origins);
      } catch (caught) {
        error = caught;
      }
      const seconds = `${((Date.now() - started) / 1000).toFixed(1)} s`;
      const title = `${name} | ${label(row)}`;
      if (error && known?.fails.test(error.message)) row.cells[name] = `known failure ${seconds}`;
      else if (known && !error) {
        row.cells[name] = `FIXED? ${seconds}`;
        failures.push(`${title}: marked as a known failure (${known.why}) but passed: remove the mark`);
      } else if (error) {
        row.cells[name] = `FAIL ${seconds}`;
        failures.push(`${title}: ${error.message}${error.state ? `\n  the page: ${JSON.stringify(error.state)}` : ""}`);
      } else row.cells[name] = `pass ${seconds}`;
      console.log(`  ${title}: ${row.cells[name]}${row.cells[name].startsWith("known") ? ` (${known.why})` : ""}`);
    }
    await browser?.close();
  }
} catch (error) {
  failures.push(error.message);
} finally {
  await Promise.all(servers.map(stop));
  stopAll();
}

// The table: one row per case and interpreter, one column per engine.
const table = [["case", ...ENGINE_NAMES], ...rows.map((row) => [label(row), ...ENGINE_NAMES.map((name) => row.cells[name] ?? "-")])];
const widths = table[0].map((_, i) => Math.max(...table.map((line) => line[i].length)));
const format = (line) => line.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd();
console.log(`\n${format(table[0])}\n${"-".repeat(widths.reduce((sum, width) => sum + width + 2, -2))}`);
for (const line of table.slice(1)) console.log(format(line));

for (const failure of failures) console.error(`\nFAILED ${failure}`);
// A case that did not run (no browser, no server) counts as failed; one
// not meant for an engine does not count.
const cells = table.slice(1).flatMap((line) => line.slice(1)).filter((cell) => cell !== "n/a");
const passed = cells.filter((cell) => cell.startsWith("pass")).length;
const known = cells.filter((cell) => cell.startsWith("known")).length;
if (known) console.log(`\n${known} known failure(s), listed with their reasons in cases.mjs and the README`);
console.log(`\ncross: ${passed} passed, ${cells.length - passed - known} failed`);
process.exitCode = failures.length ? 1 : 0;
