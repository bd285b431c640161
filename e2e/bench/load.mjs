// Load (issue 21, part 3) against our core and PyScript's: the pages of
// e2e/pages/load/ (load.spec.mjs), each written twice from one template with
// only the core's <script> swapped, at the spec's levels:
//   scripts  200 scripts, MicroPython and Pyodide in turn (3 in workers)
//   reads    16 MicroPython workers × 20,000 synchronous DOM reads a round
//            while the page handles 10 clicks; a warm-up round, then one
//   refs     remote references made and dropped by a MicroPython worker:
//            100,000 (warm-up), then LOAD_REFS (150,000)
//   churn    MicroPython workers started and terminated one after the other:
//            10 (warm-up), then 50
// For each case and core: correct (every result right, no error shown),
// finished or not (each step bounded by LOAD_TIMEOUT_S, 120 s: a step that
// takes longer is reported as having no end, slow or hung), wall time
// from navigation to the last check, and the page's JS heap after the
// warm-up → at the end (CDP, after a forced collection, the least of 3
// samples, as load.spec's memory()). Ours also gives core.wasm's memory
// and the page's handle tables (host.stats()), which PyScript has not: n/a.
//
//   make load-compare   (not in make test; LOAD_ONLY=<regexp> picks cases,
//                        LOAD_CORES=ours|pyscript one core; LOAD_REFS,
//                        LOAD_REFS_WARM, LOAD_READS and LOAD_TIMEOUT_S
//                        change the levels and the bound, e.g. to try the
//                        bench out quickly)
//
// Results go to stdout, bench-load.md and bench-load.json at the root. Like
// the other benches it reports and fails only on a broken run.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { coreMemory, settledHeap } from "../specs/memory.mjs";
import { INTERPRETERS, checkDist, launch, offlineInterpreters, PAGE_DONE, pagesFolder, pickCores, swappedCores, run, runMeta, sleep, startServer, table, writeResults } from "./common.mjs";

const positive = (name, fallback) => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(process.env[name])}`);
  return n;
};
const TIMEOUT = positive("LOAD_TIMEOUT_S", 120) * 1000;
const REFS = positive("LOAD_REFS", 150_000);
const REFS_WARM = positive("LOAD_REFS_WARM", 100_000);
const WORKERS = 16;
const READS = positive("LOAD_READS", 20_000); // fewer only to try the bench out
const CHURN = [10, 50];
const ONLY = process.env.LOAD_ONLY ? new RegExp(process.env.LOAD_ONLY) : null;

// PyScript's `offline` covers the page's scripts, not a worker started from
// JS (MPWorker fetches MicroPython from its CDN): %OFFLINE% gives that one
// the same local copy, through polyscript's `version` option.
const ALL_CORES = swappedCores({
  ours: { offline: "" },
  pyscript: { offline: ', { version: new URL("./pyscript/micropython/micropython.mjs", location.href).href }' },
});
const CORES = pickCores(ALL_CORES, "LOAD_CORES");

// --- pages ------------------------------------------------------------------

// template: a case's page for one core; head may import the core as %CORE%.
const template = (core, { title, head = "", body }) => `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <title>load: ${title}</title>
    <link rel="icon" href="data:," />
${head.replaceAll("%CORE%", core.src).replaceAll("%OFFLINE%", core.offline)}
    <script type="module" src="${core.src}"${core.attrs}></script>
  </head>
  <body>
${body}
  </body>
</html>
`;

// done(id): the worker script with that id has run (both cores fire
// <type>:done on its element); w(id): its xworker.
const DONE = `${PAGE_DONE}
      window.done = done;
      window.w = w;`;

// e2e/pages/load/scripts.html
const SCRIPTS_PAGE = {
  title: "200 scripts",
  body: `    <script>
      const workers = new Set([50, 150, 101]);
      let html = "";
      for (let i = 0; i < 200; i++) {
        const type = i % 2 ? "py" : "mpy";
        const worker = workers.has(i);
        html += \`<div id="r\${i}"></div><script type="\${type}" id="s\${i}"\${worker ? " worker" : ""}>
from pyscript import document
count = \${worker ? 0 : 'globals().get("count", 0)'} + 1
document.getElementById("r\${i}").textContent = "\${i}:" + str(sum(range(\${i}))) + ":" + str(count)
<\\/script>\`;
      }
      document.write(html);
    </script>`,
};

// e2e/pages/load/reads.html (MicroPython workers only).
const READS_PAGE = {
  title: "workers reading the page while it handles clicks",
  head: `    <script type="module">${DONE}
      window.ready = () => Promise.all([...Array(${WORKERS})].map((_, k) => done(\`w\${k}\`)));
      window.round = (n, clicks) => Promise.all([...Array(${WORKERS})].map((_, k) => w(\`w\${k}\`).sync.reads(k, n, clicks)));
    </script>`,
  body: `    <button id="poke">poke</button>
    <span id="clicks">0</span>
    <script type="mpy">
from pyscript import document, when

@when("click", "#poke")
def poke(event):
    shown = document.getElementById("clicks")
    shown.textContent = str(int(shown.textContent) + 1)
    </script>
    <script>
      let html = "";
      for (let k = 0; k < ${WORKERS}; k++)
        html += \`<div id="src\${k}">\${k + 1}</div><div id="half\${k}"></div><div id="read\${k}"></div>
<script type="mpy" worker id="w\${k}">
from pyscript import document, sync

def reads(k, n, clicks):
    source = document.getElementById("src" + str(k))
    progress = document.getElementById("read" + str(k))
    total = 0
    for i in range(n // 2):
        total += int(source.textContent)
        if i % 100 == 99:
            progress.textContent = str(i + 1)
    half = document.getElementById("half" + str(k))
    half.textContent = str(int(half.textContent or "0") + 1)
    shown = document.getElementById("clicks")
    while int(shown.textContent) < clicks:
        pass
    for i in range(n - n // 2):
        total += int(source.textContent)
        if i % 100 == 99:
            progress.textContent = str(n // 2 + i + 1)
    return total

sync.reads = reads
<\\/script>\`;
      document.write(html);
    </script>`,
};

// e2e/pages/load/refs.html, MicroPython: make(n) makes n page objects and
// drops them, collecting every 10,000, and answers [objects made, the
// worker's table of page objects left (ours; -1: PyScript has none to ask),
// its MicroPython heap in use after a collection].
const REFS_PAGE = {
  title: "references made and dropped",
  head: `    <script type="module">${DONE}
      window.ready = () => done("w");
      window.refs = (n) => w("w").sync.make(n);
    </script>`,
  body: `    <script type="mpy" worker id="w">
import asyncio, gc, js
from pyscript import window, sync
try:
    from _pyscript import stats
    borrowed = lambda: stats().borrowed
except ImportError:
    borrowed = lambda: -1

async def collect():
    for attempt in range(200):
        gc.collect()
        js.gc()
        await asyncio.sleep(0.02)
        if borrowed() <= 10:
            break

async def make(n):
    Object = window.Object
    made = 0
    for i in range(n):
        if Object.new() is not None:
            made += 1
        if i % 10000 == 9999:
            gc.collect()
            js.gc()
            await asyncio.sleep(0.01)
    await collect()
    gc.collect()
    return [made, borrowed(), gc.mem_alloc()]

sync.make = make
    </script>`,
};

// e2e/pages/load/churn.html: churn(n) starts n MicroPython workers one after
// the other, waits until each has run its code (touch.py holds page objects
// and counts itself in data-touched), terminates it; answers the count.
const TOUCH_PY = `# Holds a few page objects, counts itself, waits to be terminated.
from pyscript import document

kept = [document.body, document.createElement("div"), document.head]
document.body.setAttribute("data-touched", str(int(document.body.getAttribute("data-touched") or "0") + 1))
`;
const CHURN_PAGE = {
  title: "workers started and terminated in a loop",
  head: `    <script type="module">
      import { MPWorker } from "%CORE%";
      const touched = () => Number(document.body.dataset.touched ?? 0);
      window.ready = () => Promise.resolve();
      window.churn = async (n) => {
        const before = touched();
        for (let i = 0; i < n; i++) {
          const worker = await MPWorker("./touch.py"%OFFLINE%);
          while (touched() < before + i + 1) await new Promise((r) => setTimeout(r, 5));
          worker.terminate();
        }
        return touched() - before;
      };
    </script>`,
  body: "",
};

// --- cases ------------------------------------------------------------------

const within = (promise, ms) =>
  Promise.race([promise.then((value) => ({ value })), sleep(ms).then(() => ({ timedOut: true }))]).catch((e) => ({ error: String(e?.message ?? e) }));

// stepper(steps) gives step(what, fn): fn's value within TIMEOUT, or it
// throws Hung or fn's error; each step's seconds go into steps (where a
// slow case spent its time).
class Hung extends Error {}
const stepper = (steps) => async (what, fn) => {
  const t = Date.now();
  const r = await within(Promise.resolve().then(fn), TIMEOUT);
  steps.push([what, (Date.now() - t) / 1000]);
  if (r.timedOut) throw new Hung(`${what}: nothing within ${TIMEOUT / 1000} s`);
  if (r.error) throw new Error(`${what}: ${r.error}`);
  return r.value;
};

const CASES = [
  {
    id: "scripts",
    name: "200 scripts (100 MicroPython + 100 Pyodide, 3 in workers)",
    page: SCRIPTS_PAGE,
    async drive(page, { check, step }) {
      const expected = [];
      const count = { mpy: 0, py: 0 };
      for (let i = 0; i < 200; i++) {
        const worker = [50, 150, 101].includes(i);
        const k = worker ? 1 : ++count[i % 2 ? "py" : "mpy"];
        expected.push(`${i}:${(i * (i - 1)) / 2}:${k}`);
      }
      const all = () => page.evaluate(() => [...Array(200)].map((_, i) => document.getElementById(`r${i}`)?.textContent));
      await step("200 scripts", () => page.waitForFunction(() => [...Array(200)].every((_, i) => document.getElementById(`r${i}`)?.textContent), null, { timeout: TIMEOUT }));
      const shown = await all();
      check(shown.every((t, i) => t === expected[i]), `${shown.filter((t, i) => t !== expected[i]).length} results wrong`);
      return null; // no warm-up
    },
  },
  {
    id: "reads",
    name: `${WORKERS} MicroPython workers × ${READS.toLocaleString("en")} DOM reads, with clicks`,
    page: READS_PAGE,
    async drive(page, { check, memory, info, step }) {
      await step("workers start", () => page.evaluate(() => window.ready()));
      const expected = [...Array(WORKERS)].map((_, k) => (k + 1) * READS);
      let clicks = 0;
      const round = async (r) => {
        clicks += 10;
        const totals = page.evaluate(([n, clicks]) => window.round(n, clicks), [READS, clicks]);
        totals.catch(() => {});
        await step(`round ${r}: half the reads`, () =>
          page.waitForFunction(([w, r]) => [...Array(w)].every((_, k) => document.getElementById(`half${k}`).textContent === String(r)), [WORKERS, r], { timeout: TIMEOUT }),
        );
        await step(`round ${r}: 10 clicks`, async () => {
          for (let i = 0; i < 10; i++) await page.click("#poke", { timeout: TIMEOUT });
        });
        const got = await step(`round ${r}: the reads`, () => totals);
        check(JSON.stringify(got) === JSON.stringify(expected), `round ${r}: totals ${JSON.stringify(got)}`);
        check((await page.textContent("#clicks")) === String(clicks), `round ${r}: clicks shown ${await page.textContent("#clicks")}, want ${clicks}`);
      };
      // On a step with no end: how far the workers got, in reads.
      info.progress = () => page.evaluate((w) => [...Array(w)].reduce((sum, _, k) => sum + Number(document.getElementById(`read${k}`).textContent), 0), WORKERS);
      await round(1);
      const warm = await memory();
      await round(2);
      return warm;
    },
  },
  {
    id: "refs",
    name: `${REFS.toLocaleString("en")} remote references made and dropped (MicroPython worker; ${REFS_WARM.toLocaleString("en")} first as warm-up)`,
    page: REFS_PAGE,
    async drive(page, { check, memory, info, step }) {
      await step("worker start", () => page.evaluate(() => window.ready()));
      const made = async (n) => {
        const [count, left, used] = await step(`${n} references`, () => page.evaluate((n) => window.refs(n), n));
        check(count === n, `${count} of ${n} references made`);
        if (left >= 0) check(left <= 10, `${left} references left in the worker's table`);
        return used;
      };
      const usedWarm = await made(REFS_WARM);
      const warm = await memory();
      const used = await made(REFS);
      info.pythonHeap = [usedWarm, used];
      return warm;
    },
  },
  {
    id: "churn",
    name: `${CHURN[1]} MicroPython workers started and terminated (${CHURN[0]} first as warm-up)`,
    page: CHURN_PAGE,
    async drive(page, { check, memory, step }) {
      const churn = async (n) => {
        const ran = await step(`${n} workers`, () => page.evaluate((n) => window.churn(n), n));
        check(ran === n, `${ran} of ${n} workers ran`);
      };
      await churn(CHURN[0]);
      const warm = await memory();
      await churn(CHURN[1]);
      return warm;
    },
  },
];

// --- running ----------------------------------------------------------------

// memory: the page's JS heap once everything collectable is collected (as
// load.spec's memory()); ours adds core.wasm's memory and host.stats().
async function memory(page, cdp, core) {
  const heap = await settledHeap(cdp);
  return core.key === "ours" ? { heap, ...(await coreMemory(page)) } : { heap };
}

async function runCase(browser, origin, c, core) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e?.message ?? e)));
  let crashed = false;
  page.on("crash", () => (crashed = true));
  const r = { correct: true, finished: false, wrong: [], info: {}, steps: [] };
  const step = stepper(r.steps);
  const check = (ok, why) => {
    if (!ok) (r.correct = false), r.wrong.push(why);
  };
  const started = Date.now();
  try {
    const cdp = await context.newCDPSession(page);
    await step("page load", () => page.goto(`${origin}/load/${c.id}-${core.key}.html`, { waitUntil: "domcontentloaded", timeout: TIMEOUT }));
    r.warm = await c.drive(page, { check, memory: () => memory(page, cdp, core), info: r.info, step });
    r.seconds = (Date.now() - started) / 1000;
    r.end = await memory(page, cdp, core);
    r.finished = true;
    const boxes = await page.locator(".py-error").evaluateAll((els) => els.map((e) => e.textContent));
    check(!boxes.length, `errors shown: ${JSON.stringify(boxes).slice(0, 300)}`);
  } catch (e) {
    r.seconds = (Date.now() - started) / 1000;
    if (e instanceof Hung) r.hung = e.message;
    else r.error = String(e?.message ?? e);
    r.correct = false;
  }
  if (crashed) (r.correct = false), (r.error ??= "the page crashed");
  check(!pageErrors.length, `page errors: ${JSON.stringify(pageErrors).slice(0, 300)}`);
  if (r.hung && r.info.progress) r.info.readsDoneInRound = await r.info.progress().catch(() => undefined);
  delete r.info.progress;
  if (r.hung || r.error) r.boxes = await page.locator(".py-error").evaluateAll((els) => els.map((e) => e.textContent)).catch(() => []);
  await context.close().catch(() => {});
  return r;
}

const MB = (n) => (n / 2 ** 20).toFixed(1);
const arrow = (a, b) => (a == null ? (b == null ? "—" : `${b}`) : `${a} → ${b}`);
const growth = (warm, end) => (warm ? ` (${end >= warm ? "+" : ""}${(((end - warm) / warm) * 100).toFixed(1)} %)` : "");

function cells(r, core) {
  if (!r) return ["—", "—", "—", "—", "—", "—"];
  const status = r.finished ? "finished" : r.hung ? `no end in ${TIMEOUT / 1000} s` : "failed";
  const heap = r.end ? arrow(r.warm && MB(r.warm.heap), MB(r.end.heap)) + growth(r.warm?.heap, r.end.heap) : "—";
  const ours = core.key === "ours";
  const wasm = !ours ? "n/a" : r.end ? arrow(r.warm && MB(r.warm.wasm), MB(r.end.wasm)) : "—";
  const stats = (s) => s && Object.entries(s).sort().map(([k, v]) => `${k} ${v}`).join(", ");
  const tables = !ours ? "n/a" : r.end ? arrow(stats(r.warm?.stats), stats(r.end.stats)) : "—";
  return [r.correct ? "yes" : "no", status, r.seconds.toFixed(1), heap, wasm, tables];
}

function report(meta, results) {
  const rows = [];
  for (const c of CASES.filter((c) => !ONLY || ONLY.test(c.id)))
    for (const core of CORES) rows.push([c.name, core.label, ...cells(results[c.id]?.[core.key], core)]);
  const notes = [];
  for (const c of CASES)
    for (const core of CORES) {
      const r = results[c.id]?.[core.key];
      if (!r) continue;
      const why = [...r.wrong, r.hung, r.error].filter(Boolean);
      if (why.length) notes.push(`- ${c.id}, ${core.key}: ${why.join("; ")}`);
      notes.push(`- ${c.id}, ${core.key}, seconds per step: ${r.steps.map(([w, t]) => `${w} ${t.toFixed(1)}`).join(", ")}`);
      if (r.info.readsDoneInRound !== undefined) notes.push(`- ${c.id}, ${core.key}: when its step ran out of time, the workers had made ${r.info.readsDoneInRound.toLocaleString("en")} of the round's ${(WORKERS * READS).toLocaleString("en")} reads`);
      if (r.info.pythonHeap) notes.push(`- ${c.id}, ${core.key}: the worker's MicroPython heap in use ${r.info.pythonHeap.join(" → ")} bytes`);
    }
  return [
    "# Load: GoPyScript core vs PyScript's",
    "",
    `${meta.date}, Chromium ${meta.chromium}, ${meta.cpu}, load average ${meta.loadavgBefore} before and ${meta.loadavgAfter} after;`,
    `PyScript ${meta.pyscript}, ${Object.values(meta.interpreters).join(", ")}; each step bounded by ${meta.timeout / 1000} s; ${meta.seconds} s in all.`,
    "",
    table(["case", "core", "correct", "finished", "wall s", "JS heap MB, warm → end", "core.wasm MB", "handle tables"], rows),
    "",
    "correct: every result right, no error shown; wall: navigation to the last check (boot included);",
    "JS heap: the page's, via CDP after forced collections, the least of 3 samples, after the warm-up → at the end;",
    "core.wasm and the handle tables (host.stats()) are ours only: n/a for PyScript (e2e/bench/load.mjs).",
    "",
    ...notes,
    "",
  ].join("\n");
}

run(async (cleanups) => {
  checkDist();
  const t0 = Date.now();
  const dir = pagesFolder(cleanups, "load");
  for (const c of CASES) for (const core of ALL_CORES) writeFileSync(path.join(dir, `${c.id}-${core.key}.html`), template(core, c.page));
  writeFileSync(path.join(dir, "touch.py"), TOUCH_PY);
  const server = startServer(["-mount", `/load/=${dir}`, ...offlineInterpreters("/load/")]);
  cleanups.push(server.stop);
  const origin = await server.url;
  const browser = await launch(cleanups);
  const meta = { ...runMeta(browser, 1, INTERPRETERS), timeout: TIMEOUT, levels: { workers: WORKERS, reads: READS, refs: [REFS_WARM, REFS], churn: CHURN } };
  delete meta.runs;
  const results = {};
  for (const c of CASES.filter((c) => !ONLY || ONLY.test(c.id)))
    for (const core of CORES) {
      const r = await runCase(browser, origin, c, core);
      (results[c.id] ??= {})[core.key] = r;
      console.error(`${c.id} [${core.key}]: ${cells(r, core).join(" | ")}${r.wrong.length || r.hung || r.error ? ` — ${[...r.wrong, r.hung, r.error].filter(Boolean).join("; ")}` : ""}`);
    }
  writeResults("bench-load", meta, t0, (m) => report(m, results), { results });
});
