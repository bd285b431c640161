// What pages keep in the browser is shared with PyScript (0.7.31, from npm,
// run offline on the same MicroPython files): data pyscript.storage wrote
// under either core is read by the other, and a folder chosen for
// pyscript.fs under ours is mounted by PyScript's without asking.
import { test, expect } from "@playwright/test";
import { open, errors } from "./helpers.mjs";

const step = async (page, core, name) => {
  const log = await open(page, `/compat-storage.html?core=${core}&step=${name}`);
  const out = page.locator("#out");
  await expect(out).toHaveText(`${name} done`, { timeout: 60_000 });
  const cores = log.requests.filter((url) => url.endsWith("/core.js")).map((url) => new URL(url).pathname);
  expect(cores).toEqual([core === "pyscript" ? "/pyscript/core.js" : "/dist/core.js"]);
  return name === "read" ? JSON.parse(await out.getAttribute("data-seen")) : null;
};

const everyKind = (by) => ({
  none: null,
  yes: true,
  int: 42,
  float: 2.5,
  text: "héllo ✓",
  list: [1, "two", [3.0]],
  dict: { a: 1, b: { c: null } },
  bytes: ["bytearray", [0, 1, 255]],
  view: ["memoryview", [104, 105]],
  by,
});

test("pyscript.storage: what PyScript wrote is read by ours, and what ours wrote by PyScript", async ({ page }) => {
  test.setTimeout(120_000);
  await step(page, "pyscript", "write");
  expect(await step(page, "ours", "read")).toEqual(everyKind("pyscript"));
  expect(await step(page, "pyscript", "read")).toEqual({ ...everyKind("pyscript"), "read by ours": true });

  await step(page, "ours", "write");
  expect(await step(page, "pyscript", "read")).toEqual(everyKind("ours"));
  expect(await step(page, "ours", "read")).toEqual({ ...everyKind("ours"), "read by pyscript": true });
  expect(await errors(page)).toEqual([]);
});

test("pyscript.fs: a folder chosen under ours is mounted by PyScript without asking", async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, "/fs.html?type=mpy&on=click");
  await expect(page.locator("#out")).toHaveText("waiting for a click", { timeout: 60_000 });
  await page.click("#mount");
  await expect(page.locator("#out")).toHaveText("count: 1");

  // PyScript would open the real picker at once if the page had a user
  // gesture (Playwright's evaluations give one): wait on the console only.
  const read = page.waitForEvent("console", { predicate: (m) => m.text().startsWith("pyscript read count"), timeout: 60_000 });
  await page.goto("/compat-fs.html");
  expect((await read).text()).toBe("pyscript read count 1");
});

for (const async of [false, true])
  test(`hooks run in PyScript's order, with PyScript's arguments (${async ? "async" : "sync"} MicroPython script)`, async ({ page }) => {
    const logs = {};
    for (const core of ["pyscript", "ours"]) {
      await open(page, `/compat-hooks.html?core=${core}${async ? "&async" : ""}`);
      await expect.poll(() => page.evaluate(() => globalThis.hookLog?.at(-1))).toBe("mpy:done");
      logs[core] = await page.evaluate(() => globalThis.hookLog);
      expect(await errors(page)).toEqual([]);
    }
    expect(logs.ours).toEqual(logs.pyscript);
    expect(logs.ours).toEqual(expect.arrayContaining(["code", "mpy:ready", `onBeforeRun${async ? "Async" : ""} mpy s`, `codeAfterRun${async ? "Async" : ""}`]));
  });
