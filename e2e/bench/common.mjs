// What the two benchmarks (bench.mjs: page loads; workers.mjs: workers)
// share: paths, the dev server and browser they start, the interleaved
// rounds, the run's description, number formatting, Markdown tables,
// writing the results, and running main() with clean-up on exit or Ctrl-C.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import os from "node:os";
import path from "node:path";
import { CHROMIUM, CHROMIUM_ARGS } from "../chromium.mjs";

const require = createRequire(import.meta.url); // resolves from e2e/node_modules
export const { chromium } = require("playwright-core");

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const PAGES_DIR = path.join(ROOT, "e2e/bench/pages");
export const readJSON = (rel) => JSON.parse(readFileSync(path.join(ROOT, rel), "utf8"));
export const PYSCRIPT_VERSION = readJSON("e2e/node_modules/@pyscript/core/package.json").version;
const INTERPRETER_VERSIONS = {
  mpy: readJSON("e2e/node_modules/@micropython/micropython-webassembly-pyscript/package.json").version,
  py: readJSON("e2e/node_modules/pyodide/package.json").version,
};

// The interpreters to bench: both, or those BENCH_ONLY=mpy|py|mpy,py names.
export const INTERPRETERS = [
  { type: "mpy", name: "MicroPython", version: INTERPRETER_VERSIONS.mpy },
  { type: "py", name: "Pyodide", version: INTERPRETER_VERSIONS.py },
].filter((i) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(",").includes(i.type));
if (!INTERPRETERS.length) throw new Error(`BENCH_ONLY=${process.env.BENCH_ONLY}: want mpy, py or mpy,py`);

// The two variants every page has: our core and PyScript's.
export const OURS = { key: "ours", label: "GoPyScript core (ours)" };
export const PYSCRIPT = { key: "pyscript", label: `PyScript ${PYSCRIPT_VERSION} core` };

const SERVER_TIMEOUT = 180_000; // `go run` may compile first

// parseRuns reads BENCH_RUNS: how many rounds, fallback when unset.
export function parseRuns(value, fallback) {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_RUNS must be a positive integer, got ${JSON.stringify(value)}`);
  return n;
}

// PyScript's built core, served at /pyscript/.
export const PYSCRIPT_DIST = path.join(ROOT, "e2e/node_modules/@pyscript/core/dist");

// Mounts that give a page folder PyScript's offline interpreters:
// ./pyscript/<name>/ next to pages under folder (ending in "/").
export const offlineInterpreters = (folder) => [
  "-mount", `${folder}pyscript/micropython/=dist/micropython`,
  "-mount", `${folder}pyscript/pyodide/=dist/pyodide`,
];

// The two cores a side-by-side bench writes each page for: the one
// difference between a page's copies is the core's include. PyScript's
// `offline` loads ./pyscript/<interpreter>/ next to the page (see
// offlineInterpreters). extra: more fields for each core.
export const swappedCores = (extra = {}) => [
  { ...OURS, src: "/dist/core.js", attrs: "", ...extra.ours },
  { ...PYSCRIPT, src: "/pyscript/core.js", attrs: " offline", ...extra.pyscript },
];

// The cores the variable named env picks ("ours", "pyscript", or both
// comma-separated; unset: all).
export function pickCores(cores, env) {
  const picked = cores.filter((c) => !process.env[env] || process.env[env].split(",").includes(c.key));
  if (!picked.length) throw new Error(`${env}=${process.env[env]}: want ours, pyscript or both`);
  return picked;
}

// A temporary folder for a bench's generated pages, removed at the end.
export function pagesFolder(cleanups, name) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `gopyscript-${name}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// Script text for a bench page's module, the same under both cores:
// w(id), a worker script's element's xworker; done(id), a promise that its
// script ran (the <type>:done event both cores fire on the element).
export const PAGE_DONE = `
      const w = (id) => document.getElementById(id).xworker;
      const finished = new Set();
      const waiting = {};
      for (const type of ["mpy", "py"])
        addEventListener(\`\${type}:done\`, (e) => {
          const id = e.target?.id;
          if (!id) return;
          finished.add(id);
          waiting[id]?.();
        }, true);
      const done = (id) => (finished.has(id) ? Promise.resolve() : new Promise((r) => (waiting[id] = r)));`;

// startServer runs our dev server on a free port over e2e/bench/pages, with
// dist/ and PyScript's core (from pyscript: another copy of PYSCRIPT_DIST,
// if given) mounted, plus the extra "-mount" arguments; latency (the dev
// server's -latency, e.g. "20ms-50ms") delays every response.
// PyScript's `offline` mode loads ./pyscript/<name>/<name>.mjs relative to
// the page: it gets our self-hosted copies, the very files our core uses.
export function startServer(extraMounts = [], { pyscript = PYSCRIPT_DIST, latency } = {}) {
  const args = [
    "run", "./cmd/devserver", "-addr", "127.0.0.1:0", "-root", "e2e/bench/pages",
    "-mount", "/dist/=dist",
    "-mount", `/pyscript/=${pyscript}`,
    ...offlineInterpreters("/"),
    ...extraMounts,
    ...(latency ? ["-latency", latency] : []),
  ];
  // Own process group: `go run` starts a child binary, and we stop both.
  const child = spawn("go", args, { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const url = new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`dev server did not start within ${SERVER_TIMEOUT / 1000} s\n${stderr}`)), SERVER_TIMEOUT);
    child.stdout.on("data", (d) => {
      const m = /Serving .* at (http:\/\/\S+?)\/?\s/.exec((out += d));
      if (m) clearTimeout(timer), resolve(m[1]);
    });
    child.on("error", (e) => (clearTimeout(timer), reject(e)));
    child.on("exit", (code, signal) => (clearTimeout(timer), reject(new Error(`dev server exited (${signal ?? code}) before serving\n${stderr}`))));
  });
  const kill = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {}
  };
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise((resolve) => child.once("exit", resolve));
    kill("SIGTERM");
    const hard = setTimeout(() => kill("SIGKILL"), 5_000);
    return exited.finally(() => clearTimeout(hard));
  };
  return { url, stop };
}

// checkDist fails unless `make dist` built what the pages load.
export function checkDist() {
  for (const f of ["dist/core.js", "dist/core.wasm", "dist/micropython/micropython.mjs", "dist/pyodide/pyodide.mjs"])
    if (!existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run \`make dist\` first`);
}

// launch starts Debian's headless Chromium, closed by the clean-ups.
export async function launch(cleanups) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, handleSIGINT: false, handleSIGTERM: false });
  cleanups.unshift(() => browser.close());
  return browser;
}

// runMeta describes the run for the report: when, with what, on what.
export function runMeta(browser, runs, interpreters) {
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    chromium: browser.version(),
    runs,
    node: process.version,
    cpu: `${os.cpus()[0]?.model?.trim() ?? "unknown CPU"} ×${os.cpus().length}`,
    loadavgBefore: os.loadavg()[0].toFixed(2),
    pyscript: PYSCRIPT_VERSION,
    interpreters: Object.fromEntries(interpreters.map((i) => [i.type, `${i.name} ${i.version}`])),
  };
}

// interleaved runs each variant once untimed (server, OS file cache and
// browser binary are then warm for the first timed round too; it also
// checks each page) unless warmup is false, then `runs` rounds with the
// variants in an order rotated each round, so that drift hits all alike.
// once(variant) returns a run's result; each round is logged as "<label>
// round i/N: <variant> <value(result)>, … <unit>". It returns
// [{round, variant, ...result}].
export async function interleaved({ variants, runs, once, label, value, unit, warmup = true }) {
  if (warmup) for (const v of variants) await once(v);
  const out = [];
  for (let round = 0; round < runs; round++) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length]);
    const line = [];
    for (const v of order) {
      const r = await once(v);
      out.push({ round, variant: v.key, ...r });
      line.push(`${v.key} ${fmt(value(r))}`);
    }
    console.error(`${label} round ${round + 1}/${runs}: ${line.join(", ")} ${unit}`);
  }
  return out;
}

// writeResults finishes meta, prints the Markdown report(meta) and writes
// it to <name>.md, and everything to <name>.json, at the repo root.
export function writeResults(name, meta, t0, report, data) {
  meta.loadavgAfter = os.loadavg()[0].toFixed(2);
  meta.seconds = Math.round((Date.now() - t0) / 1000);
  const md = report(meta);
  process.stdout.write("\n" + md);
  writeFileSync(path.join(ROOT, `${name}.md`), md);
  writeFileSync(path.join(ROOT, `${name}.json`), JSON.stringify({ meta, ...data }, null, 1) + "\n");
  console.error(`\nwrote ${name}.md and ${name}.json (${meta.seconds} s)`);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const round1 = (x) => Math.round(x * 10) / 10;
export const round2 = (x) => Math.round(x * 100) / 100;
export const fmt = (x) => (x === undefined ? "—" : Math.round(x).toLocaleString("en-US"));

export function table(header, rows) {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(cells[0]), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...cells.slice(1).map(line)].join("\n");
}

// run calls main(cleanups) and runs every clean-up pushed there (servers,
// browsers, temporary folders) when it ends, fails or is interrupted.
export function run(main) {
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
  main(cleanups)
    .catch((e) => {
      console.error(`\nBENCHMARK FAILED: ${e?.stack ?? e}`);
      process.exitCode = 1;
    })
    .finally(cleanup);
}
