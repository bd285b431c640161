// Boot bytes: what a page downloads before Python runs, raw / gzip -9 /
// brotli -11 (node's zlib), for our core, PyScript's core and the
// interpreters. Prints a Markdown table and writes size-results.md at the
// repo root.
//
//   make size
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

// The async forms of gzipSync / brotliCompressSync (same output) run on
// libuv's thread pool, so the big files compress in parallel.
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PYSCRIPT = "e2e/node_modules/@pyscript/core";
const pyscriptVersion = JSON.parse(readFileSync(path.join(ROOT, PYSCRIPT, "package.json"), "utf8")).version;

async function measure(rel) {
  const file = path.join(ROOT, rel);
  if (!existsSync(file)) throw new Error(`${rel} is missing${rel.startsWith("dist/") ? ": run `make dist` first" : ""}`);
  const data = readFileSync(file);
  const [gz, br] = await Promise.all([
    gzip(data, { level: 9 }),
    brotli(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }),
  ]);
  return { file: rel, raw: data.length, gzip: gz.length, brotli: br.length };
}

// PyScript's core.js is a one-line re-export of its core-<hash>.js chunk:
// find the chunk(s) it imports statically instead of hard-coding the hash.
function pyscriptChunks() {
  const src = readFileSync(path.join(ROOT, PYSCRIPT, "dist/core.js"), "utf8");
  const chunks = [...src.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]);
  if (!chunks.length) throw new Error(`no static import found in ${PYSCRIPT}/dist/core.js`);
  return chunks.map((c) => `${PYSCRIPT}/dist/${c}`);
}

function onDemandChunks(names) {
  const dir = path.join(ROOT, PYSCRIPT, "dist");
  const all = readdirSync(dir);
  return names.map((n) => {
    const found = all.filter((f) => new RegExp(`^${n}-[\\w-]{8}\\.js$`).test(f));
    if (found.length !== 1) throw new Error(`want one ${n}-<hash>.js chunk in ${PYSCRIPT}/dist, found ${found.length}`);
    return `${PYSCRIPT}/dist/${found[0]}`;
  });
}

const groups = [
  {
    title: "GoPyScript core (ours)",
    files: ["dist/core.js", "dist/wasm_exec.js", "dist/core.wasm", "dist/core.css"],
  },
  {
    title: `PyScript ${pyscriptVersion} core`,
    files: [`${PYSCRIPT}/dist/core.js`, ...pyscriptChunks(), `${PYSCRIPT}/dist/core.css`],
  },
  {
    // Not part of the boot set above: the plugin chunks PyScript's core also
    // imported on a hello-world page in the bench (Chromium, resource timing).
    title: `PyScript ${pyscriptVersion}: chunks also fetched for hello world`,
    files: onDemandChunks(["deprecations-manager", "donkey", "error", "py-editor", "py-game", "py-terminal"]),
  },
  {
    title: "MicroPython interpreter",
    files: ["dist/micropython/micropython.mjs", "dist/micropython/micropython.wasm"],
  },
  {
    title: "Pyodide interpreter",
    files: [
      "dist/pyodide/pyodide.mjs",
      "dist/pyodide/pyodide.asm.mjs",
      "dist/pyodide/pyodide.asm.wasm",
      "dist/pyodide/python_stdlib.zip",
      "dist/pyodide/pyodide-lock.json",
    ],
  },
];

const kb = (n) => `${(n / 1024).toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} KiB`;

function table(header, rows, align) {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((r) => r[i].length)));
  const pad = (c, i) => (align[i] === "r" ? c.padStart(widths[i]) : c.padEnd(widths[i]));
  const line = (r) => `| ${r.map(pad).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (align[i] === "r" ? "-".repeat(w - 1) + ":" : "-".repeat(w))).join(" | ")} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join("\n");
}

const rows = [];
const totals = {};
const measured = await Promise.all(groups.map((g) => Promise.all(g.files.map(measure))));
for (const [i, g] of groups.entries()) {
  const sizes = measured[i];
  const total = sizes.reduce((t, s) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  totals[g.title] = total;
  sizes.forEach((s, i) => rows.push([i ? "" : g.title, `\`${s.file.replace(/^e2e\/node_modules\//, "")}\``, kb(s.raw), kb(s.gzip), kb(s.brotli)]));
  rows.push(["", "**total**", `**${kb(total.raw)}**`, `**${kb(total.gzip)}**`, `**${kb(total.brotli)}**`]);
}

const ours = totals[groups[0].title];
const theirs = totals[groups[1].title];
const extra = totals[groups[2].title];
const ratio = (k) => (ours[k] / theirs[k]).toFixed(2);
const ratioAll = (k) => (ours[k] / (theirs[k] + extra[k])).toFixed(2);
const md = [
  "## Boot bytes",
  "",
  `${new Date().toISOString().replace(/\.\d+Z$/, "Z")} · node ${process.version} zlib: gzip level 9, brotli quality 11 (1 KiB = 1024 bytes)`,
  "",
  table(["set", "file", "raw", "gzip -9", "brotli -11"], rows, ["l", "l", "r", "r", "r"]),
  "",
  `Ours / PyScript's core: raw ${ratio("raw")}, gzip ${ratio("gzip")}, brotli ${ratio("brotli")} ` +
    `(against PyScript's core plus the hello-world chunks: raw ${ratioAll("raw")}, gzip ${ratioAll("gzip")}, brotli ${ratioAll("brotli")}).`,
  "",
  `PyScript's boot set is \`core.js\` + the chunk(s) it imports statically (${pyscriptChunks().map((c) => `\`${path.basename(c)}\``).join(", ")}) + \`core.css\`; ` +
    "it imports further plugin chunks on demand, listed separately (for hello world the bench saw these six) and not in that total. " +
    "Ours counts `core.css` too, although a page only fetches it when it links it. " +
    "The interpreter rows are the self-hosted files both cores load (for Pyodide: what `loadPyodide` fetches to run hello world without packages).",
  "",
];

// The terminal and the editor, which only pages using them download: ours
// (whatever dist/ has of them) against PyScript's chunks for the same
// feature. PyScript's Pyodide terminal also loads xterm-readline, its
// MicroPython one does not.
const ourFeature = (prefix, extra = []) => [
  ...readdirSync(path.join(ROOT, "dist")).filter((f) => f.startsWith(prefix) && f.endsWith(".js")).map((f) => `dist/${f}`),
  ...extra,
];
const features = [
  { title: "terminal, ours", files: ourFeature("terminal", ["dist/xterm.js", "dist/xterm.css"]) },
  {
    title: `terminal, PyScript ${pyscriptVersion} (py)`,
    files: [...onDemandChunks(["py-terminal", "py", "xterm", "xterm-readline", "xterm_addon-fit", "xterm_addon-web-links"]), `${PYSCRIPT}/dist/xterm.css`],
  },
  {
    title: `terminal, PyScript ${pyscriptVersion} (mpy)`,
    files: [...onDemandChunks(["py-terminal", "mpy", "xterm", "xterm_addon-fit", "xterm_addon-web-links"]), `${PYSCRIPT}/dist/xterm.css`],
  },
  { title: "editor, ours", files: ourFeature("editor") },
  {
    title: `editor, PyScript ${pyscriptVersion}`,
    files: onDemandChunks(["py-editor", "codemirror", "codemirror_commands", "codemirror_lang-python", "codemirror_language", "codemirror_state", "codemirror_view", "index"]),
  },
];
const featureRows = await Promise.all(features.map(async (f) => {
  const sizes = await Promise.all(f.files.map(measure));
  const sum = (k) => sizes.reduce((t, s) => t + s[k], 0);
  return [f.title, sizes.map((s) => `\`${path.basename(s.file)}\``).join(", "), kb(sum("raw")), kb(sum("gzip")), kb(sum("brotli"))];
}));
md.push(
  "## Terminal and editor bytes",
  "",
  "Fetched only by pages with a terminal or an editor; each file compressed on its own, as served.",
  "",
  table(["feature", "files", "raw", "gzip -9", "brotli -11"], featureRows, ["l", "l", "r", "r", "r"]),
  "",
);
const text = md.join("\n");
process.stdout.write(text);
writeFileSync(path.join(ROOT, "size-results.md"), text);
