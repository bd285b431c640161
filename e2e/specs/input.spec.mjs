// input() in a worker: a line from the page (window.prompt until a terminal
// exists) when the page is cross-origin isolated; otherwise an error that
// says why and how to fix it. On the main thread, in a synchronous script:
// PyScript's error.
import { test, expect } from "@playwright/test";
import { PLAIN_PORT } from "../playwright.config.mjs";
import { open, allDone, errors } from "./helpers.mjs";

const result = (page) => page.evaluate(() => document.getElementById("w").xworker.sync.result());

const MAIN_THREAD_INPUT =
  "Exception: input() doesn't work when PyScript runs in the main thread.\n           " +
  "Consider using the worker attribute: https://pyscript.github.io/docs/2023.11.2/user-guide/workers/";

for (const type of ["mpy", "py"]) {
  test(`input() in an async="false" main-thread script raises PyScript's error and asks nothing (${type})`, async ({ page }) => {
    const prompts = [];
    page.on("dialog", (dialog) => (prompts.push(dialog.message()), dialog.dismiss()));
    await open(page, `/setup.html?case=input-sync&type=${type}`);
    await allDone(page);
    await expect(page.locator("body")).toHaveAttribute("data-checked", "yes");
    expect(await page.locator("body").getAttribute("data-input")).toBe(MAIN_THREAD_INPUT);
    expect(prompts).toEqual([]);
    expect(await errors(page)).toEqual([]);
  });

  test(`input() in an async main-thread script: MicroPython raises the same error instead of freezing the page, Pyodide asks with a prompt (${type})`, async ({ page }) => {
    const prompts = [];
    page.on("dialog", (dialog) => (prompts.push(dialog.message()), dialog.dismiss()));
    await open(page, `/setup.html?case=input-async&type=${type}`);
    await allDone(page);
    await expect(page.locator("body")).toHaveAttribute("data-checked", "yes");
    if (type === "mpy") {
      expect(await page.locator("body").getAttribute("data-input")).toBe(MAIN_THREAD_INPUT);
      expect(prompts).toEqual([]);
    } else {
      // Pyodide prints the question and opens an empty prompt; a dismissed
      // one reads as the end of input.
      expect(await page.locator("body").getAttribute("data-input")).toMatch(/^EOFError/);
      expect(prompts).toHaveLength(1);
    }
    expect(await errors(page)).toEqual([]);
  });

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
