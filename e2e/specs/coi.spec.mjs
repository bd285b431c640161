// data-coi-sw: on a server without isolation headers, our service worker
// (dist/coi-sw.js) makes the page cross-origin isolated after one reload on
// the first visit, none later; a service worker that cannot register or
// does not isolate gives one clear notice, and never a reload loop.
import { test, expect } from "@playwright/test";
import { PLAIN_PORT } from "../playwright.config.mjs";
import { open, errors } from "./helpers.mjs";

const PLAIN = `http://127.0.0.1:${PLAIN_PORT}`;

// Opens the page, counting its loads, and waits until everything ran.
const visit = async (page, query) => {
  const loads = { count: 0 };
  page.on("load", () => loads.count++);
  await open(page, `${PLAIN}/coi.html?${query}`);
  await page.waitForFunction(() => window.__events?.some((e) => e.type === "py:all-done"), null, { timeout: 60_000 });
  const seen = await page.evaluate(() => document.getElementById("w").xworker.sync.title());
  const { isolated, transport } = await page.evaluate(() => ({
    isolated: crossOriginIsolated,
    transport: document.getElementById("w").xworker.transport,
  }));
  expect(transport).toBe(isolated ? "shared-memory" : "messages");
  return { loads: loads.count, seen, isolated };
};

for (const type of ["mpy", "py"])
  test(`data-coi-sw isolates the page after one reload, and later visits need none (${type})`, async ({ page }) => {
    test.setTimeout(120_000);
    expect(await visit(page, `type=${type}`)).toEqual({ loads: 2, seen: "isolation from a service worker", isolated: true });
    await expect(page.locator(".py-notice")).toHaveCount(0);
    expect(await errors(page)).toEqual([]);

    page.removeAllListeners("load");
    expect(await visit(page, `type=${type}`)).toEqual({ loads: 1, seen: "isolation from a service worker", isolated: true });
  });

test("data-coi-sw with a service worker that cannot register: no reload, one notice saying why, the page still runs", async ({ page }) => {
  expect(await visit(page, "sw=./missing-sw.js")).toEqual({ loads: 1, seen: "no synchronous window", isolated: false });
  const notices = await page.locator(".py-notice").allTextContents();
  expect(notices).toHaveLength(1);
  expect(notices[0]).toContain(`${PLAIN}/missing-sw.js (data-coi-sw), but it could not be registered`);
  expect(notices[0]).toContain('copy dist/coi-sw.js next to the page and use data-coi-sw="./coi-sw.js"');
  expect(await errors(page)).toEqual([]);
});

test("data-coi-sw with a service worker that does not isolate: one reload on the first visit, none later, and a notice", async ({ page }) => {
  expect(await visit(page, "sw=/noop-sw.js")).toEqual({ loads: 2, seen: "no synchronous window", isolated: false });
  const notices = await page.locator(".py-notice").allTextContents();
  expect(notices).toHaveLength(1);
  expect(notices[0]).toContain("the page is under it and still not isolated (it does not send the headers)");
  page.removeAllListeners("load");
  expect(await visit(page, "sw=/noop-sw.js")).toEqual({ loads: 1, seen: "no synchronous window", isolated: false });
  await expect(page.locator(".py-notice")).toHaveCount(1);
});
