// Code written indented as a whole (in a page's HTML, in a template
// string) without that common indentation; blank lines do not count.
export const dedent = (text) => {
  const lines = text.split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)[0].length));
  return Number.isFinite(indent) ? lines.map((l) => l.slice(indent)).join("\n") : text;
};
