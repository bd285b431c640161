// Worker hooks as a module: imported in each worker, no eval needed. It
// may import other modules and keep state, unlike a stringified hook.
let runs = 0;
export const onReady = (wrap, xworker) => xworker.postMessage(`hook:onReady ${wrap.type} ${++runs}`);
export const onBeforeRunAsync = async (wrap, xworker) => xworker.postMessage(`hook:onBeforeRunAsync ${wrap.type}`);
export const codeAfterRunAsync = `from polyscript import xworker\nxworker.postMessage("hook:codeAfterRunAsync")`;
export const onAfterRunAsync = (wrap, xworker) => xworker.postMessage(`hook:onAfterRunAsync ${wrap.type}`);
export const unrelated = "not a hook";
