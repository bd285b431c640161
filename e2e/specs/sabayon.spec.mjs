// PyScript's service-worker attribute on a server without isolation
// headers: the page registers the service worker, reloads once, and its
// workers then reach the page synchronously through it (sabayon's
// protocol), with our dist/service-worker.js or coincident's sw.js.
import { test, expect } from "@playwright/test";
import { PLAIN_PORT } from "../playwright.config.mjs";
import { open, allDone, errors } from "./helpers.mjs";

const PLAIN = `http://127.0.0.1:${PLAIN_PORT}`;

for (const [who, sw] of [["ours", "/dist/service-worker.js"], ["coincident's", "/coincident/sw.js"]])
  for (const type of ["mpy", "py"])
    test(`a worker with service-worker (${who}) reads and writes the page synchronously without isolation (${type})`, async ({ page }) => {
      test.setTimeout(120_000);
      let loads = 0;
      page.on("load", () => loads++);
      await open(page, `${PLAIN}/workers/sabayon.html?type=${type}&sw=${sw}`);
      await page.waitForFunction(() => navigator.serviceWorker.controller && window.__events?.some((e) => e.type === "py:all-done"), null, { timeout: 90_000 });
      expect(loads).toBe(2); // registered, then one reload under it
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
      expect(await page.evaluate(() => document.getElementById("w").xworker.sync.result())).toEqual([
        "workers through a service worker",
        42,
        "service-worker",
      ]);
      expect(await page.evaluate(() => document.getElementById("w").xworker.transport)).toBe("service-worker");
      await expect(page.locator("body")).toHaveAttribute("data-from-worker", "written by the worker");
      await expect(page.locator(".py-notice")).toHaveCount(0);
      expect(await errors(page)).toEqual([]);
    });

test("PyWorker's serviceWorker option uses the service worker that controls the page", async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, `${PLAIN}/workers/sabayon.html?type=mpy&sw=/dist/service-worker.js`);
  await page.waitForFunction(() => navigator.serviceWorker.controller && window.__events?.some((e) => e.type === "py:all-done"), null, { timeout: 90_000 });
  const transport = await page.evaluate(async () => {
    const { MPWorker } = await import("/dist/core.js");
    const worker = await MPWorker("./code/calc.py", { serviceWorker: "/dist/service-worker.js" });
    const label = await worker.sync.describe();
    worker.terminate();
    return [worker.transport, typeof label];
  });
  expect(transport).toEqual(["service-worker", "string"]);
});

test("a service-worker that cannot be registered: no reload, a notice saying why, and the worker runs without it", async ({ page }) => {
  let loads = 0;
  page.on("load", () => loads++);
  await open(page, `${PLAIN}/workers/sabayon.html?type=mpy&sw=/missing-sw.js`);
  await allDone(page);
  expect(loads).toBe(1);
  const notices = await page.locator(".py-notice").allTextContents();
  expect(notices).toHaveLength(1);
  expect(notices[0]).toContain(`the service worker ${PLAIN}/missing-sw.js (service-worker attribute) could not be registered`);
  expect(await page.evaluate(() => document.getElementById("w").xworker.transport)).toBe("messages");
  // This worker's code needs the page synchronously: it says so.
  await expect(page.locator(".py-error")).toContainText("Unable to use `window` or `document` in worker");
});
