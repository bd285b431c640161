// Faults, bad input and attacks (issue 21) against our core and PyScript's:
// the same page for both, only the core's <script> differs, and each case's
// outcome is classified by what a user of the page sees:
//   contained      the page shows the problem once (or the page's call gets
//                  it as a rejection or a Python exception), naming the file
//                  or the cause, and the rest of the page runs and finishes
//   handled        bad input or a foreign message: a correct result and
//                  nothing shown, which is right for it
//   reported-vague something is shown, but it names neither file nor cause,
//                  or the page shows it several times
//   console-only   only the console says something (the browser's own
//                  "Failed to load resource" lines do not count)
//   silent         nothing is said anywhere
//   hang           the rest of the page ran, but the core never finished
//                  (py:all-done) or the call never settled, within 30 s
//   broken         the page's other scripts (the other interpreter's, or
//                  another worker) stopped too
//   unsafe         markup in a message was parsed as HTML
//   n/a            the case needs what this core lacks
// Cases: the downloads of e2e/specs/netfaults.spec.mjs broken by a route
// (404, 500, reset, offline, half the body); the worker faults of
// workerfaults.spec.mjs; bad input from badinput.spec.mjs; text and
// foreign messages from security.spec.mjs. The pages are written at start
// from one template per family to a temp folder served at /faults/, as
// <family>-ours.html and <family>-pyscript.html.
//
//   make faults     (also run by make bench; FAULTS_ONLY=<regexp> picks
//                    cases by id, FAULTS_CORES=ours|pyscript one core,
//                    FAULTS_PARALLEL=N pages at once, 4 by default,
//                    FAULTS_TIMEOUT_MS the 30 s a case may take to finish
//                    once the rest of its page is ready)
//
// Results go to stdout, bench-faults.md and bench-faults.json at the root.
// Like the other benches it reports and fails only on a broken run.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { routeFaults } from "../specs/routefaults.mjs";
import { INTERPRETERS, ROOT, checkDist, launch, run, runMeta, sleep, startServer, table, writeResults, offlineInterpreters, PAGE_DONE, swappedCores, pickCores, pagesFolder } from "./common.mjs";

const TIMEOUT = Number(process.env.FAULTS_TIMEOUT_MS ?? 30_000);
// How long a page may take to get ready (interpreters booted, workers
// answering) before the case's own timeout starts: a busy machine boots
// Pyodide slowly, and that is no hang of the core.
const SETUP_TIMEOUT = 120_000;
const PARALLEL = Number(process.env.FAULTS_PARALLEL ?? 4);
if (!(TIMEOUT > 0) || !(PARALLEL >= 1)) throw new Error("FAULTS_TIMEOUT_MS and FAULTS_PARALLEL must be positive numbers");
const ONLY = process.env.FAULTS_ONLY ? new RegExp(process.env.FAULTS_ONLY) : null;

const ALL_CORES = swappedCores();
const CORES = pickCores(ALL_CORES, "FAULTS_CORES");

const MARKUP = "<img src=x onerror=window.__pwned=1><b id=injected>bold</b>";
const PY_MARKUP = JSON.stringify(MARKUP); // a Python string literal too

// --- pages ------------------------------------------------------------------

// template: the page of a family for one core. head may hold a module that
// imports the core (as %CORE%): it comes before the core's own <script>, so
// its hooks are in place before the core looks at the page.
const template = (core, { title, head = "", body }) => `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <title>faults: ${title}</title>
    <link rel="icon" href="data:," />
${head.replaceAll("%CORE%", core.src)}
    <script type="module" src="${core.src}"${core.attrs}></script>
  </head>
  <body>
${body}
  </body>
</html>
`;

const py = (code) => code.trim() + "\n";
const script = (type, attrs, code) => `<script type="${type}"${attrs ? " " + attrs : ""}>\n${py(code)}</script>`;
const marks = (name) => `from pyscript import document\ndocument.body.dataset.${name} = "ran"`;

// The page of e2e/pages/netfaults: a MicroPython script with the config
// whose downloads break, a second one sharing it, a Pyodide one.
const NETWORK_PAGE = {
  title: "network",
  body: [
    script("mpy", 'id="victim" config="./nf.toml"', `
import js
from pyscript.js_modules import nf_mod
js.document.body.dataset.victim = open("./data.txt").read() + nf_mod.word`),
    script("mpy", 'id="bystander"', marks("bystander")),
    script("py", 'id="other"', marks("other")),
  ].join("\n"),
};

// What the pages' modules share (after they import hooks): w(id), a worker
// script's element's xworker; done(id), its script ran (the done event both
// cores fire on the element); booted(id).promise, its script called
// sync.booted(id) (it has started: what follows is the case's time, not the
// interpreter's boot); outcome(p), how a call went.
const PAGE_HELPERS = `${PAGE_DONE}
      const outcome = (p) => p.then((v) => ({ ok: true, text: String(v) }), (e) => ({ ok: false, text: String(e?.message ?? e) }));
      const boots = {};
      const booted = (id) => {
        if (!boots[id]) {
          let resolve;
          boots[id] = { promise: new Promise((r) => (resolve = r)), resolve };
        }
        return boots[id];
      };
      hooks.main.onWorker.add((wrap, xworker) => {
        xworker.sync.booted = (id) => booted(id).resolve();
      });`;

// Workers "a" (takes the fault) and "b" (must keep answering), as in
// e2e/pages/workers/faults.html; window.__case(name) runs one fault.
const workerPage = (type) => ({
  title: `${type} workers`,
  head: `    <script type="module">
      import { hooks } from "%CORE%";
      const signals = {};
      const signal = (name) => {
        if (!signals[name]) {
          let resolve;
          signals[name] = { promise: new Promise((r) => (resolve = r)), resolve };
        }
        return signals[name];
      };
      hooks.main.onWorker.add((wrap, xworker) => {
        xworker.sync.boom = () => {
          throw new Error("the page refused");
        };
        xworker.sync.started = () => signal("started").resolve();
      });${PAGE_HELPERS}
      window.__ready = () => Promise.all(["a", "b"].map(done));
      window.__bystander = async () => (await w("b").sync.echo(7)) === "b:7";
      const calls = {
        recursion: () => w("a").sync.recurse(),
        "throwing page function": () => w("a").sync.call_boom(),
        "out of memory": () => w("a").sync.hog(),
        "terminate mid-call": async () => {
          const waiting = outcome(w("a").sync.wait());
          await signal("started").promise;
          w("a").terminate();
          return waiting.then((r) => (r.ok ? r.text : Promise.reject(new Error(r.text))));
        },
        "endless export": async () => {
          const spinning = outcome(w("a").sync.spin());
          await signal("started").promise;
          // The harness clicks #poke while "a" spins: the page must handle it.
          await new Promise((resolve) => {
            document.getElementById("poke").addEventListener("click", resolve, { once: true });
            document.body.dataset.spinning = "yes";
          });
          document.body.dataset.clicked = "yes";
          w("a").terminate();
          return spinning.then((r) => (r.ok ? r.text : Promise.reject(new Error(r.text))));
        },
      };
      window.__case = async (name) => {
        const r = await outcome(calls[name]());
        return { reports: [r.text], resolved: r.ok };
      };
    </script>`,
  body: [
    '<button id="poke">poke</button>',
    script(type, 'worker id="a"', `
import asyncio
from pyscript import sync
def recurse(n=0):
    return recurse(n + 1) + 1
def call_boom():
    try:
        sync.boom()
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
    return "no exception"
def spin():
    sync.started()
    while True:
        pass
def hog():
    kept = []
    while True:
        kept.append(bytearray(1 << 24))
async def wait():
    sync.started()
    await asyncio.sleep(3600)
sync.recurse = recurse
sync.call_boom = call_boom
sync.spin = spin
sync.hog = hog
sync.wait = wait`),
    script(type, 'worker id="b"', `
from pyscript import sync
def echo(x):
    return "b:" + str(x)
sync.echo = echo`),
  ].join("\n"),
});

// A script of `type` with odd bytes or config (attrs), then one of the other
// type: it must still run.
const inputPage = (type, attrs, code) => ({
  title: `bad input (${type})`,
  body: [script(type, attrs, code), script(type === "mpy" ? "py" : "mpy", 'id="after"', marks("after"))].join("\n"),
});

// Workers with a bad __export__ (e2e/pages/badinput/workers.html) next to
// "g", a good one; window.__case calls the export that is missing.
const exportPage = (type, exported, callee) => ({
  title: `${type} __export__`,
  head: `    <script type="module">
      import { hooks } from "%CORE%";${PAGE_HELPERS}
      window.__ready = () => Promise.all([done("g"), booted("bad").promise]);
      window.__bystander = async () => (await w("g").sync.add(2, 3)) === 5;
      window.__case = async () => {
        // Its done event (its exports are set up), or 10 s: then the call
        // alone must settle in the rest of the case's time.
        const fired = await Promise.race([done("bad").then(() => true), new Promise((r) => setTimeout(r, 10_000, false))]);
        window.__stage = \`calling the worker with the bad __export__ (\${fired ? "after" : "no"} done event)\`;
        const r = await outcome(w("bad").sync.${callee}(2, 3));
        return { reports: r.ok ? [] : [r.text], resolved: r.ok };
      };
    </script>`,
  body: [
    script(type, 'worker id="g"', `
def add(a, b):
    return a + b
__export__ = ["add"]`),
    script(type, 'worker id="bad"', `
from pyscript import sync
sync.booted("bad")
def add(a, b):
    return a + b
__export__ = ${exported}`),
  ].join("\n"),
});

// A worker sends the page a list that holds itself (badinput.spec); it
// reports what happened through sync.report, then makes a plain call.
const cyclicPage = (type) => ({
  title: `${type} cyclic value`,
  head: `    <script type="module">
      import { hooks } from "%CORE%";
      let report;
      const reported = new Promise((r) => (report = r));
      hooks.main.onWorker.add((wrap, xworker) => {
        xworker.sync.keep = (x) => typeof x;
        xworker.sync.report = (json) => report(JSON.parse(json));
      });${PAGE_HELPERS}
      window.__ready = () => booted("w").promise;
      let results;
      window.__bystander = async () => (results ??= await reported).after === "number";
      // Either a clear Python exception, or the value arrives (as a page
      // object that holds itself): both are right.
      window.__case = async () => {
        results = await reported;
        const arrived = results.cyclic === "object";
        return { reports: arrived ? [] : [results.cyclic], resolved: true, ok: arrived };
      };
    </script>`,
  body: script(type, 'worker id="w"', `
import json
from pyscript import sync
sync.booted("w")
results = {}
def attempt(name, call):
    try:
        results[name] = str(call())
    except Exception as error:
        results[name] = type(error).__name__ + ": " + str(error)
lst = [1]
lst.append(lst)
attempt("cyclic", lambda: sync.keep(lst))
attempt("after", lambda: sync.keep(2))
sync.report(json.dumps(results))`),
});

// Markup in an exception on the page, in a worker, in a config error.
const markupPage = (where) => {
  const raise = `raise Exception(${PY_MARKUP} + " raised")`;
  const victim = {
    main: script("mpy", 'id="victim"', raise),
    worker: script("mpy", 'worker id="victim"', raise),
    config: script("mpy", `worker id="victim" config='${JSON.stringify({ files: { [`{${MARKUP}}/a.txt`]: "./a.txt" } }).replaceAll("'", "&#39;")}'`, "x = 1"),
  }[where];
  return { title: `markup in ${where}`, body: [victim, script("mpy", 'id="after"', marks("after"))].join("\n") };
};

// security.spec's foreign messages: a frame and a worker that are not ours
// post messages shaped like a channel's (e2e/pages/security/foreign.js)
// while the page calls its worker.
const FOREIGN_PAGE = {
  title: "foreign messages",
  head: `    <script type="module">
      import { hooks } from "%CORE%";${PAGE_HELPERS}
      window.__ready = () => done("w");
      window.__bystander = () => Promise.resolve(document.body.dataset.after === "ran");
      const flood = async () => {
        const frame = new Promise((resolve) => {
          addEventListener("message", function seen({ data }) {
            if (data?.foreignDone !== location.origin) return;
            removeEventListener("message", seen);
            resolve();
          });
          document.body.append(Object.assign(document.createElement("iframe"), { src: "/spec/security/foreign.html" }));
        });
        const code = \`importScripts(\${JSON.stringify(new URL("/spec/security/foreign.js", location.href).href)});
foreignPost((message, transfer) => postMessage(message, transfer)); postMessage("foreignDone");\`;
        const worker = new Worker(URL.createObjectURL(new Blob([code], { type: "text/javascript" })));
        const done = new Promise((resolve) => (worker.onmessage = ({ data }) => data === "foreignDone" && resolve()));
        await Promise.all([frame, done]);
        worker.terminate();
      };
      window.__case = async () => {
        const flooding = flood();
        const answers = [];
        for (let i = 1; i <= 20; i++) answers.push(await w("w").sync.answer(i));
        await flooding;
        for (let i = 21; i <= 25; i++) answers.push(await w("w").sync.answer(i));
        const right = answers.every((a, i) => a[0] === (i + 1) * 2);
        return { reports: right ? [] : ["wrong answers: " + JSON.stringify(answers)], resolved: right, ok: right };
      };
    </script>`,
  body: [
    script("mpy", 'worker id="w"', `
from pyscript import sync
def answer(x):
    return [x * 2]
sync.answer = answer`),
    script("mpy", 'id="after"', marks("after")),
  ].join("\n"),
};

// --- cases ------------------------------------------------------------------

// What names the problem, for each fault (the file's name names it too).
const SAYS = {
  404: /404|not found/i,
  500: /500|server error/i,
  reset: /ERR_CONNECTION_RESET|connection reset|failed to fetch|network/i,
  offline: /ERR_INTERNET_DISCONNECTED|offline|failed to fetch|network/i,
  truncated: /truncat|incomplete|unexpected end|short|parse|syntax|compile|magic/i,
};
const DOWNLOADS = [
  ["config", "nf.toml", "**/faults/nf.toml"],
  ["[files] entry", "data.txt", "**/faults/data.txt"],
  ["js_modules entry", "mod.js", "**/faults/mod.js"],
  ["micropython.mjs", "micropython.mjs", "**/micropython/micropython.mjs"],
  ["micropython.wasm", "micropython.wasm", "**/micropython/micropython.wasm"],
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Each case: group, name, page (a family), how to run it, and what in a
// message names the problem (names). ok: a correct result is right too.
const CASES = [];
for (const [what, file, pattern] of DOWNLOADS)
  for (const kind of Object.keys(routeFaults))
    CASES.push({
      group: "network",
      name: `${what} ${kind}`,
      page: "network",
      route: (page) => page.route(pattern, routeFaults[kind]),
      names: [new RegExp(escape(file)), SAYS[kind]],
      wait: "all-done",
      // The other interpreter's script ran.
      bystander: (page) => page.evaluate(() => document.body.dataset.other === "ran"),
    });
for (const type of ["mpy", "py"])
  for (const [name, names] of [
    ["recursion", [/recursion/i]],
    ["out of memory", [/MemoryError|out of memory/i]],
    ["endless export", [/terminat/i]],
    ["throwing page function", [/the page refused/]],
    ["terminate mid-call", [/terminat/i]],
  ])
    CASES.push({
      group: "worker",
      name: `${name} (${type})`,
      page: `workers-${type}`,
      call: name,
      names,
      // Pyodide growing its memory to the limit: one at a time.
      alone: name === "out of memory",
      drive: name === "endless export" ? clickWhileSpinning : undefined,
    });

const NUL_PY = Buffer.concat([Buffer.from('s = "a\0b"\n', "latin1"), Buffer.from(marks("odd") + "\n")]);
const UTF8_PY = Buffer.concat([Buffer.from("# \xff\xfe\xc3 not UTF-8\n", "latin1"), Buffer.from(marks("odd") + "\n")]);
const DEEP_JSON = `{"a": ${"[".repeat(10000)}${"]".repeat(10000)}}`;
const DEEP_TOML = `a = ${"[".repeat(10000)}${"]".repeat(10000)}\n`;
const BIG_JSON = JSON.stringify({ name: "big", padding: "x".repeat(1 << 20) });
// A script of the bad input's type marks data-odd; the other type's
// marks data-after.
const ran = (page) => page.evaluate(() => document.body.dataset.odd === "ran");
const after = (page) => page.evaluate(() => document.body.dataset.after === "ran");
for (const [name, type, attrs, names] of [
  ["config 10,000 levels deep (JSON)", "mpy", "config='./deep.json'", [/deep|nest|depth|recursion|stack/i]],
  ["config 10,000 levels deep (TOML)", "mpy", "config='./deep.toml'", [/deep|nest|depth|recursion|stack/i]],
  ["config of 1 MB (mpy)", "mpy", "config='./big.json'", [/big\.json|size|large/i]],
  ["config of 1 MB (py)", "py", "config='./big.json'", [/big\.json|size|large/i]],
  ["invalid UTF-8 in a script (mpy)", "mpy", "src='./utf8.py'", [/utf-?8|decod|byte/i]],
  ["invalid UTF-8 in a script (py)", "py", "src='./utf8.py'", [/utf-?8|decod|byte/i]],
  ["NUL byte in a script (mpy)", "mpy", "src='./nul.py'", [/null|nul\b|\\x00|\\0/i]],
  ["NUL byte in a script (py)", "py", "src='./nul.py'", [/null|nul\b|\\x00|\\0/i]],
])
  CASES.push({
    group: "bad input",
    name,
    page: `input-${name.replace(/\W+/g, "-")}`,
    pageDef: inputPage(type, `id="odd" ${attrs}`, attrs.startsWith("src") ? "" : marks("odd")),
    names,
    wait: "all-done",
    ok: ran,
    bystander: after,
  });
for (const type of ["mpy", "py"]) {
  CASES.push({
    group: "bad input",
    name: `__export__ of a missing name (${type})`,
    page: `export-missing-${type}`,
    pageDef: exportPage(type, '["add", "missing"]', "missing"),
    names: [/missing/],
  });
  CASES.push({
    group: "bad input",
    name: `__export__ not a list (${type})`,
    page: `export-number-${type}`,
    pageDef: exportPage(type, "5", "add"),
    names: [/__export__|export/],
  });
  CASES.push({
    group: "bad input",
    name: `cyclic value from a worker (${type})`,
    page: `cyclic-${type}`,
    pageDef: cyclicPage(type),
    names: [/itself|cycl|recurs|deep|nest/i],
  });
}
for (const where of ["main", "worker", "config"])
  CASES.push({
    group: "security",
    name: `markup in ${where === "config" ? "a config error" : `an exception (${where})`} shown as text`,
    page: `markup-${where}`,
    pageDef: markupPage(where),
    names: [new RegExp(escape("<b id=injected>"))],
    // Held: the markup was not parsed, whatever else happened.
    held: (outcome) => outcome !== "unsafe",
    wait: "all-done",
    bystander: after,
  });
CASES.push({
  group: "security",
  name: "foreign postMessage ignored",
  page: "foreign",
  pageDef: FOREIGN_PAGE,
  names: [],
  held: (outcome) => outcome === "handled",
});

// The endless export case: click #poke once the worker spins.
async function clickWhileSpinning(page, deadline) {
  await page.waitForFunction(() => document.body.dataset.spinning, null, { timeout: deadline });
  await page.click("#poke", { timeout: 5_000 });
}

// --- running ----------------------------------------------------------------

// The events a user's code could listen to, and a place for results.
const RECORDER = () => {
  window.__allDone = false;
  addEventListener("py:all-done", () => (window.__allDone = true));
};

const within = (promise, ms) =>
  Promise.race([promise.then((value) => ({ value })), sleep(ms).then(() => ({ timedOut: true }))]).catch((e) => ({ error: String(e?.message ?? e) }));

// runCase opens the case's page for core in a fresh context and returns
// what a user saw there.
async function runCase(browser, origin, c, core) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const log = { console: [], pageErrors: [] };
  page.on("console", (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on("pageerror", (e) => log.pageErrors.push(String(e?.message ?? e)));
  let crashed = false;
  page.on("crash", () => (crashed = true));
  const facts = { done: false, bystander: false, reports: [], boxes: [], ok: undefined };
  const started = Date.now();
  try {
    await page.addInitScript(RECORDER);
    if (c.route) await c.route(page);
    await page.goto(`${origin}/faults/${c.page}-${core.key}.html`, { waitUntil: "domcontentloaded", timeout: SETUP_TIMEOUT });
    if (c.wait === "all-done") {
      // Up to SETUP_TIMEOUT for the page to finish or its bystander to
      // run, then TIMEOUT more for the core to finish.
      await page
        .waitForFunction((by) => window.__allDone || (by && document.body.dataset[by] === "ran"), c.bystander === after ? "after" : "other", {
          timeout: SETUP_TIMEOUT,
        })
        .catch(() => {});
      facts.done = await page
        .waitForFunction(() => window.__allDone, null, { timeout: TIMEOUT })
        .then(() => true, () => false);
    } else {
      const ready = await within(page.evaluate(() => window.__ready()), SETUP_TIMEOUT);
      if (ready.timedOut || ready.error) {
        facts.setup = ready.error ?? "the page's workers did not start";
      } else {
        const result = page.evaluate((name) => window.__case(name), c.call);
        const driving = c.drive ? c.drive(page, TIMEOUT).catch(() => {}) : null;
        const r = await within(result, TIMEOUT);
        await driving;
        if (r.value) {
          facts.done = true;
          facts.reports = r.value.reports.filter((t) => t !== undefined);
          facts.resolved = r.value.resolved;
          if ("ok" in r.value) facts.ok = r.value.ok;
        } else if (r.error) facts.evalError = r.error;
      }
    }
    if (c.ok && facts.done) facts.ok = await c.ok(page);
    const bystander = c.bystander ? within(c.bystander(page), 10_000) : within(page.evaluate(() => window.__bystander()), 10_000);
    facts.bystander = (await bystander).value === true;
    facts.boxes = await page.locator(".py-error").evaluateAll((els) => els.map((e) => e.textContent));
    facts.unsafe = await page.evaluate(() => !!(document.getElementById("injected") || window.__pwned));
    const stage = await page.evaluate(() => window.__stage);
    if (stage) facts.stage = stage;
  } catch (e) {
    facts.runError = String(e?.message ?? e);
  }
  facts.crashed = crashed;
  facts.console = log.console
    .filter((m) => m.type === "error" && !m.text.startsWith("Failed to load resource"))
    .map((m) => m.text);
  facts.pageErrors = log.pageErrors;
  facts.seconds = Math.round((Date.now() - started) / 100) / 10;
  await context.close().catch(() => {});
  return facts;
}

// classify turns what a user saw into one outcome (see the top).
function classify(f, c) {
  if (f.crashed) return "broken";
  if (f.runError) return "run-error";
  if (f.setup) return "n/a";
  if (f.unsafe) return "unsafe";
  if (!f.bystander) return "broken";
  if (!f.done) return "hang";
  const reports = [...f.reports, ...f.boxes];
  const named = reports.some((t) => c.names.some((re) => re.test(t)));
  if (c.group !== "worker" && !f.boxes.length && (f.ok === true || (f.resolved && !f.reports.length))) return "handled";
  if (named && f.boxes.length <= 1) return "contained";
  if (reports.length) return "reported-vague";
  return f.console.length || f.pageErrors.length ? "console-only" : "silent";
}

// Good outcomes: the fault was contained, or the input handled; for an
// attack, what its case says.
const GOOD = new Set(["contained", "handled"]);
const good = (c, outcome) => (c.held ? c.held(outcome) : GOOD.has(outcome));

// writePages writes every family's page for each core into dir.
function writePages(dir) {
  const families = { network: NETWORK_PAGE, "workers-mpy": workerPage("mpy"), "workers-py": workerPage("py") };
  for (const c of CASES) if (c.pageDef) families[c.page] = c.pageDef;
  for (const [name, def] of Object.entries(families))
    for (const core of ALL_CORES)
      writeFileSync(path.join(dir, `${name}-${core.key}.html`), template(core, def));
  for (const f of ["nf.toml", "data.txt", "mod.js"]) writeFileSync(path.join(dir, f), readFileSync(path.join(ROOT, "e2e/pages/netfaults", f)));
  writeFileSync(path.join(dir, "nul.py"), NUL_PY);
  writeFileSync(path.join(dir, "utf8.py"), UTF8_PY);
  writeFileSync(path.join(dir, "deep.json"), DEEP_JSON);
  writeFileSync(path.join(dir, "deep.toml"), DEEP_TOML);
  writeFileSync(path.join(dir, "big.json"), BIG_JSON);
  writeFileSync(path.join(dir, "a.txt"), "a\n");
}

// cell says an outcome, and for a hang or a break whether the page showed
// an error first.
const cell = (f) => {
  if (!f) return "—";
  if (!["hang", "broken"].includes(f.outcome)) return f.outcome;
  const shown = f.boxes.length + f.reports.length;
  return shown ? `${f.outcome} (${shown} shown)` : f.outcome;
};

function report(meta, results) {
  const cores = CORES.map((c) => c.key);
  const rows = [];
  for (const c of CASES.filter((c) => !ONLY || ONLY.test(`${c.group}: ${c.name}`)))
    rows.push([c.group, c.name, ...cores.map((k) => cell(results[`${c.group}: ${c.name}`]?.[k]))]);
  const totals = [];
  for (const [group, label] of [
    ["network", "network faults injected / contained"],
    ["worker", "worker faults injected / contained"],
    ["bad input", "bad inputs tried / handled (clear error or correct result)"],
    ["security", "attacks tried / held (markup never parsed; foreign messages ignored)"],
  ]) {
    const cells = cores.map((k) => {
      const all = Object.values(results).filter((r) => r.group === group && r[k] && r[k].outcome !== "n/a");
      return all.length ? `${all.filter((r) => good(r.case, r[k].outcome)).length} / ${all.length}` : "—";
    });
    totals.push([label, ...cells]);
  }
  const coreLabels = CORES.map((c) => c.label);
  return [
    "# Faults, bad input and attacks: GoPyScript core vs PyScript's",
    "",
    `${meta.date}, Chromium ${meta.chromium}, ${meta.cpu}, load average ${meta.loadavgBefore} before and ${meta.loadavgAfter} after;`,
    `PyScript ${meta.pyscript}, ${Object.values(meta.interpreters).join(", ")}; ${meta.parallel} pages at once, ${meta.timeout / 1000} s for a case to finish once its page was ready; ${meta.seconds} s in all.`,
    "",
    table(["group", "case", ...coreLabels], rows),
    "",
    table(["totals", ...coreLabels], totals),
    "",
    "contained: shown once, naming the file or the cause, the rest of the page ran; handled: a correct result;",
    "reported-vague: shown without file or cause, or several times; console-only; silent; hang: never finished",
    `(${meta.timeout / 1000} s); broken: the page's other scripts stopped too; unsafe: markup parsed as HTML; "(n shown)": errors`,
    "the page showed before it hung or broke (e2e/bench/faults.mjs).",
    "",
  ].join("\n");
}

run(async (cleanups) => {
  checkDist();
  const t0 = Date.now();
  const dir = pagesFolder(cleanups, "faults");
  writePages(dir);
  const server = startServer([
    "-mount", `/faults/=${dir}`,
    ...offlineInterpreters("/faults/"),
    "-mount", "/spec/=e2e/pages",
  ]);
  cleanups.push(server.stop);
  const origin = await server.url;
  const browser = await launch(cleanups);
  const meta = { ...runMeta(browser, 1, INTERPRETERS), parallel: PARALLEL, timeout: TIMEOUT };
  delete meta.runs;

  const jobs = [];
  for (const c of CASES.filter((c) => !ONLY || ONLY.test(`${c.group}: ${c.name}`))) for (const core of CORES) jobs.push({ c, core });
  const results = {};
  const one = async ({ c, core }) => {
    const facts = await runCase(browser, origin, c, core);
    const outcome = classify(facts, c);
    const key = `${c.group}: ${c.name}`;
    (results[key] ??= { group: c.group, name: c.name })[core.key] = { outcome, ...facts };
    Object.defineProperty(results[key], "case", { value: c }); // not in the JSON
    console.error(`${key} [${core.key}] → ${outcome} (${facts.seconds} s)${facts.boxes.length ? ` shown: ${JSON.stringify(facts.boxes).slice(0, 300)}` : ""}${facts.reports.length ? ` reports: ${JSON.stringify(facts.reports).slice(0, 300)}` : ""}`);
  };
  // The many at PARALLEL pages at once, then those that must run alone.
  const queue = jobs.filter((j) => !j.c.alone);
  await Promise.all(Array.from({ length: PARALLEL }, async () => {
    for (let j; (j = queue.shift()); ) await one(j);
  }));
  for (const j of jobs.filter((j) => j.c.alone)) await one(j);
  writeResults("bench-faults", meta, t0, (m) => report(m, results), { results });
});
