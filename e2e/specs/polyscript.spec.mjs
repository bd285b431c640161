// The polyscript module as published apps use it: a worker created from the
// page's Python (XWorker) streams many small results back through
// xworker.sync while the page keeps answering clicks (an algorithm
// visualiser's pattern), for each page/worker interpreter pair. The names
// of polyscript and _pyscript are tested one by one in e2e/python
// (test_polyscript.py, all four contexts).
import { test, expect } from "@playwright/test";
import { open, allDone, errors } from "./helpers.mjs";

for (const page_ of ["mpy", "py"])
  for (const worker of ["mpy", "py"])
    test(`a ${page_} page streams from a ${worker} XWorker and answers clicks meanwhile`, async ({ page }) => {
      test.setTimeout(120_000);
      await open(page, `/polyscript/stream.html?page=${page_}&worker=${worker}`);
      await allDone(page);
      // The worker streams until the page has answered five clicks.
      await expect.poll(() => page.locator("#swaps").textContent().then(Number), { timeout: 60_000 }).toBeGreaterThan(0);
      for (let i = 1; i <= 5; i++) {
        await page.click("#more");
        await expect(page.locator("#clicks")).toHaveText(String(i));
      }
      await expect(page.locator("#status")).toHaveText(/^stopped after \d+ round\(s\); the page saw all the \d+ swaps$/, { timeout: 30_000 });
      await expect(page.locator("#message")).toHaveText(`worker type ${worker}`);
      expect(await errors(page)).toEqual([]);
    });

test("a worker's synchronous question is answered later by the page's form (mpy-click)", async ({ page }) => {
  const log = await open(page, "/polyscript/ask.html");
  const answer = page.locator('input[type="text"]');
  await expect(answer).toHaveAttribute("placeholder", "What is 2 + 3?", { timeout: 60_000 });
  await expect(answer).toBeEnabled();
  await answer.fill("5");
  await page.click('input[type="submit"]');
  await expect.poll(() => log.console.map((m) => m.text)).toContain("the page answered 5");
  await expect(answer).toBeDisabled();
  expect(await errors(page)).toEqual([]);
});
