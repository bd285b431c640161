package page

// mainThreadInput makes input() raise PyScript's error in a main-thread
// script where nothing could answer it: one that runs synchronously
// (async="false"), as PyScript does through hooks.main.codeBeforeRun, and
// any MicroPython one, whose own input() would spin forever and freeze the
// page (PyScript leaves that). An async Pyodide script keeps Pyodide's
// input(), which asks with window.prompt.
const mainThreadInput = `
def _gopyscript_input():
    import builtins

    def input(prompt=""):
        raise Exception("\n           ".join([
            "input() doesn't work when PyScript runs in the main thread.",
            "Consider using the worker attribute: https://pyscript.github.io/docs/2023.11.2/user-guide/workers/",
        ]))

    builtins.input = input

_gopyscript_input()
del _gopyscript_input
`
