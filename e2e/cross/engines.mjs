// The browsers of the cross-engine layer, each behind the same small
// interface: launch() → { version, open({ isolated }) → session, close() },
// and a session → { goto(url), reload(), state(), click(selector),
// type(selector, text), close() }: type clicks the element (which gives it
// the focus, as a user would) and sends text as real key presses, "\n" as
// Enter.
// A session is a fresh browsing context: no service worker, storage or
// cache from another case.
import { existsSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import { Builder, By, Key } from "selenium-webdriver";
import { CHROMIUM, CHROMIUM_ARGS } from "../chromium.mjs";
import { adopt, bounded, exited, need, output, scratch, sleep, start, stop } from "./procs.mjs";

const LOAD_TIMEOUT = 90_000;
const CALL_TIMEOUT = 30_000;

// --- Firefox ESR over WebDriver BiDi (puppeteer-core) -----------------------

const FIREFOX = "/usr/bin/firefox-esr";

// On top of puppeteer's own test profile (no updates, safe browsing or
// health report): everything else that would reach out of this machine,
// whose network is closed. Remote Settings (blocklists, certificates,
// search config) still synced from Mozilla's server at start-up: a release
// build takes services.settings.server only with MOZ_REMOTE_SETTINGS_DEVTOOLS
// set (firefox.launch does), and here it is a closed local port. Whatever
// remains goes to a proxy on that closed port, so nothing leaves the
// machine: pages are on 127.0.0.1, which Firefox never proxies. (With a
// logging proxy there instead: no request in a minute of idling.)
const FIREFOX_PREFS = {
  "network.proxy.type": 1,
  "network.proxy.http": "127.0.0.1",
  "network.proxy.http_port": 9,
  "network.proxy.ssl": "127.0.0.1",
  "network.proxy.ssl_port": 9,
  "services.settings.server": "http://127.0.0.1:9/",
  "app.update.auto": false,
  "app.update.enabled": false,
  "app.normandy.enabled": false,
  "app.shield.optoutstudies.enabled": false,
  "browser.discovery.enabled": false,
  "browser.newtabpage.activity-stream.feeds.snippets": false,
  "browser.newtabpage.activity-stream.feeds.telemetry": false,
  "browser.newtabpage.activity-stream.telemetry": false,
  "browser.ping-centre.telemetry": false,
  "browser.region.network.url": "",
  "browser.region.update.enabled": false,
  "browser.safebrowsing.provider.google.updateURL": "",
  "browser.safebrowsing.provider.google4.updateURL": "",
  "browser.safebrowsing.provider.mozilla.updateURL": "",
  "browser.safebrowsing.update.enabled": false,
  "browser.search.geoip.url": "",
  "browser.topsites.contile.enabled": false,
  "captivedetect.canonicalURL": "",
  "datareporting.policy.dataSubmissionEnabled": false,
  "dom.push.connection.enabled": false,
  "dom.push.serverURL": "",
  "extensions.blocklist.enabled": false,
  "extensions.getAddons.cache.enabled": false,
  "extensions.systemAddon.update.enabled": false,
  "geo.provider.network.url": "",
  "media.gmp-gmpopenh264.enabled": false,
  "messaging-system.rsexperimentloader.enabled": false,
  "network.captive-portal-service.enabled": false,
  "network.connectivity-service.enabled": false,
  "network.dns.disablePrefetch": true,
  "network.predictor.enabled": false,
  "network.prefetch-next": false,
  "network.trr.mode": 5,
  "security.OCSP.enabled": 0,
  "security.remote_settings.crlite_filters.enabled": false,
  "security.remote_settings.intermediates.enabled": false,
  "services.settings.poll_interval": 86400 * 365,
  "toolkit.telemetry.archive.enabled": false,
  "toolkit.telemetry.enabled": false,
  "toolkit.telemetry.server": "",
  "toolkit.telemetry.unified": false,
};

// A puppeteer browser (Firefox over BiDi, Chromium over CDP): one process,
// a browser context per session.
async function puppeteerBrowser(executablePath, pkg, options) {
  need(executablePath, pkg);
  const browser = await puppeteer.launch({
    executablePath,
    userDataDir: scratch("profile"),
    headless: true,
    protocolTimeout: CALL_TIMEOUT,
    // The runner closes it on a signal or an exit (procs.mjs).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    ...options,
  });
  adopt(browser.process()?.pid);
  return {
    version: `${output(executablePath, ["--version"])} (over ${options.browser === "firefox" ? "WebDriver BiDi" : "CDP"}: ${await browser.version()})`,
    async open() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      return {
        goto: (url) => page.goto(url, { waitUntil: "load", timeout: LOAD_TIMEOUT }),
        reload: () => page.reload({ waitUntil: "load", timeout: LOAD_TIMEOUT }),
        state: () => page.evaluate(() => window.smoke?.state() ?? null),
        click: (selector) => page.click(selector),
        async type(selector, text) {
          await page.click(selector);
          await page.keyboard.type(text);
        },
        close: () => context.close(),
      };
    },
    async close() {
      await bounded(browser.close(), 15_000, "closing the browser").catch(() => {});
      await stop(browser.process());
    },
  };
}

export const firefox = {
  launch: () =>
    puppeteerBrowser(FIREFOX, "firefox-esr", {
      browser: "firefox",
      extraPrefsFirefox: FIREFOX_PREFS,
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: "1" },
    }),
};

// The engine Playwright already runs (e2e/): here only as the reference
// column when a smoke fails elsewhere (CROSS_ENGINES=chromium,…).
export const chromium = {
  launch: () => puppeteerBrowser(CHROMIUM, "chromium", { browser: "chrome", args: CHROMIUM_ARGS }),
};

// --- WebKitGTK: MiniBrowser through WebKitWebDriver (WebDriver classic) -----

const DRIVER = "/usr/bin/WebKitWebDriver";
const XVFB = "/usr/bin/Xvfb";

// MiniBrowser lives in libwebkit2gtk's folder under the multiarch triplet.
function miniBrowser() {
  if (process.env.CROSS_MINIBROWSER) return process.env.CROSS_MINIBROWSER;
  const found = readdirSync("/usr/lib")
    .filter((name) => name.endsWith("-linux-gnu"))
    .flatMap((triplet) => ["webkit2gtk-4.1", "webkit2gtk-4.0"].map((api) => join("/usr/lib", triplet, api, "MiniBrowser")))
    .find((path) => existsSync(path));
  return found ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
}

// One X server for the run: -displayfd lets it pick a free display.
async function startXvfb() {
  need(XVFB, "xvfb");
  const xvfb = start(XVFB, ["-displayfd", "3", "-nolisten", "tcp", "-screen", "0", "1280x800x24"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  const number = await bounded(
    new Promise((resolve, reject) => {
      xvfb.stdio[3].once("data", (data) => resolve(String(data).trim()));
      exited(xvfb).then(() => reject(new Error(`Xvfb exited: ${xvfb.output}`)));
    }),
    30_000,
    "Xvfb",
  );
  return { xvfb, display: `:${number}` };
}

// A WebKitWebDriver started for one session, so that each session's
// MiniBrowser gets its own environment: JSC_useSharedArrayBuffer=1 only for
// isolated pages (WebKitGTK reports crossOriginIsolated but keeps
// SharedArrayBuffer off unless asked, where Safari turns it on), and a
// fresh home so that nothing is kept from one session to the next.
async function webkitSession({ display, port, browser, isolated }) {
  const home = scratch("webkit");
  const env = {
    ...process.env,
    DISPLAY: display,
    HOME: home,
    XDG_CACHE_HOME: join(home, "cache"),
    XDG_CONFIG_HOME: join(home, "config"),
    XDG_DATA_HOME: join(home, "data"),
  };
  delete env.JSC_useSharedArrayBuffer;
  if (isolated) env.JSC_useSharedArrayBuffer = "1";
  const server = start(DRIVER, [`--port=${port}`, "--host=local"], { env });
  const close = async () => {
    await stop(server);
    rmSync(home, { recursive: true, force: true });
  };
  try {
    const url = `http://127.0.0.1:${port}`;
    for (let tries = 0; ; tries++) {
      if ((await fetch(`${url}/status`).catch(() => null))?.ok) break;
      if (tries === 100 || server.exitCode !== null)
        throw new Error(`WebKitWebDriver did not start on port ${port} (CROSS_PORT moves it): ${server.output}`);
      await sleep(100);
    }
    // The driver started here: no Selenium Manager (which would look for a
    // driver to download), and SELENIUM_REMOTE_URL cannot redirect it.
    const driver = await new Builder()
      .disableEnvironmentOverrides()
      .usingServer(url)
      .withCapabilities({ browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary: browser, args: ["--automation"] } })
      .build();
    await driver.manage().setTimeouts({ pageLoad: LOAD_TIMEOUT, script: CALL_TIMEOUT });
    return {
      goto: (url) => driver.get(url),
      reload: () => driver.navigate().refresh(),
      state: () => driver.executeScript("return window.smoke?.state() ?? null"),
      click: async (selector) => (await driver.findElement(By.css(selector))).click(),
      // Keys go to the focused element: xterm.js's is a textarea kept out
      // of sight, which WebDriver would not type into directly.
      async type(selector, text) {
        await (await driver.findElement(By.css(selector))).click();
        await driver.actions().sendKeys(text.replaceAll("\n", Key.ENTER)).perform();
      },
      async close() {
        await bounded(driver.quit(), 15_000, "closing MiniBrowser").catch(() => {});
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export const webkit = {
  async launch({ port }) {
    need(DRIVER, "webkit2gtk-driver");
    const browser = miniBrowser();
    need(browser, "webkit2gtk-driver", ": MiniBrowser comes with its libwebkit2gtk-4.1-0 (CROSS_MINIBROWSER names another)");
    const { xvfb, display } = await startXvfb();
    try {
      return {
        version: output(browser, ["--version"], { DISPLAY: display }),
        open: ({ isolated }) => webkitSession({ display, port, browser, isolated }),
        close: () => stop(xvfb),
      };
    } catch (error) {
      await stop(xvfb);
      throw error;
    }
  },
};
