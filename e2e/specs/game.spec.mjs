// Issue 19 point 6: PyScript's py-game. <script type="py-game"> runs in a
// Pyodide of its own with pygame-ce installed (here a stand-in from the fake
// Pyodide index under /fixtures/, as pygame-ce's wheel needs the network),
// draws on its canvas, asks input() with prompt, refuses PyWorker, and
// dispatches the cancelable py-game event first. dist/game.js is fetched
// only by pages that have such a script.
import { test, expect } from "@playwright/test";
import { CDN_PORT } from "../playwright.config.mjs";
import { open, errors, expectNoErrors } from "./helpers.mjs";

const CDN_CORE = `http://127.0.0.1:${CDN_PORT}/dist/core.js`;
const WARNING = "⚠️ EXPERIMENTAL `py-game` FEATURE";

const out = (page) => page.locator("#out");
const json = async (page) => JSON.parse(await out(page).textContent());
const gameRequests = (log) => log.requests.filter((url) => url.endsWith("/game.js"));

// The colour of a canvas's top-left pixel.
const pixel = (page, id) =>
  page.evaluate((id) => [...document.getElementById(id).getContext("2d").getImageData(0, 0, 1, 1).data], id);

for (const cdn of [false, true])
  test(`#canvas, an inline JSON config, the stdlib and the py-game event${cdn ? " (a core from a CDN)" : ""}`, async ({ page }) => {
    test.setTimeout(120_000);
    const log = await open(page, `/game/basic.html${cdn ? `?core=${encodeURIComponent(CDN_CORE)}` : ""}`);
    await expect(out(page)).not.toBeEmpty({ timeout: 90_000 });
    expect(await json(page)).toEqual({
      pygame: "stand-in",
      "drawn on": "canvas",
      target: "game",
      type: "py",
      packages: ["pygame-ce"],
      js_import: 42,
    });
    expect(await pixel(page, "canvas")).toEqual([255, 0, 0, 255]);
    const [event, ...more] = await page.evaluate(() => window.gameEvents);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      target: "game",
      bubbles: true,
      cancelable: true,
      canvas: "canvas",
      config: { pyodide_index: "/fixtures/pyodide-index/" },
      type: "py-game",
      runs: "function",
    });
    expect(event.code).toMatch(/^import json, pygame\n/); // dedented
    // whenDefined("py-game") gives the game's own interpreter.
    const defined = await page.evaluate(async (core) => {
      const { whenDefined } = await import(core);
      const game = await whenDefined("py-game");
      return { type: game.type, version: game.interpreter.runPython("import pygame; pygame.VERSION") };
    }, cdn ? CDN_CORE : "/dist/core.js");
    expect(defined).toEqual({ type: "py-game", version: "stand-in" });
    expect(log.console.filter((m) => m.text === WARNING).map((m) => m.type)).toEqual(["warning"]);
    await expectNoErrors(page, log);
    const origin = cdn ? `http://127.0.0.1:${CDN_PORT}` : new URL(page.url()).origin;
    expect(gameRequests(log)).toEqual([`${origin}/dist/game.js`]);
  });

test("target names the canvas; a TOML config file with files; src; py-game:progress", async ({ page }) => {
  test.setTimeout(120_000);
  const log = await open(page, "/game/toml.html");
  await expect(out(page)).not.toBeEmpty({ timeout: 90_000 });
  expect(await json(page)).toEqual({
    "drawn on": "screen",
    file: "Hello from the GoPyScript fixture.",
    calls: [["fill", "rgb(0, 0, 255)", "screen"]],
  });
  expect(await pixel(page, "screen")).toEqual([0, 0, 255, 255]);
  expect(await pixel(page, "canvas")).toEqual([0, 0, 0, 0]);
  const progress = await page.evaluate(() => window.progress);
  for (const step of ["Loading Pyodide", "Loading files", "Loaded files", "Loading packages", "Loaded packages", "Loaded Pyodide"])
    expect(progress).toContain(step);
  expect(progress.indexOf("Loaded files")).toBeLessThan(progress.indexOf("Loaded Pyodide"));
  await expectNoErrors(page, log);
});

test("input() asks with prompt; PyWorker raises PyScript's error", async ({ page }) => {
  test.setTimeout(120_000);
  const asked = [];
  page.on("dialog", (dialog) => {
    asked.push([dialog.type(), dialog.message()]);
    dialog.accept("Ada");
  });
  const log = await open(page, "/game/prompt.html");
  await expect(out(page)).not.toBeEmpty({ timeout: 90_000 });
  expect(asked).toEqual([["prompt", "Your name?"]]);
  const { name, refused } = await json(page);
  expect(name).toBe("Ada");
  expect(refused).toHaveLength(2);
  for (const text of refused) expect(text).toContain("Unable to use PyWorker in py-game scripts");
  await expectNoErrors(page, log);
});

test("preventDefault on the py-game event skips that script's run; the next one runs", async ({ page }) => {
  test.setTimeout(120_000);
  const log = await open(page, "/game/prevent.html");
  await expect(out(page)).toHaveText("second ran", { timeout: 90_000 });
  expect(await page.evaluate(() => window.taken)).toEqual([
    'from pyscript import document\ndocument.getElementById("out").textContent = "the taken script ran"',
  ]);
  await expectNoErrors(page, log);
});

test("an exception, a bad config and a missing canvas are errors on the page; the next script runs", async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, "/game/errors.html");
  await expect(out(page)).toHaveText("last ran", { timeout: 90_000 });
  const shown = await errors(page);
  expect(shown).toHaveLength(3);
  expect(shown[0]).toContain("Traceback (most recent call last):");
  expect(shown[0]).toMatch(/line 4, in <module>[\s\S]*line 2, in explode\n[\s\S]*ValueError: boom in a game/);
  expect(shown[0]).not.toContain("/_pyodide/");
  expect(shown[1]).toContain("(PY1000)");
  expect(shown[2]).toContain('py-game: no element with id "nowhere" to draw on, for <script type="py-game" target="nowhere">');
});

test("a py-game script added later runs with its own config, in the game's interpreter, not py's", async ({ page }) => {
  test.setTimeout(150_000);
  const log = await open(page, "/game/later.html");
  await expect(out(page)).toHaveText("first;Hello from the GoPyScript fixture.;hello from the index, with a dependency;kept in the game's interpreter;False", { timeout: 120_000 });
  await expect(page.locator("#py")).toHaveText("py ran");
  await expectNoErrors(page, log);
});

test("the default config asks the official Pyodide CDN of the pinned version for pygame-ce; a 404 is an error, not a hang", async ({ page }) => {
  test.setTimeout(120_000);
  const asked = [];
  await page.route("https://cdn.jsdelivr.net/**", (route) => {
    asked.push(`${route.request().method()} ${route.request().url()}`);
    return route.fulfill({ status: 404, body: "offline test", headers: { "access-control-allow-origin": "*" } });
  });
  const log = await open(page, "/game/default.html");
  await expect(page.locator(".py-error")).toHaveCount(1, { timeout: 90_000 });
  // The wheel, then its status for the error (HEAD: the wheel may be large).
  const wheel = /https:\/\/cdn\.jsdelivr\.net\/pyodide\/v314\.0\.7\/full\/pygame_ce-2\.5\.7-cp314-[^/]+\.whl$/;
  expect(asked).toEqual([expect.stringMatching(new RegExp(`^GET ${wheel.source}`)), expect.stringMatching(new RegExp(`^HEAD ${wheel.source}`))]);
  const [shown] = await errors(page);
  expect(shown).toContain("pygame-ce");
  expect(shown).toContain("HTTP 404");
  await expect(out(page)).toBeEmpty(); // the script never ran
  expect(log.console.some((m) => m.text === WARNING)).toBe(false); // the scripts never started
});

test("a page without py-game scripts never fetches game.js", async ({ page }) => {
  const log = await open(page, "/hello-py.html");
  await expect(page.locator("script-py")).toHaveText("Hello from cpython", { timeout: 60_000 });
  expect(gameRequests(log)).toEqual([]);
});
