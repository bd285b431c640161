// Stopping runaway Python in a worker: xworker.interrupt() raises
// KeyboardInterrupt in a Pyodide worker stuck in a loop and keeps the
// worker and its globals; restart() replaces any worker (MicroPython's
// loops cannot be interrupted) with a fresh one running the same code.
import { test, expect } from "@playwright/test";
import { open, errors, events } from "./helpers.mjs";

// The worker sets firstRun just before its loop; the page sees it while the
// worker is still returning from that call, and an interrupt landing in a
// call to JavaScript is Pyodide's weak spot (see README). A moment's grace
// puts it in the loop (a wait, not a timed assertion).
const looping = async (page) => {
  await page.waitForFunction(() => window.firstRun === false, null, { timeout: 60_000 });
  await page.waitForTimeout(200);
};
const doneCount = async (page, type) => (await events(page)).filter((e) => e.id === "w" && e.type === `${type}:done`).length;

test("interrupt() raises KeyboardInterrupt in a looping Pyodide worker, which goes on with its globals", async ({ page }) => {
  await open(page, "/workers/stop.html?type=py");
  await looping(page);
  expect(await page.evaluate(() => document.getElementById("w").xworker.interrupt())).toBe(true);
  await expect.poll(() => doneCount(page, "py"), { timeout: 30_000 }).toBe(1);
  const { state, counted } = await page.evaluate(async () => {
    const { sync } = document.getElementById("w").xworker;
    return { state: await sync.state(), counted: await sync.counted() };
  });
  expect(state).toBe("finished first");
  expect(counted).toBeLessThan(0); // the except clause ran: count was negated
  expect(await errors(page)).toEqual([]);
});

test("an uncaught KeyboardInterrupt is shown on the page and the worker stays usable", async ({ page }) => {
  await open(page, "/workers/stop.html?type=py&uncaught");
  await looping(page);
  expect(await page.evaluate(() => document.getElementById("w").xworker.interrupt())).toBe(true);
  await expect(page.locator(".py-error")).toContainText("KeyboardInterrupt");
  expect(await page.evaluate(() => document.getElementById("w").xworker.sync.counted())).toBeGreaterThan(0);
});

for (const type of ["mpy", "py"])
  test(`restart() replaces a looping worker with a fresh one and says so on the page (${type})`, async ({ page }) => {
    await open(page, `/workers/stop.html?type=${type}`);
    await looping(page);
    // MicroPython's loop cannot be interrupted; Pyodide's is left running
    // too (interrupt has its own tests): restart must stop either.
    if (type === "mpy") expect(await page.evaluate(() => document.getElementById("w").xworker.interrupt())).toBe(false);
    const outcome = await page.evaluate(async () => {
      const el = document.getElementById("w");
      const old = el.xworker;
      const fresh = old.restart();
      await fresh.ready;
      return {
        replaced: el.xworker === fresh && fresh !== old,
        state: await fresh.sync.state(),
        old: await old.sync.state().then(() => "answered", (e) => e.message),
      };
    });
    expect(outcome).toEqual({ replaced: true, state: "finished again", old: "the worker was terminated" });
    // One done for the first run (ended by the restart), one for the fresh run.
    await expect.poll(() => doneCount(page, type)).toBe(2);
    await expect(page.locator(".py-notice")).toContainText("the worker w was restarted: its code runs again from the start");
    expect(await errors(page)).toEqual([]);
  });

test("PyWorker's interrupt() stops a looping export: the call rejects with KeyboardInterrupt", async ({ page }) => {
  await open(page, "/workers/api.html?type=py");
  const outcome = await page.evaluate(async () => {
    const { PyWorker } = await import("/dist/core.js");
    const worker = await PyWorker("./code/spin.py");
    const call = worker.sync.spin().then(() => "returned", (e) => e.message);
    while (!window.spinning) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 200)); // into the loop, as looping() does
    const interrupted = worker.interrupt();
    const message = await call;
    worker.terminate();
    return { interrupted, message };
  });
  expect(outcome.interrupted).toBe(true);
  expect(outcome.message).toContain("KeyboardInterrupt");
});
