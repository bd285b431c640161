"""pyscript.storage: a dict kept in the browser's IndexedDB.

``store = await storage("name")`` gives a dict filled with what was stored
under that name; every change is written back (in order, in the
background), and ``await store.sync()`` waits until it is stored. The
database, its layout and the value format are PyScript's
(``IDBMap/@pyscript/<name>``, store ``entries``, flatted ``[kind, data]``),
so a page on either core reads what the other wrote, and so does
``dist/storage.js`` from JavaScript. In a worker the store is opened in the
worker itself.

Unlike PyScript's, ``update``, ``pop``, ``popitem`` and ``setdefault`` are
stored too (there they change only the dict in memory).
"""

import _pyscript

from pyscript import flatted
from pyscript.ffi import is_none

_GENERIC = (bool, float, int, str, list, dict, tuple)


def _encode(value):
    if is_none(value):
        kind, data = "null", 0
    elif isinstance(value, _GENERIC):
        kind, data = "generic", value
    elif isinstance(value, bytearray):
        kind, data = "bytearray", list(value)
    elif isinstance(value, memoryview):
        kind, data = "memoryview", list(value)
    else:
        raise TypeError("Cannot serialize type %s for storage." % type(value).__name__)
    return flatted.stringify([kind, data])


def _decode(raw):
    try:
        kind, data = flatted.parse(raw)
    except Exception:
        return raw  # not written in this format: given back as it is
    if kind == "null":
        return None
    if kind == "generic":
        return data
    if kind == "bytearray":
        return bytearray(data)
    if kind == "memoryview":
        return memoryview(bytearray(data))
    return raw


class Storage(dict):
    """The entries of one store; ``store`` is what ``_pyscript.storage``
    opened (entries read once, writes queued)."""

    def __init__(self, store):
        super().__init__()
        for pair in store.entries():
            super().__setitem__(pair[0], _decode(pair[1]))
        self._store = store

    def __setitem__(self, key, value):
        raw = _encode(value)  # first: a value that cannot be stored changes nothing
        self._store.set(key, raw)
        super().__setitem__(key, value)

    def __delitem__(self, key):
        super().__delitem__(key)
        self._store.delete(key)

    def clear(self):
        self._store.clear()
        super().clear()

    def update(self, *mappings, **values):
        for mapping in mappings:
            pairs = mapping.items() if hasattr(mapping, "items") else mapping
            for key, value in pairs:
                self[key] = value
        for key, value in values.items():
            self[key] = value

    def pop(self, key, *default):
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        if not self:
            raise KeyError("popitem(): dictionary is empty")
        key = list(self)[-1]
        return key, self.pop(key)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    async def sync(self):
        """Wait until every change so far is stored in IndexedDB."""
        await self._store.sync()


async def storage(name="", storage_class=Storage):
    """The store named ``name``, as a ``storage_class`` (a ``Storage``
    subclass, to add behaviour)."""
    if not name:
        raise ValueError("Storage name must be a non-empty string")
    return storage_class(await _pyscript.storage("@pyscript/" + str(name)))
