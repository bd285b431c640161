// Boot benchmark, in Debian's Chromium, cold HTTP cache for every run:
//   - hello world with our core vs PyScript's core vs the bare interpreter;
//   - a files page: the same hello world after a [files] config of 20 small
//     files and one .tar.gz archive unpacked into a folder, with our core vs
//     PyScript's core (the bare interpreter has no [files]).
//
//   make bench      (from the repo root; BENCH_RUNS=N overrides the 7 rounds,
//                    BENCH_ONLY=mpy or py benches one interpreter,
//                    BENCH_PAGES=hello or files benches one page)
//
// Every run opens a page in a fresh browser context and reads window.__done,
// the performance.now() (ms since navigation start) at which the page's
// mpy:done / py:done fired (bare interpreter: right after runPython). Rounds
// interleave a page's variants in a rotated order, so drift hits all alike.
// The files page's 20 files are committed in pages/files/; its archive is
// written at start to a temp folder served at /generated/ (see makeArchive).
// Results go to stdout, bench-results.md and bench-results.json at the root.
// The bench reports; it never fails on slowness, only on broken runs.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import {
  INTERPRETERS, OURS, PAGES_DIR, PYSCRIPT, checkDist, fmt, interleaved, launch, parseRuns, round1, round2, run,
  runMeta, sleep, startServer, table, writeResults,
} from "./common.mjs";

const RUNS = parseRuns(process.env.BENCH_RUNS, 7);
const RUN_TIMEOUT = 60_000;
// Pause after each run so the closed context's renderer has exited and the
// CPU is idle again before the next cold start (BENCH_PAUSE_MS overrides).
const PAUSE = Number(process.env.BENCH_PAUSE_MS ?? 500);

if (!(PAUSE >= 0)) throw new Error(`BENCH_PAUSE_MS must be a number ≥ 0, got ${process.env.BENCH_PAUSE_MS}`);
const VARIANTS = {
  ours: OURS,
  pyscript: PYSCRIPT,
  bare: { key: "bare", label: "interpreter alone" },
};
// Each page is one HTML file per interpreter and variant in PAGES_DIR.
const PAGES = [
  {
    key: "hello",
    title: "Boot benchmark: hello world, cold cache",
    variants: [VARIANTS.ours, VARIANTS.pyscript, VARIANTS.bare],
    file: (type, v) => `${type}-${v}.html`,
  },
  {
    key: "files",
    title: "files page (20 files + 1 archive)",
    variants: [VARIANTS.ours, VARIANTS.pyscript],
    file: (type, v) => `${type}-files-${v}.html`,
  },
].filter((p) => !process.env.BENCH_PAGES || process.env.BENCH_PAGES.split(",").includes(p.key)); // BENCH_PAGES=hello|files
if (!PAGES.length) throw new Error(`BENCH_PAGES=${process.env.BENCH_PAGES}: want hello, files or hello,files`);

// --- files page fixtures ---------------------------------------------------------

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

// filesPageSources reads the files pages of one interpreter, checks that the
// ours and PyScript pages carry the same config and the same Python code, and
// returns the URL paths the config fetches: the 20 files (which must exist
// in pages/files/) and the archive. Every run must request each of them.
function filesPageSources(type) {
  const parts = (variant) => {
    const file = `${type}-files-${variant}.html`;
    const html = readFileSync(path.join(PAGES_DIR, file), "utf8");
    const config = new RegExp(`<${type}-config>([\\s\\S]*?)</${type}-config>`).exec(html)?.[1];
    const code = new RegExp(`<script type="${type}">([\\s\\S]*?)</script>`).exec(html)?.[1];
    if (config === undefined || code === undefined) throw new Error(`${file}: no <${type}-config> or <script type="${type}">`);
    return { config, code };
  };
  const ours = parts("ours");
  const pyscript = parts("pyscript");
  if (ours.config !== pyscript.config || ours.code !== pyscript.code)
    throw new Error(`${type}-files-ours.html and ${type}-files-pyscript.html differ in config or code`);
  const sources = [...ours.config.matchAll(/^\s*"\.(\/[^"]+)"\s*=/gm)].map((m) => m[1]);
  const files = sources.filter((s) => s.startsWith("/files/"));
  if (files.length !== 20 || !sources.includes("/generated/bundle.tar.gz") || sources.length !== 21)
    throw new Error(`${type}-files pages: want 20 ./files/… sources and ./generated/bundle.tar.gz, got ${sources.join(", ")}`);
  for (const f of files) if (!existsSync(path.join(PAGES_DIR, f))) throw new Error(`${type}-files pages: ${f} is missing in e2e/bench/pages`);
  return sources;
}

// --- one run ------------------------------------------------------------------

// expect lists URL paths the page must fetch successfully (the files page's
// sources), on top of the checks every page gets.
async function runOnce(browser, base, interp, page, variant, expect = []) {
  const url = `${base}/${page.file(interp.type, variant.key)}`;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const log = { errors: [], stdout: [], foreign: [], requests: 0, ok: new Set() };
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
      else if (r.url().startsWith(base + "/")) log.ok.add(new URL(r.url()).pathname);
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
    const missing = done === undefined ? [] : expect.filter((p) => !log.ok.has(p));
    if (missing.length) log.errors.push(`never fetched: ${missing.join(", ")}`);
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
  if (/^\/files\/f\d+\.(py|txt)$/.test(p)) return "20 files (first start → last end)";
  if (p.startsWith("/generated/")) return path.posix.basename(p);
  return p;
}

const ratio = (a, b) => (a / b).toFixed(2);

// summarize reduces one page's runs (results[interpreter type]) to per-variant
// statistics, a breakdown per variant, and the ours / PyScript ratios.
function summarize(page, results) {
  const summary = {};
  for (const interp of INTERPRETERS) {
    const runs = results[interp.type];
    const s = (summary[interp.type] = { variants: {}, breakdown: {} });
    for (const v of page.variants) {
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
      // Issue 9's "Go out of the critical path": from core.wasm received to
      // the interpreter's module requested (negative: core.js started the
      // interpreter before Go ran). Ours only; runs that fetched both.
      const gaps = vr.flatMap((r) => {
        const wasm = r.resources.find((x) => x.path === "/dist/core.wasm");
        const interpreter = r.resources.find((x) => /^\/dist\/(micropython\/micropython|pyodide\/pyodide)\.mjs$/.test(x.path));
        return wasm && interpreter ? [interpreter.start - wasm.end] : [];
      });
      if (gaps.length === vr.length && gaps.length) b.coreToInterpreter = stats(gaps).median;
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

function pageReport(page, summaries, meta) {
  const summary = summaries[page.key];
  const out = [];
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
      : "Time from navigation start until `mpy:done` / `py:done`, in ms.",
  );
  out.push("");
  const rows = [];
  for (const interp of INTERPRETERS) {
    const s = summary[interp.type];
    for (const v of page.variants) {
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
    let line = `- ${interp.name}: ours / PyScript = **${s.ratio.toFixed(2)}** (median of per-round ratios ${s.pairedRatio.toFixed(2)}; goal ≤ 1.00)`;
    const hello = summaries.hello?.[interp.type];
    if (page.key === "files" && hello) {
      const extra = (key) => s.variants[key].median - hello.variants[key].median;
      line += `; the files add ${signed(extra("ours"))} ms to ours and ${signed(extra("pyscript"))} ms to PyScript (difference of the two pages' medians)`;
    }
    out.push(line);
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
  for (const interp of INTERPRETERS) {
    const b = summary[interp.type].breakdown;
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
    rows.push(["subresources: count / KiB on the wire", ...variants.map((v) => `${b[v.key].requests} / ${fmt(b[v.key].transferred / 1024)}`)]);
    out.push("");
    out.push(`${interp.name}:`);
    out.push("");
    out.push(table(["file", ...variants.map((v) => v.key)], rows));
  }
  return out;
}

const signed = (x) => (x < 0 ? "−" : "+") + fmt(Math.abs(x));

// --- main -------------------------------------------------------------------------

async function main(cleanups) {
  checkDist();
  const t0 = Date.now();
  // Checked before the server starts: broken fixtures fail fast.
  const sources = Object.fromEntries(INTERPRETERS.map((i) => [i.type, PAGES.some((p) => p.key === "files") ? filesPageSources(i.type) : []]));
  const generated = mkdtempSync(path.join(os.tmpdir(), "gopyscript-bench-"));
  cleanups.push(() => rmSync(generated, { recursive: true, force: true }));
  const archive = makeArchive(generated);

  // The files page's archive, written by makeArchive above.
  const server = startServer(["-mount", `/generated/=${generated}`]);
  cleanups.unshift(server.stop);
  const base = await server.url;
  console.error(`dev server: ${base}`);

  const browser = await launch(cleanups);
  const meta = {
    ...runMeta(browser, RUNS, INTERPRETERS),
    pages: PAGES.map((p) => p.key),
    filesBytes: [...new Set(Object.values(sources).flat())]
      .filter((s) => s.startsWith("/files/"))
      .reduce((t, s) => t + readFileSync(path.join(PAGES_DIR, s)).length, 0),
    archiveBytes: readFileSync(archive).length,
  };

  const results = Object.fromEntries(PAGES.map((p) => [p.key, {}]));
  for (const interp of INTERPRETERS)
    for (const page of PAGES) {
      const expect = page.key === "files" ? sources[interp.type] : [];
      results[page.key][interp.type] = await interleaved({
        variants: page.variants,
        runs: RUNS,
        once: (v) => runOnce(browser, base, interp, page, v, expect),
        label: `${interp.name} ${page.key}`,
        value: (r) => r.done,
        unit: "ms",
      });
    }

  const summary = Object.fromEntries(PAGES.map((p) => [p.key, summarize(p, results[p.key])]));
  writeResults("bench-results", meta, t0, (m) => report(summary, m), { summary, results });
}

run(main);
