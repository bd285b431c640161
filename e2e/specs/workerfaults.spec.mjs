// Issue 21, part 2: a fault in one worker is contained: the call that met
// it rejects once, with the reason, and the other workers keep answering.
// One page per interpreter runs every case in turn (pages/workers/faults.html).
// Covered elsewhere, not repeated here: an uncaught exception and a Go panic
// in a worker shown once on the page (workers.spec "an exception the worker
// does not catch", "a Go panic in the worker"), a deadlock freed by terminate
// (workers.spec), interrupt() of a looping PyWorker export and restart()
// (stop.spec), 50 workers started and terminated (workers.spec).
import { test, expect } from "@playwright/test";
import { open, errors } from "./helpers.mjs";

const recursion = { mpy: "RuntimeError: maximum recursion depth exceeded", py: "RecursionError" };
// The exception each interpreter raises for an error thrown in JavaScript.
const thrown = { mpy: "RuntimeError: the page refused", py: "JsException: Error: the page refused" };
const terminated = "rejected: the worker was terminated before it answered";

for (const type of ["mpy", "py"]) {
  test(`worker faults are contained, pending calls reject, the page's tables shrink back (${type})`, async ({ page }) => {
    test.setTimeout(150_000);
    const log = await open(page, `/workers/faults.html?type=${type}`);
    await page.waitForFunction(() => document.body.dataset.spinning, null, { timeout: 120_000 });
    await page.click("#poke");
    await page.waitForFunction(() => window.faults, null, { timeout: 30_000 });
    const out = await page.evaluate(() => window.faults);
    expect(out.failed).toBeUndefined();
    // Unbounded recursion: the call rejects with Python's error; the same
    // worker and the other one answer next.
    expect(out.recursion).toMatch(/^rejected: /);
    expect(out.recursion).toContain(recursion[type]);
    expect(out.afterRecursion).toEqual(["resolved: 1", "resolved: b:1"]);
    // A worker script that recurses without end is shown once on the page
    // and rejects its worker's ready.
    expect(out.dReady).toMatch(/^rejected: /);
    expect(out.dReady).toContain(recursion[type]);
    const shown = await errors(page);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain(recursion[type]);
    // A page function that throws inside sync: a Python exception in the
    // worker, which catches it and goes on.
    expect(out.boom).toBe(`resolved: ${thrown[type]}`);
    expect(out.afterBoom).toEqual(["resolved: 2", "resolved: b:2"]);
    // Out of memory (MicroPython's fixed heap full, Pyodide's wasm memory
    // unable to grow): MemoryError, and both workers go on.
    expect(out.hog).toMatch(/^rejected: .*MemoryError/s);
    expect(out.afterHog).toEqual(["resolved: 6", "resolved: b:6"]);
    // A worker terminated while the page awaits its export.
    expect(out.terminated).toBe(terminated);
    expect(out.afterTerminate).toBe("resolved: b:3");
    // An export that never returns: the page still handles a click; the
    // call is stopped by interrupt() where it works (Pyodide) or terminate().
    expect(out.clicks).toBe("clicked");
    if (type === "py") {
      expect(out.interrupt).toBe(true);
      expect(out.spin).toMatch(/^rejected: .*KeyboardInterrupt/s);
      expect(out.afterInterrupt).toBe("resolved: 5");
    } else {
      expect(out.interrupt).toBe(false);
      expect(out.spin).toBe(terminated);
    }
    expect(out.afterSpin).toBe("resolved: b:4");
    // The handle tables drop the terminated workers' entries: each worker
    // has a channel and each that ran has lent its exports ("d" failed
    // first); only the living "b"'s are left.
    expect(out.before).toEqual({ workers: 4, channels: 4, lent: 3 });
    expect(out.after).toEqual({ workers: 1, channels: 1, lent: 1 });
    // The other faults reached their callers, not the page: still one box.
    expect(await errors(page)).toHaveLength(1);
    expect(log.pageErrors).toEqual([]);
  });
}

// endWorker ends the page's worker whose script contains marker from
// outside the page, as the browser would (a crash, DevTools): no
// terminate(), and no event on the Worker. Chromium's CDP cannot close a
// dedicated worker's target (Target.closeTarget: "doesn't support
// closing"), so the worker's own close() runs in it through DevTools.
async function endWorker(page, marker) {
  const cdp = await page.context().newCDPSession(page);
  const workers = [];
  cdp.on("Target.attachedToTarget", ({ sessionId, targetInfo }) => targetInfo.type === "worker" && workers.push(sessionId));
  const replies = new Map();
  cdp.on("Target.receivedMessageFromTarget", ({ message }) => {
    const m = JSON.parse(message);
    replies.get(m.id)?.(m.result?.result?.value);
  });
  let id = 0;
  // Playwright's session cannot address a worker's own (flattened) session:
  // not flattened, messages go through Target.sendMessageToTarget.
  const evaluate = (sessionId, expression) =>
    new Promise((resolve) => {
      replies.set(++id, resolve);
      cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method: "Runtime.evaluate", params: { expression, returnByValue: true } }) });
    });
  await cdp.send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await expect.poll(() => workers.length).toBe(2);
  const code = 'globalThis[Symbol.for("gopyscript")].host.init.code';
  const victims = [];
  for (const w of workers) if (await evaluate(w, `${code}.includes(${JSON.stringify(marker)})`)) victims.push(w);
  expect(victims).toHaveLength(1);
  await evaluate(victims[0], "close()");
}

const ended = "the worker ended unexpectedly (it closed itself, or the browser stopped it)";
for (const type of ["mpy", "py"]) {
  test(`a worker the browser ends: one error, its pending calls reject, the other worker answers (${type})`, async ({ page }) => {
    test.setTimeout(120_000);
    const log = await open(page, `/workers/ended.html?type=${type}`);
    await page.waitForFunction(() => document.body.dataset.end, null, { timeout: 100_000 });
    await endWorker(page, "victim = True");
    await page.waitForFunction(() => window.ended, null, { timeout: 30_000 });
    const out = await page.evaluate(() => window.ended);
    expect(out.failed).toBeUndefined();
    expect(out.pending).toBe("rejected: the worker was terminated before it answered");
    expect(out.later).toBe("rejected: the worker was terminated");
    expect(out.survivor).toBe("resolved: b:1");
    expect(out.onerror).toEqual([ended]); // the worker's error listeners hear it

    expect(out.before).toEqual({ workers: 2, channels: 2, lent: 2 });
    expect(out.after).toEqual({ workers: 1, channels: 1, lent: 1 });
    expect(await errors(page)).toEqual([`GoPyScript worker a: ${ended}`]);
    expect(log.pageErrors).toEqual([]);
  });
}
