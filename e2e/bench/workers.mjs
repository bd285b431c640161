// Worker benchmark, in Debian's Chromium, our core vs PyScript's core, with
// MicroPython and Pyodide, a fresh browser context for every run:
//   - rt: synchronous round trips: a worker script reads document.title 3,000
//     times (warm-up), then 3,000 times timed; reads/s. rt-cold: the page's
//     first 3,000 reads timed; rt-cold-busy: the same on a busy machine
//     (BENCH_BUSY=N busy loops, 2 by default, run meanwhile). Plus a bare-JavaScript
//     ceiling (no interpreter, no core): a module worker doing the same reads
//     through a SharedArrayBuffer with plain Atomics.wait/notify, the page
//     answering from an Atomics.waitAsync loop (pages/workers/rt-ceiling.html).
//   - click: main → worker events: a Python @when("click") listener in the
//     worker; the page clicks its button 500 times in a loop and waits until
//     the worker has written back count 500; handled clicks/s (the page's
//     first clicks: cold). click-busy: the same with the busy loops.
//   - start: a page with only a worker script printing "hello world"; ms from
//     navigation start to the worker script's mpy:done / py:done (cold cache).
//   - web-main, web-worker: a 1,000-row table built with pyscript.web and
//     appended to the page, by a main-thread script and by a worker script;
//     ms (the same template, pages/workers/web.html).
//   - hooks: a main-thread and a worker script printing "hello world", ms from
//     navigation start to py:all-done, each core with and without a plugin
//     adding one hook of every kind (pages/workers/hooks-plugin.js): what the
//     hooks machinery costs.
//
//   make bench      (runs bench.mjs, then this; or node e2e/bench/workers.mjs
//                    from the repo root. BENCH_RUNS=N overrides the 5 rounds,
//                    BENCH_ONLY=mpy or py benches one interpreter,
//                    BENCH_TIMEOUT=S waits up to S s per wait, not 60,
//                    BENCH_KINDS=web-main,hooks … some of the benches,
//                    BENCH_ALT=<dir> adds a candidate build of dist/ as
//                    one more variant next to ours)
//
// Each bench's page is a template in pages/workers/ (<bench>.html), written at
// start once per interpreter and core into a temp folder served at
// /generated/ (see writePages): the pages compared differ only there. One untimed
// warm-up run per variant, then rounds interleaving the variants in a rotated
// order. Results go to stdout, bench-workers.md and bench-workers.json at the
// repo root. The bench reports; it never fails on slowness, only on broken runs.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  INTERPRETERS, OURS, PAGES_DIR, PYSCRIPT, checkDist, fmt, interleaved, launch, parseRuns, round1, round2, run,
  runMeta, sleep, startServer, table, writeResults, offlineInterpreters } from "./common.mjs";

const RUNS = parseRuns(process.env.BENCH_RUNS, 5);
// per wait: boot, the reads, the clicks; BENCH_TIMEOUT=S for a busy machine,
// where PyScript's Pyodide worker builds the web table in over 60 s
const RUN_TIMEOUT = Number(process.env.BENCH_TIMEOUT ?? 60) * 1000;
const PAUSE = 500; // after each run: the closed context's renderer exits, the CPU idles
const CLICKS = 500;


const VARIANTS = {
  ours: OURS,
  pyscript: PYSCRIPT,
  ceiling: { key: "ceiling", label: "bare JS ceiling (SAB + Atomics.wait/notify)" },
  oursHooks: { key: "ours-hooks", label: `${OURS.label} + hooks plugin` },
  pyscriptHooks: { key: "pyscript-hooks", label: `${PYSCRIPT.label} + hooks plugin` },
};
// BENCH_ALT=<dir>: a candidate build of dist/ (e.g. a copy with a change
// being tried), benched as one more variant next to ours wherever ours is.
const ALT = process.env.BENCH_ALT;
const withAlt = (variants) => (ALT ? variants.flatMap((v) => (v === VARIANTS.ours ? [v, { key: "alt", label: `candidate (${ALT})` }] : [v])) : variants);
// Busy machine: the "…-busy" benches run with this many busy loops (node
// processes spinning, started before their first run and stopped after
// their last) competing for the machine's cores.
const BUSY_LOOPS = parseRuns(process.env.BENCH_BUSY, 2);
const busyNote = (n) => ` With ${n} busy loop${n > 1 ? "s" : ""} (processes spinning on the CPU, started by the bench) running the whole time, on this ${os.cpus().length}-core machine.`;
const rtBench = ({ key, warmup, busy = 0, title }) => ({
  key,
  template: "rt",
  warmup,
  busy,
  title,
  note: `\`document.title\` read from a worker script (\`from pyscript import document\`): ${warmup ? `${fmt(warmup)} untimed reads first (the JIT settles), then ` : "the page's first "}3,000 timed with \`js.performance.now()\`; reads per second, higher is better. The ceiling page does the same reads from a plain module worker through a SharedArrayBuffer (worker: \`Atomics.wait\`; page: an \`Atomics.waitAsync\` loop; no spinning).${busy ? busyNote(busy) : ""}`,
  unit: "reads/s",
  higher: true,
  variants: [VARIANTS.ours, VARIANTS.pyscript, VARIANTS.ceiling],
  file: (type, v) => (v === "ceiling" ? `workers/rt-ceiling.html?warmup=${warmup}` : `generated/${type}-${key}-${v}.html`),
  measure: measureRate,
});
const clickBench = ({ key, busy = 0 }) => ({
  key,
  template: "click",
  busy,
  title: `Page → worker events${busy ? ", busy machine" : ""}`,
  note: `A worker script's \`@when("click", "#btn")\` handler counts and writes the count back to the button (\`dataset.count\`); the page calls \`btn.click()\` ${CLICKS} times in a loop, the first clicks of the page (cold), and polls until the count reaches ${CLICKS}; handled clicks per second, higher is better. "click() loop" is the median main-thread time of the ${CLICKS} \`click()\` calls alone.${busy ? busyNote(busy) : ""}`,
  unit: "clicks/s",
  higher: true,
  variants: [VARIANTS.ours, VARIANTS.pyscript],
  file: (type, v) => `generated/${type}-${key}-${v}.html`,
  measure: measureClicks,
});
const BENCHES = [
  rtBench({ key: "rt", warmup: 3000, title: "Worker → page synchronous round trips, warm" }),
  rtBench({ key: "rt-cold", warmup: 0, title: "Worker → page synchronous round trips, cold (the page's first reads)" }),
  rtBench({ key: "rt-cold-busy", warmup: 0, busy: BUSY_LOOPS, title: "Worker → page synchronous round trips, cold, busy machine" }),
  clickBench({ key: "click" }),
  clickBench({ key: "click-busy", busy: BUSY_LOOPS }),
  {
    key: "start",
    title: "Worker start, cold cache",
    note: 'A page with a single worker script, `print("hello world")`: ms from navigation start to that script\'s `mpy:done` / `py:done` (`detail.worker === true`), lower is better.',
    unit: "ms",
    higher: false,
    variants: [VARIANTS.ours, VARIANTS.pyscript],
    file: (type, v) => `generated/${type}-start-${v}.html`,
    measure: measureStart,
  },
  ...["main", "worker"].map((thread) => ({
    key: `web-${thread}`,
    template: "web",
    worker: thread === "worker",
    title: `A pyscript.web table, ${thread === "main" ? "main thread" : "from a worker"}`,
    note: `A ${thread === "main" ? "main-thread" : "worker"} script builds a 1,000-row table (three \`td\` a row, one with \`classes\`) with \`pyscript.web\` after a 20-row warm-up, and appends it to the page; ms from the start of the build to the table being in the page, lower is better.`,
    unit: "ms",
    higher: false,
    variants: [VARIANTS.ours, VARIANTS.pyscript],
    file: (type, v) => `generated/${type}-web-${thread}-${v}.html`,
    measure: measureBuild,
  })),
  {
    key: "hooks",
    title: "Hooks machinery, main thread and worker",
    note: 'A main-thread and a worker script, each `print("hello world")`: ms from navigation start to `py:all-done`, lower is better; "+ hooks plugin" adds an inline module that imports `hooks` from the same core.js and adds one hook of every kind to `hooks.main` and to `hooks.worker` (functions doing nothing but count, Python `x = 1`). Of the main thread\'s plain and `…Async` hooks only those of the script\'s mode run: scripts are async by default in both cores, so the `…Async` ones.',
    unit: "ms",
    higher: false,
    variants: [VARIANTS.ours, VARIANTS.oursHooks, VARIANTS.pyscript, VARIANTS.pyscriptHooks],
    file: (type, v) => `generated/${type}-hooks-${v}.html`,
    measure: measureHooks,
  },
].map((b) => ({ ...b, variants: withAlt(b.variants) }))
  .filter((b) => !process.env.BENCH_KINDS || process.env.BENCH_KINDS.split(",").includes(b.key));
if (!BENCHES.length) throw new Error(`BENCH_KINDS=${process.env.BENCH_KINDS}: want some of rt, rt-cold, rt-cold-busy, click, click-busy, start, web-main, web-worker, hooks`);

// --- pages and dev server ---------------------------------------------------------

// The core include of each variant's pages. PyScript's `offline` mode loads
// ./pyscript/<interpreter>/<interpreter>.mjs relative to the page, which the
// bench serves from our dist/: the same interpreter files as ours.
const CORES = {
  ours: '<script type="module" src="/dist/core.js"></script>',
  pyscript: '<script type="module" src="/pyscript/core.js" offline></script>',
  alt: '<script type="module" src="/alt/core.js"></script>',
};
// The hooks variants: the same core, then pages/workers/hooks-plugin.js as an
// inline module (no request of its own to time) importing from the core's URL.
const PLUGIN = readFileSync(path.join(PAGES_DIR, "workers", "hooks-plugin.js"), "utf8");
const withPlugin = (core, url) => `${core}\n    <script type="module">\n${PLUGIN.replace("{{core}}", url)}    </script>`;
CORES["ours-hooks"] = withPlugin(CORES.ours, "/dist/core.js");
CORES["pyscript-hooks"] = withPlugin(CORES.pyscript, "/pyscript/core.js");

// writePages writes each bench's page for every interpreter and variant with
// a core into dir, from its template, and returns each bench's Python code.
function writePages(dir) {
  const code = {};
  for (const bench of BENCHES) {
    const name = bench.template ?? bench.key;
    const template = readFileSync(path.join(PAGES_DIR, "workers", `${name}.html`), "utf8");
    code[bench.key] = /<script type="\{\{type\}\}"(?: worker|\{\{worker\}\})>([\s\S]*?)<\/script>/.exec(template)?.[1];
    if (code[bench.key] === undefined || template.split("{{core}}").length !== 2)
      throw new Error(`pages/workers/${name}.html: want one <script type="{{type}}" worker> (or {{worker}}) and one {{core}}`);
    for (const interp of INTERPRETERS)
      for (const { key: variant } of bench.variants.filter((v) => CORES[v.key])) {
        const html = template
          .replaceAll("{{type}}", interp.type)
          .replaceAll("{{interpreter}}", interp.name)
          .replaceAll("{{warmup}}", String(bench.warmup ?? 0))
          .replaceAll("{{worker}}", bench.worker ? " worker" : "")
          .replaceAll("{{thread}}", bench.worker ? "in a worker" : "on the main thread")
          .replace("{{core}}", () => CORES[variant]);
        writeFileSync(path.join(dir, `${interp.type}-${bench.key}-${variant}.html`), html);
      }
  }
  return code;
}

// --- one run ------------------------------------------------------------------------

// runOnce opens one page in a fresh context and returns bench.measure's result
// ({ value, ...extras }). Any console error, page error, failed or 4xx/5xx
// request, request off the dev server, or timeout fails the whole bench.
async function runOnce(browser, base, interp, bench, variant) {
  const url = `${base}/${bench.file(interp.type, variant.key)}`;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const log = { errors: [], stdout: [], foreign: [] };
    // Console messages of the page's workers arrive here too.
    page.on("console", (m) => {
      if (m.type() === "error") log.errors.push(`console.error: ${m.text()}`);
      else if (m.type() === "log") log.stdout.push(m.text());
    });
    page.on("pageerror", (e) => log.errors.push(`page error: ${e}`));
    page.on("request", (r) => {
      if (!r.url().startsWith(base + "/") && !/^(data|blob):/.test(r.url())) log.foreign.push(r.url());
    });
    page.on("requestfailed", (r) => log.errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on("response", (r) => r.status() >= 400 && log.errors.push(`HTTP ${r.status()}: ${r.url()}`));
    const check = () => {
      if (log.foreign.length) log.errors.push(`requests left the dev server: ${log.foreign.splice(0).join(", ")}`);
      if (log.errors.length) throw new Error(`${url} failed:\n  ${log.errors.join("\n  ")}`);
    };
    await page.goto(url, { waitUntil: "commit", timeout: RUN_TIMEOUT });
    const result = await bench.measure(page, log, check, interp);
    check();
    return result;
  } finally {
    await context.close();
    await sleep(PAUSE);
  }
}

// poll evaluates fn in the page every 25 ms until it returns something other
// than undefined; a broken run or RUN_TIMEOUT fails.
async function poll(page, check, fn, what) {
  const started = Date.now();
  for (;;) {
    check();
    let v;
    try {
      v = await page.evaluate(fn);
    } catch {} // navigation still settling
    if (v !== undefined) return v;
    if (Date.now() - started > RUN_TIMEOUT) throw new Error(`${page.url()}: no ${what} within ${RUN_TIMEOUT / 1000} s`);
    await sleep(25);
  }
}

async function measureRate(page, log, check) {
  const rate = await poll(page, check, () => document.body.dataset.rate, "data-rate");
  if (!/^[1-9]\d*$/.test(rate)) throw new Error(`${page.url()}: data-rate=${JSON.stringify(rate)}, want a positive integer`);
  return { value: Number(rate) };
}

async function measureClicks(page, log, check) {
  await poll(page, check, () => document.body.dataset.ready, "data-ready");
  const r = await page.evaluate(
    async ({ clicks, timeout }) => {
      const btn = document.getElementById("btn");
      const t0 = performance.now();
      for (let i = 0; i < clicks; i++) btn.click();
      const loop = performance.now() - t0;
      while (btn.dataset.count !== String(clicks)) {
        if (performance.now() - t0 > timeout) return { error: `count ${btn.dataset.count} after ${timeout / 1000} s, want ${clicks}` };
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      return { rate: clicks / ((performance.now() - t0) / 1000), loop };
    },
    { clicks: CLICKS, timeout: RUN_TIMEOUT },
  );
  check();
  if (r.error) throw new Error(`${page.url()}: ${r.error}`);
  return { value: Math.round(r.rate), clickLoop: round1(r.loop) };
}

// measureStart: window.__done, once every script of the page has printed
// "hello world", on a cold cache.
async function measureStart(page, log, check, interp) {
  const done = await poll(page, check, () => window.__done, "the done event");
  const scripts = await page.evaluate((type) => document.querySelectorAll(`script[type="${type}"]`).length, interp.type);
  const printed = () => log.stdout.filter((line) => line === "hello world").length;
  // Output may trail the done event by a console round trip.
  for (let i = 0; i < 40 && printed() < scripts; i++) await sleep(50);
  if (printed() !== scripts) throw new Error(`${page.url()}: "hello world" printed ${printed()} times, want ${scripts} (console: ${JSON.stringify(log.stdout)})`);
  const cached = await page.evaluate(() =>
    performance.getEntriesByType("resource").filter((e) => e.transferSize === 0 && e.encodedBodySize > 0).map((e) => e.name),
  );
  if (cached.length) throw new Error(`${page.url()}: served from cache, not a cold run: ${cached.join(", ")}`);
  return { value: round1(done) };
}

// measureHooks: measureStart, and with the plugin, each of the four main-thread
// function hooks that apply (onReady, onBeforeRun…, onAfterRun…, onWorker) ran
// once: a plugin the core ignored would time nothing.
async function measureHooks(page, log, check, interp) {
  const result = await measureStart(page, log, check, interp);
  const ran = await page.evaluate(() => globalThis.hooksRan);
  if (ran !== (page.url().endsWith("-hooks.html") ? 4 : undefined)) throw new Error(`${page.url()}: main-thread hooks ran ${ran} times, want 4 with the plugin`);
  return result;
}

async function measureBuild(page, log, check) {
  const ms = await poll(page, check, () => document.body.dataset.ms, "data-ms");
  const rows = await page.evaluate(() => document.querySelectorAll("tbody tr").length);
  if (!/^\d+$/.test(ms) || rows !== 1000) throw new Error(`${page.url()}: data-ms=${JSON.stringify(ms)} with ${rows} rows, want a number and 1,000 rows`);
  return { value: Math.max(1, Number(ms)) };
}

// busyLoops starts n processes that spin on the CPU until stop().
function busyLoops(n) {
  const children = Array.from({ length: n }, () => spawn(process.execPath, ["-e", "for (;;);"], { stdio: "ignore" }));
  return { stop: () => children.forEach((c) => c.kill("SIGKILL")) };
}

// --- statistics and reporting -------------------------------------------------------


function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const stats = (xs) => ({ median: round1(median(xs)), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });

// summarize: per interpreter and variant, stats of the values (and of the
// click loop); the ratios of medians, ours ÷ PyScript paired per round, and
// what the hooks plugin adds to each core's median.
function summarize(bench, results) {
  const summary = {};
  for (const { type } of INTERPRETERS) {
    const runs = results[type];
    const s = (summary[type] = { variants: {} });
    for (const v of bench.variants) {
      const vr = runs.filter((r) => r.variant === v.key);
      s.variants[v.key] = stats(vr.map((r) => r.value));
      if (vr[0].clickLoop !== undefined) s.variants[v.key].clickLoop = round1(median(vr.map((r) => r.clickLoop)));
    }
    const med = (k) => s.variants[k].median;
    s.ratios = { "ours ÷ PyScript": round2(med("ours") / med("pyscript")) };
    if (s.variants.ceiling) {
      s.ratios["ours ÷ ceiling"] = round2(med("ours") / med("ceiling"));
      s.ratios["PyScript ÷ ceiling"] = round2(med("pyscript") / med("ceiling"));
    }
    if (s.variants["ours-hooks"])
      s.hooksAdd = Object.fromEntries(["ours", "pyscript"].map((k) => {
        const ms = med(`${k}-hooks`) - med(k);
        return [k, { ms: round1(ms), percent: round1((ms / med(k)) * 100) }];
      }));
    const paired = [...new Set(runs.map((r) => r.round))].map((k) => {
      const get = (key) => runs.find((r) => r.round === k && r.variant === key).value;
      return get("ours") / get("pyscript");
    });
    s.pairedRatio = round2(median(paired));
  }
  return summary;
}

function report(summaries, meta) {
  const out = [
    "## Worker benchmark",
    "",
    `${meta.date} · Chromium ${meta.chromium} (headless) · ${meta.runs} round${meta.runs > 1 ? "s" : ""} per variant, ` +
      `interleaved, fresh browser context each · ${meta.cpu}, load average ${meta.loadavgBefore} before / ${meta.loadavgAfter} after · node ${meta.node}`,
    "",
    `Our core (\`/dist/core.js\`) vs PyScript ${meta.pyscript}'s core (\`/pyscript/core.js\` with \`offline\`), both loading the same self-hosted interpreter files from the same server (COOP/COEP, so both use SharedArrayBuffer).`,
  ];
  for (const bench of BENCHES) {
    const sum = summaries[bench.key];
    const ceiling = bench.variants.some((v) => v.key === "ceiling");
    const loop = bench.template === "click";
    out.push("", `### ${bench.title}`, "", bench.note, "");
    const rows = [];
    for (const interp of INTERPRETERS) {
      const s = sum[interp.type];
      for (const v of bench.variants) {
        const x = s.variants[v.key];
        const row = [`${interp.name} ${interp.version}`, v.label, fmt(x.median), `${fmt(x.min)}–${fmt(x.max)}`, (x.median / s.variants.pyscript.median).toFixed(2)];
        if (ceiling) row.push((x.median / s.variants.ceiling.median).toFixed(2));
        if (loop) row.push(`${fmt(x.clickLoop)} ms`);
        rows.push(row);
      }
    }
    const header = ["interpreter", "variant", `median ${bench.unit}`, "min–max", "÷ PyScript"];
    if (ceiling) header.push("÷ ceiling");
    if (loop) header.push("click() loop");
    out.push(table(header, rows), "");
    const better = bench.higher ? "higher is better" : "lower is better";
    for (const interp of INTERPRETERS) {
      const s = sum[interp.type];
      const ratios = Object.entries(s.ratios).map(([k, r], i) => (i === 0 ? `${k} = **${r.toFixed(2)}**` : `${k} = ${r.toFixed(2)}`));
      out.push(`- ${interp.name}: ${ratios.join(", ")} (ours ÷ PyScript per round, median: ${s.pairedRatio.toFixed(2)}; ${better})`);
      if (s.hooksAdd) {
        const add = (h) => `${fmt(h.ms)} ms (${h.percent.toFixed(1)} %)`;
        out.push(`- ${interp.name}: hooks add **${add(s.hooksAdd.ours)}** to ours (the issue's goal: < 5 %), ${add(s.hooksAdd.pyscript)} to PyScript's (median with − median without)`);
      }
    }
  }
  return out.join("\n") + "\n";
}

// --- main -----------------------------------------------------------------------------

async function main(cleanups) {
  checkDist();
  const t0 = Date.now();
  const generated = mkdtempSync(path.join(os.tmpdir(), "gopyscript-bench-workers-"));
  cleanups.push(() => rmSync(generated, { recursive: true, force: true }));
  const code = writePages(generated);

  // The generated pages load PyScript's interpreters relative to themselves.
  const server = startServer([
    "-mount", `/generated/=${generated}`,
    ...offlineInterpreters("/generated/"),
    ...(ALT ? ["-mount", `/alt/=${path.resolve(ALT)}`] : []),
  ]);
  cleanups.unshift(server.stop);
  const base = await server.url;
  console.error(`dev server: ${base}`);
  const browser = await launch(cleanups);
  const meta = { ...runMeta(browser, RUNS, INTERPRETERS), code };

  const results = Object.fromEntries(BENCHES.map((b) => [b.key, {}]));
  for (const interp of INTERPRETERS)
    for (const bench of BENCHES) {
      const loops = busyLoops(bench.busy);
      try {
        results[bench.key][interp.type] = await interleaved({
        variants: bench.variants,
        runs: RUNS,
        once: (v) => runOnce(browser, base, interp, bench, v),
        label: `${interp.name} ${bench.key}`,
        value: (r) => r.value,
        unit: bench.unit,
        });
      } finally {
        loops.stop();
      }
    }

  const summary = Object.fromEntries(BENCHES.map((b) => [b.key, summarize(b, results[b.key])]));
  writeResults("bench-workers", meta, t0, (m) => report(summary, m), { summary, results });
}

run(main);
