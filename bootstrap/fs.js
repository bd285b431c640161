// pyscript.fs's browser half: a folder of the user's device, reached
// through the File System Access API, mounted into an interpreter's file
// system. Fetched only by pages that mount one.
//
// Folder handles are kept as PyScript keeps them, so a folder granted under
// either core is found by the other: the IndexedDB "IDBMap/@pyscript.fs",
// store "entries", key "<path>@<id>", value {handler, options}.
import { openDatabase, request } from "./storage.js";

const NAMESPACE = "@pyscript.fs";
export const DENIED = "storage permissions not granted";

let database; // opened once; a failed open is tried again next time
const connect = () => (database ??= openDatabase(NAMESPACE).catch((error) => ((database = undefined), Promise.reject(error))));
const entries = async (mode) => (await connect()).transaction("entries", mode).objectStore("entries");
const stored = async (key) => request((await entries("readonly")).get(key));

// forget(key): whether a handle was stored under key (it no longer is).
export const forget = async (key) => {
  const store = await entries("readwrite");
  const known = (await request(store.getKey(key))) !== undefined;
  if (known) await request(store.delete(key));
  return known;
};

const permitted = async (handler, mode) =>
  typeof handler.queryPermission !== "function" || (await handler.queryPermission({ mode })) === "granted";

// grant(path, key, id, mode, root) on the page: the folder stored under
// key once it may be used in mode ("read" or "readwrite"), asking the user
// when it may not yet. A stored folder is asked for again as it is (no new
// pick); a new one is picked (id and root, if given, are the picker's id
// and startIn) and stored.
export const grant = async (path, key, id, mode, root) => {
  const options = root ? { id, mode, startIn: root } : { id, mode };
  const known = await stored(key);
  if (known?.handler) {
    if (await permitted(known.handler, mode)) return known.handler;
    return activated(path, mode, async () => ((await known.handler.requestPermission({ mode })) === "granted" ? known.handler : null));
  }
  if (typeof globalThis.showDirectoryPicker !== "function") throw new Error("showDirectoryPicker is not supported");
  const handler = await activated(path, mode, async () => {
    const picked = await showDirectoryPicker(options);
    return (await picked.requestPermission({ mode })) === "granted" ? picked : null;
  });
  await request((await entries("readwrite")).put({ handler, options }, key));
  return handler;
};

// granted(key, mode) in a worker, once the page has granted it: the stored
// folder (handles cross threads through IndexedDB, not the channel).
export const granted = async (key, mode) => {
  const known = await stored(key);
  if (!known?.handler || !(await permitted(known.handler, mode))) throw new Error(DENIED);
  return known.handler;
};

// activated runs ask (which needs user activation: pickers and permission
// prompts) at once while the page has it, else from a click in a dialog
// that says what Python asks for. ask resolves to the folder, or null when
// the user said no; a failed or dismissed picker leaves the dialog open to
// try again or cancel.
const activated = (path, mode, ask) => {
  const denied = (reason) => new Error(reason ? `${DENIED} (${reason})` : DENIED);
  if (navigator.userActivation?.isActive)
    return ask().then(
      (handler) => handler ?? Promise.reject(denied()),
      (error) => Promise.reject(denied(error.message)),
    );
  return new Promise((resolve, reject) => {
    const dialog = document.createElement("dialog");
    dialog.className = "pyscript-fs";
    const title = document.createElement("strong");
    title.textContent = "Open a folder of this device?";
    const text = document.createElement("p");
    text.textContent = `Python on this page asks to ${mode === "read" ? "read" : "read and change"} a folder you choose, as ${path}.`;
    const note = document.createElement("p");
    const allow = document.createElement("button");
    allow.textContent = "Choose folder";
    const cancel = document.createElement("button");
    cancel.textContent = "Cancel";
    const finish = (settle, value) => {
      dialog.close();
      dialog.remove();
      settle(value);
    };
    allow.addEventListener("click", async () => {
      note.textContent = "";
      try {
        const handler = await ask();
        if (handler) return finish(resolve, handler);
        note.textContent = "Access was not allowed.";
      } catch (error) {
        note.textContent = error.message;
      }
    });
    cancel.addEventListener("click", () => finish(reject, denied()));
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault(); // Escape is Cancel: the dialog has one way out
      cancel.click();
    });
    dialog.append(title, text, note, allow, " ", cancel);
    document.body.append(dialog);
    dialog.showModal();
  });
};

// mount(interpreter, path, handler): Pyodide's own mountNativeFS, or for
// MicroPython (whose Emscripten file system has no native one) a copy of
// the folder in an in-memory file system mounted at path, written back by
// syncfs(). Either way the result is {syncfs}.
export const mount = async (interpreter, path, handler) => {
  console.warn("experimental pyscript.fs ⚠️");
  if (typeof interpreter.mountNativeFS === "function") return interpreter.mountNativeFS(path, handler);
  const { FS } = interpreter;
  emptyMountPoint(FS, path);
  FS.mount(FS.filesystems.MEMFS, {}, path);
  const copy = new Copy(FS);
  try {
    await copy.read(handler, path);
  } catch (error) {
    FS.unmount(path);
    throw error;
  }
  let last = Promise.resolve();
  // One write-back at a time: each sees the one before it done.
  const syncfs = () => (last = last.catch(() => {}).then(() => copy.write(handler, path)));
  return { syncfs };
};

export const unmount = (interpreter, path) => interpreter.FS.unmount(path);

// Pyodide's rules for a mount point, so both interpreters fail alike.
const emptyMountPoint = (FS, path) => {
  FS.mkdirTree(path);
  const { node } = FS.lookupPath(path, { follow_mount: false });
  if (FS.isMountpoint(node)) throw new Error(`path '${path}' is already a file system mount point`);
  if (!FS.isDir(node.mode)) throw new Error(`path '${path}' points to a file not a directory`);
  if (FS.readdir(path).length > 2) throw new Error(`directory '${path}' is not empty`);
};

// Copy keeps, per file, what it last read or wrote (its mtime and size, and
// when), so a write-back writes only files changed since. A change made in
// the same millisecond as that copy has an mtime not older than it, so it
// counts as a change too.
class Copy {
  constructor(FS) {
    this.FS = FS;
    this.known = new Map();
  }

  remember(at) {
    const { mtime, size } = this.FS.stat(at);
    this.known.set(at, { mtime: +mtime, size, at: Date.now() });
  }

  changed(at, { mtime, size }) {
    const known = this.known.get(at);
    return !known || known.mtime !== +mtime || known.size !== size || +mtime >= known.at;
  }

  async read(folder, dir) {
    const { FS } = this;
    for await (const [name, entry] of folder.entries()) {
      const at = `${dir}/${name}`;
      if (entry.kind === "directory") {
        FS.mkdir(at);
        await this.read(entry, at);
        continue;
      }
      const file = await entry.getFile();
      FS.writeFile(at, new Uint8Array(await file.arrayBuffer()));
      FS.utime(at, file.lastModified, file.lastModified);
      this.remember(at);
    }
  }

  async write(folder, dir) {
    const { FS } = this;
    const names = FS.readdir(dir).filter((name) => name !== "." && name !== "..");
    const kinds = new Map(names.map((name) => [name, FS.isDir(FS.stat(`${dir}/${name}`).mode) ? "directory" : "file"]));
    const gone = [];
    for await (const [name, entry] of folder.entries()) if (kinds.get(name) !== entry.kind) gone.push(name);
    for (const name of gone) {
      await folder.removeEntry(name, { recursive: true });
      this.forget(`${dir}/${name}`);
    }
    for (const [name, kind] of kinds) {
      const at = `${dir}/${name}`;
      if (kind === "directory") {
        await this.write(await folder.getDirectoryHandle(name, { create: true }), at);
        continue;
      }
      if (!this.changed(at, FS.stat(at))) continue;
      const writable = await (await folder.getFileHandle(name, { create: true })).createWritable();
      await writable.write(FS.readFile(at));
      await writable.close();
      this.remember(at);
    }
  }

  forget(at) {
    for (const path of this.known.keys()) if (path === at || path.startsWith(`${at}/`)) this.known.delete(path);
  }
}
