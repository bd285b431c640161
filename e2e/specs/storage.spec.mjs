// pyscript.storage keeps PyScript's IndexedDB layout and value format: data
// written the way PyScript writes it is read by our Python (main thread and
// worker), what our Python writes is read by dist/storage.js and by raw
// IndexedDB in PyScript's format, and all of it survives a reload.
import { test, expect } from "@playwright/test";
import { open, allDone, errors } from "./helpers.mjs";

const DB = "IDBMap/@pyscript/compat";

// Raw IndexedDB, as PyScript's idb-map lays it out: one database per name,
// version 1, one store "entries" with out-of-line keys and string values.
const raw = (page, action, entries = {}) =>
  page.evaluate(
    ([db, action, entries]) =>
      new Promise((resolve, reject) => {
        if (action === "drop") {
          const r = indexedDB.deleteDatabase(db);
          r.onsuccess = () => resolve(null);
          r.onerror = () => reject(r.error);
          return;
        }
        const opening = indexedDB.open(db);
        opening.onupgradeneeded = () => opening.result.createObjectStore("entries");
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const conn = opening.result;
          const tx = conn.transaction("entries", action === "put" ? "readwrite" : "readonly");
          const store = tx.objectStore("entries");
          const out = { version: conn.version, stores: [...conn.objectStoreNames] };
          if (action === "put") for (const [k, v] of Object.entries(entries)) store.put(v, k);
          else {
            const keys = store.getAllKeys();
            const values = store.getAll();
            tx.oncomplete = () => resolve({ ...out, entries: Object.fromEntries(keys.result.map((k, i) => [k, values.result[i]])) });
          }
          if (action === "put") tx.oncomplete = () => resolve(out);
          tx.onerror = () => reject(tx.error);
        };
      }),
    [DB, action, entries],
  );

// Runs code as a new script of the page and waits for its done event.
async function runScript(page, code, worker = false) {
  await page.evaluate(
    ([code, worker]) =>
      new Promise((resolve) => {
        const script = document.createElement("script");
        script.type = "mpy";
        if (worker) script.setAttribute("worker", "");
        script.textContent = code;
        script.addEventListener("mpy:done", resolve, { once: true });
        document.body.append(script);
      }),
    [code, worker],
  );
}

test("pyscript.storage reads and writes PyScript's format, main thread and worker, JS and Python, across a reload", async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, "/storage.html");
  await allDone(page);
  await raw(page, "drop");
  // Written as PyScript's dist/storage.js (npm flatted, compact) writes it.
  await raw(page, "put", { "from-pyscript": '[["1","2"],"generic",{"a":1,"b":"3"},"x"]', "bytes-pyscript": '[["1","2"],"bytearray",[104,105]]' });

  await runScript(page, `
import js, json
from pyscript import storage
store = await storage("compat")
js.document.body.dataset.main = json.dumps([store["from-pyscript"], list(store["bytes-pyscript"])])
store["from-main"] = {"list": [1, 2], "nested": {"none": None}}
store["bytes-main"] = bytearray(b"ab")
await store.sync()
`);
  expect(JSON.parse(await page.locator("body").getAttribute("data-main"))).toEqual([{ a: 1, b: "x" }, [104, 105]]);

  await runScript(page, `
import json
from pyscript import document, storage
store = await storage("compat")
document.body.dataset.worker = json.dumps([store["from-pyscript"], store["from-main"]])
store["from-worker"] = "written in a worker"
await store.sync()
`, true);
  expect(JSON.parse(await page.locator("body").getAttribute("data-worker"))).toEqual([{ a: 1, b: "x" }, { list: [1, 2], nested: { none: null } }]);

  const stored = await raw(page, "read");
  expect(stored.version).toBe(1);
  expect(stored.stores).toEqual(["entries"]);
  const kinds = await page.evaluate(async (entries) => {
    const { parse } = await import("/dist/storage.js");
    return Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, parse(v)]));
  }, stored.entries);
  expect(kinds["from-main"]).toEqual(["generic", { list: [1, 2], nested: { none: null } }]);
  expect(kinds["bytes-main"]).toEqual(["bytearray", [97, 98]]);
  expect(kinds["from-worker"]).toEqual(["generic", "written in a worker"]);

  // dist/storage.js, PyScript's JS API for the same stores.
  const fromJs = await page.evaluate(async () => {
    const { storage } = await import("/dist/storage.js");
    const store = await storage("compat");
    const seen = { keys: Object.keys(store).sort(), main: store["from-main"], bytes: [...new Uint8Array(store["bytes-main"])] };
    store["from-js"] = { n: 1, list: ["x"] };
    delete store["from-pyscript"];
    await store.sync();
    return seen;
  });
  expect(fromJs).toEqual({
    keys: ["bytes-main", "bytes-pyscript", "from-main", "from-pyscript", "from-worker"],
    main: { list: [1, 2], nested: { none: null } },
    bytes: [97, 98],
  });

  await page.reload();
  await allDone(page);
  await runScript(page, `
import js, json
from pyscript import storage
store = await storage("compat")
js.document.body.dataset.reloaded = json.dumps({key: store[key] for key in sorted(store) if key.startswith("from")})
`);
  expect(JSON.parse(await page.locator("body").getAttribute("data-reloaded"))).toEqual({
    "from-js": { n: 1, list: ["x"] },
    "from-main": { list: [1, 2], nested: { none: null } },
    "from-worker": "written in a worker",
  });
  expect(await errors(page)).toEqual([]);
});

test("dist/storage.js refuses an empty name as PyScript's does", async ({ page }) => {
  await open(page, "/storage.html");
  const message = await page.evaluate(async () => {
    const { default: storage } = await import("/dist/storage.js");
    return storage("").then(() => "accepted", (error) => `${error.name}: ${error.message}`);
  });
  expect(message).toBe("SyntaxError: The storage name must be defined");
});
