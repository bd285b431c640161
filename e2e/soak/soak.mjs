// Soak: one worker page (pages/soak.html) doing a steady mix for
// SOAK_MINUTES (10) at a fixed rate — every SOAK_TICK ms (100): DOM reads
// from the worker, display() replacing its target, a fetch of a small file,
// a pyscript.storage write, and a page click handled by a Python listener in
// the worker. After SOAK_WARMUP seconds (60) it samples memory every
// SOAK_INTERVAL seconds (30), each after a forced garbage collection on both
// threads: the page's and the worker's JS heaps (CDP Runtime.getHeapUsage),
// the byte lengths of every WebAssembly.Memory on both (found with CDP
// Runtime.queryObjects), and our core's handle tables (host.stats()). It
// fails if a sample finds the worker stalled, or if any of those, averaged
// over the last third of the samples, is more than SOAK_LIMIT % (5) above
// its average over the first third (for the handle counts, also by more
// than their slack, see METRICS).
//
//   make soak   (or node e2e/soak/soak.mjs from the repo root;
//                SOAK_TYPE=mpy|py picks the interpreter (mpy),
//                SOAK_CORE=ours|pyscript the core (ours; pyscript: PyScript's
//                own core, served offline as the bench does))
//
// Results: a table on stdout, soak-results-<type>-<core>.md and .json at the
// repo root (gitignored).
import {
  PYSCRIPT_VERSION, checkDist, fmt, launch, round1, run, runMeta, sleep, startServer, table, writeResults, offlineInterpreters } from "../bench/common.mjs";

const num = (name, fallback) => {
  const v = process.env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!(n > 0)) throw new Error(`${name} must be a positive number, got ${JSON.stringify(v)}`);
  return n;
};
const MINUTES = num("SOAK_MINUTES", 10);
const INTERVAL = num("SOAK_INTERVAL", 30) * 1000;
const WARMUP = num("SOAK_WARMUP", 60) * 1000;
const TICK = num("SOAK_TICK", 100);
const LIMIT = num("SOAK_LIMIT", 5);
const TYPE = process.env.SOAK_TYPE || "mpy";
const CORE = process.env.SOAK_CORE || "ours";
if (!["mpy", "py"].includes(TYPE)) throw new Error(`SOAK_TYPE=${TYPE}: want mpy or py`);
if (!["ours", "pyscript"].includes(CORE)) throw new Error(`SOAK_CORE=${CORE}: want ours or pyscript`);
const INTERPRETER = { mpy: "MicroPython", py: "Pyodide" }[TYPE];
const CORE_LABEL = CORE === "ours" ? "GoPyScript core (ours)" : `PyScript ${PYSCRIPT_VERSION} core`;
const BOOT_TIMEOUT = 120_000;
const SETTLE = 1000; // for the worker's releases to reach the page

// What each sample measures, in bytes or counts; stats only with our core.
const METRICS = [
  { key: "pageHeap", label: "page JS heap" },
  { key: "workerHeap", label: "worker JS heap" },
  { key: "pageWasm", label: "page wasm memory" },
  { key: "workerWasm", label: "worker wasm memory" },
  ...(CORE === "ours" ? [{ key: "lent", label: "handles lent", slack: 50 }, { key: "channels", label: "channels", slack: 0 }] : []),
];
// A count's slack: the handles lent at a sample are those in flight and not
// yet collected, 5–30 in a run without a leak; a leak of one per tick would
// add thousands.

// cdp wraps a Playwright CDP session of the page. The worker is reached
// through it with Target.setAutoAttach (not flattened: Playwright's session
// cannot address a child session) and Target.sendMessageToTarget; it waits
// for MEMORIES before it runs.
async function cdp(context, page) {
  const session = await context.newCDPSession(page);
  let next = 0;
  const pending = new Map();
  const workers = [];
  const inWorker = (sessionId) => (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      session.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  session.on("Target.attachedToTarget", ({ sessionId, targetInfo }) => {
    if (targetInfo.type !== "worker") return;
    workers.push(sessionId);
    const send = inWorker(sessionId);
    send("Runtime.evaluate", { expression: MEMORIES })
      .then(() => send("Runtime.runIfWaitingForDebugger"))
      .catch((e) => console.error(`soak: could not prepare the worker: ${e}`));
  });
  session.on("Target.detachedFromTarget", ({ sessionId }) => {
    const i = workers.indexOf(sessionId);
    if (i >= 0) workers.splice(i, 1);
  });
  session.on("Target.receivedMessageFromTarget", ({ message }) => {
    const m = JSON.parse(message);
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(new Error(`worker CDP: ${m.error.message}`));
    else p.resolve(m.result);
  });
  await session.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  return {
    page: (method, params) => session.send(method, params),
    worker: () => (workers.length === 1 ? inWorker(workers[0]) : undefined),
    workerCount: () => workers.length,
  };
}

// MEMORIES, run in each thread before its code, keeps a weak reference to
// every WebAssembly.Memory made or exported there (CDP's Runtime.queryObjects
// would find them, but in a worker it crashed Chromium 156's renderer), and
// defines __soakWasm(): their summed byte lengths.
const MEMORIES = `(() => {
  const W = WebAssembly;
  const seen = [];
  const keep = (m) => m instanceof W.Memory && !seen.some((r) => r.deref() === m) && seen.push(new WeakRef(m));
  const scan = (instance) => Object.values(instance.exports).forEach(keep);
  const wrap = (C, after) => new Proxy(C, { construct(t, a, nt) { const o = Reflect.construct(t, a, nt); after(o); return o; } });
  W.Memory = wrap(W.Memory, keep);
  W.Instance = wrap(W.Instance, scan);
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const f = W[name];
    W[name] = function (...args) { return f.apply(this, args).then((r) => (scan(r.instance ?? r), r)); };
  }
  globalThis.__soakWasm = () => seen.reduce((n, r) => n + (r.deref()?.buffer.byteLength ?? 0), 0);
})();`;

// measure collects garbage in one thread (send: its CDP), then returns its
// JS heap in use and the summed byte lengths of its wasm memories.
async function measure(send) {
  await send("HeapProfiler.collectGarbage");
  const { usedSize } = await send("Runtime.getHeapUsage");
  const { result } = await send("Runtime.evaluate", { expression: "__soakWasm()", returnByValue: true });
  return { heap: usedSize, wasm: result.value };
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

// growth compares, per metric, the mean of the last third of the samples
// with the mean of the first third: percent, or undefined with no base.
function growth(samples) {
  const third = Math.max(1, Math.floor(samples.length / 3));
  const first = samples.slice(0, third);
  const last = samples.slice(-third);
  return Object.fromEntries(
    METRICS.map(({ key }) => {
      const a = mean(first.map((s) => s[key]));
      const b = mean(last.map((s) => s[key]));
      return [key, { first: a, last: b, percent: a > 0 ? ((b - a) / a) * 100 : b > 0 ? Infinity : 0 }];
    }),
  );
}

const MB = (x) => (x / (1 << 20)).toFixed(2);
const cell = (key, x) => (/Heap|Wasm/.test(key) ? MB(x) : fmt(x));

function report(meta, samples, grown, failures) {
  const header = ["t (s)", "ticks", "clicks handled", ...METRICS.map((m) => (/Heap|Wasm/.test(m.key) ? `${m.label} (MB)` : m.label))];
  const rows = samples.map((s) => [fmt(s.t), fmt(s.ticks), fmt(s.clicks), ...METRICS.map((m) => cell(m.key, s[m.key]))]);
  const growthRows = METRICS.map(({ key, label }) => {
    const g = grown[key];
    const pct = Number.isFinite(g.percent) ? `${g.percent >= 0 ? "+" : ""}${g.percent.toFixed(1)} %` : "from 0";
    return [label, cell(key, g.first), cell(key, g.last), pct];
  });
  return [
    `## Soak: ${INTERPRETER} worker, ${CORE_LABEL}`,
    "",
    `${meta.date} · Chromium ${meta.chromium} (headless) · ${meta.cpu}, load average ${meta.loadavgBefore} before / ${meta.loadavgAfter} after · node ${meta.node}`,
    "",
    `A worker script, every ${TICK} ms: 30 DOM reads, \`display()\` replacing its target, a \`fetch\` of a small file, a \`pyscript.storage\` write and \`sync()\`; the page clicks a button every ${TICK} ms, handled by a Python listener in the worker. ${MINUTES} min sampled every ${INTERVAL / 1000} s after ${WARMUP / 1000} s of warm-up, each sample after a forced GC on both threads.`,
    "",
    table(header, rows),
    "",
    `Mean of the last third of the samples against the first third (limit +${LIMIT} %):`,
    "",
    table(["measure", "first third", "last third", "growth"], growthRows),
    "",
    failures.length ? `**FAILED**: ${failures.join("; ")}` : "**Passed.**",
    "",
  ].join("\n");
}

async function main(cleanups) {
  checkDist();
  const t0 = Date.now();
  const server = startServer([
    "-mount", "/soak/=e2e/soak/pages",
    ...offlineInterpreters("/soak/"),
  ]);
  cleanups.unshift(server.stop);
  const base = await server.url;
  const browser = await launch(cleanups);
  const { runs, interpreters, ...meta } = runMeta(browser, 1, []);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console.error: ${m.text()}`));
  page.on("crash", () => problems.push("the page crashed"));
  const url = `${base}/soak/soak.html?type=${TYPE}&core=${CORE}&tick=${TICK}`;
  console.error(`soak: ${url}, ${MINUTES} min after ${WARMUP / 1000} s of warm-up, a sample every ${INTERVAL / 1000} s`);
  await context.addInitScript(MEMORIES);
  const session = await cdp(context, page);
  await page.goto(url);
  await page.waitForFunction(() => Number(document.body.dataset.ticks) > 0, null, { timeout: BOOT_TIMEOUT });
  const check = () => {
    if (problems.length) throw new Error(`${url}:\n  ${problems.join("\n  ")}`);
  };
  await sleep(WARMUP);

  const samples = [];
  const started = Date.now();
  const count = Math.floor((MINUTES * 60_000) / INTERVAL) + 1;
  for (let i = 0; i < count; i++) {
    if (i > 0) await sleep(Math.max(0, started + i * INTERVAL - Date.now()));
    check();
    const worker = session.worker();
    if (!worker) throw new Error(`want one worker target, found ${session.workerCount()}`);
    const progress = await page.evaluate(() => ({
      ticks: Number(document.body.dataset.ticks),
      clicks: Number(document.body.dataset.clicks),
      sent: window.__clicks,
    }));
    const last = samples.at(-1);
    if (last && progress.ticks <= last.ticks) throw new Error(`the worker stalled: ${progress.ticks} ticks, ${last.ticks} ${INTERVAL / 1000} s earlier`);
    // The worker first: what its collection frees, it tells the page to
    // release, which the page's collection and tables then show.
    const w = await measure(worker);
    await sleep(SETTLE);
    const p = await measure(session.page);
    const stats = await page.evaluate(() => globalThis[Symbol.for("gopyscript")]?.host?.stats?.());
    const sample = {
      t: Math.round((Date.now() - started) / 1000),
      ticks: progress.ticks,
      clicks: progress.clicks,
      clicksSent: progress.sent,
      pageHeap: p.heap,
      workerHeap: w.heap,
      pageWasm: p.wasm,
      workerWasm: w.wasm,
      ...(stats ? { lent: stats.lent, channels: stats.channels } : {}),
    };
    samples.push(sample);
    console.error(
      `t=${sample.t}s ticks=${sample.ticks} clicks=${sample.clicks}/${sample.clicksSent} ` +
        METRICS.map((m) => `${m.key}=${cell(m.key, sample[m.key])}`).join(" "),
    );
  }
  check();
  // Every click the page sent, but those of the last tick or so, was handled.
  const end = samples.at(-1);
  const failures = [];
  if (end.clicksSent - end.clicks > 5) failures.push(`the worker handled ${end.clicks} of ${end.clicksSent} clicks`);
  const grown = growth(samples);
  for (const { key, label, slack = 0 } of METRICS)
    if (grown[key].percent > LIMIT && grown[key].last - grown[key].first > slack) failures.push(`${label} grew ${Number.isFinite(grown[key].percent) ? round1(grown[key].percent) + " %" : "from 0"}`);

  Object.assign(meta, { type: TYPE, core: CORE, minutes: MINUTES, interval: INTERVAL / 1000, warmup: WARMUP / 1000, tick: TICK, limit: LIMIT });
  writeResults(`soak-results-${TYPE}-${CORE}`, meta, t0, (m) => report(m, samples, grown, failures), { samples, growth: grown, failures });
  if (failures.length) throw new Error(failures.join("; "));
}

run(main);
