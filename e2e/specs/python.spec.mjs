// Runs the Python tests of our `pyscript` package (e2e/python) in both
// interpreters, in the real page the runtime builds.
import { test, expect } from "@playwright/test";
import { open, errors } from "./helpers.mjs";

for (const type of ["mpy", "py"]) {
  test(`pyscript package tests pass in ${type}`, async ({ page }) => {
    test.setTimeout(240_000);
    await open(page, `/python/${type}.html`);
    await page.waitForSelector("html.tests-done", { timeout: 230_000 });
    const result = JSON.parse(await page.locator("#result").textContent());
    expect(result.failed).toEqual([]);
    expect(result.passed.length).toBeGreaterThan(60);
    expect(await errors(page)).toEqual([]);
  });
}
