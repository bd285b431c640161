// Issue 10: the error box carries a short hint for the FAQ's most common
// failures (the borrowed-proxy one is in proxies.spec.mjs).
import { test, expect } from "@playwright/test";
import { PLAIN_PORT } from "../playwright.config.mjs";
import { open, allDone, errors } from "./helpers.mjs";

const IMPORT_HINT =
  'Hint: the module "not_installed_anywhere" is not in this interpreter. If it is a package, list it in the config ' +
  '(packages = ["not_installed_anywhere"]); if it is your own code, add its file to the config\'s [files].';
const SAB_HINT = "Hint: SharedArrayBuffer exists only on a cross-origin isolated page.";

const oneError = async (page) => {
  await allDone(page);
  await expect.poll(() => errors(page)).toHaveLength(1);
  return (await errors(page))[0];
};

for (const type of ["mpy", "py"])
  for (const worker of [false, true]) {
    const where = `${type}${worker ? " in a worker" : " on the main thread"}`;
    test(`${where}: importing a module the interpreter lacks says how to add it`, async ({ page }) => {
      await open(page, `/hints.html?case=import&type=${type}${worker ? "&worker" : ""}`);
      const shown = await oneError(page);
      expect(shown).toMatch(/(ModuleNotFoundError: No module named|ImportError: no module named) 'not_installed_anywhere/);
      expect(shown.endsWith(`\n\n${IMPORT_HINT}`)).toBe(true);
    });
  }

// A module the core itself provides is never a package to install.
for (const type of ["mpy", "py"])
  for (const worker of [false, true]) {
    const where = `${type}${worker ? " in a worker" : " on the main thread"}`;
    test(`${where}: an import the core's own modules cannot satisfy says what they provide`, async ({ page }) => {
      for (const [name, says] of [
        ["core-submodule", 'Hint: "pyscript.nothing_here" is not part of the "pyscript" module that GoPyScript itself provides'],
        ["polyscript-name", worker ? 'has no "XWorker" here. On the page it has XWorker' : 'has no "xworker" here. On the page it has XWorker'],
      ]) {
        await open(page, `/hints.html?case=${name}&type=${type}${worker ? "&worker" : ""}`);
        const shown = await oneError(page);
        expect(shown).toContain(says);
        expect(shown).not.toContain("packages =");
      }
    });
  }

for (const type of ["mpy", "py"])
  test(`${type}: SharedArrayBuffer on a page that is not cross-origin isolated says how to isolate it`, async ({ page }) => {
    await open(page, `http://127.0.0.1:${PLAIN_PORT}/hints.html?case=sab&type=${type}`);
    const shown = await oneError(page);
    expect(shown).toContain("SharedArrayBuffer");
    expect(shown).toContain(SAB_HINT);
  });

test("a js_modules file that is not an ES module says which build to use", async ({ page }) => {
  await open(page, "/setup.html?case=js-modules-classic&type=mpy");
  const shown = await oneError(page);
  expect(shown).toContain("/code/classic.js is not an ES module: importing it gave no exports.\n\nHint: a JavaScript file loaded as a module must be an ES module.");
  expect(shown).toContain("https://esm.run/<package>");
});
