// The element a script's `target` attribute names, by PyScript's rule: the
// element with that id, else the first one the text selects as CSS.
export const namedTarget = (name) => {
  let el = document.getElementById(name);
  try {
    el ??= document.querySelector(name);
  } catch {} // not a selector either
  if (!el) throw new Error(`Unknown target ${name}`);
  return el;
};
