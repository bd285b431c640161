// A terminal script's xterm.js view: where it goes (PyScript's rules), its
// theme and stylesheet, and xterm's own styles kept working under a strict
// Content-Security-Policy.
import { Terminal } from "@xterm/xterm";
import { FitAddon } from "@xterm/addon-fit";
import { WebLinksAddon } from "@xterm/addon-web-links";
import { namedTarget } from "./target.js";

const THEME = { background: "#191A19", foreground: "#F5F2E7" };

// dist/xterm.css, next to this bundle (which may come from a CDN: the
// request is CORS, so an isolated page takes it too), once per page.
let stylesheet;
const loadStylesheet = () =>
  (stylesheet ??= new Promise((resolve, reject) => {
    const href = new URL("xterm.css", import.meta.url).href;
    const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href, crossOrigin: "anonymous" });
    link.onload = resolve;
    link.onerror = () => reject(new Error(`GoPyScript could not load the terminal's stylesheet ${href}`));
    document.head.append(link);
  }));

// The element a script's terminal goes in: its target attribute (an id,
// else a selector), else a new <py-terminal> right after the script (in the
// body for a script in <head>).
const container = (el) => {
  const target = el.getAttribute("target");
  if (target) return namedTarget(target);
  const box = document.createElement("py-terminal");
  box.style.display = "block";
  if (document.head.contains(el)) document.body.append(box);
  else el.after(box);
  return box;
};

// xterm's DOM renderer styles rows, colours and the cursor with two <style>
// elements it makes and fills in while it opens, which a policy without
// style-src 'unsafe-inline' refuses (with a console error each). So while it
// opens they are made <template>s (never shown) whose text is kept in
// constructed stylesheets, which such a policy allows; the sheets go with
// the terminal.
const openStyled = (xterm, box) => {
  const made = [];
  const own = Object.getOwnPropertyDescriptor(document, "createElement");
  const { createElement } = document;
  document.createElement = function (name, options) {
    if (String(name).toLowerCase() !== "style") return createElement.call(this, name, options);
    const inert = createElement.call(this, "template");
    made.push(inert);
    return inert;
  };
  try {
    xterm.open(box);
  } finally {
    if (own) Object.defineProperty(document, "createElement", own);
    else delete document.createElement;
  }
  const sheets = made.map((inert) => {
    const sheet = new CSSStyleSheet();
    const copy = () => sheet.replaceSync(inert.textContent);
    new MutationObserver(copy).observe(inert, { subtree: true, childList: true, characterData: true });
    copy();
    return sheet;
  });
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, ...sheets];
  // Disposed, xterm takes them out of its screen element.
  const screen = made[0]?.parentNode;
  const drop = () => {
    if (made.some((inert) => inert.parentNode === screen)) return;
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => !sheets.includes(sheet));
  };
  if (screen) new MutationObserver(drop).observe(screen, { childList: true });
};

// A new xterm.js Terminal for the script element el, opened in its
// container; options are PyScript's for that kind of terminal.
export const openTerminal = async (el, options) => {
  const box = container(el);
  await loadStylesheet();
  const xterm = new Terminal({ theme: THEME, convertEol: true, ...options });
  const fit = new FitAddon();
  xterm.loadAddon(fit);
  xterm.loadAddon(new WebLinksAddon());
  openStyled(xterm, box);
  fit.fit();
  xterm.focus();
  return xterm;
};
