// Runs the Python tests of our `pyscript` package (e2e/python) in the four
// contexts: MicroPython and Pyodide, on the page and in a worker, where the
// page's objects are proxies (test_dom).
import { test, expect } from "@playwright/test";
import { open, errors } from "./helpers.mjs";

const MIP_INDEX = "https://micropython.org/pi/v2/";

// Opens the tests' page and waits for them to end. Once in CI, Chromium's
// renderer died in the middle of Pyodide's page (Playwright: "Page
// crashed"), which no run here reproduced (16 in a row with the CPU busy):
// a crashed renderer gets one new page, noted in the report; anything else,
// or a second crash, fails the test.
async function testsDone(page, path) {
  let crashed = false;
  page.once("crash", () => (crashed = true));
  try {
    await open(page, path);
    await page.waitForSelector("html.tests-done", { timeout: 230_000 });
    return page;
  } catch (e) {
    if (!crashed) throw e;
    test.info().annotations.push({ type: "renderer crash", description: `${path}, run again in a new page` });
    const again = await page.context().newPage();
    await open(again, path);
    await again.waitForSelector("html.tests-done", { timeout: 230_000 });
    return again;
  }
}

for (const page_ of ["mpy", "py", "mpy-worker", "py-worker"]) {
  test(`pyscript package tests pass in ${page_}`, async ({ page }) => {
    test.setTimeout(240_000);
    // polyscript.lazy_py_modules installs from the test's own mip index.
    await page.context().route(`${MIP_INDEX}**`, async (route) => {
      const local = await page.request.get(`/fixtures/mip-index/${route.request().url().slice(MIP_INDEX.length)}`);
      await route.fulfill({ status: local.status(), body: await local.body(), headers: { "access-control-allow-origin": "*" } });
    });
    page = await testsDone(page, `/python/${page_}.html`);
    const result = JSON.parse(await page.locator("#result").textContent());
    expect(result.failed).toEqual([]);
    expect(result.passed.length).toBeGreaterThan(140);
    expect(result.passed).toContain("test_dom.test_a_python_function_as_event_handler_needs_no_create_proxy");
    expect(result.passed).toContain("test_flatted.test_a_cycle_refers_to_its_entry");
    expect(result.passed).toContain("test_web.test_the_same_node_gives_the_same_wrapper");
    expect(result.passed).toContain("test_web.test_an_element_made_before_its_node_is_needed_is_the_one_in_the_page");
    expect(result.passed).toContain("test_fs.test_a_mounted_folder_is_read_and_its_changes_reach_the_device_on_sync");
    expect(result.passed).toContain("test_fs.test_an_id_with_at_cannot_reach_the_folder_of_another_path");
    expect(result.passed).toContain("test_polyscript.test_xworker_runs_python_that_calls_back_and_answers");
    expect(await errors(page)).toEqual([]);
  });
}
