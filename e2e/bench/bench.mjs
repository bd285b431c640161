// Boot benchmark, in Debian's Chromium, cold HTTP cache for every run:
//   - hello world with our core vs PyScript's core vs the bare interpreter;
//   - a files page: the same hello world after a [files] config of 20 small
//     files and one .tar.gz archive unpacked into a folder, with our core vs
//     PyScript's core (the bare interpreter has no [files]);
//   - a config page: hello world with an inline config whose `interpreter`
//     names the self-hosted module both cores load anyway, at one URL;
//   - a toml page: hello world with config="./bench.toml" (a plain key and
//     a [files] entry of one small file);
//   - a json page: the same config as inline JSON in the script's config
//     attribute;
//   - a worker page: a worker script printing hello world (done: its done);
// each on two servers: the dev server, and the dev server with 20–50 ms
// (random per response, fixed seed) added to every response, as a static
// host farther away than localhost answers;
// and two more runs of the hello pages (dev server only), ours vs PyScript's:
//   - slow: Lighthouse's Slow 4G emulated by Chromium (150 ms latency,
//     1.6 Mbps down, 750 kbps up), every file brotli-compressed: PyScript's
//     from .br copies written at start to a temp folder that a second dev
//     server mounts at /pyscript/; no untimed first round;
//   - revisit: a cold load, then the same URL again in the same tab; the
//     second load is timed, with how it got its files from the HTTP cache.
//
//   make bench      (from the repo root; BENCH_RUNS=N overrides the 7 rounds,
//                    BENCH_ONLY=mpy or py benches one interpreter,
//                    BENCH_PAGES=hello,files,config,toml,json,worker,slow,revisit
//                    picks pages and runs, BENCH_SLOW=0 skips the slow run,
//                    BENCH_SERVERS=dev or latency picks one server,
//                    BENCH_SLOW_RUNS=N and BENCH_REVISIT_RUNS=N override
//                    the slow and revisit runs' 3 and 5 rounds)
//
// Every run opens a page in a fresh browser context and reads window.__done,
// the performance.now() (ms since navigation start) at which the page's
// mpy:done / py:done fired (bare interpreter: right after runPython; worker
// page: the worker script's). The Resource Timing of the page and of its
// workers (on the page's clock) gives the breakdown. Rounds
// interleave a page's variants in a rotated order, so drift hits all alike.
// The files page's 20 files are committed in pages/files/; its archive is
// written at start to a temp folder served at /generated/ (see makeArchive).
// Results go to stdout, bench-results.md and bench-results.json at the root.
// The bench reports; it never fails on slowness, only on broken runs.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import {
  INTERPRETERS, OURS, PAGES_DIR, PYSCRIPT, PYSCRIPT_DIST, checkDist, fmt, interleaved, launch, parseRuns, round1, round2, run,
  runMeta, sleep, startServer, table, writeResults,
} from "./common.mjs";

const RUNS = parseRuns(process.env.BENCH_RUNS, 7);
// Fewer rounds where a run costs more, which keeps `make bench` near 12
// minutes on the project's machine: a slow run downloads the interpreter at
// 200 kB/s (seconds for MicroPython, half a minute for Pyodide), a revisit
// run loads the page twice. A smaller BENCH_RUNS lowers them too.
const SLOW_RUNS = parseRuns(process.env.BENCH_SLOW_RUNS, Math.min(RUNS, 3));
const REVISIT_RUNS = parseRuns(process.env.BENCH_REVISIT_RUNS, Math.min(RUNS, 5));
const RUN_TIMEOUT = 60_000;
const SLOW_TIMEOUT = 180_000;
// Pause after each run so the closed context's renderer has exited and the
// CPU is idle again before the next cold start (BENCH_PAUSE_MS overrides).
const PAUSE = Number(process.env.BENCH_PAUSE_MS ?? 500);

if (!(PAUSE >= 0)) throw new Error(`BENCH_PAUSE_MS must be a number ≥ 0, got ${process.env.BENCH_PAUSE_MS}`);
const VARIANTS = {
  ours: OURS,
  pyscript: PYSCRIPT,
  bare: { key: "bare", label: "interpreter alone" },
};
// Lighthouse's Slow 4G (150 ms RTT, 1.6 Mbps down, 750 kbps up) for CDP's
// Network.emulateNetworkConditions, in bytes per second: 1,600,000 bit/s ÷ 8.
const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
// The interpreter module the config pages name: the one PyScript's offline
// mode loads on the hello page, our dist/ file served at a second place.
const SHARED_INTERPRETER = { mpy: "/pyscript/micropython/micropython.mjs", py: "/pyscript/pyodide/pyodide.mjs" };
const INTERPRETER_MODULE = /^\/(dist|pyscript)\/(micropython\/micropython|pyodide\/pyodide)\.mjs$/;
// The interpreter's own wasm, which its module requests.
const INTERPRETER_WASM = /^\/(dist|pyscript)\/(micropython\/micropython|pyodide\/pyodide\.asm)\.wasm$/;

// The servers every page runs on (BENCH_SERVERS=dev,latency picks), each
// with its own dev server process: latency is cmd/devserver's -latency.
const SERVERS = [
  { key: "dev", label: "dev server" },
  { key: "latency", label: "dev server + 20–50 ms per response", latency: "20ms-50ms" },
].filter((s) => !process.env.BENCH_SERVERS || process.env.BENCH_SERVERS.split(",").includes(s.key));
if (!SERVERS.length) throw new Error(`BENCH_SERVERS=${process.env.BENCH_SERVERS}: want dev, latency or dev,latency`);

const helloFile = (type, v) => `${type}-${v}.html`;
// Each page is one HTML file per interpreter and variant in PAGES_DIR.
// throttle (CDP network conditions), runs, goal (ours ÷ PyScript, per
// interpreter; else 1) and revisit (time a second load in the same tab)
// make the last two entries runs of the hello pages under other conditions.
const PAGES = [
  {
    key: "hello",
    title: "Boot benchmark: hello world, cold cache",
    variants: [VARIANTS.ours, VARIANTS.pyscript, VARIANTS.bare],
    file: helloFile,
  },
  {
    key: "files",
    title: "files page (20 files + 1 archive)",
    variants: [VARIANTS.ours, VARIANTS.pyscript],
    file: (type, v) => `${type}-files-${v}.html`,
  },
  {
    key: "config",
    title: "config page (inline config naming the interpreter)",
    variants: [VARIANTS.ours, VARIANTS.pyscript],
    file: (type, v) => `${type}-config-${v}.html`,
  },
  {
    key: "toml",
    title: "toml page (config from a .toml file)",
    variants: [VARIANTS.ours, VARIANTS.pyscript],
    file: (type, v) => `${type}-toml-${v}.html`,
  },
  {
    key: "json",
    title: "json page (inline JSON config)",
    variants: [VARIANTS.ours, VARIANTS.pyscript],
    file: (type, v) => `${type}-json-${v}.html`,
  },
  {
    key: "worker",
    title: "worker page (a worker script printing hello world)",
    variants: [VARIANTS.ours, VARIANTS.pyscript],
    file: (type, v) => `${type}-worker-${v}.html`,
  },
  {
    key: "slow",
    title: "Slow network (150 ms RTT, 1.6 Mbps)",
    variants: [VARIANTS.ours, VARIANTS.pyscript],
    file: helloFile,
    throttle: SLOW_NETWORK,
    runs: SLOW_RUNS,
    goal: { mpy: 2.4, py: 1.05 },
  },
  {
    key: "revisit",
    title: "Second visit (same tab, warm HTTP cache)",
    variants: [VARIANTS.ours, VARIANTS.pyscript],
    file: helloFile,
    runs: REVISIT_RUNS,
    revisit: true,
  },
]
  .filter((p) => !process.env.BENCH_PAGES || process.env.BENCH_PAGES.split(",").includes(p.key))
  .filter((p) => !(p.key === "slow" && process.env.BENCH_SLOW === "0"))
  // The slow and revisit runs are conditions of their own: dev server only.
  .map((p) => ({ ...p, servers: p.throttle || p.revisit ? SERVERS.filter((s) => s.key === "dev") : SERVERS }))
  .filter((p) => p.servers.length);
if (!PAGES.length)
  throw new Error(
    `BENCH_PAGES=${process.env.BENCH_PAGES}: want some of hello,files,config,toml,json,worker,slow,revisit ` +
      `(BENCH_SLOW=${process.env.BENCH_SLOW}, BENCH_SERVERS=${process.env.BENCH_SERVERS}; slow and revisit run on the dev server only)`,
  );

// --- page fixtures ---------------------------------------------------------------

// makeArchive writes bundle.tar.gz into dir: README.txt, a pkg/ directory
// entry, pkg/__init__.py and pkg/m01.py … m09.py, small text files (~7 KiB
// in all; 15 KiB of tar, under 1 KiB gzipped), in a plain ustar archive
// compressed by zlib. The pages' Python code checks this member list.
// Fixed mtimes: the same bytes on every run.
function makeArchive(dir) {
  const words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split(" ");
  const module = (i) =>
    `"""Bench archive module m${String(i).padStart(2, "0")}."""\n\n` +
    Array.from({ length: 6 + (i % 4) }, (_, k) =>
      `def ${words[(i + k) % words.length]}_${k}(x):\n    return [n * ${k + 1} for n in range(x) if n % ${k + 2}]\n\n`,
    ).join("");
  const entries = [
    ["README.txt", `bench archive: unpacked by the [files] entry "./generated/bundle.tar.gz" = "./bundle/*".\n` + (words.join(" ") + "\n").repeat(4)],
    ["pkg/", null],
    ["pkg/__init__.py", `"""Bench archive package."""\n\nfrom . import m01\n`],
    ...Array.from({ length: 9 }, (_, i) => [`pkg/m${String(i + 1).padStart(2, "0")}.py`, module(i + 1)]),
  ];
  const blocks = [];
  for (const [name, text] of entries) {
    const data = text === null ? Buffer.alloc(0) : Buffer.from(text);
    blocks.push(tarHeader(name, data.length, text === null), data, Buffer.alloc(-data.length & 511));
  }
  blocks.push(Buffer.alloc(1024)); // end of archive: two zero blocks
  const file = path.join(dir, "bundle.tar.gz");
  writeFileSync(file, zlib.gzipSync(Buffer.concat(blocks), { level: 9 }));
  return file;
}

// tarHeader is a POSIX ustar header block for a regular file or a directory.
function tarHeader(name, size, isDir) {
  const h = Buffer.alloc(512);
  const octal = (n, width) => n.toString(8).padStart(width - 1, "0") + "\0";
  if (Buffer.byteLength(name) > 100) throw new Error(`tar name too long: ${name}`);
  h.write(name, 0);
  h.write(octal(isDir ? 0o755 : 0o644, 8), 100);
  h.write(octal(0, 8), 108); // uid
  h.write(octal(0, 8), 116); // gid
  h.write(octal(size, 12), 124);
  h.write(octal(1_767_225_600, 12), 136); // mtime: 2026-01-01T00:00:00Z
  h.write(" ".repeat(8), 148); // checksum field counts as spaces while summing
  h.write(isDir ? "5" : "0", 156);
  h.write("ustar\0" + "00", 257);
  h.write("bench", 265); // uname
  h.write("bench", 297); // gname
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148);
  return h;
}

// pageSources reads a page's ours and PyScript files for one interpreter,
// checks that they carry the same config and the same Python script tag, and
// returns what every run must do: expect, the URL paths it must fetch (the
// files page's 20 files, which must exist in pages/files/, and archive; the
// toml page's .toml and its [files] sources; the json page's files), and
// interpreter, the only interpreter module it may load (the config page's).
function pageSources(page, type) {
  if (!["files", "config", "toml", "json"].includes(page.key)) return { expect: [] };
  const parts = (variant) => {
    const file = page.file(type, variant);
    const html = readFileSync(path.join(PAGES_DIR, file), "utf8");
    const config = new RegExp(`<${type}-config>([\\s\\S]*?)</${type}-config>`).exec(html)?.[1] ?? "";
    const script = new RegExp(`<script type="${type}"[^>]*>[\\s\\S]*?</script>`).exec(html)?.[0];
    if (script === undefined) throw new Error(`${file}: no <script type="${type}">`);
    return { config, script };
  };
  const ours = parts("ours");
  const pyscript = parts("pyscript");
  const name = page.file(type, "*");
  if (ours.config !== pyscript.config || ours.script !== pyscript.script)
    throw new Error(`${name}: the ours and PyScript pages differ in config or code`);
  // [files] sources ("./…" = …), relative to the page or a .toml beside it.
  const sources = (toml) => [...toml.matchAll(/^\s*"\.(\/[^"]+)"\s*=/gm)].map((m) => m[1]);
  const missing = (paths) => paths.filter((p) => !existsSync(path.join(PAGES_DIR, p)));
  if (page.key === "config") {
    const interpreter = /^\s*interpreter\s*=\s*"([^"]*)"/m.exec(ours.config)?.[1];
    if (interpreter !== SHARED_INTERPRETER[type])
      throw new Error(`${name}: want interpreter = "${SHARED_INTERPRETER[type]}" in the config, got ${interpreter}`);
    return { expect: [interpreter], interpreter };
  }
  if (page.key === "json") {
    const text = /\sconfig='(\{[^']*\})'/.exec(ours.script)?.[1];
    const files = Object.keys((text && JSON.parse(text).files) ?? {}).map((s) => s.replace(/^\./, ""));
    if (!files.length || missing(files).length) throw new Error(`${name}: want config='{"files": …}' naming files in e2e/bench/pages`);
    return { expect: files };
  }
  if (page.key === "toml") {
    const file = /\sconfig="\.(\/[^"]+\.toml)"/.exec(ours.script)?.[1];
    if (!file || missing([file]).length) throw new Error(`${name}: want config="./<file>.toml" naming a file in e2e/bench/pages`);
    const files = sources(readFileSync(path.join(PAGES_DIR, file), "utf8"));
    if (!files.length || missing(files).length) throw new Error(`${file}: want [files] sources that exist in e2e/bench/pages, got ${files.join(", ")}`);
    return { expect: [file, ...files] };
  }
  const all = sources(ours.config);
  const files = all.filter((s) => s.startsWith("/files/"));
  if (files.length !== 20 || !all.includes("/generated/bundle.tar.gz") || all.length !== 21)
    throw new Error(`${name}: want 20 ./files/… sources and ./generated/bundle.tar.gz, got ${all.join(", ")}`);
  if (missing(files).length) throw new Error(`${name}: ${missing(files).join(", ")} missing in e2e/bench/pages`);
  return { expect: all };
}

// brotliPyScript copies PyScript's dist/ into dir and writes a brotli -11
// .br copy next to each .js and .css: the dev server sends a file's .br
// sibling when the browser accepts it, as it does for our dist/, and as a
// CDN compresses PyScript's files (the slow run compares bytes on the wire).
function brotliPyScript(dir) {
  for (const name of readdirSync(PYSCRIPT_DIST)) {
    const file = path.join(dir, name);
    copyFileSync(path.join(PYSCRIPT_DIST, name), file);
    if (/\.(js|css)$/.test(name))
      writeFileSync(`${file}.br`, zlib.brotliCompressSync(readFileSync(file), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

// --- one run ------------------------------------------------------------------

// runOnce opens the page in a fresh browser context (cold cache) and
// returns its load: done, milestones and Resource Timing entries. expect
// and interpreter come from pageSources. page.throttle slows the network
// and checks that every file came compressed; page.revisit then loads the
// same URL again in the same tab and returns that second load instead, with
// the first one's done and the Cache-Control values the server sent.
async function runOnce(browser, base, interp, page, variant, { expect = [], interpreter } = {}) {
  const url = `${base}/${page.file(interp.type, variant.key)}`;
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    if (page.throttle) {
      const cdp = await context.newCDPSession(tab);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", page.throttle);
    }
    const log = { errors: [], stdout: [], foreign: [], ok: new Set(), cacheControl: new Set() };
    tab.on("console", (m) => {
      if (m.type() === "error") log.errors.push(`console.error: ${m.text()}`);
      else if (m.type() === "log") log.stdout.push(m.text());
    });
    tab.on("pageerror", (e) => log.errors.push(`page error: ${e}`));
    tab.on("request", (r) => {
      const u = r.url();
      if (!u.startsWith(base + "/") && !/^(data|blob):/.test(u)) log.foreign.push(u);
    });
    tab.on("requestfailed", (r) => log.errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    tab.on("response", (r) => {
      if (r.status() >= 400) log.errors.push(`HTTP ${r.status()}: ${r.url()}`);
      else if (r.url().startsWith(base + "/")) {
        log.ok.add(new URL(r.url()).pathname);
        log.cacheControl.add(r.headers()["cache-control"] ?? "(none)");
      }
    });

    const timeout = page.throttle ? SLOW_TIMEOUT : RUN_TIMEOUT;
    const first = await load(tab, url, interp, log, { expect, interpreter, timeout });
    const cached = first.resources.filter((r) => r.transfer === 0 && r.encoded > 0).map((r) => r.path);
    if (cached.length) throw new Error(`${url}: served from cache, not a cold run: ${cached.join(", ")}`);
    // The slow run stands for a CDN: no file may travel uncompressed.
    const plain = page.throttle ? first.resources.filter((r) => r.encoded === r.decoded).map((r) => r.path) : [];
    if (plain.length) throw new Error(`${url}: sent uncompressed on the slow network: ${plain.join(", ")}`);
    if (!page.revisit) return first;
    // A moment for whatever the page still does after done, as a reader would.
    await sleep(PAUSE);
    const second = await load(tab, url, interp, log, { expect, interpreter, timeout });
    return { ...second, firstDone: first.done, cacheControl: [...log.cacheControl] };
  } finally {
    await context.close();
    await sleep(PAUSE);
  }
}

// load navigates tab to url and waits for done; it fails on what the log
// collected, on a missing "hello world", on a path of expect never fetched
// and, given interpreter, on any other interpreter module loaded.
async function load(tab, url, interp, log, { expect, interpreter, timeout }) {
  log.stdout.length = 0;
  log.ok.clear();
  const started = Date.now();
  await tab.goto(url, { waitUntil: "commit", timeout });
  let done;
  for (;;) {
    if (log.errors.length || log.foreign.length) break;
    try {
      done = await tab.evaluate(() => window.__done);
    } catch {} // navigation still settling
    if (done !== undefined) break;
    if (Date.now() - started > timeout) {
      log.errors.push(`no ${interp.type}:done within ${timeout / 1000} s`);
      break;
    }
    await sleep(25);
  }
  // Output may trail the done event by a console round trip.
  for (let i = 0; done !== undefined && i < 40 && !log.stdout.includes("hello world"); i++) await sleep(50);
  if (done !== undefined && !log.stdout.includes("hello world"))
    log.errors.push(`"hello world" was not printed (console: ${JSON.stringify(log.stdout)})`);
  if (log.foreign.length) log.errors.push(`requests left 127.0.0.1: ${log.foreign.join(", ")}`);
  const missing = done === undefined ? [] : expect.filter((p) => !log.ok.has(p));
  if (missing.length) log.errors.push(`never fetched: ${missing.join(", ")}`);
  const modules = [...log.ok].filter((p) => INTERPRETER_MODULE.test(p));
  if (interpreter && done !== undefined && modules.join() !== interpreter)
    log.errors.push(`loaded interpreter module ${modules.join(", ") || "none"}, want only ${interpreter}`);
  if (log.errors.length)
    throw new Error(`${url} failed:\n  ${log.errors.join("\n  ")}`);

  const timing = await tab.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    return { marks: window.__marks ?? {}, html: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd };
  });
  const { origin, resources } = await tab.evaluate(resourceTiming);
  timing.resources = resources;
  // The workers' own files (a worker has its own Resource Timing and
  // clock), moved to the page's clock and marked worker.
  for (const worker of tab.workers()) {
    const w = await worker.evaluate(resourceTiming).catch(() => null); // a worker already gone
    const shift = w ? w.origin - origin : 0;
    for (const r of w?.resources ?? []) timing.resources.push({ ...r, start: r.start + shift, end: r.end + shift, worker: true });
  }
  return {
    done: round1(done),
    html: round1(timing.html),
    domContentLoaded: round1(timing.domContentLoaded),
    marks: Object.fromEntries(Object.entries(timing.marks).map(([k, t]) => [k, round1(t)])),
    resources: timing.resources,
  };
}

// resourceTiming runs in a page or a worker: its clock's origin and the
// files it fetched (ms on its clock, bytes).
const resourceTiming = () => ({
  origin: performance.timeOrigin,
  resources: performance.getEntriesByType("resource").map((e) => ({
    path: new URL(e.name).pathname,
    start: e.startTime,
    end: e.responseEnd,
    transfer: e.transferSize,
    encoded: e.encodedBodySize,
    decoded: e.decodedBodySize,
  })),
});

// --- statistics and reporting -----------------------------------------------

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { median: round1(median(s)), min: s[0], max: s.at(-1), mean: round1(mean), n: s.length };
}

// Resource milestones for the breakdown: which file finished when.
function classify(p) {
  if (p === "/dist/core.js" || p === "/pyscript/core.js") return "core.js";
  if (p === "/dist/wasm_exec.js") return "wasm_exec.js";
  if (p === "/dist/core.wasm") return "core.wasm";
  if (/^\/pyscript\/core-[\w-]+\.js$/.test(p)) return "core-*.js (chunk)";
  if (/^\/(dist|pyscript)\/(micropython|pyodide)\//.test(p)) return path.posix.basename(p);
  if (/^\/pyscript\/[^/]+\.js$/.test(p)) return "other PyScript chunks";
  if (/^\/pyscript\/[^/]+\.css$/.test(p)) return "PyScript css";
  if (/^\/files\/f\d+\.(py|txt)$/.test(p)) return "./files/… (first start → last end)";
  if (p.startsWith("/generated/")) return path.posix.basename(p);
  return p;
}

const ratio = (a, b) => (a / b).toFixed(2);

// How a file of a second load arrived, from Resource Timing's transferSize:
// 0 when the HTTP cache answered without asking the server; the Fetch spec
// counts a response's headers as 300 bytes, so a revalidation (a 304, the
// body from the cache) is 300 and a download is 300 + the body.
const CACHE_STATES = ["cache", "revalidated", "downloaded"];
const cacheState = (r) => (r.transfer === 0 ? "cache" : r.transfer <= 300 ? "revalidated" : "downloaded");

// summarize reduces one page's runs (results[interpreter type]) to per-variant
// statistics, a breakdown per variant, and the ours / PyScript ratios.
function summarize(page, results) {
  const summary = {};
  for (const interp of INTERPRETERS) {
    const runs = results[interp.type];
    const s = (summary[interp.type] = { variants: {}, breakdown: {}, ...(page.revisit && { revisit: {} }) });
    for (const v of page.variants) {
      const vr = runs.filter((r) => r.variant === v.key);
      s.variants[v.key] = stats(vr.map((r) => r.done));
      // Median start/end per milestone (files fetched in every run only).
      const labels = new Map();
      for (const r of vr) {
        const seen = new Map();
        for (const res of r.resources) {
          const l = (res.worker ? "worker: " : "") + classify(res.path);
          const prev = seen.get(l);
          seen.set(l, prev ? { start: Math.min(prev.start, res.start), end: Math.max(prev.end, res.end), transfer: prev.transfer + res.transfer } : { ...res });
        }
        for (const [l, x] of seen) (labels.get(l) ?? labels.set(l, []).get(l)).push(x);
      }
      const b = (s.breakdown[v.key] = { html: stats(vr.map((r) => r.html)).median });
      for (const [l, xs] of labels) {
        if (xs.length !== vr.length) continue;
        b[l] = {
          start: stats(xs.map((x) => x.start)).median,
          end: stats(xs.map((x) => x.end)).median,
          transfer: stats(xs.map((x) => x.transfer)).median,
        };
      }
      const marks = new Set(vr.flatMap((r) => Object.keys(r.marks)));
      for (const m of marks) {
        const xs = vr.map((r) => r.marks[m]).filter((x) => x !== undefined);
        if (xs.length === vr.length) b[`event: ${m}`] = stats(xs).median;
      }
      b.transferred = stats(vr.map((r) => r.resources.reduce((t, x) => t + x.transfer, 0))).median;
      b.requests = stats(vr.map((r) => r.resources.length)).median;
      b.domContentLoaded = stats(vr.map((r) => r.domContentLoaded)).median;
      b.lastByte = stats(vr.map((r) => Math.max(...r.resources.map((x) => x.end), r.html))).median;
      b.done = s.variants[v.key].median;
      // Issue 9's "Go out of the critical path": from core.wasm received to
      // the interpreter's module requested (negative: core.js started the
      // interpreter before Go ran). Ours only; runs that fetched both.
      const gaps = vr.flatMap((r) => {
        const wasm = r.resources.find((x) => x.path === "/dist/core.wasm");
        const interpreter = r.resources.find((x) => INTERPRETER_MODULE.test(x.path));
        return wasm && interpreter ? [interpreter.start - wasm.end] : [];
      });
      if (gaps.length === vr.length && gaps.length) b.coreToInterpreter = stats(gaps).median;
      // What the interpreter's loader waits for: from its module received
      // to its wasm requested (issue 20: ours waited for Go's start).
      const waits = vr.flatMap((r) => {
        const module = r.resources.find((x) => INTERPRETER_MODULE.test(x.path));
        const wasm = r.resources.find((x) => INTERPRETER_WASM.test(x.path));
        return module && wasm ? [wasm.start - module.end] : [];
      });
      if (waits.length === vr.length && waits.length) b.moduleToWasm = stats(waits).median;
      if (page.revisit) {
        // The first load's done; per cacheState, the median count of the
        // second load's files, and in how many runs core.wasm came so.
        const wasm = vr.flatMap((r) => r.resources.filter((x) => x.path === "/dist/core.wasm").map(cacheState));
        s.revisit[v.key] = {
          firstDone: stats(vr.map((r) => r.firstDone)).median,
          files: Object.fromEntries(CACHE_STATES.map((c) => [c, stats(vr.map((r) => r.resources.filter((x) => cacheState(x) === c).length)).median])),
          coreWasm: wasm.length ? Object.fromEntries(CACHE_STATES.map((c) => [c, wasm.filter((x) => x === c).length])) : undefined,
          cacheControl: [...new Set(vr.flatMap((r) => r.cacheControl))],
        };
      }
    }
    // Paired ratio: per round, ours / PyScript, then the median.
    const rounds = [...new Set(runs.map((r) => r.round))];
    const paired = rounds.map((k) => {
      const get = (key) => runs.find((r) => r.round === k && r.variant === key).done;
      return get("ours") / get("pyscript");
    });
    s.ratio = round2(s.variants.ours.median / s.variants.pyscript.median);
    s.pairedRatio = round2(median(paired)); // not stats(): it rounds to 0.1
  }
  return summary;
}


// report renders every page's section; meta heads the first one.
function report(summaries, meta) {
  const out = [];
  PAGES.forEach((page, i) => {
    if (i > 0) out.push("");
    out.push(`## ${page.title}`);
    out.push("");
    if (i === 0)
      out.push(
        `${meta.date} · Chromium ${meta.chromium} (headless) · ${meta.runs} run${meta.runs > 1 ? "s" : ""} per variant, ` +
          `interleaved, fresh browser context each · ${meta.cpu}, load average ${meta.loadavgBefore} before / ${meta.loadavgAfter} after · node ${meta.node}`,
        "",
      );
    out.push(...pageReport(page, summaries, meta));
  });
  return out.join("\n") + "\n";
}

// serverNote says which server a page's numbers come from, and what the
// latency server adds.
const serverNote = (page) =>
  page.servers.length > 1
    ? `Each server's rows apart: ${page.servers.map((s) => `${s.key}: ${s.label}`).join("; ")} (cmd/devserver's \`-latency\`, a fixed seed).`
    : `On the ${page.servers[0].label}.`;

function pageReport(page, summaries, meta) {
  const out = [];
  const intro = {
    config:
      "The hello world page with an inline `<mpy-config>` / `<py-config>` (the same in both pages) whose one key, `interpreter`, " +
      "names the self-hosted module both cores load on the hello page, at one URL for both: " +
      INTERPRETERS.map((i) => `\`${SHARED_INTERPRETER[i.type]}\``).join(", ") +
      " (every run checks that it is the only interpreter module loaded). Same server, same interpreter files.",
    toml:
      "The hello world page with `config=\"./bench.toml\"` on its script tag (the same tag and code in both pages): " +
      "`e2e/bench/pages/bench.toml` holds a plain key and a `[files]` entry copying `files/f01.py`, " +
      "which the Python code reads before printing. Same server, same interpreter files.",
    json:
      "The toml page's config as inline JSON in the script's `config` attribute (the same tag and code in both pages): " +
      "a plain key and a `files` entry copying `files/f01.py`, which the Python code reads before printing. Same server, same interpreter files.",
    worker:
      "A page whose only script is a worker script, `print(\"hello world\")`: time to that script's done (`detail.worker === true`). " +
      "The breakdown lists the worker's own files as \"worker: …\" (its Resource Timing, moved to the page's clock). Same server, same interpreter files.",
    slow:
      "The hello world pages, ours and PyScript's, on Lighthouse's Slow 4G emulated by Chromium " +
      "(CDP `Network.emulateNetworkConditions` on a fresh context per run): 150 ms latency on every request, " +
      "200,000 B/s down (1.6 Mbps taken as 1,600,000 bit/s ÷ 8) and 93,750 B/s up (750 kbps). " +
      "Lighthouse's own figure is 1.6 × 1,024 kbit/s, and its DevTools mode scales latency by 3.75 and throughput by 0.9; these are the plain ones. " +
      "Every file travels brotli-compressed, as from a CDN: PyScript's own from .br copies written at bench start and served " +
      "by a second dev server (every run checks that no file came uncompressed). " +
      `${rounds(SLOW_RUNS)}, no untimed first round.`,
    revisit:
      "The hello world pages, ours and PyScript's, loaded twice in one tab of a fresh context: a cold load, then, " +
      `${PAUSE} ms after its done, the same URL again (warm HTTP cache). The second load is timed. ` +
      "The tab keeps its renderer process, so V8 may reuse the wasm modules compiled by the first load " +
      "(a trace of such a load showed both modules taken from V8's in-process module cache, not compiled). " +
      `${rounds(REVISIT_RUNS)}.`,
  }[page.key];
  if (intro) out.push(intro, "");
  out.push(serverNote(page), "");
  if (page.key === "files")
    out.push(
      "The hello world page plus a `[files]` config (the same `<mpy-config>` / `<py-config>` in both pages): " +
        `20 small .py/.txt files (${fmt(meta.filesBytes / 1024)} KiB in all, \`e2e/bench/pages/files/\`) copied into \`./data/\`, ` +
        `and \`bundle.tar.gz\` (${(meta.archiveBytes / 1024).toFixed(1)} KiB, 11 files and a folder, written at bench start) unpacked into \`./bundle/\`; ` +
        "the Python code checks the files and the unpacked members before printing. Same server, same interpreter files.",
      "",
    );
  out.push(
    page.variants.some((v) => v.key === "bare")
      ? "Time from navigation start until `mpy:done` / `py:done` (interpreter alone: until `runPython` returned), in ms."
      : page.revisit
        ? "Time from the second navigation's start until `mpy:done` / `py:done`, in ms."
        : "Time from navigation start until `mpy:done` / `py:done`, in ms.",
  );
  out.push("");
  const rows = [];
  for (const server of page.servers)
    for (const interp of INTERPRETERS) {
      const s = summaries[page.key][server.key][interp.type];
      for (const v of page.variants) {
        const x = s.variants[v.key];
        rows.push([
          server.key,
          `${interp.name} ${interp.version}`,
          v.label,
          fmt(x.median),
          `${fmt(x.min)}–${fmt(x.max)}`,
          v.key === "pyscript" ? "1.00" : ratio(x.median, s.variants.pyscript.median),
        ]);
      }
    }
  out.push(table(["server", "interpreter", "variant", "median", "min–max", "÷ PyScript"], rows));
  out.push("");
  for (const server of page.servers)
    for (const interp of INTERPRETERS) {
      const s = summaries[page.key][server.key][interp.type];
      const goal = page.goal?.[interp.type] ?? 1;
      let line = `- ${server.key}, ${interp.name}: ours / PyScript = **${s.ratio.toFixed(2)}** (median of per-round ratios ${s.pairedRatio.toFixed(2)}; goal ≤ ${goal.toFixed(2)})`;
      const hello = summaries.hello?.[server.key]?.[interp.type];
      if (page.key === "files" && hello) {
        const extra = (key) => s.variants[key].median - hello.variants[key].median;
        line += `; the files add ${signed(extra("ours"))} ms to ours and ${signed(extra("pyscript"))} ms to PyScript (difference of the two pages' medians)`;
      }
      out.push(line);
    }
  const summary = summaries[page.key][page.servers[0].key];
  if (page.revisit) {
    const values = new Set(INTERPRETERS.flatMap((i) => page.variants.flatMap((v) => summary[i.type].revisit[v.key].cacheControl)));
    out.push(
      `- Cache-Control on the dev server's responses: ${[...values].map((c) => `\`${c}\``).join(", ")}. ` +
        "A file's second load counts as cache (Resource Timing transferSize 0: no request), " +
        "revalidated (300: a 304, the body from the cache) or downloaded.",
    );
  }
  out.push("");
  if (page.key === "hello") {
    out.push(
      "Both cores load the same self-hosted interpreter files from the same server " +
        "(PyScript via its `offline` attribute); the server sends precompressed .br copies of " +
        "`dist/` files (ours and the interpreters), PyScript's own files have none and travel uncompressed.",
    );
    out.push("");
  }
  out.push(`### Where the time goes${page.key === "hello" ? "" : `: ${page.title}`} (median ms since navigation start: fetch start → response end)`);
  const variants = page.variants;
  for (const server of page.servers)
    for (const interp of INTERPRETERS) {
      const b = summaries[page.key][server.key][interp.type].breakdown;
      const labels = [];
      for (const v of variants) for (const l of Object.keys(b[v.key])) if (typeof b[v.key][l] === "object" && !labels.includes(l)) labels.push(l);
      const rows = [["HTML", ...variants.map((v) => fmt(b[v.key].html))]];
      for (const l of labels)
        rows.push([l, ...variants.map((v) => (b[v.key][l] ? `${fmt(b[v.key][l].start)} → ${fmt(b[v.key][l].end)}` : "—"))]);
      rows.push(["DOMContentLoaded", ...variants.map((v) => fmt(b[v.key].domContentLoaded))]);
      const events = [];
      for (const v of variants) for (const l of Object.keys(b[v.key])) if (l.startsWith("event: ") && !events.includes(l)) events.push(l);
      for (const l of events) rows.push([l, ...variants.map((v) => fmt(b[v.key][l]))]);
      rows.push(["last byte received", ...variants.map((v) => fmt(b[v.key].lastByte))]);
      rows.push(["**done**", ...variants.map((v) => `**${fmt(b[v.key].done)}**`)]);
      rows.push(["done − last byte", ...variants.map((v) => fmt(b[v.key].done - b[v.key].lastByte))]);
      if (b.ours.coreToInterpreter !== undefined)
        rows.push(["interpreter module requested − core.wasm received", ...variants.map((v) => (v.key === "ours" ? fmt(b.ours.coreToInterpreter) : "—"))]);
      if (variants.some((v) => b[v.key].moduleToWasm !== undefined))
        rows.push(["interpreter wasm requested − its module received", ...variants.map((v) => fmt(b[v.key].moduleToWasm))]);
      rows.push(["subresources: count / KiB on the wire", ...variants.map((v) => `${b[v.key].requests} / ${fmt(b[v.key].transferred / 1024)}`)]);
      if (page.revisit) {
        const r = summaries[page.key][server.key][interp.type].revisit;
        const states = (x) => (x ? CACHE_STATES.map((c) => x[c]).join(" / ") : "—");
        rows.push(["done of the first (cold) load", ...variants.map((v) => fmt(r[v.key].firstDone))]);
        rows.push(["subresources: cache / revalidated / downloaded", ...variants.map((v) => states(r[v.key].files))]);
        rows.push(["core.wasm, runs: cache / revalidated / downloaded", ...variants.map((v) => states(r[v.key].coreWasm))]);
      }
      out.push("");
      out.push(`${interp.name}, ${server.label}:`);
      out.push("");
      out.push(table(["file", ...variants.map((v) => v.key)], rows));
    }
  return out;
}

const rounds = (n) => `${n} interleaved round${n > 1 ? "s" : ""}`;
const signed = (x) => (x < 0 ? "−" : "+") + fmt(Math.abs(x));

// --- main -------------------------------------------------------------------------

async function main(cleanups) {
  checkDist();
  const t0 = Date.now();
  // Checked before the servers start: broken fixtures fail fast.
  const sources = Object.fromEntries(PAGES.map((p) => [p.key, Object.fromEntries(INTERPRETERS.map((i) => [i.type, pageSources(p, i.type)]))]));
  const generated = mkdtempSync(path.join(os.tmpdir(), "gopyscript-bench-"));
  cleanups.push(() => rmSync(generated, { recursive: true, force: true }));
  const archive = makeArchive(generated);

  // One dev server per server kind; the files page's archive, written by
  // makeArchive above, on each.
  const bases = {};
  for (const s of SERVERS) {
    const server = startServer(["-mount", `/generated/=${generated}`], { latency: s.latency });
    cleanups.unshift(server.stop);
    bases[s.key] = await server.url;
    console.error(`${s.label}: ${bases[s.key]}`);
  }
  // The slow run's own server, with PyScript's files brotli-compressed.
  let slowBase;
  if (PAGES.some((p) => p.throttle)) {
    const pyscript = mkdtempSync(path.join(os.tmpdir(), "gopyscript-bench-pyscript-"));
    cleanups.push(() => rmSync(pyscript, { recursive: true, force: true }));
    brotliPyScript(pyscript);
    const slow = startServer([], { pyscript });
    cleanups.unshift(slow.stop);
    slowBase = await slow.url;
    console.error(`dev server with PyScript's files brotli-compressed: ${slowBase}`);
  }

  const browser = await launch(cleanups);
  const meta = {
    ...runMeta(browser, RUNS, INTERPRETERS),
    pages: PAGES.map((p) => p.key),
    servers: Object.fromEntries(SERVERS.map((s) => [s.key, s.label])),
    filesBytes: [...new Set(Object.values(sources.files ?? {}).flatMap((s) => s.expect))]
      .filter((s) => s.startsWith("/files/"))
      .reduce((t, s) => t + readFileSync(path.join(PAGES_DIR, s)).length, 0),
    archiveBytes: readFileSync(archive).length,
    ...(slowBase && { slowRuns: SLOW_RUNS, slowNetwork: SLOW_NETWORK }),
    ...(PAGES.some((p) => p.revisit) && { revisitRuns: REVISIT_RUNS }),
  };

  // results[page][server][interpreter type]: each server's runs apart.
  const results = Object.fromEntries(PAGES.map((p) => [p.key, Object.fromEntries(p.servers.map((s) => [s.key, {}]))]));
  for (const interp of INTERPRETERS)
    for (const page of PAGES)
      for (const server of page.servers)
        results[page.key][server.key][interp.type] = await interleaved({
          variants: page.variants,
          runs: page.runs ?? RUNS,
          // No untimed round where a run already loads the page untimed first
          // (revisit) or takes seconds, with a cold server or browser binary
          // lost in the noise (slow: a round costs a minute with Pyodide).
          warmup: !page.throttle && !page.revisit,
          once: (v) => runOnce(browser, page.throttle ? slowBase : bases[server.key], interp, page, v, sources[page.key][interp.type]),
          label: `${interp.name} ${page.key} (${server.key})`,
          value: (r) => r.done,
          unit: "ms",
        });

  const summary = Object.fromEntries(
    PAGES.map((p) => [p.key, Object.fromEntries(p.servers.map((s) => [s.key, summarize(p, results[p.key][s.key])]))]),
  );
  writeResults("bench-results", meta, t0, (m) => report(summary, m), { summary, results });
}

run(main);
