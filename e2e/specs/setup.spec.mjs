// Issue 3: files, legacy fetch, js_modules, packages, remote packages and
// other config keys, with locally served fixtures only.
import { test, expect } from "@playwright/test";
import { open, allDone, errors, expectNoErrors, holdPage } from "./helpers.mjs";
import { ORIGIN } from "../playwright.config.mjs";


// Serve a public URL prefix from a local folder: no test reaches the internet.
async function serveFrom(page, prefix, localPrefix) {
  await page.route(`${prefix}**`, async (route) => {
    const local = await page.request.get(localPrefix + route.request().url().slice(prefix.length));
    await route.fulfill({
      status: local.status(),
      body: await local.body(),
      headers: {
        "content-type": local.headers()["content-type"] ?? "application/octet-stream",
        "access-control-allow-origin": "*",
        "cross-origin-resource-policy": "cross-origin",
      },
    });
  });
}

async function runCase(page, name, type) {
  const log = await open(page, `/setup.html?case=${name}&type=${type}`);
  await allDone(page);
  return log;
}

async function expectChecked(page, log) {
  await expectNoErrors(page, log);
  await expect(page.locator("body")).toHaveAttribute("data-checked", "yes");
}

async function expectOneError(page, text) {
  const shown = await errors(page);
  expect(shown).toHaveLength(1);
  expect(shown[0]).toContain(text);
  await expect(page.locator("body")).not.toHaveAttribute("data-checked", "yes");
}

for (const type of ["mpy", "py"]) {
  test(`${type}: files, templates, archives and legacy fetch land in the file system`, async ({ page }) => {
    await expectChecked(page, await runCase(page, "files", type));
  });

  test(`${type}: js_modules are importable and stylesheets apply`, async ({ page }) => {
    await expectChecked(page, await runCase(page, "js-modules", type));
    await expect(page.locator("#styled")).toHaveCSS("color", "rgb(1, 2, 3)");
  });

  test(`${type}: a wheel URL installs without micropip`, async ({ page }) => {
    await expectChecked(page, await runCase(page, "wheel", type));
  });

  test(`${type}: remote packages merge their files and js_modules`, async ({ page }) => {
    await expectChecked(page, await runCase(page, "remote", type));
  });
}

const configErrors = {
  "invalid-template": "Invalid template: {NOPE}",
  "duplicated-destination": "Duplicated destination: ./x.py",
  "unsupported-archive": "Unsupported archive ./code/second.py",
  "missing-file": `(PY0404): Fetching from URL ${ORIGIN}/nope.txt failed with error 404 (Not Found). Are your filename and path correct?`,
  "legacy-fetch-error": "Couldn't determine the filename from the path ./code/, please supply 'to_file' parameter.",
  "js-modules-classic": `${ORIGIN}/code/classic.js is not an ES module`,
  "remote-cycle": "remote package cycle",
  "zip-bomb": "archive too large",
  "bad-sync-main-only": '"sync_main_only" must be a boolean',
};
for (const [name, text] of Object.entries(configErrors)) {
  test(`mpy: ${name} is one clear error on the page`, async ({ page }) => {
    await runCase(page, name, "mpy");
    await expectOneError(page, text);
  });
}

test("mpy: several failing js_modules give one error each and no unhandled rejection", async ({ page }) => {
  const log = await runCase(page, "js-modules-several", "mpy");
  const shown = await errors(page);
  expect(shown).toHaveLength(3);
  expect(shown[0]).toContain(`${ORIGIN}/code/classic.js is not an ES module`);
  expect(shown[1]).toContain(`js_modules: unable to import ${ORIGIN}/code/no-such-module.js: `);
  expect(shown[2]).toBe(`js_modules: unable to load the stylesheet ${ORIGIN}/code/no-such-sheet.css`);
  expect(log.pageErrors).toEqual([]);
  await expect(page.locator("body")).not.toHaveAttribute("data-checked", "yes");
});

test("mpy: mip installs from a package.json folder next to the config", async ({ page }) => {
  await expectChecked(page, await runCase(page, "mip-folder", "mpy"));
});

test("mpy: mip installs a package and its dependency from the index", async ({ page }) => {
  await serveFrom(page, "https://micropython.org/pi/v2/", `${ORIGIN}/fixtures/mip-index/`);
  await expectChecked(page, await runCase(page, "mip-index", "mpy"));
});

test("mpy: a package mip cannot find is an error naming it", async ({ page }) => {
  await serveFrom(page, "https://micropython.org/pi/v2/", `${ORIGIN}/fixtures/mip-index/`);
  await runCase(page, "mip-missing", "mpy");
  await expectOneError(page, "nope-pkg");
});

test("py: lock packages (with dependencies) load from the index, others through micropip", async ({ page }) => {
  await expectChecked(page, await runCase(page, "pyodide-index", "py"));
});

test("py: a package that cannot be found is an error naming it", async ({ page }) => {
  await runCase(page, "pyodide-missing", "py");
  await expectOneError(page, "nope-pkg");
});

test("py: by default lock packages come from the official CDN for the same version", async ({ page }) => {
  const asked = [];
  await page.route("https://cdn.jsdelivr.net/**", (route) => {
    asked.push(route.request().url());
    return route.fulfill({ status: 404, body: "offline test", headers: { "access-control-allow-origin": "*" } });
  });
  await runCase(page, "pyodide-cdn", "py");
  expect(asked.some((u) => /^https:\/\/cdn\.jsdelivr\.net\/pyodide\/v314\.0\.7\/full\/numpy-.*\.whl$/.test(u))).toBe(true);
  await expectOneError(page, "numpy");
});

test("plugins = ['!error'] keeps errors on the console only", async ({ page }) => {
  const log = await runCase(page, "no-error-plugin", "mpy");
  expect(await errors(page)).toEqual([]);
  expect(log.console.some((m) => m.type === "error" && m.text.includes("ValueError: console only"))).toBe(true);
});

test("mpy: debug = true loads the settrace build, and only that", async ({ page }) => {
  const log = await runCase(page, "debug", "mpy");
  await expectChecked(page, log);
  expect(log.requests.filter((u) => u === `${ORIGIN}/dist/micropython/micropython-settrace.wasm`)).toHaveLength(1);
  expect(log.requests).not.toContain(`${ORIGIN}/dist/micropython/micropython.wasm`);
});

test("mpy: an inline config that keeps the default build loads MicroPython once", async ({ page }) => {
  // This config names nothing that changes the build, so the loader starts
  // MicroPython early and Go must adopt that load, not start a second one.
  const log = await runCase(page, "js-modules", "mpy");
  await expectChecked(page, log);
  const wasm = log.requests.filter((u) => u.endsWith("/dist/micropython/micropython.wasm"));
  expect(wasm).toHaveLength(1);
});

// The file each interpreter's load requests first once its module runs.
const INTERPRETER_WASM = { mpy: "/dist/micropython/micropython.wasm", py: "/dist/pyodide/pyodide.asm.wasm" };

// Holds core.wasm until each of paths is requested, runs the case and
// checks each was requested once (Go takes the loader's early response, or
// adopts its interpreter load, instead of fetching again). first: whether
// the loader asked for them without waiting for Go. A loader that waits
// would never get there; after 20 s core.wasm goes through so the test
// fails on the assertion, not a hang.
async function beforeCore(page, name, type, paths) {
  let first;
  const seen = Promise.all(paths.map((path) => page.waitForRequest((r) => r.url().endsWith(path), { timeout: 20_000 })));
  await page.route("**/dist/core.wasm", async (route) => {
    first = await seen.then(() => true, () => false);
    await route.continue();
  });
  const log = await runCase(page, name, type);
  await expectChecked(page, log);
  for (const path of paths) expect(log.requests.filter((u) => u.endsWith(path)), path).toHaveLength(1);
  return first;
}

for (const type of ["mpy", "py"]) {
  test(`${type}: a script's src and the files its config names are fetched before core.wasm arrives, once`, async ({ page }) => {
    const early = ["/code/early-main.py", "/code/second.py", "/code/style.css"];
    expect(await beforeCore(page, "early-files", type, early)).toBe(true);
  });

  test(`${type}: an inline config naming the interpreter by URL starts it before core.wasm arrives`, async ({ page }) => {
    expect(await beforeCore(page, "interpreter-url", type, [INTERPRETER_WASM[type]])).toBe(true);
  });

  test(`${type}: a config file is fetched before core.wasm arrives, once, and the interpreter it names starts`, async ({ page }) => {
    const paths = [`/config/interpreter-${type}.toml`, INTERPRETER_WASM[type]];
    expect(await beforeCore(page, "interpreter-file", type, paths)).toBe(true);
  });
}

test("mpy: the page's MicroPython asks for its wasm without waiting for the page's thread", async ({ page }) => {
  // MicroPython's module arrives only once the page's thread is held: its
  // loader, which would ask for the wasm then, cannot run.
  const { held, log } = await holdPage(page, "/busy.html?type=mpy", "**/dist/micropython/micropython.mjs", () => true, INTERPRETER_WASM.mpy);
  expect(held).toBe("released");
  expect(log.console.map((m) => m.text)).toContain("page ran");
});

// Loads the case twice in one browser context (IndexedDB persists) and
// reports, per visit, whether micropip's wheel was fetched.
async function twoVisits(page, name) {
  const micropip = [];
  page.on("request", (r) => {
    if (r.url().includes("/fixtures/pyodide-index/micropip-")) micropip.push(r.url());
  });
  const visits = [];
  for (let i = 0; i < 2; i++) {
    const before = micropip.length;
    const log = await runCase(page, name, "py");
    await expectChecked(page, log);
    visits.push(micropip.length > before);
  }
  return visits;
}

test("py: packages_cache keeps the micropip install for the next visit", async ({ page }) => {
  expect(await twoVisits(page, "pyodide-index")).toEqual([true, false]);
  // PyScript's layout: IDBMap/<indexURL>@<version>, store "entries".
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(names).toContain(`IDBMap/${ORIGIN}/dist/pyodide@314.0.7`);
});

test("py: packages_cache = 'never' installs through micropip every time", async ({ page }) => {
  expect(await twoVisits(page, "pyodide-cache-never")).toEqual([true, true]);
});

test("py: packages_cache = 'passthrough' hands packages to Pyodide without micropip", async ({ page }) => {
  expect(await twoVisits(page, "pyodide-passthrough")).toEqual([false, false]);
});
