// PyScript's terminal (issue 19): <script type="py|mpy" terminal> on the
// page and in workers, with xterm.js from dist/terminal.js, fetched only by
// pages that have one. Typing goes through real key presses.
import { test, expect } from "@playwright/test";
import { CDN_PORT, ORIGIN, PLAIN_PORT } from "../playwright.config.mjs";
import { open, allDone, errors } from "./helpers.mjs";

const PLAIN = `http://127.0.0.1:${PLAIN_PORT}`;
const CDN = `http://127.0.0.1:${CDN_PORT}`;
const NAME = { mpy: "micropython", py: "cpython" };

// What the terminal of the script with this id shows: its xterm.js buffer,
// line by line, without trailing blanks (so a prompt shows as ">>>").
const shown = (page, id) =>
  page.evaluate((id) => {
    const terminal = document.getElementById(id)?.terminal;
    if (!terminal) return null;
    const buffer = terminal.buffer.active;
    const lines = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i).translateToString(true));
    return lines.join("\n").trimEnd();
  }, id);
const shows = (page, id, text, timeout = 60_000) => expect.poll(() => shown(page, id), { timeout }).toContain(text);

// Real key presses into the terminal of the script with this id, after a
// click gives it the focus.
const typeInto = async (page, id, ...keys) => {
  const terminal = await page.waitForFunction((id) => document.getElementById(id)?.terminal?.element, id);
  await terminal.asElement().click();
  for (const key of keys) {
    if (["Enter", "Backspace"].includes(key)) await page.keyboard.press(key);
    else await page.keyboard.type(key);
  }
};

// The theme of the terminal of the script with this id, as the browser
// applies it (xterm.js's own styles included).
const theme = (page, id) =>
  page.evaluate((id) => {
    const { element } = document.getElementById(id).terminal;
    return {
      background: getComputedStyle(element.querySelector(".xterm-viewport")).backgroundColor,
      foreground: getComputedStyle(element.querySelector(".xterm-rows")).color,
    };
  }, id);
// What xterm.js renders of it in the page.
const rendered = (page, id) => page.evaluate((id) => document.getElementById(id).terminal.element.querySelector(".xterm-rows").innerText, id);
const THEME = { background: "rgb(25, 26, 25)", foreground: "rgb(245, 242, 231)" };

test.describe.configure({ mode: "parallel" });

const terminalFiles = (log) => log.requests.filter((url) => /\/(terminal|terminal-worker|xterm)\.js$|\/xterm\.css$/.test(url));

for (const type of ["mpy", "py"]) {
  test(`a terminal on the page: output, stderr, errors, __terminal__, theme, xterm.css (${type})`, async ({ page }) => {
    const prompts = [];
    page.on("dialog", (dialog) => (prompts.push(dialog.message()), dialog.accept("Ada")));
    const log = await open(page, `/terminal/main.html?type=${type}`);
    await allDone(page);
    const box = "#t ~ py-terminal"; // after the script (and its display target)
    await expect(page.locator(box)).toHaveAttribute("style", "display: block;");
    await shows(page, "t", "second script runs");
    const text = await shown(page, "t");
    for (const line of [`hello from ${NAME[type]}`, "an error line", "written by __terminal__", "NameError"]) expect(text).toContain(line);
    // The traceback is on the page too, once.
    const shownErrors = await errors(page);
    expect(shownErrors).toHaveLength(1);
    expect(shownErrors[0]).toMatch(/Traceback[\s\S]*NameError: name 'not_defined_here' is/);
    expect(text).toContain(shownErrors[0].trim().split("\n").at(-1));
    // xterm.js renders it, in PyScript's theme, styled by dist/xterm.css.
    await expect.poll(() => rendered(page, "t")).toContain(`hello from ${NAME[type]}`);
    expect(await theme(page, "t")).toEqual(THEME);
    expect(await page.locator('link[rel="stylesheet"][href$="xterm.css"]').evaluate((l) => l.href)).toBe(`${ORIGIN}/dist/xterm.css`);
    expect(await page.evaluate(() => document.getElementById("t").terminal.element.closest("py-terminal") !== null)).toBe(true);
    const readOnly = log.console.filter((m) => m.text === "py-terminal is read only on main thread");
    if (type === "py") {
      expect(readOnly).toEqual([{ type: "warning", text: "py-terminal is read only on main thread" }]);
      expect(await page.evaluate(() => document.getElementById("t").terminal.options.disableStdin)).toBe(true);
      expect(await page.evaluate(() => document.getElementById("t").process("1").catch((e) => e.message))).toBe(
        "py-terminal is read only on main thread",
      );
      return;
    }
    expect(readOnly).toEqual([]);
    // MicroPython: input() is window.prompt, shown in the terminal; then
    // code.interact() is a REPL typed into the terminal.
    expect(prompts).toEqual(["Your name? "]);
    expect(text).toContain("Your name? Ada\nHello, Ada!");
    await typeInto(page, "t", "x = 6 * 7", "Enter", "print(x)", "Enter");
    await shows(page, "t", ">>> print(x)\n42\n>>>");
    await page.evaluate(() => document.getElementById("t").process("y = x + 1\nprint(y)"));
    await shows(page, "t", ">>> print(y)\n43\n>>>");
    expect(log.pageErrors).toEqual([]);
  });

  test(`at most one terminal on the page: PyScript's error, and the script still runs (${type})`, async ({ page }) => {
    const log = await open(page, `/terminal/two-main.html?type=${type}`);
    await allDone(page);
    await expect(page.locator("body")).toHaveAttribute("data-second", "ran");
    expect(await errors(page)).toEqual(["You can use at most 1 main terminal"]);
    expect(log.console).toContainEqual({ type: "error", text: "You can use at most 1 main terminal" });
    await expect(page.locator("py-terminal")).toHaveCount(1);
    await shows(page, "first", "first terminal");
    expect(await page.evaluate(() => document.getElementById("second").terminal)).toBeUndefined();
  });

  test(`a terminal's target: an id, a selector, and one that does not exist (${type})`, async ({ page }) => {
    await open(page, `/terminal/target.html?type=${type}`);
    await allDone(page);
    await shows(page, "m", "in the box");
    await shows(page, "w", "in the selected box");
    await expect(page.locator("#main-box > .xterm")).toHaveCount(1);
    await expect(page.locator(".worker-box > .xterm")).toHaveCount(1);
    await expect(page.locator("py-terminal")).toHaveCount(0);
    await expect(page.locator("body")).toHaveAttribute("data-unknown", "ran");
    expect(await errors(page)).toEqual(["Unknown target nope"]);
    expect(await page.evaluate(() => document.getElementById("x").terminal)).toBeUndefined();
  });

  test(`worker terminals: input() typed into each, process(), tracebacks there and on the page, a restart (${type})`, async ({ page }) => {
    await open(page, `/terminal/worker.html?type=${type}`);
    await shows(page, "a", "no newline yet: Your name?");
    await typeInto(page, "a", "Adx", "Backspace", "a", "Enter");
    await shows(page, "a", "no newline yet: Your name? Ada\nHello, Ada!\nMore?");
    // Typed before input() asks: kept for it.
    await shows(page, "b", "worker b ready");
    await typeInto(page, "b", "bee", "Enter");
    await page.evaluate(() => document.body.setAttribute("data-ask", ""));
    await shows(page, "b", "worker b ready\nb asks: bee\nb got bee");
    // process() answers the pending input() as if typed.
    await page.evaluate(() => document.getElementById("a").process("typed by process"));
    await shows(page, "a", "More? typed by process\nmore: typed by process\n");
    await shows(page, "a", "ValueError: a failed on purpose");
    await allDone(page);
    const shownErrors = await errors(page);
    expect(shownErrors).toHaveLength(1);
    expect(shownErrors[0]).toMatch(/^Traceback[\s\S]*ValueError: a failed on purpose/);
    expect(await shown(page, "a")).toContain(shownErrors[0].trim());
    expect(await shown(page, "b")).not.toContain("ValueError");
    await expect.poll(() => rendered(page, "b")).toContain("b got bee");
    expect(await theme(page, "a")).toEqual(THEME);
    // A restarted worker keeps its script's terminal.
    await page.evaluate(() => document.getElementById("a").xworker.restart());
    await expect.poll(async () => (await shown(page, "a")).split("Your name?").length, { timeout: 60_000 }).toBe(3);
    await typeInto(page, "a", "Bo", "Enter");
    await shows(page, "a", "Hello, Bo!");
    await expect(page.locator("py-terminal")).toHaveCount(2);
  });

  test(`a REPL in a worker terminal: code.interact(), typed and processed (${type})`, async ({ page }) => {
    await open(page, `/terminal/repl.html?type=${type}`);
    await shows(page, "r", ">>>");
    // Typed without waiting: keys wait for the REPL's next read.
    await typeInto(page, "r", "x = 6 * 7", "Enter", "print(x + 1)", "Enter", "print(x)", "Enter", "1/0", "Enter");
    await shows(page, "r", ">>> print(x + 1)\n43\n>>> print(x)\n42\n>>> 1/0\nTraceback");
    await shows(page, "r", "ZeroDivisionError");
    await page.evaluate(() => document.getElementById("r").process("y = x * 2\nprint(y)"));
    await shows(page, "r", ">>> print(y)\n84\n>>>");
    // An error at the REPL is the REPL's, not the page's.
    expect(await errors(page)).toEqual([]);
  });

  test(`a line is edited with the cursor keys and recalled with the arrows (${type})`, async ({ page }) => {
    // Pyodide's REPL reads each line with input() from the terminal's line
    // editing; MicroPython's REPL gets the keys and edits its own lines.
    await open(page, `/terminal/repl.html?type=${type}`);
    await shows(page, "r", ">>>");
    await typeInto(page, "r", "x = 40", "Enter");
    await shows(page, "r", ">>> x = 40\n>>>");
    // Named keys are pressed, anything else typed.
    const press = async (...keys) => {
      for (const key of keys) await (/^[A-Z]\w+$/.test(key) ? page.keyboard.press(key) : page.keyboard.type(key));
    };
    await page.keyboard.type("prnt(x + 1)");
    await press("Home", "ArrowRight", "ArrowRight", "i", "End", "Backspace", "Backspace", "2)", "Enter");
    await shows(page, "r", ">>> print(x + 2)\n42\n>>>");
    // ↑ twice recalls the line before last, ↓ comes back one, as typed.
    await press("ArrowUp", "ArrowUp", "ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await shown(page, "r")).split("\n42\n").length, { timeout: 30_000 }).toBe(3);
    await press("ArrowUp", "ArrowUp", "ArrowLeft", "Delete", "1", "Enter");
    await shows(page, "r", ">>> x = 41\n>>>");
    await typeInto(page, "r", "x", "Enter");
    await shows(page, "r", ">>> x\n41");
  });

  if (type === "py")
    test("Ctrl-C in a Pyodide worker terminal raises KeyboardInterrupt in the running code and the REPL goes on", async ({ page }) => {
      await open(page, "/terminal/repl.html?type=py");
      await shows(page, "r", ">>>");
      await typeInto(page, "r", "n = 0", "Enter", "while True: n += 1", "Enter", "Enter");
      await shows(page, "r", ">>> while True: n += 1\n...");
      await page.keyboard.press("Control+C");
      await shows(page, "r", "KeyboardInterrupt\n>>>");
      // Ctrl-C while a line is being read gives it up, as Python's REPL does.
      await typeInto(page, "r", "1 +");
      await page.keyboard.press("Control+C");
      await shows(page, "r", ">>> 1 +^C\n\nKeyboardInterrupt\n>>>");
      await typeInto(page, "r", "n > 0", "Enter");
      await shows(page, "r", ">>> n > 0\nTrue");
      expect(await errors(page)).toEqual([]);
    });

  test(`worker terminals without shared memory say why input() cannot read, and show its error (${type})`, async ({ page }) => {
    await open(page, `${PLAIN}/terminal/worker.html?type=${type}`);
    await allDone(page);
    const why = "input() cannot read from this terminal: the page is not cross-origin isolated";
    for (const id of ["a", "b"]) {
      await shows(page, id, why);
      await shows(page, id, "RuntimeError: input() in a worker reads from the page synchronously, which needs a cross-origin isolated page");
    }
    const shownErrors = await errors(page);
    expect(shownErrors).toHaveLength(2);
    for (const error of shownErrors) expect(error).toContain("RuntimeError: input() in a worker reads from the page synchronously");
    // Pyodide has nothing left that could read what process() types.
    if (type === "py") expect(await page.evaluate(() => document.getElementById("b").process("x").catch((e) => e.message))).toContain(why);
  });

  test(`worker terminals through the service-worker attribute read typed input (${type})`, async ({ page }) => {
    test.setTimeout(120_000);
    let loads = 0;
    page.on("load", () => loads++);
    await open(page, `${PLAIN}/terminal/worker.html?type=${type}&sw=/dist/service-worker.js`);
    await expect.poll(() => loads, { timeout: 60_000 }).toBe(2); // registered, then one reload under it
    await shows(page, "a", "Your name?", 90_000);
    expect(await page.evaluate(() => document.getElementById("a").xworker.transport)).toBe("service-worker");
    await typeInto(page, "a", "Ada", "Enter");
    await shows(page, "a", "Hello, Ada!\nMore?");
    expect(await shown(page, "a")).not.toContain("cannot read");
  });

  test(`donkey({terminal}): process shows the code running, output and errors there, clear, reset, kill (${type})`, async ({ page }) => {
    const log = await open(page, "/terminal/donkey.html");
    const rows = page.locator("body > py-terminal .xterm-rows");
    await page.evaluate(async (type) => {
      const { donkey } = await import("/dist/core.js");
      window.shown = await donkey({ type, terminal: true, persistent: true });
      window.boxed = await donkey({ type, terminal: "donkey-box" });
    }, type);
    await expect(page.locator("body > py-terminal")).toHaveCount(1);
    await expect(page.locator("#donkey-box > .xterm")).toHaveCount(1);
    await page.evaluate(() => shown.process("x = 6 * 7\nprint(x)"));
    await expect(rows).toContainText(">>> x = 6 * 7");
    await expect(rows).toContainText("... print(x)");
    await expect(rows).toContainText("42");
    expect(await page.evaluate(() => shown.evaluate("x + 1"))).toBe(43);
    await page.evaluate(() => shown.execute("__terminal__.write('written through __terminal__\\r\\n')"));
    await expect(rows).toContainText("written through __terminal__");
    expect(await page.evaluate(() => shown.evaluate("nope"))).toBeUndefined();
    await expect(rows).toContainText("donkey.evaluate:");
    await expect(rows).toContainText("NameError");
    expect(await errors(page)).toEqual([expect.stringMatching(/^donkey\.evaluate: .*NameError/s)]);
    await page.evaluate(() => shown.clear());
    await expect(rows).not.toContainText("42");
    await page.evaluate(() => boxed.execute("print('boxed output')"));
    await expect(page.locator("#donkey-box .xterm-rows")).toContainText("boxed output");
    await page.evaluate(() => boxed.reset());
    await expect(page.locator("#donkey-box .xterm-rows")).not.toContainText("boxed output");
    // kill() takes the terminal away (and its styles); the next task brings a new one.
    const sheets = () => page.evaluate(() => document.adoptedStyleSheets.length);
    const styled = await sheets();
    await page.evaluate(() => shown.kill());
    await expect(page.locator("body > py-terminal")).toHaveCount(0);
    await expect.poll(sheets).toBe(styled - 2);
    expect(await page.evaluate(() => shown.evaluate("'back'"))).toBe("back");
    await expect(page.locator("body > py-terminal")).toHaveCount(1);
    expect(log.pageErrors).toEqual([]);
  });

  test(`a core from a CDN runs a worker terminal, all of it from the CDN (${type})`, async ({ page }) => {
    const log = await open(page, `/terminal/cdn.html?type=${type}&core=${encodeURIComponent(`${CDN}/dist/core.js`)}`);
    await shows(page, "w", "Your name?");
    await typeInto(page, "w", "Ada", "Enter");
    await shows(page, "w", "Hello from the CDN's terminal, Ada");
    expect(await theme(page, "w")).toEqual(THEME);
    expect(terminalFiles(log).sort()).toEqual([
      `${CDN}/dist/terminal-worker.js`,
      `${CDN}/dist/terminal.js`,
      `${CDN}/dist/xterm.css`,
      `${CDN}/dist/xterm.js`,
    ]);
    expect(await errors(page)).toEqual([]);
  });
}

test("a terminal under a strict CSP: xterm.js styled without inline styles, a REPL and typed input", async ({ page }) => {
  // A strict site sends its policy with every file, the worker's too.
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'";
  await page.route("**/dist/worker.js", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": policy } });
  });
  const log = await open(page, "/terminal/csp.html");
  await shows(page, "m", "main terminal under a strict CSP");
  await shows(page, "m", ">>>");
  await typeInto(page, "m", "print(6 * 7)", "Enter");
  await shows(page, "m", ">>> print(6 * 7)\n42");
  await shows(page, "w", "Your name?");
  await typeInto(page, "w", "Ada", "Enter");
  await shows(page, "w", "Hello, Ada, under a strict CSP");
  for (const id of ["m", "w"]) expect(await theme(page, id)).toEqual(THEME);
  await expect.poll(() => rendered(page, "m")).toContain("main terminal under a strict CSP");
  expect(log.console.filter((m) => /Content Security Policy/i.test(m.text))).toEqual([]);
  expect(await errors(page)).toEqual([]);
  expect(log.pageErrors).toEqual([]);
});

test("a terminal bundle that cannot load is one error on the page; every script still runs", async ({ page }) => {
  await page.route("**/dist/terminal.js", (route) => route.fulfill({ status: 404, body: "gone" }));
  const log = await open(page, "/terminal/broken.html");
  await allDone(page);
  for (const ran of ["data-main", "data-worker", "data-plain"]) await expect(page.locator("body")).toHaveAttribute(ran, "ran");
  const shownErrors = await errors(page);
  expect(shownErrors).toHaveLength(1);
  expect(shownErrors[0]).toMatch(new RegExp(`^GoPyScript could not load its terminal \\(${ORIGIN}/dist/terminal\\.js\\): .+`));
  await expect(page.locator("py-terminal")).toHaveCount(0);
  expect(log.requests.filter((url) => url.endsWith("/xterm.css"))).toEqual([]);
});

test("pages without a terminal never fetch it, donkey without one included", async ({ page }) => {
  page.on("dialog", (dialog) => dialog.accept("x"));
  const log = await open(page, "/workers/input.html?type=mpy");
  await allDone(page);
  expect(await page.evaluate(async () => {
    const { donkey } = await import("/dist/core.js");
    const helper = await donkey({ type: "mpy" });
    return helper.evaluate("6 * 7");
  })).toBe(42);
  await page.goto("/hello-py.html");
  await allDone(page);
  expect(log.requests).toContain(`${ORIGIN}/dist/donkey.js`);
  expect(log.requests).toContain(`${ORIGIN}/dist/worker.js`);
  expect(terminalFiles(log)).toEqual([]);
});

test("MicroPython's REPL in a worker terminal works without shared memory", async ({ page }) => {
  await open(page, `${PLAIN}/terminal/repl.html?type=mpy`);
  await shows(page, "r", ">>>");
  await typeInto(page, "r", "print(6 * 7)", "Enter");
  await shows(page, "r", ">>> print(6 * 7)\n42\n>>>");
  expect(await errors(page)).toEqual([]);
});
