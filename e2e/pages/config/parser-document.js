// A config-parser module that reads the page's document, as PyScript's own
// manual pages do: it runs on the page even for a config a worker inherits.
export const parse = () => ({
  answer: 42,
  nested: { list: [1, "two"] },
  from: document.querySelector("mpy-config, py-config").getAttribute("src"),
  files: { "./inherited.txt": "" },
});
