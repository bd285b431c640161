// Playwright runs the specs in Debian's Chromium against our own dev server.
import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium.mjs";

// E2E_PORT moves the servers (PORT, PORT + 1 and PORT + 2), so two
// checkouts can run their specs at once.
export const PORT = Number(process.env.E2E_PORT ?? 8123);
export const PLAIN_PORT = PORT + 1;
export const ORIGIN = `http://127.0.0.1:${PORT}`;
// dist/ served as a public CDN serves it: another origin, with
// Access-Control-Allow-Origin: *, no isolation headers.
export const CDN_PORT = PORT + 2;
const MOUNTS = [
  "-root pages",
  "-mount /dist/=../dist",
  "-mount /python/=python",
  "-mount /examples/=../examples",
  "-mount /alt-mpy/=../dist/micropython",
  "-mount /pyscript/=node_modules/@pyscript/core/dist",
  "-mount /pyscript/micropython/=../dist/micropython",
  "-mount /coincident/=node_modules/coincident/dist",
  "-mount /jquery/=node_modules/jquery/dist",
  "-mount /jquery-ui/=node_modules/jquery-ui/dist",
  // PyScript's offline mode loads ./pyscript/<interpreter>/ next to the page.
  "-mount /apps/pyscript/micropython/=../dist/micropython",
  "-mount /apps/pyscript/pyodide/=../dist/pyodide",
].join(" ");

export default defineConfig({
  testDir: "./specs",
  timeout: 60_000,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: ORIGIN,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
  },
  webServer: [
    {
      command: `go run ../cmd/devserver -addr 127.0.0.1:${PORT} -faults ${MOUNTS}`,
      url: `http://127.0.0.1:${PORT}/dist/core.js`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    // The same files without cross-origin isolation headers, as most hosts
    // serve them (workers without a shared buffer).
    {
      command: `go run ../cmd/devserver -addr 127.0.0.1:${PLAIN_PORT} -no-coi ${MOUNTS}`,
      url: `http://127.0.0.1:${PLAIN_PORT}/dist/core.js`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
    {
      command: `go run ../cmd/devserver -addr 127.0.0.1:${CDN_PORT} -no-coi -cors -root ../dist -mount /dist/=../dist`,
      url: `http://127.0.0.1:${CDN_PORT}/dist/core.js`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
