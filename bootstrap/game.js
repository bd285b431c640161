// PyScript's py-game, for one <script type="py-game"> at a time: Go has
// loaded the game's own Pyodide (pygame-ce and the script's config in it)
// and hands over the script's code and parsed config (JSON). Resolves once
// the code has run; rejects with what went wrong.

// input() asks with the browser's prompt, as PyScript's py-game does.
const INPUT = `
def _gopyscript_input():
    import builtins, js
    builtins.input = lambda prompt="": js.prompt(prompt)
_gopyscript_input()
del _gopyscript_input
`;

let warned = false;

export const game = async (el, wrap, module, code, config) => {
  if (!warned) {
    warned = true;
    console.warn("⚠️ EXPERIMENTAL `py-game` FEATURE");
  }
  const { interpreter } = wrap;
  module.PyWorker = () => {
    throw new Error("Unable to use PyWorker in py-game scripts");
  };
  interpreter.runPython(INPUT);
  // SDL (pygame) draws on the canvas Pyodide is given.
  const id = el.getAttribute("target") || "canvas";
  const canvas = document.getElementById(id);
  if (!canvas) throw new Error(`py-game: no element with id "${id}" to draw on, for ${el.cloneNode().outerHTML}`);
  interpreter.canvas.setCanvas2D(canvas);
  // The page may take over (preventDefault) right before the code runs.
  const event = new CustomEvent("py-game", {
    bubbles: true,
    cancelable: true,
    detail: { canvas, code, config: JSON.parse(config), wrap },
  });
  el.dispatchEvent(event);
  if (!event.defaultPrevented) await interpreter.runPythonAsync(code);
};
