// Workers on a server without cross-origin isolation headers (most hosts):
// no shared buffer, so no synchronous page access, but everything else
// works, the worker's events and py:all-done fire, and the page says once
// what is missing and how to fix it (unless sync_main_only asks for quiet).
import { test, expect } from "@playwright/test";
import { PLAIN_PORT } from "../playwright.config.mjs";
import { open, errors, events } from "./helpers.mjs";

const PLAIN = `http://127.0.0.1:${PLAIN_PORT}`;
const NO_SHARED_MEMORY =
  "Unable to use `window` or `document` in worker. This requires SharedArrayBuffer support. See: https://docs.pyscript.net/latest/faq/#sharedarraybuffer";

for (const type of ["mpy", "py"])
  test.describe(type, () => {
    for (const quiet of [false, true])
      test(`a worker without a shared buffer awaits the page's functions and is exported to the page${quiet ? " (sync_main_only: no notice)" : ""}`, async ({ page }) => {
        const log = await open(page, `${PLAIN}/workers/anywhere.html?type=${type}${quiet ? "&quiet" : ""}`);
        expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
        await page.waitForFunction(() => window.__events.some((e) => e.type === "py:all-done"), null, { timeout: 60_000 });
        const results = JSON.parse(await page.locator("body").getAttribute("data-results"));
        expect(results).toEqual({
          double: 42,
          later: 2,
          transport: "messages",
          info: ["workers without cross-origin isolation", [1, 2]],
          boom: true,
          window: NO_SHARED_MEMORY,
          document: NO_SHARED_MEMORY,
        });
        expect(await page.evaluate(() => document.getElementById("w").xworker.sync.add(2, 3))).toBe(5);
        expect(await page.evaluate(() => document.getElementById("w").xworker.transport)).toBe("messages");
        const fired = (await events(page)).filter((e) => e.id === "w").map((e) => [e.type, e.worker]);
        expect(fired).toEqual([[`${type}:ready`, true], [`${type}:done`, true]]);

        const notices = await page.locator(".py-notice").allTextContents();
        if (quiet) expect(notices).toEqual([]);
        else {
          expect(notices).toHaveLength(1);
          for (const part of ["not cross-origin isolated", "Cross-Origin-Opener-Policy: same-origin", "data-coi-sw", "sync_main_only = true"])
            expect(notices[0]).toContain(part);
          expect(log.console.filter((m) => m.type === "warning" && m.text.includes("not cross-origin isolated"))).toHaveLength(1);
        }
        expect(await errors(page)).toEqual([]);
        expect(log.pageErrors).toEqual([]);
      });

    test("PyWorker/MPWorker, the FAQ's sync_main_only worker and named workers work without a shared buffer", async ({ page }) => {
      // Six interpreters boot here (the page's and five workers'): with
      // Pyodide, on a loaded 2-core machine, that alone can take a minute.
      test.setTimeout(150_000);
      const log = await open(page, `${PLAIN}/workers/api.html?type=${type}`);
      await page.waitForFunction(() => document.body.dataset.py, null, { timeout: 120_000 });
      expect(await errors(page)).toEqual([]);
      expect(log.pageErrors).toEqual([]);
      const { js, py } = await page.evaluate(() => ({ ...document.body.dataset }));
      expect(JSON.parse(js)).toMatchObject({ faq: "stuff done", faqIsWorker: true, add: 42 });
      expect(JSON.parse(py)).toEqual({ named: 5, created: `created ${type}`, py_worker: `python ${type}` });
      // The named and PyWorker workers have no sync_main_only: one notice for all.
      await expect(page.locator(".py-notice")).toHaveCount(1);
    });
  });
