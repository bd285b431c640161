// The worker side of an editor's environment (dist/editor-worker.js): a
// hook module that PyWorker/MPWorker's `hooks` option loads in that worker
// only. The environment's output goes to the page, which shows it in the
// output of the editor that runs, and the page runs code here with
// xworker.sync.runAsync (PyScript's names, so pages that reach into an
// editor's xworker keep working).
// A Stop that reached Pyodide just after its Run ended left the interrupt
// pending: checkInterrupt drops it, so the next Run is not interrupted.
export const onReady = ({ interpreter, io, runAsync }, { sync }) => {
  io.stdout = (line) => sync.write(line);
  io.stderr = (line) => sync.writeErr(line);
  sync.runAsync = (code) => {
    try {
      interpreter.checkInterrupt?.();
    } catch {}
    return runAsync(code);
  };
};
