// Network faults (issue 21, part 1): each download the page needs is broken
// in turn with a Playwright route. Each fault ends in one error on the page
// naming the URL and what happened; the core's events still fire, and the
// page's other interpreter keeps running.
import { test, expect } from "@playwright/test";
import { open, allDone, events, errors, expectNoErrors } from "./helpers.mjs";
import { routeFaults } from "./routefaults.mjs";

// The other script is a MicroPython worker, which starts quickly; Pyodide
// when the fault stops MicroPython itself.
const PAGE = "/netfaults/page.html?worker";
const PAGE_PY = "/netfaults/page.html?py";

// The same request with the dev server's fault mode (-faults) on: what a
// route cannot fake, as route.fulfill always sends the body it declares.
const faulty = (route, fault) => {
  const url = new URL(route.request().url());
  url.searchParams.set("fault", fault);
  return url.href;
};

// short: the server promises the whole length, sends half and closes;
// reset mid-body: half, then a TCP reset.
const faults = {
  ...routeFaults,
  short: (route) => route.continue({ url: faulty(route, "short") }),
  "reset mid-body": (route) => route.continue({ url: faulty(route, "reset") }),
  stall: (route) => route.continue({ url: faulty(route, "stall:10s") }),
};

// What the error must say for each fault, besides the URL.
const says = {
  404: /404/,
  500: /500/,
  reset: /ERR_CONNECTION_RESET|connection reset|Failed to fetch/i,
  offline: /ERR_INTERNET_DISCONNECTED|offline|Failed to fetch/i,
  truncated: /.+/,
  // The browser says no more than this of a body cut off.
  short: /Failed to fetch|network error/i,
  "reset mid-body": /Failed to fetch|network error/i,
};

const cut = ["short", "reset mid-body"];
const files = {
  config: ["/netfaults/nf.toml", ["404", "500", "reset", "offline", ...cut], PAGE],
  "[files] entry": ["/netfaults/data.txt", ["404", "500", "reset", "offline", ...cut], PAGE],
  "js_modules entry": ["/netfaults/mod.js", ["404", "500", "reset", "truncated", "short"], PAGE],
  "MicroPython module": ["/dist/micropython/micropython.mjs", ["404", "500", "reset", "truncated"], PAGE_PY],
  "MicroPython wasm": ["/dist/micropython/micropython.wasm", ["404", "500", "reset", "truncated", "short"], PAGE_PY],
};

for (const [what, [path, kinds, where]] of Object.entries(files))
  for (const kind of kinds)
    test(`mpy: ${what} ${kind}: one error naming it, done still fires, the other script runs`, async ({ page, baseURL }) => {
      const url = new URL(path, baseURL).href;
      await page.route(url, faults[kind]);
      await open(page, where);
      await allDone(page);
      const shown = await errors(page);
      expect(shown).toHaveLength(1);
      expect(shown[0]).toContain(url);
      expect(shown[0]).toMatch(says[kind]);
      const done = (await events(page)).filter((e) => e.type.endsWith(":done")).map((e) => e.id);
      expect(done.sort()).toEqual(["bystander", "other", "victim"]);
      // MicroPython's scripts did not run; the other interpreter did.
      expect(await page.evaluate(() => ({ ...document.body.dataset }))).toEqual({ other: "ran" });
    });

test("the page runs both interpreters when nothing fails", async ({ page }) => {
  await open(page, PAGE_PY);
  await allDone(page);
  expect(await errors(page)).toEqual([]);
  expect(await page.evaluate(() => ({ ...document.body.dataset }))).toEqual({ victim: "data-word", bystander: "ran", other: "ran" });
});

// Without core.wasm nothing can run: the one error says which file and why,
// and the core's exports refuse instead of waiting forever.
for (const kind of ["404", "reset", "truncated"])
  test(`core.wasm ${kind}: one error naming it, no Go exit, the exports refuse`, async ({ page, baseURL }) => {
    const url = new URL("/dist/core.wasm", baseURL).href;
    await page.route(url, faults[kind]);
    const log = await open(page, "/netfaults/page.html");
    await expect.poll(() => errors(page), { timeout: 20_000 }).toHaveLength(1);
    const [shown] = await errors(page);
    expect(shown).toContain(url);
    expect(shown).toMatch(says[kind]);
    expect(shown).not.toContain("exit code");
    const answer = await page.evaluate(() =>
      import("/dist/core.js").then((m) => m.whenDefined("mpy")).then(() => "ran", (e) => e.message),
    );
    expect(answer).toContain("not running");
    expect(log.pageErrors).toEqual([]);
    expect(await errors(page)).toHaveLength(1);
  });

const dataset = (page) => page.evaluate(() => ({ ...document.body.dataset }));

// The core's own downloads are GETs: a connection reset before the
// response is tried once more, and the page runs (a reset every time is
// one error, above). Imports (the interpreter's module, js_modules) are the
// browser's, which keeps a failed import: they are not tried again.
for (const [what, path] of Object.entries({
  config: "/netfaults/nf.toml",
  "[files] entry": "/netfaults/data.txt",
  "MicroPython wasm": "/dist/micropython/micropython.wasm",
  "core.wasm": "/dist/core.wasm",
}))
  test(`${what} reset once: asked again, the page runs`, async ({ page, baseURL }) => {
    const url = new URL(path, baseURL).href;
    let asked = 0;
    await page.route(url, (route) => (++asked === 1 ? route.abort("connectionreset") : route.continue()));
    const log = await open(page, "/netfaults/page.html");
    await allDone(page);
    await expectNoErrors(page, log);
    expect(await dataset(page)).toEqual({ victim: "data-word", bystander: "ran" });
    expect(asked).toBe(2);
  });

// A file the server holds back for 10 s: after a few seconds the page says
// which URL it waits for (the progress events say which step), the notice
// goes once it has come, and the page runs.
test("a [files] entry stalled 10 s: a notice names it while it waits, then the page runs", async ({ page, baseURL }) => {
  const url = new URL("/netfaults/data.txt", baseURL).href;
  await page.route(url, faults.stall);
  const log = await open(page, "/netfaults/page.html");
  const notice = page.locator(".py-waiting");
  await expect(notice).toContainText(`still waiting for ${url} (`, { timeout: 20_000 });
  await expect.poll(async () => (await events(page)).map((e) => e.detail)).toContain("Loading files");
  await allDone(page);
  await expect(notice).toHaveCount(0);
  await expectNoErrors(page, log);
  expect(await dataset(page)).toEqual({ victim: "data-word", bystander: "ran" });
});

// The same for files Pyodide's loaders fetch themselves: its wasm, a
// package's wheel.
for (const [what, path] of [
  ["Pyodide's wasm", "/dist/pyodide/pyodide.asm.wasm"],
  ["a package's wheel", "/fixtures/pyodide-index/gopyscript_demo-1.0.0-py3-none-any.whl"],
])
  test(`py: ${what} stalled 10 s: a notice names it while it waits, then the page runs`, async ({ page, baseURL }) => {
    test.setTimeout(90_000); // Pyodide boots after the stall, on a busy machine
    const url = new URL(path, baseURL).href;
    await page.route(url, faults.stall);
    const log = await open(page, "/netfaults/pyodide.html");
    const notice = page.locator(".py-waiting");
    await expect(notice).toContainText(`still waiting for ${url} (`, { timeout: 60_000 });
    await allDone(page, 80_000);
    await expect(notice).toHaveCount(0);
    await expectNoErrors(page, log);
    expect(await dataset(page)).toEqual({ victim: "hello from the index, with a dependency", other: "ran" });
  });

// Once the page is done, back online: one error named the URL and the
// offline fault, and MicroPython's scripts of ids done fired.
const offlineShown = async (page, context, url, done) => {
  await allDone(page);
  await context.setOffline(false);
  const shown = await errors(page);
  expect(shown).toHaveLength(1);
  expect(shown[0]).toContain(url);
  expect(shown[0]).toMatch(says.offline);
  expect((await events(page)).filter((e) => e.type === "mpy:done").map((e) => e.id).sort()).toEqual(done);
};

// The browser really offline (not a route's answer) once the page, the
// config and the interpreter have loaded (MicroPython says "Loading
// files"), before the [files] entry is fetched: one error names it.
test("offline before a [files] entry is fetched: one error naming it, done still fires", async ({ page, context, baseURL }) => {
  const url = new URL("/netfaults/data.txt", baseURL).href;
  await page.route(url, async (route) => {
    await page.waitForFunction(() => window.__events.some((e) => e.detail === "Loading files"));
    await context.setOffline(true);
    await route.continue();
  });
  await open(page, "/netfaults/page.html");
  await offlineShown(page, context, url, ["bystander", "victim"]);
});

// Pyodide's own wasm and a package's wheel (from the local fake index): one
// error naming the file, done fires, MicroPython's script runs.
for (const [what, path, kind] of [
  ["Pyodide's wasm", "/dist/pyodide/pyodide.asm.wasm", "404"],
  ["Pyodide's wasm", "/dist/pyodide/pyodide.asm.wasm", "reset"],
  ["a package's wheel", "/fixtures/pyodide-index/gopyscript_demo-1.0.0-py3-none-any.whl", "404"],
  ["a package's wheel", "/fixtures/pyodide-index/gopyscript_demo-1.0.0-py3-none-any.whl", "reset"],
])
  test(`py: ${what} ${kind}: one error naming it, done still fires, MicroPython still runs`, async ({ page, baseURL }) => {
    const url = new URL(path, baseURL).href;
    await page.route(url, faults[kind]);
    await open(page, "/netfaults/pyodide.html");
    await allDone(page, 60_000);
    const shown = await errors(page);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain(url);
    expect(shown[0]).toMatch(says[kind]);
    expect((await events(page)).filter((e) => e.type.endsWith(":done")).map((e) => e.id).sort()).toEqual(["other", "victim"]);
    expect(await dataset(page)).toEqual({ other: "ran" });
  });

// The same while a worker starts: its [files] entry is asked for once the
// page's script has run and the worker's MicroPython has loaded.
test("offline while a worker starts: one error naming its [files] entry, the page's script ran", async ({ page, context, baseURL }) => {
  const url = new URL("/netfaults/data.txt", baseURL).href;
  await context.route(url, async (route) => {
    await page.waitForFunction(() =>
      window.__events.some((e) => e.detail === "Loading files") && window.__events.some((e) => e.type === "mpy:done" && e.id === "other"),
    );
    await context.setOffline(true);
    await route.continue();
  });
  await open(page, "/netfaults/worker.html");
  await offlineShown(page, context, url, ["other", "victim"]);
  expect(await dataset(page)).toEqual({ other: "ran" });
});
