// Issue 10: PyScript's hooks API, through a plugin in its own module file.
// Each hook records its name; the order must be PyScript's, with only the
// variants of the script's mode, the async ones awaited.
import { test, expect } from "@playwright/test";
import { open, allDone, errors, expectNoErrors } from "./helpers.mjs";

const hookLog = (page) => page.evaluate(() => globalThis.hookLog);

for (const type of ["mpy", "py"]) {
  const name = type === "py" ? "Pyodide" : "MicroPython";
  test.describe(name, () => {
    for (const mode of ["sync", "async"]) {
      const async = mode === "async" ? "Async" : "";
      test(`main thread, ${mode} script: hooks from a plugin module run in PyScript's order`, async ({ page }) => {
        const log = await open(page, `/hooks/index.html?type=${type}${async ? "&async" : ""}`);
        await allDone(page);
        await expectNoErrors(page, log);
        expect(await hookLog(page)).toEqual([
          `onReady ${type} s function function object`,
          "onReady awaited",
          `${type}:ready`,
          `onBeforeRun${async} s`,
          ...(async ? ["onBeforeRunAsync awaited"] : []),
          `codeBeforeRun${async}`,
          "code",
          "stdout hello", // wrap.io.stdout, replaced by onReady
          `codeAfterRun${async}`,
          `onAfterRun${async} s`,
          ...(async ? ["onAfterRunAsync awaited"] : []),
          `${type}:done`,
        ]);
        // The plugin saw core.js's other exports; whenDefined gives the wrap.
        expect(await page.evaluate(() => globalThis.pluginSaw)).toEqual({
          types: [["py", "pyodide"], ["mpy", "micropython"]],
          relative: "https://example.com/app/x.py",
          config: expect.arrayContaining([type]),
        });
        expect(await page.evaluate(() => [defined.type, typeof defined.interpreter])).toEqual([type, "object"]);
        // wrap.runEvent calls a Python handler by name with a DOM event.
        await page.evaluate(() => defined.runEvent("handler", new Event("custom")));
        expect((await hookLog(page)).at(-1)).toBe("handler custom");
      });

      test(`worker, ${mode} script: stringified hooks.worker run inside the worker`, async ({ page }) => {
        const log = await open(page, `/hooks/index.html?type=${type}&worker${async ? "&async" : ""}`);
        await allDone(page);
        await expect.poll(() => hookLog(page)).toContain("handler custom");
        await expectNoErrors(page, log);
        expect(await hookLog(page)).toEqual([
          "onWorker null true",
          `onReady ${type} function object`,
          ...(async ? ["onBeforeRunAsync awaited"] : ["onBeforeRun"]),
          `codeBeforeRun${async}`,
          "code",
          "stdout hello",
          `codeAfterRun${async}`,
          async ? "onAfterRunAsync awaited" : "onAfterRun",
          "handler custom", // wrap.runEvent, from that hook
        ]);
        // With worker scripts only, whenDefined gives {type, xworker}, as in PyScript.
        expect(await page.evaluate(() => [defined.type, defined.xworker === document.getElementById("s").xworker])).toEqual([type, true]);
      });
    }
  });
}

test("hook Sets refuse what they cannot run; a failing hook is shown on the page and the scripts still run; two core.js URLs share one hooks", async ({ page }) => {
  // The plugin's second copy of core.js arrives late: scripts and workers
  // must still wait for the plugin.
  await page.route("**/dist/core.js?second-copy", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const log = await open(page, "/hooks/failing.html");
  await allDone(page);
  expect(await page.evaluate(() => ({ ...document.body.dataset }))).toEqual({ main: "ran", worker: "ran" });
  expect(await page.evaluate(() => globalThis.refused)).toEqual([
    'TypeError: hooks.main.onReady takes functions, not the string "print(1)"',
    "TypeError: hooks.main.codeBeforeRun takes Python code (a string), not function () => 1",
    "TypeError: hooks.worker.onBeforeRun takes functions, not object null",
    "TypeError: hooks.worker.modules takes module URLs (a string or URL), not number 42",
  ]);
  expect(await page.evaluate(() => globalThis.sameHooks)).toBe(true);
  const shown = await errors(page);
  expect(shown).toHaveLength(3);
  expect(shown).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Error in hooks\.main\.onBeforeRun: Error: boom in a main hook\n\s+at .*failing\.js/),
      expect.stringMatching(/^Error in hooks\.main\.onAfterRun: Error: rejected in a main hook\n/),
      expect.stringMatching(/^Error in hooks\.worker\.onReady: Error: boom in a worker hook\n/),
    ]),
  );
  expect(log.pageErrors).toEqual([]);
});

test("under a CSP without eval, worker hooks given as a module run; a stringified one is refused with a clear error", async ({ page }) => {
  // A strict site sends its policy with every file, the worker's too (a
  // worker does not inherit the page's).
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'";
  await page.route("**/dist/worker.js", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": policy } });
  });
  const log = await open(page, "/hooks/csp.html");
  await allDone(page);
  for (const type of ["mpy", "py"])
    await expect.poll(() => hookLog(page)).toEqual(
      expect.arrayContaining([`onReady ${type} 1`, `onBeforeRunAsync ${type}`, `code ${type}`, `onAfterRunAsync ${type}`]),
    );
  const fromMpy = (await hookLog(page)).filter((entry) => !entry.endsWith(" py"));
  expect(fromMpy.slice(0, 3)).toEqual(["onReady mpy 1", "onBeforeRunAsync mpy", "code mpy"]);
  const shown = await errors(page);
  expect(shown).toHaveLength(2);
  for (const error of shown)
    expect(error).toMatch(/^hooks\.worker\.onAfterRun: this worker cannot rebuild the function \(\) => \{\}: EvalError: .*This worker's Content-Security-Policy forbids eval: give worker hooks as a module in hooks\.worker\.modules instead$/s);
  expect(log.pageErrors).toEqual([]);
});
