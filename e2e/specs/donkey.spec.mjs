// Issue 10: donkey(), Python on demand in a hidden worker, from JS.
import { test, expect } from "@playwright/test";
import { open, errors } from "./helpers.mjs";

for (const type of ["mpy", "py"]) {
  test(`donkey({type: "${type}"}): execute, evaluate, persistence, a busy task replaced, errors on the page, kill`, async ({ page }) => {
    // Pyodide boots four times here (two donkeys, the busy one replaced,
    // one after kill): 40 s on an otherwise idle 2-core machine.
    if (type === "py") test.setTimeout(120_000);
    const log = await open(page, "/hooks/donkey.html");
    const results = await page.evaluate(async (type) => {
      const { donkey } = await import("/dist/core.js");
      const kept = await donkey({ type, persistent: true });
      const fresh = await donkey({ type });
      const out = {};
      out.executed = await kept.execute(`
        def double(n):
            return n * 2
        x = double(21)
      `);
      out.kept = await kept.evaluate("x");
      out.list = await kept.evaluate("[double(1), 'two']");
      out.fresh = await fresh.evaluate("1 + 2");
      out.notKept = await fresh.execute("y = 1").then(() => fresh.evaluate("y"));
      // A task started while one runs replaces the busy worker.
      const stuck = kept.execute("while True:\n    pass");
      out.afterBusy = await kept.evaluate("6 * 7");
      out.stuck = await stuck;
      out.lostState = await kept.evaluate("'x' in globals()");
      kept.kill();
      out.afterKill = await kept.evaluate("'back'");
      fresh.kill();
      kept.kill();
      return out;
    }, type);
    expect(results).toEqual({
      executed: undefined,
      kept: 42,
      list: [2, "two"],
      fresh: 3,
      notKept: undefined,
      afterBusy: 42,
      stuck: undefined,
      lostState: false,
      afterKill: "back",
    });
    const shown = await errors(page);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^donkey\.evaluate: .*NameError.*'?y'?/s);
    expect(log.pageErrors).toEqual([]);
  });
}
