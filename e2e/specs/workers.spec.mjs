// Issue 6: Python in Web Workers, with synchronous access to the page.
// Every test runs for MicroPython and for Pyodide.
import { test, expect } from "@playwright/test";
import { open, allDone, events, errors, expectNoErrors, holdPage } from "./helpers.mjs";
import { ORIGIN } from "../playwright.config.mjs";

const stats = (page) => page.evaluate(() => globalThis[Symbol.for("gopyscript")].host.stats());
const data = (page) => page.evaluate(() => ({ ...document.body.dataset }));
// The file each interpreter's load requests last: its wasm.
const INTERPRETER_WASM = { mpy: "/dist/micropython/micropython.wasm", py: "/dist/pyodide/pyodide.asm.wasm" };

// Each order was checked against PyScript 0.7.31 on the same page.
const numbered = {
  // The one written first has a config file: numbered last. py comes
  // before mpy. An id already there is kept.
  "": [["mpy", "mpy-w2"], ["mpy", "mpy-w1"], ["mpy", "own"], ["py", "py-w0"]],
  // The page's mpy config names the interpreter: PyScript numbers those
  // workers at once, its config file unread, before py's.
  "?interpreter": [["mpy", "mpy-w0"], ["mpy", "mpy-w1"], ["mpy", "own"], ["py", "py-w2"]],
};
for (const [query, expected] of Object.entries(numbered))
  test(`worker scripts get PyScript's ids: one counter across types, in PyScript's order ${query}`, async ({ page }) => {
    const log = await open(page, `/workers/ids.html${query}`);
    await allDone(page);
    await expectNoErrors(page, log);
    const workers = () =>
      page.evaluate(() => [...document.querySelectorAll("script[worker]")].map((s) => [s.type, s.id, s.dataset.target]));
    expect(await workers()).toEqual(expected.map(([type, id]) => [type, id, `${id}-target`]));
    // A PyWorker takes no number (its current_target() is empty); a worker
    // script added later takes the next one.
    await page.evaluate(async () => {
      const { MPWorker } = await import("/dist/core.js");
      await MPWorker("./code/ids.py");
      const later = Object.assign(document.createElement("script"), { type: "mpy", src: "./code/ids.py" });
      later.setAttribute("worker", "");
      document.body.append(later);
    });
    await expect(page.locator("body")).toHaveAttribute("data-no-element", "''");
    await expect(page.locator("script[worker]").last()).toHaveAttribute("data-target", "mpy-w3-target");
    expect((await workers()).at(-1)).toEqual(["mpy", "mpy-w3", "mpy-w3-target"]);
    await expectNoErrors(page, log);
  });

for (const type of ["mpy", "py"]) {
  test.describe(type, () => {
    test("worker scripts run: inline, src, legacy element; events, targets and all-done", async ({ page }) => {
      const log = await open(page, `/workers/basics.html?type=${type}`);
      await allDone(page);
      await expectNoErrors(page, log);
      // The inline worker has its own id, the others get PyScript's.
      await expect(page.locator(`script-${type}#inline-target`)).toHaveText("inline says from the page config");
      await expect(page.locator(`script-${type}#${type}-w0-target`)).toHaveText("src says from its own config");
      await expect(page.locator(`${type}-script#${type}-w1`)).toHaveText("legacy element");
      expect(await data(page)).toMatchObject({ inline: "inline-target", src: type, main: "ran" });
      // The main script does not wait for workers; all-done waits for all.
      const seen = await events(page);
      const workerEvents = seen.filter((e) => e.worker === true).map((e) => e.type);
      expect(workerEvents.filter((t) => t === `${type}:ready`)).toHaveLength(3);
      expect(workerEvents.filter((t) => t === `${type}:done`)).toHaveLength(3);
      expect(seen.at(-1).type).toBe("py:all-done");
      expect(seen.filter((e) => e.type.endsWith(":done") && e.worker === false)).toHaveLength(1);
      // Loading progress in a worker is reported on the page.
      const name = type === "py" ? "Pyodide" : "MicroPython";
      expect(seen.filter((e) => e.type === `${type}:progress`).map((e) => e.detail)).toContain(`Loaded ${name}`);
      // print() in a worker goes to the console, as on the page.
      expect(log.console.map((m) => m.text)).toContain("printed in the worker");
      // script.xworker is the Worker, read-only, with PyScript's extras.
      const xworker = await page.evaluate(() => {
        const script = document.getElementById("inline");
        const x = script.xworker;
        script.xworker = null;
        return {
          isWorker: x instanceof Worker,
          same: script.xworker === x,
          api: ["sync", "ready", "postMessage", "terminate"].every((k) => k in x),
          ready: x.ready instanceof Promise,
        };
      });
      expect(xworker).toEqual({ isWorker: true, same: true, api: true, ready: true });
    });

    test("a worker script's interpreter loads while the page's thread is busy (it waits for no message)", async ({ page }) => {
      // Chromium hands a starting worker the messages posted to it only in
      // a task of the page's thread: a worker told its interpreter by
      // message would not ask for it while hold.js holds that thread. The
      // hold starts while the worker loads its script (its import of
      // core.js, the second request for it, waits for the hold), so the
      // worker thread exists but has not run yet.
      let cores = 0;
      const { held, log } = await holdPage(page, `/busy.html?type=${type}&worker`, "**/dist/core.js", () => ++cores === 2, INTERPRETER_WASM[type]);
      expect(held).toBe("released");
      expect(log.console.map((m) => m.text)).toContain("worker ran");
    });

    test("sync both ways: pyscript.sync calls the page, xworker.sync calls the worker", async ({ page }) => {
      const log = await open(page, `/workers/sync.html?type=${type}`);
      await allDone(page);
      await expectNoErrors(page, log);
      const results = JSON.parse((await data(page)).results);
      expect(results.double).toBe(42);
      expect(results.later).toBe(2); // an async page function is awaited on the page
      expect(results.body).toBe("BODY"); // objects come back by reference
      expect(results.boom).toContain("boom from the page"); // a JS exception is raised in Python
      expect(await page.evaluate(() => document.getElementById("w").xworker.transport)).toBe("shared-memory");
      // postMessage both ways: a message sent before Python listened is delivered.
      await expect(page.locator("body")).toHaveAttribute("data-echo", "worker got: sent early");
      const fromPage = await page.evaluate(async () => {
        const { xworker } = document.getElementById("w");
        const out = { add: await xworker.sync.add(2, 3), greet: await xworker.sync.greet("page") };
        for (const name of ["fail", "nope"])
          out[name] = await xworker.sync[name]().then(
            () => "resolved",
            (e) => e.message,
          );
        return out;
      });
      expect(fromPage.add).toBe(5); // listed in __export__
      expect(fromPage.greet).toBe("hi page"); // assigned to pyscript.sync, async
      expect(fromPage.fail).toContain("ValueError: raised in the worker");
      expect(fromPage.nope).toBe("the worker has no export named nope");
      expect(await errors(page)).toEqual([]); // a rejected call is the caller's to handle
    });

    test("PyWorker/MPWorker, pyscript.PyWorker and named workers", async ({ page }) => {
      const log = await open(page, `/workers/api.html?type=${type}`);
      await page.waitForFunction(() => document.body.dataset.py, null, { timeout: 60_000 });
      await expectNoErrors(page, log);
      const { js, py } = await data(page);
      expect(JSON.parse(js)).toEqual({
        faq: "stuff done", // the seed FAQ's sync_main_only example
        faqIsWorker: true,
        configURL: `from a config URL ${type}`,
        configText: `from TOML text ${type}`,
        add: 42,
      });
      expect(JSON.parse(py)).toEqual({ named: 5, created: `created ${type}`, py_worker: `python ${type}` });
    });

    test("config, files, packages and js_modules work in a worker", async ({ page }) => {
      for (const name of ["files", "wheel", "remote", "js-modules-worker"]) {
        const log = await open(page, `/setup.html?case=${name}&type=${type}&worker`);
        await page.waitForFunction(() => document.body.dataset.checked || document.querySelector(".py-error"));
        await expectNoErrors(page, log);
        await expect(page.locator("body"), name).toHaveAttribute("data-checked", "yes");
      }
    });

    const failures = {
      exception: "ValueError: raised in the worker",
      "bad-config": "(PY1000): Invalid JSON",
      "missing-src": `(PY0404): Fetching from URL ${ORIGIN}/workers/code/nope.py failed with error 404 (Not Found)`,
      "bad-interpreter": "no-interpreter.mjs",
    };
    for (const [name, text] of Object.entries(failures)) {
      test(`a failing worker (${name}) is shown on the page, rejects ready and calls onerror`, async ({ page }) => {
        await open(page, `/workers/errors.html?type=${type}&case=${name}`);
        await allDone(page);
        const shown = await errors(page);
        expect(shown).toHaveLength(1);
        expect(shown[0]).toContain(text);
        const seen = await data(page);
        expect(seen.main).toBe("ran");
        expect(seen.ready).toMatch(/^rejected: /);
        expect(seen.ready).toContain(text);
        expect(seen.onerror).toContain(text);
        expect((await events(page)).filter((e) => e.type === `${type}:done` && e.worker)).toHaveLength(1);
      });
    }

    test("a Go panic in the worker is shown on the page and the worker goes on", async ({ page }) => {
      await open(page, `/workers/errors.html?type=${type}&case=go-panic`);
      await allDone(page);
      const shown = await errors(page);
      expect(shown).toEqual([
        "GoPyScript internal error in the worker, in worker stderr: runtime error: index out of range [0] with length 0",
      ]);
      expect(await data(page)).toMatchObject({ after: "the worker kept running", ready: "resolved", main: "ran" });
    });

    // A timer's exception is uncaught in the worker; a listener's is caught
    // by the channel, which shows its traceback.
    const uncaught = {
      uncaught: [/^GoPyScript worker w: Uncaught PythonError: Traceback/, "a timer"],
      listener: [/^Traceback/, "a listener"],
    };
    for (const [name, [start, where]] of Object.entries(uncaught))
      test(`an exception the worker does not catch (${where}) is shown on the page; the worker goes on`, async ({ page }) => {
        await open(page, `/workers/errors.html?type=${type}&case=${name}`);
        await allDone(page);
        await expect.poll(() => errors(page)).toHaveLength(1);
        const [shown] = await errors(page);
        expect(shown).toMatch(start);
        expect(shown).toContain(`ValueError: raised in ${where} of the worker`);
        const seen = await data(page);
        expect(seen).toMatchObject({ main: "ran", after: "the script ran", ready: "resolved" });
        expect(seen.onerror).toContain(`raised in ${where} of the worker`);
      });

    const attributes = {
      "worker-value": "SyntaxError: Invalid worker attribute",
      "empty-src": "SyntaxError: Invalid worker attribute",
      "src-and-code": "(PY0409) Invalid content for <script",
    };
    for (const [name, text] of Object.entries(attributes)) {
      test(`${name} gives PyScript's error and the page goes on`, async ({ page }) => {
        await open(page, `/workers/errors.html?type=${type}&case=${name}`);
        await allDone(page);
        const shown = await errors(page);
        expect(shown).toHaveLength(1);
        expect(shown[0]).toContain(text);
        expect(await data(page)).toMatchObject({ main: "ran", ready: "no xworker" });
      });
    }

    test("a deadlock is named on the console; terminating the worker frees the page", async ({ page }) => {
      const log = await open(page, `/workers/deadlock.html?type=${type}`);
      await page.waitForFunction(() => document.body.dataset.pending, null, { timeout: 30_000 });
      await allDone(page);
      expect(log.console.map((m) => m.text)).toContain("💀🔒 - is proxy.fetchData() awaiting proxy.process() ?");
      expect(await data(page)).toEqual({
        main: "ran",
        pending: "rejected: the worker was terminated before it answered",
      });
      expect(await errors(page)).toEqual([]);
      expect(await stats(page)).toEqual({ workers: 0, lent: 0, channels: 0 });
    });

    test("Python functions lent to the page are released when the page drops them", async ({ page }) => {
      await open(page, `/workers/memory.html?type=${type}&case=callbacks`);
      await page.waitForFunction(() => document.body.dataset.result, null, { timeout: 50_000 });
      const [before, after] = (await data(page)).result.split(" ").map(Number);
      expect(before).toBeGreaterThan(0);
      expect(after).toBe(0);
    });

    test("100,000 short-lived references leave the page's table at its starting size", async ({ page }) => {
      test.setTimeout(180_000); // a long loop, slower when the machine is busy; never a timing assertion
      await open(page, `/workers/memory.html?type=${type}&case=refs`);
      await page.waitForFunction(() => document.body.dataset.created || document.querySelector(".py-error"), null, { timeout: 170_000 });
      expect(await errors(page)).toEqual([]);
      // The worker collected its proxies; the page frees what they held.
      await expect.poll(async () => (await stats(page)).lent, { timeout: 10_000 }).toBeLessThan(10);
    });
  });
}

test("the page serves each worker request once, even when the worker's notify comes late", async ({ page }) => {
  await page.goto("/workers/glue.html");
  const served = await page.evaluate(async () => {
    const { watch } = await import("/dist/channel.js");
    const i32 = new Int32Array(new SharedArrayBuffer(64));
    let calls = 0;
    watch(i32.buffer, 0, { gps_serve: () => (calls++, 0) });
    const turns = async (n) => {
      for (let i = 0; i < n; i++) await new Promise((resolve) => setTimeout(resolve));
    };
    // One request (the counter in slot 0), served.
    Atomics.add(i32, 0, 1);
    Atomics.notify(i32, 0);
    while (calls < 1) await turns(1);
    await turns(5);
    // The worker's thread stalled between bumping the counter and notifying:
    // the page already served that request, and now the notify arrives.
    Atomics.notify(i32, 0);
    await turns(5);
    const servedOnce = calls;
    Atomics.store(i32, 3, 1); // closed
    Atomics.notify(i32, 0);
    return servedOnce;
  });
  // A second serve would answer the worker's next request with this one's answer.
  expect(served).toBe(1);
});

test("both ends stop spinning for answers while spinning does not pay, and spin again once it does", async ({ page }) => {
  await page.goto("/workers/glue.html");
  const looks = await page.evaluate(async () => {
    const { spinner, PROBE } = await import("/dist/channel.js");
    const spin = spinner(0.05);
    // How often spin(ready) looked at ready(), for a ready() that turns true
    // on its third look: one look means it did not spin.
    const looksOf = () => {
      let n = 0;
      spin(() => ++n >= 3);
      return n;
    };
    const never = () => {
      let n = 0;
      spin(() => (n++, false));
      return n;
    };
    const missed = never(); // spun, for nothing
    const afterMisses = Array.from({ length: PROBE - 1 }, looksOf);
    const probe = looksOf(); // spins once in PROBE calls, and this one pays
    const afterHit = Array.from({ length: 3 }, looksOf);
    return { missed, afterMisses, probe, afterHit, PROBE };
  });
  expect(looks.missed).toBeGreaterThan(1);
  expect(looks.afterMisses).toEqual(Array(looks.PROBE - 1).fill(1));
  expect(looks.probe).toBe(3);
  expect(looks.afterHit).toEqual([3, 3, 3]);
});

test("workers run under a strict CSP: no eval, no inline scripts, worker-src 'self'", async ({ page }) => {
  const log = await open(page, "/workers/csp.html");
  await expect.poll(() => data(page), { timeout: 30_000 }).toEqual({ mpy: "ran", py: "ran" });
  await expect(page.locator("body")).toContainText("mpy worker under a strict CSP");
  await expect(page.locator("body")).toContainText("py worker under a strict CSP");
  expect(log.console.filter((m) => /Content Security Policy/i.test(m.text))).toEqual([]);
  await expectNoErrors(page, log);
});

test("50 workers started and terminated in a loop leave nothing behind on the page", async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, "/workers/churn.html?type=mpy&n=50");
  await page.waitForFunction(() => document.body.dataset.stats, null, { timeout: 110_000 });
  const seen = JSON.parse((await data(page)).stats);
  expect(seen).toHaveLength(51);
  // While one worker runs it holds a few page objects; afterwards nothing.
  expect(seen[0].workers).toBe(1);
  expect(seen[0].lent).toBeGreaterThan(0);
  for (const s of seen.slice(0, 50)) expect(s).toEqual(seen[0]);
  expect(seen[50]).toEqual({ workers: 0, lent: 0, channels: 0 });
});
