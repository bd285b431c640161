// Security: what Python, configs and errors say is shown as text, never
// parsed as HTML; messages from windows, frames and workers that are not
// ours change nothing; coi-sw.js re-serves only this origin's responses;
// storage names and fs mounts never share data; strict CSP keeps working
// (here for both interpreters on the page's thread; workers in workers.spec
// "workers run under a strict CSP", and with the policy on worker.js too in
// terminal.spec and hooks.spec; editors in editor.spec; terminals, one on
// the page, in terminal.spec).
import { test, expect } from "@playwright/test";
import { ORIGIN, PLAIN_PORT, CDN_PORT } from "../playwright.config.mjs";
import { open, allDone, errors } from "./helpers.mjs";

test.describe.configure({ mode: "parallel" });

const PLAIN = `http://127.0.0.1:${PLAIN_PORT}`;
const CDN = `http://127.0.0.1:${CDN_PORT}`;

// Whether anything parsed as HTML: an element with the id anywhere, in
// shadow roots too, or the injected image's onerror having run.
const parsed = (page, id) =>
  page.evaluate((id) => {
    const find = (root) => {
      if (root.getElementById?.(id) || root.querySelector(`#${id}`)) return true;
      return [...root.querySelectorAll("*")].some((el) => el.shadowRoot && find(el.shadowRoot));
    };
    return { element: find(document), pwned: window.__pwned };
  }, id);

test("text from Python, configs, errors, notices, editors and terminals is shown as text", async ({ page }) => {
  test.setTimeout(180_000);
  const log = await open(page, "/security/text.html");
  await allDone(page, 120_000);
  const MARKUP = await page.evaluate(() => window.MARKUP);
  // The one display that is meant to render HTML did: the checks see parsing.
  await expect(page.locator("#meant")).toHaveText("rendered on purpose");
  expect((await parsed(page, "meant")).element).toBe(true);

  // Exceptions on the page and in workers, and the config error.
  const shown = await errors(page);
  for (const where of ["mpy main", "py main", "mpy worker", "py worker"]) {
    expect(shown.filter((text) => text.includes(`${MARKUP} raised ${where}`))).toHaveLength(1);
    await expect(page.locator("body")).toContainText(`${MARKUP} displayed ${where}`);
  }
  expect(shown).toContain(`Invalid template: {${MARKUP}}`);

  // The terminal's print and error.
  const terminal = await page.evaluate(() => {
    const buffer = document.getElementById("mpy-main").terminal.buffer.active;
    const lines = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i).translateToString(true));
    return lines.join("\n");
  });
  expect(terminal).toContain(`${MARKUP} printed mpy main`);
  expect(terminal).toContain(`${MARKUP} raised mpy main`);

  // A notice naming a worker whose id is markup.
  await page.evaluate((id) => document.getElementById(id).xworker.restart(), MARKUP);
  await expect(page.locator(".py-notice")).toContainText(`the worker ${MARKUP} was restarted`);

  // The editors' output and errors.
  for (const type of ["mpy", "py"]) {
    await page.locator(`#ed-${type} + ${type}-editor button`).click();
    await page.waitForFunction((id) => window.seen.includes(`py-editor:done ${id}`), `ed-${type}`, { timeout: 120_000 });
    const output = page.locator(`#ed-${type} + ${type}-editor .${type}-editor-output`);
    await expect(output).toContainText(`${MARKUP} printed in the ${type} editor`);
    await expect(output).toContainText(`${MARKUP} raised in the ${type} editor`);
  }

  expect(await parsed(page, "injected")).toEqual({ element: false, pwned: undefined });
  expect(log.pageErrors).toEqual([]);
});

// Our channels are private: MessagePorts between the page and each worker,
// and a dedicated worker hears only the page that started it, so a foreign
// frame or worker can post only to the page's window and to the sabayon
// BroadcastChannel (which other origins cannot join; same-origin frames
// and workers are the page's own principal, with its DOM within reach).
// pages/security/foreign.js posts messages shaped like ours there while the
// page calls its worker; nothing may change.
for (const [transport, base, sw, frames] of [
  ["shared-memory", ORIGIN, "", ["./foreign.html"]], // COEP keeps out a frame of the plain origin
  ["messages", PLAIN, "", ["./foreign.html", `${ORIGIN}/security/foreign.html`]],
  ["service-worker", PLAIN, "/dist/service-worker.js", ["./foreign.html", `${ORIGIN}/security/foreign.html`]],
])
  test(`messages from frames and workers that are not ours change nothing (${transport})`, async ({ page }) => {
    test.setTimeout(120_000);
    const log = await open(page, `${base}/security/messages.html${sw ? `?sw=${sw}` : ""}`);
    await page.waitForFunction(
      (sw) => (!sw || navigator.serviceWorker.controller) && window.__events?.some((e) => e.type === "py:all-done"),
      sw,
      { timeout: 90_000 },
    );
    expect(await page.evaluate(() => document.getElementById("w").xworker.transport)).toBe(transport);
    const answers = await page.evaluate(async (frames) => {
      const { sync } = document.getElementById("w").xworker;
      const flooding = flood(frames);
      const answers = [];
      for (let i = 0; i < 20; i++) answers.push(await sync.answer(i));
      await flooding;
      for (let i = 20; i < 25; i++) answers.push(await sync.answer(i));
      return answers;
    }, frames);
    const title = transport === "messages" ? "no window" : "security: foreign messages";
    expect(answers).toEqual(Array.from({ length: 25 }, (_, i) => [i * 2, title]));

    // The page's scripts still run.
    await page.evaluate(() =>
      document.body.append(
        Object.assign(document.createElement("script"), { type: "mpy", textContent: "from pyscript import document\ndocument.body.dataset.later = 'ran'" }),
      ),
    );
    await expect(page.locator("body")).toHaveAttribute("data-later", "ran");
    expect(await errors(page)).toEqual([]);
    await expect(page.locator(".py-notice")).toHaveCount(0);
    expect(await parsed(page, "injected")).toEqual({ element: false, pwned: undefined });
    expect(log.pageErrors).toEqual([]);
  });

// coi-sw.js (data-coi-sw, see coi.spec) adds COOP/COEP/CORP to this
// origin's responses only: another origin's pass through as they came,
// a CORS response staying a CORS response with its headers filtered.
test("coi-sw.js re-serves only this origin's responses with the isolation headers", async ({ page, context }) => {
  test.setTimeout(120_000);
  // A same-origin URL that redirects to another origin: what comes back is
  // the other origin's response, which is not ours to re-serve.
  await context.route(`${PLAIN}/security/away`, (route) =>
    route.fulfill({ status: 302, headers: { location: `${CDN}/dist/core.css?away`, "cache-control": "no-store" } }),
  );
  await open(page, `${PLAIN}/coi.html?type=mpy`);
  await page.waitForFunction(() => crossOriginIsolated && window.__events?.some((e) => e.type === "py:all-done"), null, {
    timeout: 90_000,
  });
  const responses = [];
  page.on("response", (response) => responses.push(response));
  const seen = await page.evaluate(async (cdn) => {
    const look = async (url) => {
      const response = await fetch(url, { cache: "no-store" });
      const header = (name) => response.headers.get(name);
      return {
        type: response.type,
        body: (await response.text()).length > 0,
        coop: header("cross-origin-opener-policy"),
        coep: header("cross-origin-embedder-policy"),
        corp: header("cross-origin-resource-policy"),
      };
    };
    return { same: await look("/security/foreign.js"), other: await look(`${cdn}/dist/core.css`), away: await look("/security/away") };
  }, CDN);
  expect(seen).toEqual({
    same: { type: "basic", body: true, coop: "same-origin", coep: "require-corp", corp: "cross-origin" },
    other: { type: "cors", body: true, coop: null, coep: null, corp: null },
    away: { type: "cors", body: true, coop: null, coep: null, corp: null },
  });
  // As the network saw them: the service worker answered for this origin only.
  const by = (url) => responses.find((response) => response.url() === url);
  expect(by(`${PLAIN}/security/foreign.js`).fromServiceWorker()).toBe(true);
  const other = by(`${CDN}/dist/core.css`);
  expect(other.fromServiceWorker()).toBe(false);
  expect(await other.headerValue("cross-origin-embedder-policy")).toBeNull();
});

// Each storage name is its own IndexedDB database ("IDBMap/@pyscript/<name>")
// with keys inside it, so a name and a key are never joined into one
// string. Workers open stores with the same code (core.js's openStorage,
// imported by worker.js), so the page is enough.
test("storage names and keys crafted to collide never see each other's data (mpy, py)", async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, "/security/storage.html?write");
  for (const type of ["mpy", "py"]) await expect(page.locator("body")).toHaveAttribute(`data-${type}`, "written", { timeout: 60_000 });
  await page.goto("/security/storage.html");
  for (const type of ["mpy", "py"]) {
    await expect(page.locator("body")).toHaveAttribute(`data-${type}`, /^\{/, { timeout: 60_000 });
    const seen = JSON.parse(await page.locator("body").getAttribute(`data-${type}`));
    const own = (name, ...keys) => [`${type}-${name}`, keys.map((key) => [key, `${type}-${name}`])];
    expect(seen).toEqual(
      Object.fromEntries([
        own("a", "b.c", "b/c", "b:c", "b@c"),
        own("a:b", "c"),
        own("a/b", "c"),
        own("a@b", "c"),
        own("a.b", "c"),
        own("@pyscript/a", "c"),
      ]),
    );
  }
  expect(await errors(page)).toEqual([]);
});

// pyscript.fs keeps folders under "<path>@<id>", as PyScript does (so a
// folder granted under either core is found by the other): an id with "@"
// could name another mount's folder, so ids may not hold one (the picker
// refuses such ids anyway). Workers use the same Python (pyscript/fs.py).
test("an fs mount cannot reach another mount's folder through a crafted path and id (mpy, py)", async ({ page }) => {
  test.setTimeout(120_000);
  const log = await open(page, "/security/fs.html");
  await allDone(page, 90_000);
  for (const type of ["mpy", "py"]) {
    await page.locator(`#${type}`).click();
    await expect(page.locator("body")).toHaveAttribute(
      `data-${type}`,
      `ValueError: the id "b@c" of a mount may not contain "@": it would name the folder of another path's mount`,
      { timeout: 60_000 },
    );
  }
  expect(await errors(page)).toEqual([]);
  expect(log.pageErrors).toEqual([]);
});

test("both interpreters run on the page under a strict CSP: no eval, no inline scripts", async ({ page }) => {
  const log = await open(page, "/security/csp.html");
  await allDone(page, 60_000);
  await expect(page.locator("body")).toHaveAttribute("data-mpy", "ran");
  await expect(page.locator("body")).toHaveAttribute("data-py", "ran");
  await expect(page.locator("body")).toContainText("mpy on the page under a strict CSP");
  await expect(page.locator("body")).toContainText("py on the page under a strict CSP");
  expect(log.console.filter((m) => /Content Security Policy/i.test(m.text))).toEqual([]);
  expect(await errors(page)).toEqual([]);
  expect(log.pageErrors).toEqual([]);
});
