// Smoke test of what `make serve` shows a newcomer.
import { test, expect } from "@playwright/test";
import { open, allDone, errors, expectNoErrors } from "./helpers.mjs";

test("examples index links every example", async ({ page }) => {
  await page.goto("/examples/");
  const links = await page.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(links).toEqual([
    "hello-mpy.html", "hello-py.html", "display.html", "events.html", "errors.html", "todo.html", "stop.html",
    "terminal.html", "editor.html", "plugin.html",
  ]);
});

test("hello examples greet from both interpreters", async ({ page }) => {
  for (const [file, impl] of [["hello-mpy", "micropython"], ["hello-py", "cpython"]]) {
    const log = await open(page, `/examples/${file}.html`);
    await allDone(page);
    await expect(page.locator("script-py")).toContainText(`Hello from ${impl}`);
    await expectNoErrors(page, log);
  }
});

test("display example: escaped text, HTML(), targets and _repr_html_", async ({ page }) => {
  const log = await open(page, "/examples/display.html");
  await allDone(page);
  await expectNoErrors(page, log);
  await expect(page.locator("script-py").first()).toContainText("Plain text is escaped: <b>not bold</b>");
  await expect(page.locator("#clock b")).toHaveText("HTML()");
  await expect(page.locator("#clock")).not.toContainText("waiting");
  await expect(page.locator("#table table td")).toHaveCount(10);
});

test("events example: Python click handlers and the lifecycle log", async ({ page }) => {
  const log = await open(page, "/examples/events.html");
  await allDone(page);
  await page.click("#hello");
  await expect(page.locator("#greeting")).toHaveText("Hello from a Python click handler!");
  await page.click("#count");
  await page.click("#count");
  await expect(page.locator("#count")).toHaveText("Count: 2");
  await expect(page.locator("#log")).toContainText("mpy:ready on #handlers (worker: false)");
  await expect(page.locator("#log")).toContainText("py:all-done");
  await expectNoErrors(page, log);
});

test("errors example shows each failure and keeps going", async ({ page }) => {
  await open(page, "/examples/errors.html");
  await allDone(page);
  const shown = await errors(page);
  expect(shown).toHaveLength(3);
  expect(shown[0]).toContain("ZeroDivisionError");
  expect(shown[1]).toContain("(PY0404): Fetching from URL ./no-such-file.py failed with error 404");
  expect(shown[2]).toBe("Something written to stderr");
  await expect(page.locator("body")).toContainText("…and this script still ran.");
});

test("to-do example: a worker builds the list with pyscript.web and keeps it across a reload", async ({ page }) => {
  const log = await open(page, "/examples/todo.html");
  await allDone(page);
  for (const text of ["buy milk", "<b>write</b> tests"]) {
    await page.fill("#item", text);
    await page.click("#add button");
    await expect(page.locator("#items li.todo").last()).toHaveText(text);
  }
  await expect(page.locator("#item")).toHaveValue("");
  await expect(page).toHaveURL(/todo\.html$/); // the submit did not navigate
  await expectNoErrors(page, log);
  await page.reload();
  await allDone(page);
  await expect(page.locator("#items li.todo")).toHaveText(["buy milk", "<b>write</b> tests"]); // text, never HTML
  await page.click("#clear");
  await expect(page.locator("#items li")).toHaveCount(0);
  await page.reload();
  await allDone(page);
  await expect(page.locator("#items li")).toHaveCount(0);
});

test("stop example: the button interrupts the worker's endless loop", async ({ page }) => {
  await open(page, "/examples/stop.html");
  await expect(page.locator("#primes")).toContainText("primes so far", { timeout: 60_000 });
  // Click until the worker's code has ended (its done event came): an
  // interrupt that lands in one of the loop's calls to the page can be
  // lost, and a second click is what a user would do.
  const done = () => page.evaluate(() => window.__events.some((e) => e.type === "py:all-done"));
  await expect
    .poll(async () => (await done()) || (await page.click("#stop"), done()), { timeout: 45_000, intervals: [2_000] })
    .toBe(true);
  // Python's except clause ran, or (an interrupt that lands while Python is
  // inside a call to JavaScript, see README) the interrupt is shown.
  const stopped = await page.locator("#primes").textContent();
  if (!stopped.startsWith("Stopped after")) await expect(page.locator(".py-error")).toContainText("KeyboardInterrupt");
});

test("plugin example: a hook shows what a script prints; donkey evaluates on demand", async ({ page }) => {
  const log = await open(page, "/examples/plugin.html");
  await allDone(page);
  await expect(page.locator("#output")).toHaveText("counting: counting 1\ncounting: counting 2\ncounting: counting 3\n");
  await page.fill("#expression", "6 * 7");
  await expect(async () => {
    await page.click("#evaluate");
    await expect(page.locator("#result")).toHaveText("42", { timeout: 1000 });
  }).toPass();
  await expectNoErrors(page, log);
});

// How many colours a screenshot of the element has (kept in the test's
// output folder): a blank or unstyled box has one or two, a rendered editor
// or terminal (text, highlighting, cursor, gutter) many.
const colours = async (page, locator, name) => {
  const png = await locator.screenshot({ path: test.info().outputPath(`${name}.png`) });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = new OffscreenCanvas(img.width, img.height);
    const g = canvas.getContext("2d");
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, img.width, img.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return seen.size;
  }, png.toString("base64"));
};

test("editor example: editors render, share an env after its setup, and run what is typed", async ({ page }) => {
  test.setTimeout(180_000);
  const log = await open(page, "/examples/editor.html");
  const [first, second] = [0, 1].map((i) => page.locator("py-editor").nth(i));
  const mpy = page.locator("mpy-editor");
  for (const editor of [first, second, mpy]) await expect(editor.locator(".cm-editor .cm-content")).toBeVisible({ timeout: 60_000 });
  expect(await colours(page, first, "py-editor")).toBeGreaterThan(20);
  expect(await colours(page, mpy, "mpy-editor")).toBeGreaterThan(20);

  // The first editor uses the setup's prices.
  await first.locator(".py-editor-run-button").click();
  await expect(first.locator(".py-editor-output")).toHaveText("3 items: 2.90", { timeout: 90_000 });
  // Typed into the second editor with real key presses, run with Shift-Enter.
  await second.locator(".cm-content").click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("print(len(basket))");
  await page.keyboard.press("Shift+Enter");
  const output = second.locator(".py-editor-output");
  await expect.poll(async () => (await output.innerText()).trim(), { timeout: 60_000 }).toBe("['apple', 'fig', 'fig', 'pear']\n4");
  expect(await colours(page, second, "py-editor-after-run")).toBeGreaterThan(20);

  await mpy.locator(".mpy-editor-run-button").click();
  await expect(mpy.locator(".mpy-editor-output")).toContainText("MicroPython (1,", { timeout: 60_000 });
  await expectNoErrors(page, log);
});

// What the terminal of the script with this id shows (its xterm.js buffer).
const terminalText = (page, id) =>
  page.evaluate((id) => {
    const buffer = document.getElementById(id)?.terminal?.buffer.active;
    const lines = [];
    for (let i = 0; buffer && i < buffer.length; i++) lines.push(buffer.getLine(i).translateToString(true));
    return lines.join("\n").trimEnd();
  }, id);

test("terminal example: REPLs in worker terminals render and answer what is typed", async ({ page }) => {
  test.setTimeout(180_000);
  const log = await open(page, "/examples/terminal.html");
  const shows = (id, text) => expect.poll(() => terminalText(page, id), { timeout: 90_000 }).toContain(text);
  await shows("py-repl", "What is your name?");
  const py = page.locator("#py-repl ~ py-terminal").first();
  await py.click();
  await page.keyboard.type("Ada");
  await page.keyboard.press("Enter");
  await shows("py-repl", "Hello, Ada! This is Python 3.");
  await shows("py-repl", ">>>");
  await page.keyboard.type("sum(range(10))");
  await page.keyboard.press("Enter");
  await shows("py-repl", ">>> sum(range(10))\n45");
  expect(await colours(page, py, "py-terminal")).toBeGreaterThan(20);

  await shows("mpy-repl", "MicroPython's own REPL");
  const mpy = page.locator("#mpy-repl ~ py-terminal").first();
  await mpy.click();
  await page.keyboard.type("6 * 7");
  await page.keyboard.press("Enter");
  await shows("mpy-repl", ">>> 6 * 7\n42");
  expect(await colours(page, mpy, "mpy-terminal")).toBeGreaterThan(20);
  await expectNoErrors(page, log);
});
