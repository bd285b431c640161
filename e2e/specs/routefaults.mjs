// Network faults a Playwright route injects, shared by netfaults.spec and
// the bench's side-by-side run (e2e/bench/faults.mjs). truncated: the first
// half of the real body with a length header to match, a broken file only
// a parser can tell from the whole.
export const routeFaults = {
  404: (route) => route.fulfill({ status: 404, body: "gone" }),
  500: (route) => route.fulfill({ status: 500, body: "broken" }),
  reset: (route) => route.abort("connectionreset"),
  offline: (route) => route.abort("internetdisconnected"),
  truncated: async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, body.length >> 1) });
  },
};
