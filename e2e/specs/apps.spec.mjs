// Pages modelled on published PyScript apps (e2e/pages/apps/), driven like a
// user: clicks, typing and keys, checking what Python wrote on the page.
import { test, expect } from "@playwright/test";
import { open, allDone, errors, expectNoErrors } from "./helpers.mjs";

// Each app runs under our core and, for comparison, under PyScript 0.7.31
// (?core=pyscript): the same user actions must show the same results.
const CORES = ["ours", "pyscript"];

// Opens e2e/pages/apps/<name>.html with the query (see choose-core.js there)
// and checks it is the wanted core that runs it.
async function openApp(page, name, { core, type, worker = false, bad = false }) {
  const query = new URLSearchParams({ core });
  if (type) query.set("type", type);
  if (worker) query.set("worker", "");
  if (bad) query.set("bad", "");
  const log = await open(page, `/apps/${name}.html?${query}`);
  const cores = () => log.requests.filter((url) => url.endsWith("/core.js")).map((url) => new URL(url).pathname);
  await expect.poll(cores).toEqual([core === "pyscript" ? "/pyscript/core.js" : "/dist/core.js"]);
  return log;
}

test.describe("jQuery UI widgets with Python callbacks", () => {
  for (const core of CORES)
    for (const type of ["mpy", "py"])
      test(`${core}, ${type}: button, slider, dialog, tabs and autocomplete call back into Python`, async ({ page }) => {
        const log = await openApp(page, "jquery-ui", { core, type });
        await expect(page.locator("#status")).toHaveText("ready: jQuery 4.1.0, jQuery UI 1.14.2", { timeout: 60_000 });

        await page.click("#greet");
        await page.click("#greet");
        await expect(page.locator("#status")).toHaveText("Python counted 2 click(s)");

        const handle = page.locator("#volume .ui-slider-handle");
        await handle.focus();
        await page.keyboard.press("ArrowRight");
        await expect(page.locator("#volume-live")).toHaveText("sliding: 6");
        await expect(page.locator("#volume-saved")).toHaveText("volume: 6");
        await page.keyboard.press("End");
        await expect(page.locator("#volume-saved")).toHaveText("volume: 10");
        const track = await page.locator("#volume").boundingBox();
        const grip = await handle.boundingBox();
        await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
        await page.mouse.down();
        await page.mouse.move(track.x + track.width * 0.2, track.y + track.height / 2, { steps: 5 });
        await expect(page.locator("#volume-live")).toHaveText("sliding: 2");
        await page.mouse.up();
        await expect(page.locator("#volume-saved")).toHaveText("volume: 2");

        const dialog = page.locator(".ui-dialog");
        await expect(dialog).toBeHidden();
        await page.click("#open");
        await expect(dialog).toBeVisible();
        await expect(page.locator("#dialog-state")).toHaveText("open");
        await dialog.getByRole("button", { name: "Confirm" }).click();
        await expect(dialog).toBeHidden();
        await expect(page.locator("#answer")).toHaveText("confirmed");
        await expect(page.locator("#dialog-state")).toHaveText("closed");
        await page.click("#open");
        await expect(page.locator("#dialog-state")).toHaveText("open");
        await page.keyboard.press("Escape");
        await expect(dialog).toBeHidden();
        await expect(page.locator("#dialog-state")).toHaveText("closed");

        await expect(page.locator("#tab-second")).toBeHidden();
        await page.getByRole("tab", { name: "Second" }).click();
        await expect(page.locator("#tab-second")).toBeVisible();
        await expect(page.locator("#tab-state")).toHaveText("tab: Second");

        await page.locator("#fruit").pressSequentially("ap");
        const menu = page.locator(".ui-autocomplete:visible li");
        await expect(menu).toHaveText(["apple", "apricot", "grape"]);
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("Enter");
        await expect(page.locator("#fruit")).toHaveValue("apricot");
        await expect(page.locator("#fruit-choice")).toHaveText("picked: apricot");

        await allDone(page);
        await expectNoErrors(page, log);
      });
});

test.describe("a game loop on pyodide.ffi.wrappers and asyncio", () => {
  const ticks = async (page) => Number((await page.locator("#ticks").textContent()).replace("ticks: ", ""));
  // Waits for Python's interval to tick n more times (as its render loop shows).
  const laterTicks = async (page, n) => {
    const from = await ticks(page);
    await expect.poll(() => ticks(page)).toBeGreaterThanOrEqual(from + n);
  };
  // The position Python had when it saw a key come up: from then on the
  // square must stay there.
  const released = async (page, code) => {
    const line = page.locator("#released");
    await expect(line).toHaveText(new RegExp(`^released ${code} at x=\\d+ y=\\d+$`));
    return (await line.textContent()).replace(/^.* at /, "");
  };
  const pixel = (page, x, y) =>
    page.evaluate(([x, y]) => [...document.getElementById("board").getContext("2d").getImageData(x, y, 1, 1).data], [x, y]);
  const RED = [255, 0, 0, 255];
  const WHITE = [255, 255, 255, 255];

  for (const core of CORES)
    for (const where of ["main", "worker"])
      test(`${core}, ${where}: held arrows move the square, Space dashes, and a removed listener stops moving it`, async ({ page }) => {
        const log = await openApp(page, "game", { core, worker: where === "worker" });
        await expect(page.locator("#controls")).toHaveText("controls: on", { timeout: 60_000 });
        await expect(page.locator("#pos")).toHaveText("x=100 y=100");
        await expect.poll(() => pixel(page, 100, 100)).toEqual(RED);

        await page.keyboard.down("ArrowRight");
        await expect.poll(async () => Number(/x=(\d+)/.exec(await page.locator("#pos").textContent())[1])).toBeGreaterThan(120);
        await page.keyboard.up("ArrowRight");
        const stopped = await released(page, "ArrowRight");
        await expect(page.locator("#pos")).toHaveText(stopped);
        await laterTicks(page, 5);
        expect(await page.locator("#pos").textContent()).toBe(stopped);
        const [x, y] = stopped.match(/\d+/g).map(Number);
        expect(y).toBe(100);
        // Polled: from a worker each drawing call is its own task on the page,
        // so a read may land between clearing the board and drawing the square.
        await expect.poll(() => pixel(page, x, y)).toEqual(RED);
        await expect.poll(() => pixel(page, 100, 100)).toEqual(WHITE);

        await page.keyboard.press("Space");
        await expect(page.locator("#dashes")).toHaveText("dashes: 1");

        await page.click("#freeze");
        await expect(page.locator("#controls")).toHaveText("controls: frozen");
        await page.keyboard.down("ArrowLeft");
        await laterTicks(page, 5);
        await page.keyboard.up("ArrowLeft");
        expect(await released(page, "ArrowLeft")).toBe(stopped);
        expect(await page.locator("#pos").textContent()).toBe(stopped);

        await allDone(page);
        await expectNoErrors(page, log);
      });
});

test.describe("an app whose modules come through [files] with {NAME} templates", () => {
  for (const core of CORES)
    for (const type of ["mpy", "py"])
      for (const where of ["main", "worker"])
        test(`${core}, ${type}, ${where}: the package imports and answers typing`, async ({ page }) => {
          const log = await openApp(page, "modules", { core, type, worker: where === "worker" });
          await expect(page.locator("#status")).toHaveText("notes app ready, 4 stopwords", { timeout: 60_000 });
          await page.locator("#title").pressSequentially("The Art of Go");
          await expect(page.locator("#slug")).toHaveText("art-go (4 words)");
          await allDone(page);
          await expectNoErrors(page, log);
        });

  // PyScript 0.7.31 only throws this error uncaught (nothing on the page) and
  // then never fires its done events or py:all-done: ours alone is checked.
  for (const type of ["mpy", "py"])
    for (const where of ["main", "worker"])
      test(`${type}, ${where}: an undefined placeholder is PyScript's error on the page, and py:all-done still fires`, async ({ page }) => {
        await openApp(page, "modules", { core: "ours", type, worker: where === "worker", bad: true });
        await allDone(page);
        expect(await errors(page)).toEqual(["Invalid template: {UNDEFINED}"]);
        await expect(page.locator("#status")).toHaveText("loading…");
      });
});
