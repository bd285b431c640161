// Messages shaped like the channel's own, from a window, frame or worker
// that is not ours: what worker.js, the page's ports and the sabayon
// BroadcastChannel (service-worker.js, channel.js) read, plus junk.
// post(send) sends each; send(message, transfer) is the sender's postMessage.
const SABAYON = "dc78209b-186c-4f83-80e9-406becb7d9f3";
const MARKUP = "<img src=x onerror=window.__pwned=1><b id=injected>bold</b>";

const shaped = () => [
  { type: "error", fatal: true, message: MARKUP },
  { type: "stderr", message: MARKUP },
  { type: "progress", message: MARKUP },
  { type: "ready" },
  { type: "done" },
  { module: null },
  { init: { type: "mpy" }, start: { serviceWorker: "/x", uid: "w" } },
  { sabayon: 1, frame: new Uint8Array(64).fill(255) },
  new Uint8Array(64).fill(255),
  new ArrayBuffer(32),
  [1, "w", 1],
  [1, [1, 2, 3]],
  [0, [-1]],
  [],
  null,
  42,
  "text",
];

self.foreignPost = (send) => {
  for (const message of shaped()) send(message);
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => {};
  send({ type: "error", fatal: true, message: MARKUP, port: port2 }, [port2]);
  const pages = new BroadcastChannel(SABAYON);
  for (let ask = -2; ask < 50; ask++) {
    pages.postMessage([ask, "w", ask]);
    pages.postMessage([ask, String(ask), 1]);
    pages.postMessage(["ask", [MARKUP]]);
  }
  for (const message of shaped()) pages.postMessage(message);
  pages.close();
};
