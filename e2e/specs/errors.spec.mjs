import { test, expect } from "@playwright/test";
import { open, allDone, events, errors } from "./helpers.mjs";

test("mpy: exceptions, stderr and a missing src are shown on the page; everything else still runs", async ({ page }) => {
  const log = await open(page, "/errors-mpy.html");
  await allDone(page);
  const shown = await errors(page);
  expect(shown).toHaveLength(4);
  expect(shown[0]).toContain("Traceback (most recent call last)");
  expect(shown[0]).toContain("ValueError: <b>not bold</b>");
  expect(shown).toContain("a warning on stderr");
  expect(shown).toContain(
    "(PY0404): Fetching from URL ./code/missing.py failed with error 404 (Not Found). Are your filename and path correct?",
  );
  expect(shown.some((t) => t.includes("RuntimeError: after await"))).toBe(true);
  // Text, never HTML: the <b> from the message is not an element.
  await expect(page.locator(".py-error b")).toHaveCount(0);
  // The console has the errors too.
  expect(log.console.filter((m) => m.type === "error").map((m) => m.text).join("\n")).toContain("ValueError");
  await expect(page.locator("body")).toHaveAttribute("data-after", "ran");
  // done fires for every script, failed or not.
  const done = (await events(page)).filter((e) => e.type === "mpy:done").map((e) => e.id);
  expect(done.sort()).toEqual(["missing", "raises", "raises-async", "stderr", "still-runs"]);
});

test("py: the traceback starts at the user's code, not Pyodide's runner", async ({ page }) => {
  await open(page, "/errors-py.html");
  await allDone(page);
  const [shown, ...rest] = await errors(page);
  expect(rest).toEqual([]);
  expect(shown).toContain("ValueError: <b>not bold</b>");
  // As in PyScript, the line break right after <script> does not count.
  expect(shown).toContain('line 2, in fail');
  expect(shown).not.toContain("_pyodide");
  await expect(page.locator(".py-error b")).toHaveCount(0);
  await expect(page.locator("body")).toHaveAttribute("data-after", "ran");
});

test("a Go panic is recovered, shown, and the core keeps running", async ({ page }) => {
  await open(page, "/sabotage.html");
  await allDone(page);
  const shown = await errors(page);
  expect(shown).toHaveLength(1);
  expect(shown[0]).toContain("GoPyScript internal error");
  expect(shown[0]).toContain("sabotaged Element.after");
  await expect(page.locator("#out")).toHaveText("the core is still alive");
  // The Go instance is alive: its exports still answer.
  const alive = await page.evaluate(async () => {
    const { whenDefined } = await import("/dist/core.js");
    return (await whenDefined("mpy")).type;
  });
  expect(alive).toBe("mpy");
});

for (const type of ["mpy", "py"])
  test(`${type}: an exception in Python code JS calls later (a click handler, a timer) is shown on the page`, async ({ page }) => {
    const log = await open(page, `/errors-callback.html?type=${type}`);
    await allDone(page);
    expect(await errors(page)).toEqual([]);
    await page.click("#b");
    await page.evaluate(() => setTimeout(window.later, 0));
    await expect.poll(() => errors(page)).toHaveLength(2);
    const [click, timer] = await errors(page);
    // The traceback starts at the handler, not at pyscript's event dispatch.
    expect(click).toMatch(/^Traceback \(most recent call last\):\n  File "<(exec|stdin)>", line \d+, in clicked\n[\s\S]*ValueError: raised in a click handler/);
    expect(timer).toMatch(/KeyError: '?raised in a timer'?/);
    await expect.poll(() => log.pageErrors.length).toBe(2); // still the page's uncaught errors too
  });

test("a callback's error follows its own interpreter's config: !error for MicroPython keeps its errors in the console only", async ({ page }) => {
  const log = await open(page, "/errors-callback-mixed.html");
  await allDone(page);
  await page.click("#mpy");
  await page.click("#py");
  await expect.poll(() => errors(page)).toHaveLength(1);
  expect((await errors(page))[0]).toContain("ValueError: raised by Pyodide");
  await expect.poll(() => log.console.filter((m) => m.type === "error" && m.text.includes("raised by MicroPython")).length).toBe(1);
  expect(await errors(page)).toHaveLength(1);
});
