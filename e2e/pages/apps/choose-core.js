// The app pages here are what a published PyScript app looks like; this
// classic script only picks, from the query, what the spec varies:
//   ?core=pyscript  PyScript 0.7.31 instead of our dist/core.js (offline: it
//                   loads ./pyscript/<interpreter>/ next to the page, which
//                   the dev server maps to our dist's interpreters)
//   ?type=py        the app's scripts and config as Pyodide's (else mpy)
//   ?worker         the app's script runs in a worker
const query = new URLSearchParams(location.search);
const pyscript = query.get("core") === "pyscript";
window.appType = query.get("type") ?? "mpy";
window.appWorker = query.has("worker") ? " worker" : "";
document.write(`<script type="module" src="${pyscript ? "/pyscript/core.js" : "/dist/core.js"}"${pyscript ? " offline" : ""}><\/script>`);
