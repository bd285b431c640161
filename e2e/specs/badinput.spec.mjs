// Bad input reaching a page: a config nested 10,000 levels deep, script
// bytes that are not text, a 10 MB script, a worker's __export__ naming
// what does not exist, sync calls with values that cannot be sent (DOM
// nodes where values cross as copies included). Each
// gives a clear error or a correct result, and the rest of the page works.
import { test, expect } from "@playwright/test";
import { open, allDone, errors } from "./helpers.mjs";
import { PLAIN_PORT } from "../playwright.config.mjs";

// A NUL byte in a string literal and in a comment, and bytes that are not
// UTF-8 in a comment; served as bytes.
const NUL_PY = Buffer.concat([
  Buffer.from('s = "a\0b"\n# \xff\xfe \0 end\n', "latin1"),
  Buffer.from('from pyscript import document\ndocument.body.dataset.nul = f"ran {len(s)}"\n'),
]);
// 10 MB of comment, then code.
const BIG_PY = "#" + "x".repeat(10 << 20) + '\nfrom pyscript import document\ndocument.body.dataset.big = "ran"\n';
const DEEP = "(PY1000): Invalid JSON\nnested deeper than 100 levels at line 1";

for (const deep of ["mpy", "py"]) {
  const other = deep === "mpy" ? "py" : "mpy";
  test(`a ${deep} config 10,000 levels deep is one clear error; ${other} runs a NUL byte, invalid UTF-8 and a 10 MB script`, async ({ page }) => {
    test.setTimeout(120_000); // a busy machine: Pyodide boots and reads 10 MB
    await page.route("**/badinput/nul.py", (route) => route.fulfill({ body: NUL_PY, contentType: "text/x-python" }));
    await page.route("**/badinput/big.py", (route) => route.fulfill({ body: BIG_PY, contentType: "text/x-python" }));
    const log = await open(page, `/badinput/page.html?deep=${deep}`);
    await allDone(page, 100_000);
    const ran = await page.evaluate(() => ({ ...document.body.dataset }));
    const shown = await errors(page);
    expect(shown[0]).toBe(DEEP);
    expect(log.console.filter((m) => m.type === "error" && m.text === DEEP)).toHaveLength(1);
    expect(ran.deep).toBeUndefined();
    expect(ran.big).toBe("ran");
    expect(ran.after).toBe("ran"); // after both odd scripts: the core goes on
    if (other === "mpy") {
      // MicroPython takes a NUL in a string; the bytes that are not UTF-8 are
      // decoded as U+FFFD in a comment.
      expect(ran.nul).toBe("ran 3");
      expect(shown).toHaveLength(1);
    } else {
      expect(ran.nul).toBeUndefined();
      expect(shown).toHaveLength(2);
      expect(shown[1]).toContain("SyntaxError: source code string cannot contain null bytes");
    }
    expect(log.pageErrors).toEqual([]);
  });
}

// One 1 MB value: MicroPython's heap grows only in areas as large as its
// first (1 MB by default), so a config this size needs a larger first one.
const BIG_CONFIG = JSON.stringify({ big: "x".repeat(1 << 20) });

test("a 1 MB config reaches Python in all four contexts", async ({ page }) => {
  test.setTimeout(120_000); // two Pyodides boot on a busy machine
  await page.route("**/badinput/big.json", (route) => route.fulfill({ body: BIG_CONFIG, contentType: "application/json" }));
  const log = await open(page, "/badinput/bigconfig.html");
  await allDone(page, 110_000);
  expect(await errors(page)).toEqual([]);
  const length = String(1 << 20);
  expect(await page.evaluate(() => ({ ...document.body.dataset }))).toEqual({
    mpyMain: length,
    mpyWorker: length,
    pyMain: length,
    pyWorker: length,
  });
  expect(log.pageErrors).toEqual([]);
});

for (const type of ["mpy", "py"]) {
  test(`${type} workers: an __export__ of missing names, values that cannot be sent`, async ({ page }) => {
    const log = await open(page, `/badinput/workers.html?type=${type}`);
    await page.waitForFunction(() => document.body.dataset.results, null, { timeout: 55_000 });
    const results = JSON.parse(await page.evaluate(() => document.body.dataset.results));
    // A page object that holds itself comes back by reference.
    expect(results.cyclic_back).toBe("cyclic");
    // A Python value that holds itself is a Python exception in the
    // worker, not an internal error; Pyodide's conversion sends a cyclic
    // dict as a cyclic object.
    const cannot =
      type === "mpy"
        ? "RuntimeError: GoPyScript cannot send this Python object to the page: it refers to itself or nests too deeply"
        : "JsException: TypeError: GoPyScript cannot send a value nested more than 100 levels deep (or that refers to itself) to the page";
    for (const name of type === "mpy" ? ["keep_list", "keep_dict", "json_list", "clone_dict"] : ["keep_list", "json_list"])
      expect(results[name], name).toContain(cannot);
    if (type === "py") expect(results.keep_dict).toBe("object");
    expect(results.after).toBe("number"); // the worker goes on calling the page
    const calls = await page.evaluate(async () => {
      const out = {};
      for (const id of ["w", "bad"])
        for (const name of ["add", "missing"])
          out[`${id}.${name}`] = await document.getElementById(id).xworker.sync[name](2, 3).then(
            (v) => v,
            (e) => `rejected: ${e.message}`,
          );
      return out;
    });
    expect(calls).toEqual({
      "w.add": 5,
      "w.missing": "rejected: the worker has no export named missing",
      "bad.add": "rejected: the worker has no export named add",
      "bad.missing": "rejected: the worker has no export named missing",
    });
    // Each bad __export__ is said once, on the page and in the console.
    const said = ["__export__ must be a list of function names, not 5", "__export__ lists what the worker's script does not define as a function: missing"];
    expect((await errors(page)).sort()).toEqual([...said].sort());
    for (const text of said) expect(log.console.filter((m) => m.type === "error" && m.text === text)).toHaveLength(1);
    expect(log.pageErrors).toEqual([]);
  });
}

// Without cross-origin isolation (the messages transport) values cross as
// copies, and a DOM node copied was an empty object: now a clear error, each
// way, and the worker goes on.
const NODE = (name) =>
  `GoPyScript cannot send ${name === "window" ? "the window" : `the DOM node ${name}`} to a worker that has no shared memory (the page is not cross-origin isolated: it gets copies, and this cannot be copied); send what it needs from it, such as a text or an id`;
for (const type of ["mpy", "py"]) {
  test(`${type} worker on the messages transport: DOM nodes either way are a clear error`, async ({ page }) => {
    const log = await open(page, `http://127.0.0.1:${PLAIN_PORT}/badinput/nodes.html?type=${type}`);
    await page.waitForFunction(() => window.results, null, { timeout: 55_000 });
    const out = await page.evaluate(() => window.results);
    expect(out.transport).toBe("messages");
    // The page's functions answering nodes: a Python exception (TypeError)
    // naming the node, from the page's answer.
    const nodes = { body: "BODY", fresh: "P", text: "#text", list: "P", wrapped: "BODY", inArray: "BODY", window: "window" };
    for (const [name, node] of Object.entries(nodes)) {
      expect(out.worker[name], name).toMatch(/^JsException: .*TypeError/);
      expect(out.worker[name], name).toContain(NODE(node));
    }
    expect(out.worker.plain).toBe("ok: n=1");
    // The page sending nodes to the worker's export: the call rejects.
    expect(out["page.body"]).toBe(`rejected: ${NODE("BODY")}`);
    expect(out["page.wrapped"]).toBe(`rejected: ${NODE("BODY")}`);
    expect(out["page.plain"]).toBe("resolved: n=2");
    expect(await errors(page)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  });
}
