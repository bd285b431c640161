// The worker half of rt-ceiling.html: ?warmup=N (3,000 if not given) untimed and 3,000 timed synchronous
// reads of document.title through a SharedArrayBuffer, plain Atomics.wait
// (no spinning), and the rate posted back to the page.
const DATA = 16; // layout: see rt-ceiling.html
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const scratch = new Uint8Array(1024); // non-shared: encodeInto refuses shared views

onmessage = ({ data: { sab, warmup } }) => {
  const i32 = new Int32Array(sab, 0, 4);
  const bytes = new Uint8Array(sab, DATA);
  let requests = 0;
  const get = (key) => {
    // Encode into the plain scratch buffer, then copy into the SAB.
    const { written } = encoder.encodeInto(key, scratch);
    bytes.set(scratch.subarray(0, written));
    Atomics.store(i32, 2, written);
    Atomics.store(i32, 1, 0);
    Atomics.store(i32, 0, ++requests);
    Atomics.notify(i32, 0);
    Atomics.wait(i32, 1, 0);
    return decoder.decode(bytes.slice(0, Atomics.load(i32, 3)));
  };
  let title;
  for (let i = 0; i < warmup; i++) title = get("title");
  const n = 3000;
  const t = performance.now();
  for (let i = 0; i < n; i++) title = get("title");
  postMessage({ rate: Math.round((n / (performance.now() - t)) * 1000), title });
};
