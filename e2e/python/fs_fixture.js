// Folders for the pyscript.fs tests. Headless Chromium cannot answer a
// directory picker, so a test's "folder of the device" is a directory of
// the origin private file system, stored as the folder chosen for a mount
// (where pyscript.fs keeps the user's choice) so mount() finds it granted.
import { openDatabase, request } from "/dist/storage.js";

const folder = async (name) => (await navigator.storage.getDirectory()).getDirectoryHandle(name, { create: true });

const walk = async (dir, prefix, found) => {
  for await (const [name, entry] of dir.entries()) {
    if (entry.kind === "directory") await walk(entry, `${prefix}${name}/`, found);
    else found[`${prefix}${name}`] = await (await entry.getFile()).text();
  }
  return found;
};

globalThis.fsFixture = {
  // A new folder `name` holding files (JSON {"dir/file": text}), stored as
  // the folder chosen for `key` ("<path>@<id>").
  async prepare(name, key, filesJSON) {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry(name, { recursive: true }).catch(() => {});
    const handler = await folder(name);
    for (const [path, text] of Object.entries(JSON.parse(filesJSON))) {
      const parts = path.split("/");
      let dir = handler;
      for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, { create: true });
      const writable = await (await dir.getFileHandle(parts.at(-1), { create: true })).createWritable();
      await writable.write(text);
      await writable.close();
    }
    const db = await openDatabase("@pyscript.fs");
    await request(db.transaction("entries", "readwrite").objectStore("entries").put({ handler, options: { id: "pyscript", mode: "readwrite" } }, key));
  },
  // The folder's files as JSON {"dir/file": text}.
  files: async (name) => JSON.stringify(await walk(await folder(name), "", {})),
  // Whether a folder is stored for key.
  async stored(key) {
    const db = await openDatabase("@pyscript.fs");
    return (await request(db.transaction("entries").objectStore("entries").getKey(key))) !== undefined;
  },
};
