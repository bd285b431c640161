// Service workers that let workers reach the page synchronously on servers
// that do not send the cross-origin isolation headers. Fetched only by
// pages that ask for one: data-coi-sw on the core's script tag, or a
// worker's service-worker attribute (see README, "Workers on any server").
// Each needs the worker to control the page, which takes one reload on the
// first visit, and never a second in a row: no reload loops.

// takeFlag says whether this tab just reloaded for key, and forgets it.
const takeFlag = (key) => {
  const set = sessionStorage.getItem(key) !== null;
  sessionStorage.removeItem(key);
  return set;
};

const reload = (key) => {
  sessionStorage.setItem(key, "1");
  location.reload();
};

// register registers the service worker at url for this page's folder and
// resolves once it is active.
const register = async (url) => {
  const registration = await navigator.serviceWorker.register(url, { scope: new URL("./", location.href).href });
  const worker = registration.installing ?? registration.waiting ?? registration.active;
  if (!worker || worker.state === "activated") return;
  await new Promise((resolve, reject) =>
    worker.addEventListener("statechange", () => {
      if (worker.state === "activated") resolve();
      if (worker.state === "redundant") reject(new Error("it stopped before it was activated."));
    }),
  );
};

// Why a service worker at url cannot serve this page at all: browsers
// register service workers only from the page's own origin (a core served
// from a CDN cannot bring its own).
const foreign = (url, file) => {
  const { origin } = new URL(url);
  return origin === location.origin
    ? ""
    : `comes from ${origin}, and a service worker must come from this page's origin (${location.origin}): ` +
        `copy dist/${file} next to the page and name that copy instead (${file === "coi-sw.js" ? 'data-coi-sw="./coi-sw.js"' : 'service-worker="./service-worker.js"'}).`;
};

const unregistered = (error) =>
  `could not be registered: ${error.message} It must come from this page's origin, from the page's folder or above`;

// isolate: data-coi-sw. coi-sw.js (at url) re-serves this origin with the
// headers. Resolves to null when the page reloads, else to why the page is
// not isolated ("" when it is).
export const isolate = async (url) => {
  const reloaded = takeFlag("gopyscript:coi-sw-reloaded");
  if (globalThis.crossOriginIsolated) return "";
  const problem = (why) =>
    `GoPyScript: this page asked for cross-origin isolation from the service worker ${url} (data-coi-sw), but ${why} ` +
    "Without it, Python in a worker cannot reach the page synchronously: `window` and `document` are not available there, " +
    "`pyscript.sync` calls return awaitables and `input()` does not work. The other fix is to serve the page with the headers " +
    "`Cross-Origin-Opener-Policy: same-origin` and `Cross-Origin-Embedder-Policy: require-corp`.";
  if (!navigator.serviceWorker) return problem("this browser gives the page no service workers (they need HTTPS or localhost, and may be turned off).");
  const elsewhere = foreign(url, "coi-sw.js");
  if (elsewhere) return problem(`it ${elsewhere}`);
  // Whether this page was loaded through that worker: clients.claim() makes
  // it the controller at once, but the headers came with the document.
  const loadedUnder = navigator.serviceWorker.controller?.scriptURL === url;
  try {
    await register(url);
  } catch (error) {
    return problem(
      `it ${unregistered(error)} (copy dist/coi-sw.js next to the page and use data-coi-sw="./coi-sw.js"), ` +
        "or be served with `Service-Worker-Allowed: /`.",
    );
  }
  // Reloading helps only a page that was not loaded through it.
  if (loadedUnder) return problem("the page is under it and still not isolated (it does not send the headers).");
  if (reloaded) return problem("it did not take control of the page after one reload.");
  reload("gopyscript:coi-sw-reloaded");
  return null;
};

// adopt: the service-worker attribute. The service worker at url answers
// a worker's synchronous XHRs (service-worker.js, or coincident's sw.js)
// once it controls the page. Resolves to why it cannot, or never (the page
// reloads).
export const adopt = async (url) => {
  const key = `gopyscript:service-worker-reloaded:${url}`;
  const reloaded = takeFlag(key);
  const problem = (why) =>
    `GoPyScript: the service worker ${url} (service-worker attribute) ${why} Workers on this page cannot reach it synchronously.`;
  const elsewhere = foreign(url, "service-worker.js");
  if (elsewhere) return problem(elsewhere);
  try {
    await register(url);
  } catch (error) {
    return problem(`${unregistered(error)}.`);
  }
  if (reloaded) return problem("did not take control of this page after one reload.");
  reload(key);
  return new Promise(() => {});
};
