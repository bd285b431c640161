import { test, expect } from "@playwright/test";
import { open, allDone, events, expectNoErrors } from "./helpers.mjs";

for (const [type, impl, other] of [
  ["mpy", "micropython", "pyodide"],
  ["py", "cpython", "micropython"],
]) {
  test(`${type}: hello world runs, displays and fires PyScript's events`, async ({ page }) => {
    const wasm = page.waitForResponse((r) => r.url().endsWith("/dist/core.wasm"));
    const log = await open(page, `/hello-${type}.html`);
    // The precompressed copy is what travels.
    expect((await wasm).headers()["content-encoding"]).toBe("br");
    await allDone(page);
    // Output lands in the auto-created <script-py> target, id TYPE-0, right after the script.
    const target = page.locator(`script[type="${type}"] + script-py#${type}-0`);
    await expect(target).toHaveText(`Hello from ${impl}`);
    const seen = (await events(page)).filter((e) => !e.type.endsWith("progress"));
    expect(seen.map((e) => e.type)).toEqual([`${type}:ready`, `${type}:done`, "py:all-done"]);
    for (const e of seen.slice(0, 2)) {
      expect(e).toMatchObject({ worker: false, bubbles: true, custom: true });
    }
    const progress = (await events(page)).filter((e) => e.type === `${type}:progress`).map((e) => e.detail);
    const name = type === "py" ? "Pyodide" : "MicroPython";
    expect(progress).toEqual([`Loading ${name}`, `Loaded ${name}`]);
    // Only the interpreter the page uses is fetched.
    expect(log.requests.some((u) => u.includes(`/dist/${other}/`))).toBe(false);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expectNoErrors(page, log);
  });
}
