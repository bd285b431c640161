// Shared helpers: every page load records PyScript's events and errors so
// specs can assert what a user would see and what listeners would get.
import { expect } from "@playwright/test";

export async function open(page, path) {
  const log = { console: [], pageErrors: [], requests: [] };
  page.on("console", (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on("pageerror", (e) => log.pageErrors.push(String(e)));
  page.on("request", (r) => log.requests.push(r.url()));
  // A renderer that dies says nothing in the test's error: say where it was.
  page.on("crash", () =>
    console.error(`renderer crashed on ${path}; its last console lines:\n${log.console.slice(-15).map((m) => `  ${m.type}: ${m.text}`).join("\n")}`),
  );
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

// Opens path (pages/busy.html) and holds the page's thread (code/hold.js) from
// the first request for a URL matching pattern that wait(request) picks,
// which waits for the hold to start, until the page has requested wasm (or
// 20 s have passed). It checks that the page ran without errors and asked
// for wasm once, and returns how the hold ended ("released": the wasm was
// asked for while the page's thread was held) and the page's log.
export async function holdPage(page, path, pattern, wait, wasm) {
  let asked = false;
  let hold = false;
  let holding;
  const held = new Promise((resolve) => (holding = resolve));
  page.on("request", (r) => (asked ||= r.url().endsWith(wasm)));
  const text = (body) => ({ body, headers: { "cache-control": "no-store" } });
  await page.route(pattern, async (route) => {
    if (wait(route.request())) await ((hold = true), held);
    await route.continue();
  });
  await page.route("**/__hold", (route) => route.fulfill(text(hold ? "hold" : "wait")));
  await page.route("**/__held", (route) => (holding(), route.fulfill(text(asked ? "go" : "wait"))));
  const log = await open(page, path);
  await allDone(page);
  await expectNoErrors(page, log);
  expect(log.requests.filter((u) => u.endsWith(wasm))).toHaveLength(1);
  return { held: await page.locator("html").getAttribute("data-held"), log };
}
