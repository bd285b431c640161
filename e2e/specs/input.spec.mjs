// input() in a worker: a line from the page (window.prompt until a terminal
// exists) when the page is cross-origin isolated; otherwise an error that
// says why and how to fix it.
import { test, expect } from "@playwright/test";
import { PLAIN_PORT } from "../playwright.config.mjs";
import { open, allDone, errors } from "./helpers.mjs";

const result = (page) => page.evaluate(() => document.getElementById("w").xworker.sync.result());

for (const type of ["mpy", "py"]) {
  test(`input() in a worker asks the page and a cancelled prompt raises EOFError (${type})`, async ({ page }) => {
    const prompts = [];
    page.on("dialog", (dialog) => {
      prompts.push([dialog.type(), dialog.message()]);
      return prompts.length === 1 ? dialog.accept("Ada") : dialog.dismiss();
    });
    await open(page, `/workers/input.html?type=${type}`);
    await allDone(page);
    expect(prompts).toEqual([["prompt", "Your name?"], ["prompt", "Anything else?"]]);
    expect(await result(page)).toEqual(["Ada", "EOFError: input() was cancelled"]);
    expect(await errors(page)).toEqual([]);
  });

  test(`input() in a worker without a shared buffer says why it cannot read (${type})`, async ({ page }) => {
    page.on("dialog", (dialog) => dialog.dismiss());
    await open(page, `http://127.0.0.1:${PLAIN_PORT}/workers/input.html?type=${type}`);
    await allDone(page);
    const answers = await result(page);
    expect(answers).toHaveLength(2);
    for (const answer of answers) {
      expect(answer).toContain("RuntimeError: input() in a worker reads from the page synchronously, which needs a cross-origin isolated page");
      expect(answer).toContain("data-coi-sw");
    }
  });
}
