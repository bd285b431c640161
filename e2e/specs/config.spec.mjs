import { test, expect } from "@playwright/test";
import { open, allDone, errors, expectNoErrors } from "./helpers.mjs";
import { ORIGIN } from "../playwright.config.mjs";

const valid = ["attr-json", "attr-toml", "attr-json-url", "attr-toml-url", "same-attrs", "element-toml", "element-src", "element-json", "element-parser", "attr-parser", "worker-parser", "worker-inherits-parser", "worker-inherits-parser-py"];
for (const name of valid) {
  test(`config from ${name} reaches pyscript.config`, async ({ page }) => {
    const log = await open(page, `/config.html?case=${name}`);
    await allDone(page);
    await expectNoErrors(page, log);
    await expect(page.locator("body")).toHaveAttribute("data-checked", "yes");
  });
}

const broken = {
  "too-many": "(PY0409): Too many mpy-config",
  ambiguous: "(PY0409): Ambiguous mpy-config VS config attribute",
  different: "(PY0409): Unable to use different configs on main",
  "bad-url": "(PY1000): Invalid URL: ./config/basic.yaml",
  "missing-url": `(PY0404): Fetching from URL ${ORIGIN}/config/missing.json failed with error 404 (Not Found). Are your filename and path correct?`,
};
for (const [name, message] of Object.entries(broken)) {
  test(`config ${name} is one clear error and nothing of that type runs`, async ({ page }) => {
    await open(page, `/config.html?case=${name}`);
    await allDone(page);
    expect(await errors(page)).toEqual([message]);
    await expect(page.locator("body")).not.toHaveAttribute("data-ran", "yes");
  });
}

test("a config-parser module that cannot be imported is one clear error naming it", async ({ page }) => {
  await open(page, "/config.html?case=parser-missing");
  await allDone(page);
  const [message, ...rest] = await errors(page);
  expect(rest).toEqual([]);
  expect(message.startsWith(`(PY1000): Invalid TOML\nconfig-parser ${ORIGIN}/config/no-parser.js: `)).toBe(true);
  await expect(page.locator("body")).not.toHaveAttribute("data-ran", "yes");
});

test("invalid JSON config shows the parser's message; py scripts still run", async ({ page }) => {
  await open(page, "/config.html?case=bad-json&py");
  await allDone(page);
  const [message, ...rest] = await errors(page);
  expect(rest).toEqual([]);
  expect(message).toMatch(/^\(PY1000\): Invalid JSON\n.*JSON/s);
  await expect(page.locator("body")).toHaveAttribute("data-py", "ran");
  await expect(page.locator("body")).not.toHaveAttribute("data-ran", "yes");
});

for (const [name, where] of [["bad-toml", ""], ["bad-toml-url", " @ ./config/bad.toml"]]) {
  test(`invalid TOML (${name}) names the line`, async ({ page }) => {
    await open(page, `/config.html?case=${name}`);
    await allDone(page);
    const [message] = await errors(page);
    expect(message.startsWith(`(PY1000): Invalid TOML${where}\n`)).toBe(true);
    expect(message).toMatch(/line \d/);
  });
}

test("interpreter URL in a config file resolves against that file", async ({ page }) => {
  const log = await open(page, "/config.html?case=interp-url");
  await allDone(page);
  await expectNoErrors(page, log);
  await expect(page.locator("body")).toHaveAttribute("data-checked", "yes");
  expect(log.requests).toContain(`${ORIGIN}/alt-mpy/micropython.mjs`);
  expect(log.requests.some((u) => u.includes("/dist/micropython/"))).toBe(false);
  // Its wasm, requested along with the module, is the one the loader uses.
  expect(log.requests.filter((u) => u === `${ORIGIN}/alt-mpy/micropython.wasm`)).toHaveLength(1);
});

test("interpreter version string loads from the public CDN URL pattern", async ({ page }) => {
  const cdn = "https://cdn.jsdelivr.net/npm/@micropython/micropython-webassembly-pyscript@1.28.0-6/";
  // Serve the CDN from our dist: no test reaches the internet.
  await page.route(`${cdn}**`, async (route) => {
    const file = route.request().url().slice(cdn.length);
    const local = await page.request.get(`/dist/micropython/${file}`);
    await route.fulfill({
      status: local.status(),
      body: await local.body(),
      headers: {
        "content-type": local.headers()["content-type"],
        "access-control-allow-origin": "*",
        "cross-origin-resource-policy": "cross-origin",
      },
    });
  });
  const log = await open(page, "/config.html?case=interp-version");
  await allDone(page);
  await expectNoErrors(page, log);
  await expect(page.locator("body")).toHaveAttribute("data-checked", "yes");
  expect(log.requests).toContain(`${cdn}micropython.mjs`);
  expect(log.requests.filter((u) => u === `${cdn}micropython.wasm`)).toHaveLength(1);
});

test("an interpreter that cannot load is one clear error, and all-done still fires", async ({ page }) => {
  await open(page, "/config.html?case=interp-missing");
  await allDone(page);
  const [message, ...rest] = await errors(page);
  expect(rest).toEqual([]);
  expect(message).toContain(`loading MicroPython from ${ORIGIN}/nowhere/micropython.mjs`);
  await expect(page.locator("body")).not.toHaveAttribute("data-ran", "yes");
});

test("core.js exports each type's parsed config", async ({ page }) => {
  await open(page, "/config.html?case=element-toml");
  await allDone(page);
  const config = await page.evaluate(async () => (await import("/dist/core.js")).config);
  expect(config.mpy).toEqual({ answer: 42, nested: { list: [1, "two"] } });
  expect(config.py).toEqual({});
});
