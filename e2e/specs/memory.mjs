// What load.spec and the bench's load-compare read of a page's memory.

// The page's JS heap once everything collectable is collected. The worker
// side of a reference is freed by a FinalizationRegistry callback, which
// runs after a collection: collect, let the page hear, collect again. The heap is the least of
// three such samples (a few hundred KB of it come and go with the page's
// timers and Go's scheduler).
export async function settledHeap(cdp) {
  let heap = Infinity;
  for (let i = 0; i < 3; i++) {
    await cdp.send("HeapProfiler.collectGarbage");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await cdp.send("HeapProfiler.collectGarbage");
    heap = Math.min(heap, (await cdp.send("Runtime.getHeapUsage")).usedSize);
  }
  return heap;
}

// Our core's share: core.wasm's memory and the page's handle tables.
export const coreMemory = (page) =>
  page.evaluate(() => {
    const { host } = globalThis[Symbol.for("gopyscript")];
    return { wasm: host.exports.mem.buffer.byteLength, stats: host.stats() };
  });
