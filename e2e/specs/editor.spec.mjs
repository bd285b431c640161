// PyScript's editor (<script type="py-editor|mpy-editor">, dist/editor.js):
// its DOM, ids and classes, env sharing, setup, config, targets, src, the
// Run button and its keys, the script's properties and events, errors, and
// a Stop that keeps the environment where Pyodide can be interrupted.
import { test, expect } from "@playwright/test";
import { PLAIN_PORT, CDN_PORT } from "../playwright.config.mjs";
import { open, allDone, errors } from "./helpers.mjs";

test.describe.configure({ mode: "parallel" });

const PLAIN = `http://127.0.0.1:${PLAIN_PORT}`;
const CDN_CORE = `http://127.0.0.1:${CDN_PORT}/dist/core.js`;

// The editor of the script with id (right after it, or in its target).
const editorOf = (page, type, id) => page.locator(`#${id} + ${type}-editor`);
const outputOf = (page, type, id) => editorOf(page, type, id).locator(`.${type}-editor-output`);
const doneCount = (page, id) => page.evaluate((id) => window.seen.filter((s) => s === `py-editor:done ${id}`).length, id);
const waitDone = (page, id, count) =>
  page.waitForFunction(([id, count]) => window.seen.filter((s) => s === `py-editor:done ${id}`).length >= count, [id, count], {
    timeout: 120_000,
  });
// Presses the editor's Run button (or does what act says) and waits for
// the run to end.
const runs = async (page, id, act) => {
  const before = await doneCount(page, id);
  await act();
  await waitDone(page, id, before + 1);
};
const lines = (locator) => locator.evaluate((el) => el.innerText.trim().split("\n"));

for (const type of ["mpy", "py"]) {
  const interpreter = type === "py" ? "pyodide" : "micropython";

  test(`editors are built as PyScript builds them: ids, classes, labels, targets, output, rows (${type})`, async ({ page }) => {
    const log = await open(page, `/editor/editors.html?type=${type}`);
    await expect.poll(() => page.evaluate(() => window.seen.length), { timeout: 60_000 }).toBeGreaterThanOrEqual(8);
    // The scripts are taken once, as PyScript marks them.
    expect(await page.locator(`script[type="${type}-editor-active"]`).count()).toBe(8);
    // PyScript's ids: one counter, taken by the env (when unnamed), the
    // target (without an id) and the output (without an output attribute).
    const first = editorOf(page, type, "first");
    await expect(first).toHaveAttribute("id", `${type}-editor-0`);
    await expect(first).toHaveAttribute("exec-id", "0");
    await expect(first).toHaveAttribute("root", `${type}-editor-0`);
    const box = first.locator(`div.${type}-editor-box`);
    await expect(box).toHaveAttribute("data-env", `${interpreter}-shared`);
    const input = box.locator(`> div.${type}-editor-input`);
    await expect(input).toHaveAttribute("aria-label", "Python Script Area");
    const button = input.locator(`> button`);
    await expect(button).toHaveClass(`absolute ${type}-editor-run-button`);
    await expect(button).toHaveAttribute("aria-label", "Python Script Run Button");
    await expect(box.locator(`> div.${type}-editor-output`)).toHaveAttribute("id", `${type}-editor-1-output`);
    expect(await input.evaluate((el) => el.children[1].shadowRoot.querySelector(".cm-editor .cm-content").textContent)).toBe("print(greeting)x = 41");
    // An output given by id, inside the box, with the class; rows.
    const second = editorOf(page, type, "second");
    await expect(second).toHaveAttribute("id", `${type}-editor-2`);
    await expect(second.locator(`.${type}-editor-box > pre#given-output`)).toHaveClass(`${type}-editor-output`);
    const sizes = await second.locator(".cm-editor").evaluate((el) => [getComputedStyle(el).maxHeight, getComputedStyle(el).minHeight]);
    expect(sizes).toEqual(["74px", "55px"]);
    // Targets: an id, then a selector; an env of its own shows the interpreter.
    await expect(page.locator(`#place > .${type}-editor-box`)).toHaveAttribute("data-env", interpreter);
    await expect(page.locator("#place")).toHaveAttribute("root", "place");
    await expect(page.locator(`#place .${type}-editor-output`)).toHaveAttribute("id", `${type}-editor-4-output`);
    await expect(page.locator("section.slot")).toHaveAttribute("id", `${type}-editor-6`);
    await expect(page.locator(`section.slot .${type}-editor-output`)).toHaveAttribute("id", `${type}-editor-7-output`);
    await expect(editorOf(page, type, "inherits")).toHaveAttribute("id", `${type}-editor-15`);
    // The setup script has no UI; every script told it was ready.
    expect(await page.locator("#setup + *").evaluate((el) => el.id)).toBe("first");
    await expect.poll(() => page.evaluate(() => window.seen.filter((s) => !s.startsWith("py-editor:done")).sort())).toEqual(
      ["alone", "custom", "failing", "first", "inherits", "second", "selector", "setup"].map((id) => `${type}-editor ${id}`),
    );
    // core.css: the run button shows on hover.
    const shown = () => button.evaluate((el) => getComputedStyle(el).opacity);
    expect(await shown()).toBe("0");
    await box.hover();
    await expect.poll(shown).toBe("1");
    expect(await errors(page)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  });

  test(`Run shares an env with its setup, runs onbeforerun, shows errors as text and custom buttons (${type})`, async ({ page }) => {
    test.setTimeout(180_000);
    const log = await open(page, `/editor/editors.html?type=${type}`);
    await runs(page, "first", () => editorOf(page, type, "first").locator("button").click());
    expect(await lines(outputOf(page, type, "first"))).toEqual(["hello from setup"]);
    await runs(page, "second", () => editorOf(page, type, "second").locator("button").click());
    expect(await lines(page.locator("#given-output"))).toEqual(["42"]);
    await runs(page, "alone", () => page.locator("#place button").click());
    expect(await lines(page.locator("#place .py-editor-output, #place .mpy-editor-output"))).toEqual(["alone sees x: False"]);
    await runs(page, "selector", () => page.locator("section.slot button").click());
    expect(await lines(page.locator("section.slot [id$=-output]"))).toEqual(["set by onbeforerun"]);
    // An exception: its traceback in red in the output, set as text.
    await runs(page, "failing", () => editorOf(page, type, "failing").locator("button").click());
    const failing = outputOf(page, type, "failing");
    const shown = await lines(failing);
    expect(shown[0]).toBe("before the error");
    expect(shown[1]).toBe("Traceback (most recent call last):");
    expect(shown.at(-1)).toBe("ValueError: <b>not bold</b>");
    expect(shown.join("\n")).not.toContain("_pyodide");
    await expect(failing.locator("span")).toHaveCSS("color", "rgb(255, 0, 0)");
    await expect(failing.locator("b")).toHaveCount(0);
    // Custom button markup: the stop markup while it runs, then run again;
    // the editors after it inherit it, as in PyScript.
    const custom = editorOf(page, type, "custom").locator("button");
    await expect(custom.locator("span.my-run")).toHaveText("RUN");
    await runs(page, "custom", async () => {
      await custom.click();
      await expect(custom.locator("span.my-stop")).toHaveText("STOP");
      await expect(custom).toHaveClass(/\brunning\b/);
    });
    await expect(custom.locator("span.my-run")).toHaveText("RUN");
    await expect(custom).not.toHaveClass(/\brunning\b/);
    expect(await lines(outputOf(page, type, "custom"))).toEqual(["custom done"]);
    await expect(editorOf(page, type, "inherits").locator("button span.my-run")).toHaveText("RUN");
    // Each Run ended with py-editor:done on its script (PyScript's name for both types).
    expect(await page.evaluate(() => window.seen.filter((s) => s.startsWith("py-editor:done")))).toEqual(
      ["first", "second", "alone", "selector", "failing", "custom"].map((id) => `py-editor:done ${id}`),
    );
    // Errors in a Run stay in the editor.
    expect(await errors(page)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  });

  test(`Ctrl-Enter, Cmd-Enter and Shift-Enter run what was typed (${type})`, async ({ page }) => {
    test.setTimeout(180_000);
    await open(page, `/editor/editors.html?type=${type}`);
    const content = page.locator("#place .cm-content");
    const output = page.locator("#place [id$=-output]");
    for (const [key, word] of [["Control+Enter", "ctrl"], ["Meta+Enter", "cmd"], ["Shift+Enter", "shift"]]) {
      await content.click();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type(`print("typed", "${word}")`);
      await page.keyboard.press("Escape"); // any completion popup
      await runs(page, "alone", () => page.keyboard.press(key));
      expect(await lines(output)).toEqual([`typed ${word}`]);
    }
    expect(await page.evaluate(() => document.getElementById("alone").code)).toBe('print("typed", "shift")');
  });

  test(`the script's xworker, target, code, process and handleEvent (${type})`, async ({ page }) => {
    test.setTimeout(180_000);
    const log = await open(page, `/editor/editors.html?type=${type}`);
    await page.waitForFunction((type) => window.seen.includes(`${type}-editor setup`), type, { timeout: 120_000 });
    const props = await page.evaluate(() => {
      const [first, second, alone] = ["first", "second", "alone"].map((id) => document.getElementById(id));
      return {
        sameWorker: !!first.xworker && first.xworker === second.xworker,
        aloneWorker: alone.xworker,
        target: first.target === first.nextElementSibling && alone.target === document.getElementById("place"),
        setupTarget: document.getElementById("setup").target,
        code: first.code,
        setupCode: document.getElementById("setup").code.trim(),
      };
    });
    expect(props).toEqual({
      sameWorker: true,
      aloneWorker: undefined,
      target: true,
      setupTarget: undefined,
      code: "print(greeting)\nx = 41",
      setupCode: 'greeting = "hello from setup"',
    });
    // process(code): runs in the env without touching the output (output on the console).
    await page.evaluate(() => document.getElementById("first").process('print("processed")\ny = 5'));
    expect(log.console.map((m) => m.text)).toContain("processed");
    expect(await outputOf(page, type, "first").textContent()).toBe("");
    // code = …, then process(…, true) presses Run.
    await runs(page, "second", () =>
      page.evaluate(() => {
        const second = document.getElementById("second");
        second.code = "print(y * 2)";
        return second.process("ignored", true);
      }),
    );
    expect(await lines(page.locator("#given-output"))).toEqual(["10"]);
    // handleEvent: an override sees the code; false cancels the run.
    await page.evaluate(() => {
      const first = document.getElementById("first");
      window.original = first.handleEvent;
      window.allow = false;
      first.handleEvent = (event) => {
        window.asked = event.code;
        return window.allow;
      };
    });
    await editorOf(page, type, "first").locator("button").click();
    await expect.poll(() => page.evaluate(() => window.asked)).toBe("print(greeting)\nx = 41");
    expect(await doneCount(page, "first")).toBe(0);
    expect(await outputOf(page, type, "first").textContent()).toBe("");
    await page.evaluate(() => (window.allow = true));
    await runs(page, "first", () => editorOf(page, type, "first").locator("button").click());
    expect(await lines(outputOf(page, type, "first"))).toEqual(["hello from setup"]);
    expect(await page.evaluate(() => {
      const first = document.getElementById("first");
      first.handleEvent = window.original;
      return first.handleEvent === window.original;
    })).toBe(true);
    // An env's worker exists once something ran in it.
    await runs(page, "alone", () => page.locator("#place button").click());
    expect(await page.evaluate(() => {
      const { xworker } = document.getElementById("alone");
      return !!xworker && xworker !== document.getElementById("first").xworker;
    })).toBe(true);
    expect(await errors(page)).toEqual([]);
  });

  test(`config: inline JSON, .toml and .json files, PyScript's env errors, env-override, bad configs (${type})`, async ({ page }) => {
    test.setTimeout(240_000);
    await open(page, `/editor/config.html?type=${type}`);
    await expect.poll(() => errors(page), { timeout: 60_000 }).toEqual([
      `duplicated config for env: ${interpreter}-inline`,
      `unable to add a config to the env: ${interpreter}-plain`,
    ]);
    for (const [id, shown] of [
      ["inline", "inline None"],
      ["toml", "42 [1, 'two']"],
      ["json", "42 [1, 'two']"],
      ["override", "override None"],
      ["first-config", "override None"],
    ]) {
      await runs(page, id, () => editorOf(page, type, id).locator("button").click());
      expect(await lines(outputOf(page, type, id))).toEqual([shown]);
    }
    // The scripts that broke PyScript's rules have no editor.
    await expect(editorOf(page, type, "duplicated")).toHaveCount(0);
    await expect(editorOf(page, type, "added")).toHaveCount(0);
    // A config that cannot be read: the core's error on the page, and in
    // the editor's output.
    await runs(page, "missing", () => editorOf(page, type, "missing").locator("button").click());
    const missing = await lines(outputOf(page, type, "missing"));
    expect(missing[0]).toContain(`the environment ${interpreter}-missing could not start`);
    expect(missing.join("\n")).toContain("missing.toml");
    await runs(page, "invalid", () => editorOf(page, type, "invalid").locator("button").click());
    expect((await lines(outputOf(page, type, "invalid")))[0]).toContain(`the environment ${interpreter}-invalid could not start`);
    const shown = await errors(page);
    expect(shown).toHaveLength(4);
    expect(shown[2]).toContain("missing.toml");
    expect(shown[3]).toContain("Invalid JSON");
  });

  test(`src: the editor shows the file; a src that fails and an unknown target are errors on the page (${type})`, async ({ page }) => {
    test.setTimeout(120_000);
    const log = await open(page, `/editor/sources.html?type=${type}`);
    // The setup's event comes once it ran.
    await expect.poll(() => page.evaluate(() => window.seen.sort()), { timeout: 90_000 }).toEqual(
      ["after", "failing-setup", "from-src"].map((id) => `${type}-editor ${id}`),
    );
    const shown = await errors(page);
    expect(shown.slice(0, 2)).toEqual([`Invalid source: ${new URL("/editor/missing.py", page.url()).href}`, "Unknown target nowhere"]);
    // A setup's error: on the page and the console; its output on the console.
    expect(shown).toHaveLength(3);
    expect(shown[2]).toMatch(/^Traceback \(most recent call last\):\n[^]*\nRuntimeError: setup failed$/);
    expect(shown[2]).not.toContain("_pyodide");
    expect(log.console.filter((m) => m.type === "error").map((m) => m.text)).toContain(shown[2]);
    expect(log.console.map((m) => m.text)).toContain("setup output goes to the console");
    expect(await page.evaluate(() => document.getElementById("from-src").code)).toBe('print("hello from a file")');
    await runs(page, "from-src", () => editorOf(page, type, "from-src").locator("button").click());
    expect(await lines(outputOf(page, type, "from-src"))).toEqual(["hello from a file"]);
    await runs(page, "after", () => editorOf(page, type, "after").locator("button").click());
    expect(await lines(outputOf(page, type, "after"))).toEqual(["after the errors"]);
  });

  // Stop, on a page whose workers share memory with it (Pyodide can be
  // interrupted there) and, for Pyodide, on one without (restarted).
  for (const isolated of type === "py" ? [true, false] : [true]) {
    const keeps = type === "py" && isolated;
    test(`Stop ${keeps ? "interrupts the run and keeps the environment" : "restarts the environment and says so"} (${type}${isolated ? "" : ", no shared memory"})`, async ({ page }) => {
      test.setTimeout(240_000);
      const dialogs = [];
      let accept = false;
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        return accept ? dialog.accept() : dialog.dismiss();
      });
      await open(page, `${isolated ? "" : PLAIN}/editor/stop.html?type=${type}`);
      await runs(page, "define", () => editorOf(page, type, "define").locator("button").click());
      const loop = editorOf(page, type, "loop");
      const button = loop.locator("button");
      const output = loop.locator(`.${type}-editor-output`);
      await button.click();
      await expect(output).toHaveText("looping", { timeout: 60_000 });
      // An interrupt landing in the worker's call to the page (the print)
      // is Pyodide's weak spot: a moment's grace puts it in the loop.
      await page.waitForTimeout(300);
      await expect(button).toHaveClass(/\brunning\b/);
      // A run queued behind it waits; stopping that one ends it at once, unrun.
      accept = true;
      const show = editorOf(page, type, "show");
      await show.locator("button").click();
      await expect(show.locator("button")).toHaveClass(/\brunning\b/);
      await runs(page, "show", () => show.locator("button").click());
      expect(dialogs).toEqual(["Stop evaluating this code?"]);
      await expect(show.locator("button")).not.toHaveClass(/\brunning\b/);
      await expect(show.locator(`.${type}-editor-output`)).toHaveText("");
      // Stop asks first, as in PyScript; declining leaves it running.
      accept = false;
      await button.click();
      expect(dialogs).toHaveLength(2);
      await expect(button).toHaveClass(/\brunning\b/);
      accept = true;
      await runs(page, "loop", () => button.click());
      expect(dialogs).toHaveLength(3);
      await expect(button).not.toHaveClass(/\brunning\b/);
      const stopped = await lines(output);
      expect(stopped[0]).toBe("looping");
      if (keeps) {
        expect(stopped.at(-1)).toBe("KeyboardInterrupt");
        await expect(output.locator("span")).toHaveCSS("color", "rgb(255, 0, 0)");
      } else {
        expect(stopped.slice(1)).toEqual([
          `Stopped: ${type === "py" ? "Pyodide can be interrupted only on a cross-origin isolated page" : "MicroPython cannot be interrupted"}, ` +
            `so the environment ${interpreter}-s was restarted: its variables are gone and its setup code runs again.`,
        ]);
      }
      // The editors are all there, with their code; the env goes on.
      await runs(page, "show", () => editorOf(page, type, "show").locator("button").click());
      const shown = await lines(editorOf(page, type, "show").locator(`.${type}-editor-output`));
      if (keeps) expect(shown).toEqual(["from setup", "42"]);
      else {
        expect(shown[0]).toBe("from setup");
        expect(shown.at(-1)).toMatch(/^NameError: (name 'x' is not defined|name 'x' isn't defined)$/);
      }
      const same = await page.evaluate((code) => {
        const ids = ["define", "loop", "show"];
        const workers = ids.map((id) => document.getElementById(id).xworker);
        return { shared: workers.every((w) => w === workers[0]), code: document.getElementById("loop").code.startsWith(code) };
      }, 'print("looping")');
      expect(same).toEqual({ shared: true, code: true });
      expect(await page.evaluate(() => document.getElementById("define").xworker !== undefined)).toBe(true);
      expect(await errors(page)).toEqual([]);
    });
  }

  test(`a page without an editor never fetches dist/editor.js; an editor added later loads it (${type})`, async ({ page }) => {
    test.setTimeout(120_000);
    const log = await open(page, `/editor/later.html?type=${type}`);
    await allDone(page);
    await expect(page.locator("body")).toContainText("no editor yet");
    expect(log.requests.filter((url) => url.includes("/dist/"))).not.toEqual([]);
    expect(log.requests.filter((url) => /\/dist\/editor/.test(url))).toEqual([]);
    await page.evaluate(() => window.addEditor());
    await runs(page, "added", () => editorOf(page, type, "added").locator("button").click());
    expect(await lines(outputOf(page, type, "added"))).toEqual(["added later"]);
    expect(log.requests.filter((url) => url.includes("/dist/editor.js"))).toHaveLength(1);
    expect(await errors(page)).toEqual([]);
  });

  test(`dist/editor.js failing to load is one error on the page, and the page's scripts still run (${type})`, async ({ page }) => {
    await page.route("**/dist/editor.js", (route) => route.fulfill({ status: 404, body: "not here" }));
    await open(page, `/editor/mixed.html?type=${type}`);
    await allDone(page);
    await expect(page.locator("body")).toContainText("the page script ran");
    await expect.poll(() => errors(page)).toHaveLength(1);
    const [shown] = await errors(page);
    expect(shown).toMatch(/^GoPyScript could not load its editor \(http:\/\/127\.0\.0\.1:\d+\/dist\/editor\.js\): /);
    await expect(page.locator(`${type}-editor`)).toHaveCount(0);
  });

  for (const isolated of [true, false])
    test(`editors work with dist/ from a CDN (${type}, ${isolated ? "an isolated page" : "no isolation"})`, async ({ page }) => {
      test.setTimeout(180_000);
      const log = await open(page, `${isolated ? "" : PLAIN}/editor/mixed.html?type=${type}&core=${encodeURIComponent(CDN_CORE)}`);
      await allDone(page, 90_000);
      await runs(page, "ed", () => editorOf(page, type, "ed").locator("button").click());
      expect(await lines(outputOf(page, type, "ed"))).toEqual([`editor ran in ${type === "py" ? "cpython" : "micropython"}`]);
      expect(log.requests).toContain(`http://127.0.0.1:${CDN_PORT}/dist/editor.js`);
      expect(log.requests.filter((url) => url.includes("/dist/") && !url.startsWith(`http://127.0.0.1:${CDN_PORT}/`))).toEqual([]);
      expect(await errors(page)).toEqual([]);
    });

  test(`service-worker: the editor's env reaches the page through the service worker without isolation (${type})`, async ({ page }) => {
    test.setTimeout(180_000);
    let loads = 0;
    page.on("load", () => loads++);
    await open(page, `${PLAIN}/editor/sw.html?type=${type}`);
    // Registered at once, then one reload under it.
    await expect.poll(() => loads, { timeout: 90_000 }).toBe(2);
    await page.waitForFunction(() => navigator.serviceWorker.controller && window.seen?.length, null, { timeout: 90_000 });
    await runs(page, "ed", () => editorOf(page, type, "ed").locator("button").click());
    expect(await lines(outputOf(page, type, "ed"))).toEqual(["editors through a service worker through service-worker"]);
    expect(loads).toBe(2);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    expect(await errors(page)).toEqual([]);
  });
}

test("editors render and run under a strict Content-Security-Policy (mpy and py)", async ({ page }) => {
  test.setTimeout(180_000);
  const log = await open(page, "/editor/csp.html");
  await expect.poll(() => page.evaluate(() => window.seen.length), { timeout: 60_000 }).toBe(2);
  for (const type of ["mpy", "py"]) {
    const editor = editorOf(page, type, `${type}-ed`);
    // CodeMirror's own styles reached its shadow root.
    expect(await editor.locator(".cm-editor").evaluate((el) => getComputedStyle(el).display)).toBe("flex");
    expect(await editor.locator(".cm-gutters").evaluate((el) => getComputedStyle(el).display)).toBe("flex");
    await runs(page, `${type}-ed`, () => editor.locator("button").click());
    expect(await lines(outputOf(page, type, `${type}-ed`))).toEqual([`${type} under editors under a strict CSP`]);
  }
  expect(await page.evaluate(() => window.violations)).toEqual([]);
  expect(await errors(page)).toEqual([]);
  expect(log.pageErrors).toEqual([]);
});
