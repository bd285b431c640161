// Issue 10: bare Python callables passed to JS. Pyodide on the main thread
// releases them when the call ends unless experimental_create_proxy =
// "auto"; MicroPython and workers keep them as long as JS does.
import { test, expect } from "@playwright/test";
import { open, allDone, errors, expectNoErrors } from "./helpers.mjs";

const state = (page) => page.evaluate(async () => (await window.pyState()).split(" ").map(Number));
// A worker's callbacks answer asynchronously: kept() gives a Promise and
// the listener runs a moment after the event.
const callBack = async (page) => {
  const later = await page.evaluate(async () => {
    document.body.dispatchEvent(new Event("ping"));
    return await window.kept();
  });
  await expect.poll(() => page.evaluate(() => window.pings)).toEqual(["ping"]);
  return later;
};

for (const [type, worker] of [["mpy", false], ["mpy", true], ["py", true]]) {
  test(`${type}${worker ? " in a worker" : " on the main thread"}: timers, listeners and kept callbacks work without create_proxy`, async ({ page }) => {
    const log = await open(page, `/proxies.html?type=${type}${worker ? "&worker" : ""}`);
    await allDone(page);
    await expect.poll(async () => (await state(page))[0]).toBe(10);
    expect(await callBack(page)).toBe("called later");
    await expectNoErrors(page, log);
  });
}

test(`Pyodide, experimental_create_proxy = "auto": 10,000 one-shot timers, a listener and a kept callback work, and the proxies are released after GC`, async ({ page }) => {
  const log = await open(page, "/proxies.html?type=py&auto&n=10000");
  await allDone(page);
  await expect.poll(async () => (await state(page))[0], { timeout: 30_000 }).toBe(10_000);
  expect(await callBack(page)).toBe("called later");
  // Each fired timer's proxy holds tick until the garbage collector finds
  // JS no longer refers to it; then Pyodide's FinalizationRegistry releases
  // it (a leak keeps all 10,000).
  await expect
    .poll(
      async () => {
        await page.evaluate(async () => {
          globalThis.gc();
          await new Promise((resolve) => setTimeout(resolve, 20));
        });
        return (await state(page))[1];
      },
      { timeout: 20_000 },
    )
    .toBeLessThan(10);
  await expectNoErrors(page, log);
  // No global was patched for it.
  expect(await page.evaluate(() => [Function.prototype.apply, Function.prototype.call].every((f) => /\[native code\]/.test(String(f))))).toBe(true);
});

test("Pyodide without it: a released callback's error is shown on the page with a hint", async ({ page }) => {
  await open(page, "/proxies.html?type=py&n=1");
  await allDone(page);
  await expect.poll(() => errors(page)).toHaveLength(1);
  const [shown] = await errors(page);
  expect(shown).toContain("This borrowed proxy was automatically destroyed at the end of a function call");
  expect(shown).toContain('Hint: JavaScript called a Python function after the call that gave it had ended. Wrap the function with pyodide.ffi.create_proxy(), or set experimental_create_proxy = "auto" in the config.');
});
