// The DOM of one editor, as PyScript builds it (pages style it by these
// classes): div.TYPE-editor-box[data-env] holding div.TYPE-editor-input
// (the run button, and a div whose shadow root holds CodeMirror) and the
// output, div.TYPE-editor-output. Styles go through constructable
// stylesheets: a strict CSP refuses <style> elements and style attributes.

// The button's icons; a script's data-run/data-stop markup replaces them
// for it and, as in PyScript, for the editors after it.
const icon = (shape) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">${shape}</svg>`;
const icons = {
  run: icon('<path d="M8 5.2v13.6L18.8 12z" fill="#464646"/>'),
  stop: icon('<rect x="7" y="7" width="10" height="10" fill="#464646"/>'),
};
export const iconsFor = ({ dataset }) => {
  if (dataset.run) icons.run = dataset.run;
  if (dataset.stop) icons.stop = dataset.stop;
  return { ...icons };
};

// PyScript's line height for `rows`: at most rows lines tall, at least 3.
const LINE = 18.5;
const sheet = (css) => {
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
};
let isolated; // the shadow host takes none of the page's inherited styles
const rowSheets = new Map();
export const shadowStyles = (rows) => {
  isolated ??= sheet(":host{all:initial}");
  const n = parseInt(rows, 10);
  if (!(n > 0)) return [isolated];
  if (!rowSheets.has(n))
    rowSheets.set(n, sheet(`.cm-editor{height:auto;max-height:${Math.floor(n * LINE)}px;min-height:${Math.floor(3 * LINE)}px}`));
  return [isolated, rowSheets.get(n)];
};

const div = (className) => Object.assign(document.createElement("div"), { className });

// Builds the box into target; output is the element to write into (an
// existing one, or a fresh div with outputID). Returns its parts.
export const makeBox = ({ type, env, target, output, outputID, icons, rows }) => {
  const box = div(`${type}-editor-box`);
  box.dataset.env = env;
  const input = div(`${type}-editor-input`);
  input.setAttribute("aria-label", "Python Script Area");
  const button = document.createElement("button");
  button.className = `absolute ${type}-editor-run-button`;
  button.setAttribute("aria-label", "Python Script Run Button");
  button.innerHTML = icons.run;
  const holder = document.createElement("div");
  // Keys typed in the editor are the editor's (pages such as slide decks
  // listen for keys on the document).
  holder.addEventListener("keydown", (event) => event.stopPropagation());
  input.append(button, holder);
  if (output) output.classList.add(`${type}-editor-output`);
  else output = Object.assign(div(`${type}-editor-output`), { id: outputID });
  box.append(input, output);
  const root = holder.attachShadow({ mode: "open" });
  root.adoptedStyleSheets = shadowStyles(rows);
  target.append(box);
  return { box, button, output, root };
};

// Writers for a run's output: lines as text (never parsed as HTML), errors
// in red, each line ended by a <br> so it shows without core.css too.
const lines = (parent, text) => {
  for (const line of String(text).replace(/\n$/, "").split("\n")) parent.append(line, document.createElement("br"));
};
export const writers = (output) => ({
  write: (text) => lines(output, text),
  writeErr: (text) => {
    const span = document.createElement("span");
    span.style.color = "red";
    lines(span, text);
    output.append(span);
  },
});
