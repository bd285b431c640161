// Page: pyscript.web's element builder for workers (core/pyscript/pyscript/web.py
// calls it through the runtime call "build"), so that a worker makes new
// elements in one request instead of one per step, each a synchronous round
// trip. `steps` (JSON) describes an element as web.py's Element._setup
// makes it, step by step and in the same order: 2 if it is to be returned
// (else 1), its tag, its classes (names joined by spaces), the counts of
// its style properties and of its properties, their name, value pairs, a
// count of children and each child: a string is HTML, 1 or 2 starts an
// element described the same way, -n is nodes[n - 1]. What a step throws
// reaches the worker's Python from this call. Returns the elements to
// return, each before those inside it, as web.py lists them.
export const build = (steps, nodes) => {
  const ops = JSON.parse(steps);
  const made = [];
  let i = 0;
  const element = (returned) => {
    const el = document.createElement(ops[i++]);
    if (returned === 2) made.push(el);
    const classes = ops[i++];
    if (classes) el.classList.add(...classes.split(" "));
    const styles = ops[i++], properties = ops[i++];
    for (let n = styles; n > 0; n--, i += 2) el.style.setProperty(ops[i], ops[i + 1]);
    for (let n = properties; n > 0; n--, i += 2) Reflect.set(el, ops[i], ops[i + 1]);
    for (let n = ops[i++]; n > 0; n--) {
      const child = ops[i++];
      if (typeof child === "string") el.insertAdjacentHTML("beforeend", child);
      else el.appendChild(child > 0 ? element(child) : nodes[-child - 1]);
    }
    return el;
  };
  element(ops[i++]);
  return made;
};
