// Boot benchmark: hello world with our core vs PyScript's core vs the bare
// interpreter, in Debian's Chromium, cold HTTP cache for every run.
//
//   make bench      (from the repo root; BENCH_RUNS=N overrides the 7 rounds,
//                    BENCH_ONLY=mpy or py benches one interpreter)
//
// Every run opens a page in a fresh browser context and reads window.__done,
// the performance.now() (ms since navigation start) at which the page's
// mpy:done / py:done fired (bare interpreter: right after runPython). Rounds
// interleave the variants in a rotated order, so drift hits all alike.
// Results go to stdout, bench-results.md and bench-results.json at the root.
// The bench reports; it never fails on slowness, only on broken runs.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import os from "node:os";
import path from "node:path";

const require = createRequire(import.meta.url); // resolves from e2e/node_modules
const { chromium } = require("playwright-core");

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const RUNS = parseRuns(process.env.BENCH_RUNS);
const RUN_TIMEOUT = 60_000;
// Pause after each run so the closed context's renderer has exited and the
// CPU is idle again before the next cold start (BENCH_PAUSE_MS overrides).
const PAUSE = Number(process.env.BENCH_PAUSE_MS ?? 500);
const SERVER_TIMEOUT = 180_000; // `go run` may compile first
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-gpu",
  "--no-first-run",
];
const PYSCRIPT_VERSION = readJSON("e2e/node_modules/@pyscript/core/package.json").version;

const INTERPRETERS = [
  { type: "mpy", name: "MicroPython", version: readJSON("e2e/node_modules/@micropython/micropython-webassembly-pyscript/package.json").version },
  { type: "py", name: "Pyodide", version: readJSON("e2e/node_modules/pyodide/package.json").version },
].filter((i) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(",").includes(i.type)); // BENCH_ONLY=mpy|py
if (!INTERPRETERS.length) throw new Error(`BENCH_ONLY=${process.env.BENCH_ONLY}: want mpy, py or mpy,py`);
if (!(PAUSE >= 0)) throw new Error(`BENCH_PAUSE_MS must be a number ≥ 0, got ${process.env.BENCH_PAUSE_MS}`);
const VARIANTS = [
  { key: "ours", label: "GoPyScript core (ours)" },
  { key: "pyscript", label: `PyScript ${PYSCRIPT_VERSION} core` },
  { key: "bare", label: "interpreter alone" },
];

function parseRuns(value) {
  if (value === undefined || value === "") return 7;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_RUNS must be a positive integer, got ${JSON.stringify(value)}`);
  return n;
}

function readJSON(rel) {
  return JSON.parse(readFileSync(path.join(ROOT, rel), "utf8"));
}

// --- dev server -------------------------------------------------------------

function startServer() {
  const args = [
    "run", "./cmd/devserver", "-addr", "127.0.0.1:0", "-root", "e2e/bench/pages",
    "-mount", "/dist/=dist",
    "-mount", "/pyscript/=e2e/node_modules/@pyscript/core/dist",
    // PyScript's `offline` mode loads ./pyscript/<name>/<name>.mjs relative to
    // the page: serve it our self-hosted copies, the very files our core uses.
    "-mount", "/pyscript/micropython/=dist/micropython",
    "-mount", "/pyscript/pyodide/=dist/pyodide",
  ];
  // Own process group: `go run` starts a child binary, and we stop both.
  const child = spawn("go", args, { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const url = new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`dev server did not start within ${SERVER_TIMEOUT / 1000} s\n${stderr}`)), SERVER_TIMEOUT);
    child.stdout.on("data", (d) => {
      out += d;
      const m = /Serving .* at (http:\/\/\S+?)\/?\s/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on("error", (e) => (clearTimeout(timer), reject(e)));
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`dev server exited (${signal ?? code}) before serving\n${stderr}`));
    });
  });
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return Promise.resolve();
    }
    const hard = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, 5_000);
    return exited.finally(() => clearTimeout(hard));
  };
  return { url, stop, child };
}

// --- one run ------------------------------------------------------------------

async function runOnce(browser, base, interp, variant) {
  const url = `${base}/${interp.type}-${variant.key}.html`;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const log = { errors: [], stdout: [], foreign: [], requests: 0 };
    page.on("console", (m) => {
      if (m.type() === "error") log.errors.push(`console.error: ${m.text()}`);
      else if (m.type() === "log") log.stdout.push(m.text());
    });
    page.on("pageerror", (e) => log.errors.push(`page error: ${e}`));
    page.on("request", (r) => {
      log.requests++;
      const u = r.url();
      if (!u.startsWith(base + "/") && !/^(data|blob):/.test(u)) log.foreign.push(u);
    });
    page.on("requestfailed", (r) => log.errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on("response", (r) => {
      if (r.status() >= 400) log.errors.push(`HTTP ${r.status()}: ${r.url()}`);
    });

    const started = Date.now();
    await page.goto(url, { waitUntil: "commit", timeout: RUN_TIMEOUT });
    let done;
    for (;;) {
      if (log.errors.length || log.foreign.length) break;
      try {
        done = await page.evaluate(() => window.__done);
      } catch {} // navigation still settling
      if (done !== undefined) break;
      if (Date.now() - started > RUN_TIMEOUT) {
        log.errors.push(`no ${interp.type}:done within ${RUN_TIMEOUT / 1000} s`);
        break;
      }
      await sleep(25);
    }
    // Output may trail the done event by a console round trip.
    for (let i = 0; done !== undefined && i < 40 && !log.stdout.includes("hello world"); i++) await sleep(50);
    if (done !== undefined && !log.stdout.includes("hello world"))
      log.errors.push(`"hello world" was not printed (console: ${JSON.stringify(log.stdout)})`);
    if (log.foreign.length) log.errors.push(`requests left 127.0.0.1: ${log.foreign.join(", ")}`);
    if (log.errors.length)
      throw new Error(`${url} failed:\n  ${log.errors.join("\n  ")}`);

    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      return {
        marks: window.__marks ?? {},
        html: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
        resources: performance.getEntriesByType("resource").map((e) => ({
          path: new URL(e.name).pathname,
          start: e.startTime,
          end: e.responseEnd,
          transfer: e.transferSize,
          encoded: e.encodedBodySize,
          decoded: e.decodedBodySize,
        })),
      };
    });
    const cached = timing.resources.filter((r) => r.transfer === 0 && r.encoded > 0).map((r) => r.path);
    if (cached.length) throw new Error(`${url}: served from cache, not a cold run: ${cached.join(", ")}`);
    return {
      done: round1(done),
      html: round1(timing.html),
      domContentLoaded: round1(timing.domContentLoaded),
      marks: Object.fromEntries(Object.entries(timing.marks).map(([k, t]) => [k, round1(t)])),
      resources: timing.resources,
    };
  } finally {
    await context.close();
    await sleep(PAUSE);
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round1 = (x) => Math.round(x * 10) / 10;

// --- statistics and reporting -----------------------------------------------

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { median: round1(median), min: s[0], max: s.at(-1), mean: round1(mean), n: s.length };
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
  return p;
}

function table(header, rows) {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(cells[0]), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...cells.slice(1).map(line)].join("\n");
}

const fmt = (x) => (x === undefined ? "—" : Math.round(x).toLocaleString("en-US"));
const ratio = (a, b) => (a / b).toFixed(2);

function summarize(results) {
  const summary = {};
  for (const interp of INTERPRETERS) {
    const runs = results[interp.type];
    const s = (summary[interp.type] = { variants: {}, breakdown: {} });
    for (const v of VARIANTS) {
      const vr = runs.filter((r) => r.variant === v.key);
      s.variants[v.key] = stats(vr.map((r) => r.done));
      // Median start/end per milestone (files fetched in every run only).
      const labels = new Map();
      for (const r of vr) {
        const seen = new Map();
        for (const res of r.resources) {
          const l = classify(res.path);
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
    }
    // Paired ratio: per round, ours / PyScript, then the median.
    const rounds = [...new Set(runs.map((r) => r.round))];
    const paired = rounds.map((k) => {
      const get = (key) => runs.find((r) => r.round === k && r.variant === key).done;
      return get("ours") / get("pyscript");
    });
    s.ratio = round2(s.variants.ours.median / s.variants.pyscript.median);
    s.pairedRatio = round2(stats(paired).median);
  }
  return summary;
}

const round2 = (x) => Math.round(x * 100) / 100;

function report(summary, meta) {
  const out = [];
  out.push(`## Boot benchmark: hello world, cold cache`);
  out.push("");
  out.push(
    `${meta.date} · Chromium ${meta.chromium} (headless) · ${meta.runs} run${meta.runs > 1 ? "s" : ""} per variant, ` +
      `interleaved, fresh browser context each · ${meta.cpu}, load average ${meta.loadavgBefore} before / ${meta.loadavgAfter} after · node ${meta.node}`,
  );
  out.push("");
  out.push("Time from navigation start until `mpy:done` / `py:done` (interpreter alone: until `runPython` returned), in ms.");
  out.push("");
  const rows = [];
  for (const interp of INTERPRETERS) {
    const s = summary[interp.type];
    for (const v of VARIANTS) {
      const x = s.variants[v.key];
      rows.push([
        `${interp.name} ${interp.version}`,
        v.label,
        fmt(x.median),
        `${fmt(x.min)}–${fmt(x.max)}`,
        v.key === "pyscript" ? "1.00" : ratio(x.median, s.variants.pyscript.median),
      ]);
    }
  }
  out.push(table(["interpreter", "variant", "median", "min–max", "÷ PyScript"], rows));
  out.push("");
  for (const interp of INTERPRETERS) {
    const s = summary[interp.type];
    out.push(
      `- ${interp.name}: ours / PyScript = **${s.ratio.toFixed(2)}** (median of per-round ratios ${s.pairedRatio.toFixed(2)}; goal ≤ 1.00)`,
    );
  }
  out.push("");
  out.push(
    "Both cores load the same self-hosted interpreter files from the same server " +
      "(PyScript via its `offline` attribute); the server sends precompressed .br copies of " +
      "`dist/` files (ours and the interpreters), PyScript's own files have none and travel uncompressed.",
  );
  out.push("");
  out.push("### Where the time goes (median ms since navigation start: fetch start → response end)");
  for (const interp of INTERPRETERS) {
    const b = summary[interp.type].breakdown;
    const labels = [];
    for (const v of VARIANTS) for (const l of Object.keys(b[v.key])) if (typeof b[v.key][l] === "object" && !labels.includes(l)) labels.push(l);
    const rows = [["HTML", ...VARIANTS.map((v) => fmt(b[v.key].html))]];
    for (const l of labels)
      rows.push([l, ...VARIANTS.map((v) => (b[v.key][l] ? `${fmt(b[v.key][l].start)} → ${fmt(b[v.key][l].end)}` : "—"))]);
    rows.push(["DOMContentLoaded", ...VARIANTS.map((v) => fmt(b[v.key].domContentLoaded))]);
    const events = [];
    for (const v of VARIANTS) for (const l of Object.keys(b[v.key])) if (l.startsWith("event: ") && !events.includes(l)) events.push(l);
    for (const l of events) rows.push([l, ...VARIANTS.map((v) => fmt(b[v.key][l]))]);
    rows.push(["last byte received", ...VARIANTS.map((v) => fmt(b[v.key].lastByte))]);
    rows.push(["**done**", ...VARIANTS.map((v) => `**${fmt(b[v.key].done)}**`)]);
    rows.push(["done − last byte", ...VARIANTS.map((v) => fmt(b[v.key].done - b[v.key].lastByte))]);
    rows.push(["subresources: count / KiB on the wire", ...VARIANTS.map((v) => `${b[v.key].requests} / ${fmt(b[v.key].transferred / 1024)}`)]);
    out.push("");
    out.push(`${interp.name}:`);
    out.push("");
    out.push(table(["file", ...VARIANTS.map((v) => v.key)], rows));
  }
  return out.join("\n") + "\n";
}

// --- main -------------------------------------------------------------------------

async function main() {
  for (const f of ["dist/core.js", "dist/core.wasm", "dist/micropython/micropython.mjs", "dist/pyodide/pyodide.mjs"])
    if (!existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run \`make dist\` first`);

  const t0 = Date.now();
  const server = startServer();
  cleanups.push(server.stop);
  const base = await server.url;
  console.error(`dev server: ${base}`);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
  });
  cleanups.unshift(() => browser.close());
  const meta = {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    chromium: browser.version(),
    runs: RUNS,
    node: process.version,
    cpu: `${os.cpus()[0]?.model?.trim() ?? "unknown CPU"} ×${os.cpus().length}`,
    loadavgBefore: os.loadavg()[0].toFixed(2),
    pyscript: PYSCRIPT_VERSION,
    interpreters: Object.fromEntries(INTERPRETERS.map((i) => [i.type, `${i.name} ${i.version}`])),
  };

  const results = {};
  for (const interp of INTERPRETERS) {
    // One untimed warm-up per variant: server, OS file cache and browser
    // binary are warm for the first timed round too. It also checks each page.
    for (const v of VARIANTS) await runOnce(browser, base, interp, v);
    const runs = (results[interp.type] = []);
    for (let round = 0; round < RUNS; round++) {
      const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]);
      const line = [];
      for (const v of order) {
        const r = await runOnce(browser, base, interp, v);
        runs.push({ round, variant: v.key, ...r });
        line.push(`${v.key} ${fmt(r.done)}`);
      }
      console.error(`${interp.name} round ${round + 1}/${RUNS}: ${line.join(", ")} ms`);
    }
  }

  meta.loadavgAfter = os.loadavg()[0].toFixed(2);
  meta.seconds = Math.round((Date.now() - t0) / 1000);
  const summary = summarize(results);
  const md = report(summary, meta);
  process.stdout.write("\n" + md);
  writeFileSync(path.join(ROOT, "bench-results.md"), md);
  writeFileSync(path.join(ROOT, "bench-results.json"), JSON.stringify({ meta, summary, results }, null, 1) + "\n");
  console.error(`\nwrote bench-results.md and bench-results.json (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

const cleanups = [];
let cleaning;
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const c of cleanups) await Promise.resolve().then(c).catch(() => {});
  })());

for (const sig of ["SIGINT", "SIGTERM"])
  process.on(sig, () => {
    console.error(`\n${sig}: stopping`);
    cleanup().finally(() => process.exit(130));
  });

main()
  .catch((e) => {
    console.error(`\nBENCHMARK FAILED: ${e?.stack ?? e}`);
    process.exitCode = 1;
  })
  .finally(cleanup);
