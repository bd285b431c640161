// Loads the core for the py-game pages: /dist/core.js, or the one named by
// ?core= (a core served from another origin, as from a CDN).
const core = new URLSearchParams(location.search).get("core") ?? "/dist/core.js";
document.write(`<script type="module" src="${core}"><\/script>`);
