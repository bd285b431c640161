import { test, expect } from "@playwright/test";
import { open, allDone, events, errors, expectNoErrors } from "./helpers.mjs";

test("scripts share one interpreter, run in document order, and honour src/target/async", async ({ page }) => {
  const log = await open(page, "/discovery.html");
  await allDone(page);
  await expectNoErrors(page, log);
  const body = page.locator("body");
  // Document order for every script (the async TLA script does not hold up the rest).
  await expect(body).toHaveAttribute("data-order", "head,first,second (src),second (src),third,sync");
  await expect(body).toHaveAttribute("data-sync", "ran");
  await expect(body).toHaveAttribute("data-tla", "awaited");
  // A script in <head> gets its target appended to <body>.
  await expect(page.locator("body > script-py#mpy-0")).toHaveText("from head");
  await expect(page.locator("#by-id")).toHaveText("shared globals");
  await expect(page.locator(".by-selector")).toHaveText("by selector");
  await expect(page.locator("#second + script-py")).toHaveText("from src file");
  // The target is exposed on the script element and its id follows PyScript's scheme.
  const targets = await page.evaluate(() =>
    [...document.querySelectorAll('script[type="mpy"]')].map((s) => s.target?.id),
  );
  expect(targets).toEqual(["mpy-0", "mpy-1", "mpy-2", "mpy-3", "by-id", "mpy-4", "mpy-5", "mpy-6", "mpy-8"]);
  // <mpy-script> is its own target; it is shown, and one without id gets the next id.
  await expect(page.locator("mpy-script#legacy")).toHaveText("legacy element");
  await expect(page.locator("mpy-script#legacy")).toBeVisible();
  await expect(page.locator("mpy-script#mpy-7")).toHaveText("legacy with auto id");
  // Every script got ready then done, and all-done came last.
  const seen = (await events(page)).filter((e) => !e.type.endsWith("progress"));
  const scripts = await page.evaluate(() => document.querySelectorAll('script[type="mpy"],mpy-script').length);
  expect(seen.filter((e) => e.type === "mpy:ready")).toHaveLength(scripts);
  expect(seen.filter((e) => e.type === "mpy:done")).toHaveLength(scripts);
  expect(seen.at(-1).type).toBe("py:all-done");
});

test("scripts added after load run too", async ({ page }) => {
  const log = await open(page, "/added-later.html");
  await allDone(page);
  await page.click("#add");
  await expect(page.locator("#late + script-py")).toHaveText("42");
  await expect(page.locator("#late-legacy")).toHaveText("nested");
  await expectNoErrors(page, log);
});

test("src plus inline code is PY0409 Invalid content, is not fetched and does not stop other scripts", async ({ page }) => {
  const fetched = [];
  page.on("request", (request) => fetched.push(request.url()));
  await open(page, "/invalid-content.html");
  await allDone(page);
  expect(await errors(page)).toEqual([
    '(PY0409) Invalid content for <script type="mpy" src="./code/never-fetched.py" id="both">print("inline code too")</script>',
    '(PY0409) Invalid content for <mpy-script src="./code/never-fetched-either.py" id="legacy-both">print("inline code too")</mpy-script>',
  ]);
  expect(fetched.filter((url) => url.includes("never-fetched"))).toEqual([]);
  await expect(page.locator("body")).toHaveAttribute("data-after", "ran");
  // No output target was created for the rejected script, and its done still fired.
  await expect(page.locator("#both + script-py")).toHaveCount(0);
  const seen = await events(page);
  expect(seen.filter((e) => e.id === "both").map((e) => e.type)).toEqual(["mpy:done"]);
  expect(seen.filter((e) => e.id === "legacy-both").map((e) => e.type)).toEqual(["mpy:done"]);
});
