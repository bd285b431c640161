// GoPyScript's service worker for PyScript's `service-worker` attribute
// (and PyWorker's serviceWorker option): on a page that cannot be
// cross-origin isolated, a worker still reaches the page synchronously by
// blocking on a synchronous XHR to `<this script's URL>?sabayon`, which
// this service worker holds until the page hands it the answer over a
// BroadcastChannel. It speaks the protocol of PyScript's sabayon, so a page
// may use this file or coincident's sw.js:
//
//   worker → here:  POST ?sabayon, body ["<worker id>", <view id>]
//   here → pages:   [<ask id>, "<worker id>", <view id>]
//   page → here:    [<ask id>, [numbers…]]   answered as "[numbers…]"
//
// It must control the page (the page reloads once on its first visit): a
// worker started from the page then goes through it too.
const CHANNEL = "dc78209b-186c-4f83-80e9-406becb7d9f3";
const endpoint = `${location.origin}${location.pathname}?sabayon`;
const pages = new BroadcastChannel(CHANNEL);
const asked = new Map(); // ask id → resolve(numbers)
let lastAsk = 0;

pages.onmessage = ({ data }) => {
  if (!Array.isArray(data) || data.length !== 2 || !Array.isArray(data[1])) return;
  const resolve = asked.get(data[0]);
  asked.delete(data[0]);
  resolve?.(data[1]);
};

const answer = ([worker, view]) =>
  new Promise((resolve) => {
    const ask = ++lastAsk;
    asked.set(ask, (numbers) => resolve(new Response(`[${numbers.join(",")}]`, { headers: { "Content-Type": "application/json" } })));
    pages.postMessage([ask, worker, view]);
  });

addEventListener("install", () => skipWaiting());
addEventListener("activate", (event) => event.waitUntil(clients.claim()));
addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "POST" || request.url !== endpoint) return;
  event.respondWith(request.json().then(answer, () => new Response("[]", { status: 400 })));
});
