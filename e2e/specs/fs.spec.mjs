// pyscript.fs asking the user for a folder (pages/fs.html), for both
// interpreters on the page and in a worker: the page's dialog when there is
// no user activation, the picker at once from a click, the choice kept
// across a reload, and PyScript's errors. The Python API itself is tested
// in e2e/python/test_fs.py.
import { test, expect } from "@playwright/test";
import { open, errors } from "./helpers.mjs";

const device = (page) =>
  page.evaluate(async () => {
    const picked = await (await navigator.storage.getDirectory()).getDirectoryHandle("picked", { create: true });
    return (await (await picked.getFileHandle("count.txt")).getFile()).text();
  });

// Opens the page and waits until its dialog is shown, without looking into
// the page meanwhile: Playwright evaluates with a user gesture, which would
// let pyscript.fs open the picker at once instead.
const openUntilAsked = async (page, url) => {
  const asked = page.waitForEvent("console", { predicate: (message) => message.text() === "fs dialog shown", timeout: 60_000 });
  await open(page, url);
  await asked;
};

for (const type of ["mpy", "py"])
  for (const worker of [false, true]) {
    const where = `${type}${worker ? " in a worker" : " on the page"}`;
    const url = (extra = "") => `/fs.html?type=${type}${worker ? "&worker" : ""}${extra}`;

    test(`pyscript.fs asks through a dialog once and keeps the folder across a reload (${where})`, async ({ page }) => {
      test.setTimeout(120_000);
      await openUntilAsked(page, url());
      const dialog = page.locator("dialog.pyscript-fs");
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText("/local");
      expect(await page.evaluate(() => pickerCalls.length)).toBe(0);
      await dialog.getByRole("button", { name: "Choose folder" }).click();
      await expect(page.locator("#out")).toHaveText("count: 1");
      await expect(dialog).toHaveCount(0);
      expect(await page.evaluate(() => pickerCalls)).toEqual([{ options: { id: "pyscript", mode: "readwrite" }, active: true }]);
      expect(await device(page)).toBe("1");

      await page.reload();
      await expect(page.locator("#out")).toHaveText("count: 2", { timeout: 60_000 });
      expect(await page.evaluate(() => pickerCalls.length)).toBe(0);
      await expect(dialog).toHaveCount(0);
      expect(await device(page)).toBe("2");
      expect(await errors(page)).toEqual([]);
    });

    test(`pyscript.fs: cancelling the dialog raises PyScript's error (${where})`, async ({ page }) => {
      test.setTimeout(120_000);
      await openUntilAsked(page, url());
      const dialog = page.locator("dialog.pyscript-fs");
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(page.locator("#out")).toHaveText("error: RuntimeError: storage permissions not granted");
      await expect(dialog).toHaveCount(0);
      expect(await page.evaluate(() => pickerCalls.length)).toBe(0);
    });

    test(`pyscript.fs: a dismissed picker leaves the dialog to try again (${where})`, async ({ page }) => {
      test.setTimeout(120_000);
      await openUntilAsked(page, url("&picker=dismissed-once"));
      const dialog = page.locator("dialog.pyscript-fs");
      await dialog.getByRole("button", { name: "Choose folder" }).click();
      await expect(dialog).toContainText("The user aborted a request.");
      await expect(page.locator("#out")).toHaveText("");
      await dialog.getByRole("button", { name: "Choose folder" }).click();
      await expect(page.locator("#out")).toHaveText("count: 1");
      await expect(dialog).toHaveCount(0);
    });

    test(`pyscript.fs opens the picker at once from a click handler (${where})`, async ({ page }) => {
      test.setTimeout(120_000);
      await open(page, url("&on=click"));
      await expect(page.locator("#out")).toHaveText("waiting for a click", { timeout: 60_000 });
      await page.click("#mount");
      await expect(page.locator("#out")).toHaveText("count: 1");
      await expect(page.locator("dialog.pyscript-fs")).toHaveCount(0);
      expect(await page.evaluate(() => pickerCalls.map((call) => call.active))).toEqual([true]);
    });

    test(`pyscript.fs without showDirectoryPicker says so (${where})`, async ({ page }) => {
      test.setTimeout(120_000);
      await open(page, url("&picker=none"));
      await expect(page.locator("#out")).toContainText("showDirectoryPicker is not supported", { timeout: 60_000 });
      await expect(page.locator("dialog.pyscript-fs")).toHaveCount(0);
    });
  }
