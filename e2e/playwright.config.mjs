// Playwright runs the specs in Debian's Chromium against our own dev server.
import { defineConfig } from "@playwright/test";

export const PORT = 8123;

export default defineConfig({
  testDir: "./specs",
  timeout: 60_000,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-gpu",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `go run ../cmd/devserver -addr 127.0.0.1:${PORT} -root pages -mount /dist/=../dist -mount /python/=python -mount /examples/=../examples -mount /alt-mpy/=../dist/micropython`,
    url: `http://127.0.0.1:${PORT}/dist/core.js`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
