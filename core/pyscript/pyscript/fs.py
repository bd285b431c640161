"""pyscript.fs: a folder of the user's device, mounted into Python's file
system (File System Access API: Chromium-based browsers).

``await mount("/local")`` asks the user to choose a folder (once: the
choice is kept in IndexedDB ``@pyscript.fs`` as PyScript keeps it, and
later mounts only ask again for permission when the browser needs it), then
``open("/local/notes.txt")`` reads and writes it. Changes reach the device
on ``await sync("/local")`` and on ``unmount``. Asking needs a user's
click: called from a click handler the browser's picker opens at once,
otherwise the page shows a dialog whose button opens it. In a worker the
page asks, and the worker mounts the folder itself.
"""

import _pyscript

mounted = {}
"""The mounted paths, each with what keeps it in step (``syncfs``)."""

_ids = {}


def _key(path, id):
    # Folders are kept under "<path>@<id>", PyScript's key: with no "@" in
    # the id the last "@" splits it, so two mounts never share a folder.
    if "@" in str(id):
        raise ValueError(
            'the id "%s" of a mount may not contain "@": '
            "it would name the folder of another path's mount" % id
        )
    return "%s@%s" % (path, id)


async def _check_permission(details):
    """The folder handle of stored ``details`` (``handler`` and ``options``,
    as kept in IndexedDB) while the browser still grants its permission,
    else None."""
    handler = details.handler
    if await handler.queryPermission(details.options) == "granted":
        return handler
    return None


async def mount(path, mode="readwrite", root="", id="pyscript"):
    """Mount a folder the user chooses at ``path``. ``mode`` is
    ``"readwrite"`` or ``"read"``; ``root`` is where the picker starts
    (``"documents"``, ``"downloads"`` …); ``id`` tells folders mounted at
    the same path apart. Mounting a mounted path again with the same id
    does nothing."""
    if path in mounted:
        if _ids[path] == id:
            return
        raise ValueError(
            "Path '%s' is already mounted with a different ID. "
            "Unmount it first or use a different path." % path
        )
    mount = await _pyscript.fs.mount(path, _key(path, id), id, mode, root)
    if isinstance(mount, str):  # the user said no: PyScript's error
        raise RuntimeError(mount)
    mounted[path] = mount
    _ids[path] = id


async def sync(path):
    """Write the changes made under a mounted ``path`` to the device."""
    if path not in mounted:
        raise KeyError("Path '%s' is not mounted. Use fs.mount() to mount it first." % path)
    await mounted[path].syncfs()


async def unmount(path):
    """Write the changes under ``path`` to the device, then unmount it."""
    if path not in mounted:
        raise KeyError("Path '%s' is not mounted. Cannot unmount." % path)
    await sync(path)
    await _pyscript.fs.unmount(path)
    del mounted[path]
    del _ids[path]


async def revoke(path, id="pyscript"):
    """Forget the folder chosen for ``path`` and ``id`` (the next mount asks
    the user to choose again) and unmount it, changes written first.
    Returns whether a folder was known."""
    known = await _pyscript.fs.revoke(_key(path, id))
    if known and _ids.get(path) == id:
        await unmount(path)
    return bool(known)
