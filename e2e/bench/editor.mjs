// Editor benchmark, in Debian's Chromium, our core vs PyScript's core, with
// MicroPython and Pyodide, a fresh browser context (cold cache) every run.
// A page with one editor (`print("hello world")`) and the core's core.css:
//   - ready: ms from navigation start to the editor's `mpy-editor` /
//     `py-editor` event (the editor is on the page and takes input);
//   - output: ms from navigation start to "hello world" in the editor's
//     output, the run button clicked as soon as the editor was ready (the
//     first Run starts the editor's worker and its interpreter);
//   - run: ms from that click to the output.
//
//   node e2e/bench/editor.mjs   (part of `make bench`; BENCH_RUNS=N overrides
//                                the 5 rounds, BENCH_ONLY=mpy or py)
//
// PyScript's editor worker loads the interpreter its config names, so both
// pages carry config='{"interpreter": …}' naming the self-hosted module at
// /pyscript/<interpreter>/ (our dist/ files): both load the same files.
// Results go to stdout, bench-editor.md and bench-editor.json at the repo
// root. The bench reports; it never fails on slowness, only on broken runs.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  INTERPRETERS, OURS, PYSCRIPT, checkDist, interleaved, launch, parseRuns, run, runMeta, sleep, startServer, table,
  writeResults,
} from "./common.mjs";

const RUNS = parseRuns(process.env.BENCH_RUNS, 5);
const RUN_TIMEOUT = 90_000;
const PAUSE = 500;
const VARIANTS = [OURS, PYSCRIPT];
const CORES = {
  ours: '<link rel="stylesheet" href="/dist/core.css" />\n    <script type="module" src="/dist/core.js"></script>',
  pyscript: '<link rel="stylesheet" href="/pyscript/core.css" />\n    <script type="module" src="/pyscript/core.js" offline></script>',
};
const MODULES = { mpy: "/pyscript/micropython/micropython.mjs", py: "/pyscript/pyodide/pyodide.mjs" };

const pageHTML = (interp, variant) => `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <title>bench: ${interp.name} editor, ${variant}</title>
    <link rel="icon" href="data:," />
    <script>
      addEventListener("${interp.type}-editor", () => (window.__ready ??= performance.now()), true);
    </script>
    ${CORES[variant]}
  </head>
  <body>
    <script type="${interp.type}-editor" config='{"interpreter": "${MODULES[interp.type]}"}'>print("hello world")</script>
  </body>
</html>
`;

function writePages(dir) {
  for (const interp of INTERPRETERS)
    for (const { key } of VARIANTS) writeFileSync(path.join(dir, `${interp.type}-editor-${key}.html`), pageHTML(interp, key));
}

// runOnce loads the page cold, waits for the editor, clicks Run and waits
// for the output; any console error, failed request or request off the dev
// server fails the bench.
async function runOnce(browser, base, interp, variant) {
  const url = `${base}/generated/${interp.type}-editor-${variant.key}.html`;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("console", (m) => m.type() === "error" && errors.push(`console.error: ${m.text()}`));
    page.on("pageerror", (e) => errors.push(`page error: ${e}`));
    page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on("response", (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
    page.on("request", (r) => !r.url().startsWith(base + "/") && !/^(data|blob):/.test(r.url()) && errors.push(`request left the dev server: ${r.url()}`));
    await page.goto(url, { waitUntil: "commit", timeout: RUN_TIMEOUT });
    const ready = await page.waitForFunction(() => window.__ready, null, { timeout: RUN_TIMEOUT, polling: 10 }).then((h) => h.jsonValue());
    const timing = await page.evaluate(
      ({ type, timeout }) =>
        new Promise((resolve, reject) => {
          const output = document.querySelector(`.${type}-editor-output`);
          const clicked = performance.now();
          const seen = () => output.textContent.includes("hello world");
          const observer = new MutationObserver(() => {
            if (!seen()) return;
            observer.disconnect();
            const at = performance.now();
            resolve({ output: at, run: at - clicked });
          });
          observer.observe(output, { childList: true, subtree: true, characterData: true });
          document.querySelector(`.${type}-editor-run-button`).click();
          setTimeout(() => reject(new Error(`no output within ${timeout / 1000} s`)), timeout);
        }),
      { type: interp.type, timeout: RUN_TIMEOUT },
    );
    if (errors.length) throw new Error(`${url} failed:\n  ${errors.join("\n  ")}`);
    return { ready, ...timing };
  } finally {
    await context.close();
    await sleep(PAUSE);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

run(async (cleanups) => {
  checkDist();
  const t0 = Date.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-editor-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  writePages(dir);
  const server = startServer(["-mount", `/generated/=${dir}`]);
  cleanups.push(server.stop);
  const base = await server.url;
  const browser = await launch(cleanups);
  const meta = runMeta(browser, RUNS, INTERPRETERS);
  const results = {};
  for (const interp of INTERPRETERS)
    results[interp.type] = await interleaved({
      variants: VARIANTS,
      runs: RUNS,
      once: (v) => runOnce(browser, base, interp, v),
      label: `${interp.type} editor`,
      value: (r) => r.output,
      unit: "ms to output",
    });
  const rows = [];
  for (const interp of INTERPRETERS) {
    const med = (variant, key) => median(results[interp.type].filter((r) => r.variant === variant).map((r) => r[key]));
    for (const key of ["ready", "output", "run"]) {
      const ours = med("ours", key);
      const theirs = med("pyscript", key);
      rows.push([interp.name, key, Math.round(ours), Math.round(theirs), (ours / theirs).toFixed(2)]);
    }
  }
  writeResults("bench-editor", meta, t0, (m) => [
    "## Editor: ready and first Run, cold cache",
    "",
    `${m.date} · Chromium ${m.chromium} · ${m.cpu} · node ${m.node} · PyScript ${m.pyscript} · ${Object.values(m.interpreters).join(", ")} · ` +
      `median of ${m.runs} interleaved rounds after one untimed run of each · our dev server on loopback, no throttling · load average ${m.loadavgBefore} → ${m.loadavgAfter}`,
    "",
    "ready: ms from navigation start to the editor's `mpy-editor`/`py-editor` event; output: ms from navigation start to `hello world` in its output, Run clicked as soon as it was ready; run: ms from that click to the output (the first Run starts the editor's worker and interpreter). Lower is better.",
    "",
    table(["interpreter", "ms", "ours", `PyScript ${m.pyscript}`, "ours ÷ PyScript"], rows),
    "",
  ].join("\n"), { results });
});
