// Shared helpers: every page load records PyScript's events and errors so
// specs can assert what a user would see and what listeners would get.
import { expect } from "@playwright/test";

export async function open(page, path) {
  const log = { console: [], pageErrors: [], requests: [] };
  page.on("console", (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on("pageerror", (e) => log.pageErrors.push(String(e)));
  page.on("request", (r) => log.requests.push(r.url()));
  await page.addInitScript(() => {
    const events = (window.__events = []);
    const record = (e) =>
      events.push({
        type: e.type,
        id: e.target?.id || e.target?.localName || "window",
        worker: e.detail?.worker,
        detail: typeof e.detail === "string" ? e.detail : undefined,
        bubbles: e.bubbles,
        custom: e instanceof CustomEvent,
      });
    for (const name of ["py:ready", "py:done", "mpy:ready", "mpy:done"])
      addEventListener(name, record, true);
    for (const name of ["py:all-done", "py:progress", "mpy:progress"]) addEventListener(name, record);
  });
  await page.goto(path);
  return log;
}

export async function allDone(page, timeout = 45_000) {
  await page.waitForFunction(() => window.__events.some((e) => e.type === "py:all-done"), null, { timeout });
}

export const events = (page) => page.evaluate(() => window.__events);

export const errors = (page) =>
  page.locator(".py-error").evaluateAll((els) => els.map((e) => e.textContent));

export async function expectNoErrors(page, log) {
  expect(await errors(page)).toEqual([]);
  expect(log.pageErrors).toEqual([]);
}
