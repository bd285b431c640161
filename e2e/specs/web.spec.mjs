// pyscript.web in a worker makes an element in one request to the page (or
// later, when nothing can fail): what a user sees when the page refuses an
// element is what they see on the main thread, in the four contexts.
import { test, expect } from "@playwright/test";
import { open, allDone, errors } from "./helpers.mjs";

for (const type of ["mpy", "py"])
  for (const worker of [false, true])
    test(`${type}${worker ? " in a worker" : ""}: an element the page refuses stops the script where it is made`, async ({ page }) => {
      await open(page, `/web-build-error.html?type=${type}${worker ? "&worker" : ""}`);
      await allDone(page);
      const shown = await errors(page);
      expect(shown).toHaveLength(1);
      expect(shown[0]).toContain("Failed to execute 'createElement' on 'Document': The tag name provided ('bad tag') is not a valid name.");
      // Pyodide's traceback names the line; MicroPython cannot catch (or
      // trace) an exception thrown by JavaScript: it shows the page's error.
      if (type === "py") expect(shown[0]).toMatch(/line 8, in <module>[\s\S]*InvalidCharacterError/);
      await expect(page.locator("body")).toHaveAttribute("data-before", "ran");
      await expect(page.locator("body")).not.toHaveAttribute("data-after", "ran");
    });
