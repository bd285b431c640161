// The core served from another origin, as from a public CDN (the e2e CDN
// server sends Access-Control-Allow-Origin: * and no isolation headers),
// with the page on its own origin, isolated or not: workers of every kind,
// donkey, storage.js, fs.js, the interpreters that come with dist/, and
// data-coi-sw's limits (a service worker must come from the page's origin).
import { test, expect } from "@playwright/test";
import { CDN_PORT, PLAIN_PORT } from "../playwright.config.mjs";
import { open, allDone, errors } from "./helpers.mjs";

const CORE = `http://127.0.0.1:${CDN_PORT}/dist/core.js`;
const PLAIN = `http://127.0.0.1:${PLAIN_PORT}`;

for (const isolated of [true, false])
  for (const type of ["mpy", "py"]) {
    const where = `${type}, ${isolated ? "an isolated page" : "a page without isolation"}`;
    test(`a core from a CDN runs workers, donkey and storage (${where})`, async ({ page }) => {
      test.setTimeout(180_000);
      const log = await open(page, `${isolated ? "" : PLAIN}/cdn.html?type=${type}&core=${encodeURIComponent(CORE)}`);
      const lines = page.locator("#log li");
      await expect(lines).toHaveCount(6, { timeout: 150_000 });
      const shown = await lines.allTextContents();
      const title = isolated ? "shared-memory: a core served from a CDN" : "messages: no synchronous page";
      expect(shown.sort()).toEqual([
        `${type === "py" ? "PyWorker" : "MPWorker"} from JS: 21`,
        "XWorker from Python: 15",
        "default interpreter from the CDN: true",
        "donkey: 42",
        `named worker ${title}, 2 + 3 = 5`,
        "storage.js: visits 1",
      ]);
      await allDone(page);
      expect(await errors(page)).toEqual([]);
      // Every file of the core came from the CDN; workers started from Blob
      // URLs of the page's origin that import the CDN's worker.js.
      expect(log.requests.filter((url) => url.includes("/dist/") && !url.startsWith(`http://127.0.0.1:${CDN_PORT}/`))).toEqual([]);
      expect(log.requests).toContain(`http://127.0.0.1:${CDN_PORT}/dist/worker.js`);
    });
  }

for (const type of ["mpy", "py"])
  for (const worker of [false, true])
    test(`pyscript.fs with a core from a CDN (${type}${worker ? " in a worker" : " on the page"})`, async ({ page }) => {
      test.setTimeout(120_000);
      await open(page, `/fs.html?type=${type}${worker ? "&worker" : ""}&on=click&core=${encodeURIComponent(CORE)}`);
      await expect(page.locator("#out")).toHaveText("waiting for a click", { timeout: 60_000 });
      await page.click("#mount");
      await expect(page.locator("#out")).toHaveText("count: 1");
      expect(await errors(page)).toEqual([]);
    });

test("data-coi-sw naming the CDN's own coi-sw.js says to copy it to the page's origin, and the page still runs", async ({ page }) => {
  await open(page, `${PLAIN}/coi.html?type=mpy&core=${encodeURIComponent(CORE)}`);
  await allDone(page, 60_000);
  const notices = await page.locator(".py-notice").allTextContents();
  expect(notices).toHaveLength(1);
  expect(notices[0]).toContain(`comes from http://127.0.0.1:${CDN_PORT}, and a service worker must come from this page's origin (${PLAIN})`);
  expect(notices[0]).toContain('copy dist/coi-sw.js next to the page and name that copy instead (data-coi-sw="./coi-sw.js")');
  expect(await page.evaluate(() => document.getElementById("w").xworker.sync.title())).toBe("no synchronous window");
  expect(await errors(page)).toEqual([]);
});

for (const type of ["mpy", "py"])
  test(`data-coi-sw with a copy on the page's origin isolates a page whose core comes from a CDN (${type})`, async ({ page }) => {
    test.setTimeout(120_000);
    let loads = 0;
    page.on("load", () => loads++);
    await open(page, `${PLAIN}/coi.html?type=${type}&sw=/dist/coi-sw.js&core=${encodeURIComponent(CORE)}`);
    await allDone(page, 90_000);
    expect(loads).toBe(2);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(await page.evaluate(() => document.getElementById("w").xworker.sync.title())).toBe("isolation from a service worker");
    expect(await errors(page)).toEqual([]);
    await expect(page.locator(".py-notice")).toHaveCount(0);
  });
