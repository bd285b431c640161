// PyScript's event attributes (<button py-click="handler">, mpy-… for
// MicroPython), which older published apps use: a global (or dotted) name
// of the page's interpreter called with the event, form controls disabled
// until it runs, attributes and elements added later picked up.
import { test, expect } from "@playwright/test";
import { open, allDone, errors } from "./helpers.mjs";

const WASM = { mpy: "**/micropython.wasm", py: "**/pyodide.asm.wasm" };

for (const type of ["mpy", "py"])
  test(`${type}-click and friends call Python with the event (${type})`, async ({ page }) => {
    test.setTimeout(120_000);
    // Hold the interpreter until the page has been looked at.
    let release;
    const held = new Promise((resolve) => (release = resolve)); // node 20: no Promise.withResolvers
    await page.route(WASM[type], async (route) => (await held, route.continue()));
    await open(page, `/attributes.html?type=${type}`);
    await expect(page.locator("#plain")).toBeDisabled();
    await expect(page.locator("#typed")).toBeDisabled();
    await expect(page.locator("#later")).toBeEnabled(); // no attribute
    release();
    await allDone(page);
    await expect(page.locator("#plain")).toBeEnabled();

    await page.click("#plain");
    await expect(page.locator("#out")).toHaveText("plain 1");
    await page.fill("#typed", "abc");
    await expect(page.locator("#out")).toHaveText("typed abc");

    // An attribute set later, and an element added later.
    await page.evaluate((t) => document.getElementById("later").setAttribute(`${t}-click`, "clicked"), type);
    await page.click("#later");
    await expect(page.locator("#out")).toHaveText("later 2");
    await page.evaluate((t) => {
      const added = Object.assign(document.createElement("button"), { id: "added", textContent: "added" });
      added.setAttribute(`${t}-click`, "clicked");
      document.body.append(added);
    }, type);
    await page.click("#added");
    await expect(page.locator("#out")).toHaveText("added 3");
    // A removed attribute calls nothing.
    await page.evaluate((t) => document.getElementById("added").removeAttribute(`${t}-click`), type);
    await page.click("#added");
    await page.click("#plain");
    await expect(page.locator("#out")).toHaveText("plain 4");

    await page.click("#broken");
    await expect.poll(() => errors(page)).toHaveLength(1);
    expect((await errors(page))[0]).toContain("this handler failed");

    // The other interpreter's attribute, on a page that runs none of it.
    await page.click("#elsewhere");
    await expect.poll(() => errors(page)).toHaveLength(2);
    expect((await errors(page))[1]).toBe(`The interpreter "${type === "py" ? "mpy" : "py"}" was not found. Available interpreters are: "${type}".`);
  });
