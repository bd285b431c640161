// GoPyScript's cross-origin isolation service worker, for servers that
// cannot send the headers: it re-serves this origin's responses with
// COOP/COEP/CORP, so pages it controls are crossOriginIsolated and workers
// get a SharedArrayBuffer (synchronous `window`/`document`, `input()`).
// core.js registers it when its script tag has `data-coi-sw` (see README).
//
// Responses from other origins pass through untouched: under
// `Cross-Origin-Embedder-Policy: require-corp` they load only when their
// server sends CORS or `Cross-Origin-Resource-Policy` headers.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (new URL(request.url).origin !== self.location.origin) return;
  // A request the browser may only answer from its cache is not ours to make.
  if (request.cache === "only-if-cached" && request.mode !== "same-origin") return;
  event.respondWith(isolated(request));
});

const isolated = async (request) => {
  const response = await fetch(request);
  // Only this origin's own responses: an opaque one's headers cannot be set,
  // and a redirect to another origin brings that origin's response (a
  // "cors" one), which keeps its own headers and their filtering.
  if (response.type !== "basic") return response;
  const headers = new Headers(response.headers);
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Cross-Origin-Embedder-Policy", "require-corp");
  headers.set("Cross-Origin-Resource-Policy", "cross-origin");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
};
