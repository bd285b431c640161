// Debian's Chromium and the flags every run here needs: no sandbox as root,
// and no background traffic to hosts this machine cannot reach.
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-gpu",
  "--no-first-run",
  // gc() for the tests that check what is released once collected.
  "--js-flags=--expose-gc",
  // pyscript.media: a fake camera and microphone, permission granted.
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
];
