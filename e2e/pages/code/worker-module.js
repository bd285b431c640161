// A js_modules.worker module: says where it was imported.
export const where = () => (typeof WorkerGlobalScope === "undefined" ? "page" : "worker");
