// CPU profiles of both threads of a worker page: where the time of the
// worker's first round trips goes (issue 20). Not part of make bench: a tool.
//
//   node e2e/bench/profile.mjs <page> [dist dir]
//
// <page> is a template of pages/workers/ (rt, click, web …) filled for our
// core like workers.mjs does (env TYPE=mpy|py, WARMUP=N, WORKER=1 for web;
// click: the page clicks 500 times once the worker is ready);
// [dist dir] serves another build of dist/ (e.g. one built without -s -w,
// whose wasm functions have names). The page's and the worker's profiles are
// written to profile-page.cpuprofile and profile-worker.cpuprofile (open
// them in Chromium's DevTools), and the top self times of each are printed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PAGES_DIR, ROOT, launch, run, sleep, startServer } from "./common.mjs";

const [template = "rt", distDir = "dist"] = process.argv.slice(2);
const type = process.env.TYPE ?? "mpy";
const TOP = Number(process.env.TOP ?? 25);

async function main(cleanups) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gopyscript-profile-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const html = readFileSync(path.join(PAGES_DIR, "workers", `${template}.html`), "utf8")
    .replaceAll("{{type}}", type)
    .replaceAll("{{interpreter}}", type)
    .replaceAll("{{warmup}}", process.env.WARMUP ?? "0")
    .replaceAll("{{worker}}", process.env.WORKER ? " worker" : "")
    .replaceAll("{{thread}}", "")
    .replace("{{core}}", '<script type="module" src="/pdist/core.js"></script>');
  writeFileSync(path.join(dir, "page.html"), html);
  const server = startServer(["-mount", `/generated/=${dir}`, "-mount", `/pdist/=${path.resolve(ROOT, distDir)}`]);
  cleanups.unshift(server.stop);
  const base = await server.url;
  const browser = await launch(cleanups);
  const runs = Number(process.env.RUNS ?? 1);
  for (let i = 1; i < runs; i++) await once(browser, base, false);
  await once(browser, base, process.env.PROFILE !== "0");
}

// once loads the page in a fresh context, profiled or not.
async function once(browser, base, profiled) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("console", (m) => console.error(`console.${m.type()}: ${m.text()}`));
  const cdp = await context.newCDPSession(page);

  // The worker's session, through the page's: flatten:false, so its
  // messages travel in Target.sendMessageToTarget/receivedMessageFromTarget.
  let nextId = 1;
  const pending = new Map();
  let workerSession;
  const attached = new Promise((resolve) => {
    cdp.on("Target.attachedToTarget", async ({ sessionId, targetInfo, waitingForDebugger }) => {
      if (targetInfo.type !== "worker" || workerSession) return;
      workerSession = sessionId;
      await toWorker("Profiler.enable");
      await toWorker("Profiler.setSamplingInterval", { interval: 100 });
      await toWorker("Profiler.start");
      if (waitingForDebugger) await toWorker("Runtime.runIfWaitingForDebugger");
      resolve();
    });
  });
  cdp.on("Target.receivedMessageFromTarget", ({ sessionId, message }) => {
    if (sessionId !== workerSession) return;
    const m = JSON.parse(message);
    if (m.id && pending.has(m.id)) pending.get(m.id)(m), pending.delete(m.id);
  });
  const toWorker = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
      cdp.send("Target.sendMessageToTarget", { sessionId: workerSession, message: JSON.stringify({ id, method, params }) });
    });
  if (profiled) await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  if (profiled) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
  }
  await page.goto(`${base}/generated/page.html`);
  if (profiled) await attached;
  const selector = process.env.DONE ?? "body[data-rate],body[data-ms],body[data-ready]";
  await page.waitForSelector(selector, { state: "attached", timeout: 120_000 });
  if (template === "click")
    console.error(`clicks/s: ${await page.evaluate(async (n) => {
      const btn = document.getElementById("btn");
      const t0 = performance.now();
      for (let i = 0; i < n; i++) btn.click();
      while (btn.dataset.count !== String(n)) await new Promise((resolve) => setTimeout(resolve, 1));
      return Math.round(n / ((performance.now() - t0) / 1000));
    }, 500)}`);
  console.error(`done: ${JSON.stringify(await page.evaluate(() => ({ ...document.body.dataset })))}`);
  await sleep(200);
  if (!profiled) return void (await context.close());
  const profiles = {
    page: (await cdp.send("Profiler.stop")).profile,
    worker: (await toWorker("Profiler.stop")).profile,
  };
  for (const [name, profile] of Object.entries(profiles)) {
    writeFileSync(path.join(ROOT, `profile-${name}.cpuprofile`), JSON.stringify(profile));
    summarize(name, profile);
  }
  await context.close();
}

// summarize prints the functions with the most self time, and the total
// of wasm, JS and idle/GC/program.
function summarize(name, { nodes, samples, timeDeltas }) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  samples.forEach((id, i) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url ? path.basename(f.url.split("?")[0]) : ""}${f.url ? `:${f.lineNumber + 1}` : ""}`;
    const dt = timeDeltas[i] / 1000;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  console.log(`\n== ${name}: ${total.toFixed(0)} ms sampled`);
  for (const [key, ms] of top) console.log(`${ms.toFixed(1).padStart(8)} ms  ${key}`);
}

run(main);
