# pyscript.storage: a dict kept in IndexedDB with PyScript's layout. Each
# test opens its own store (named after the interpreter and thread, so the
# four contexts never share one) and reopens it to read what was stored.

from pyscript import RUNNING_IN_WORKER, Storage, storage

from e2e_support import MICROPYTHON


def _name(test):
    return "e2e-%s-%s-%s" % (test, "mpy" if MICROPYTHON else "py", "worker" if RUNNING_IN_WORKER else "main")


async def _reopened(store, name):
    await store.sync()
    return await storage(name)


def _as_dict(store):
    return {key: store[key] for key in store}


async def test_values_of_every_kind_come_back_after_reopening():
    name = _name("kinds")
    store = await storage(name)
    store.clear()
    store["none"] = None
    store["yes"] = True
    store["int"] = 42
    store["float"] = 2.5
    store["text"] = "héllo ✓"
    store["list"] = [1, "two", [3.0]]
    store["tuple"] = (1, 2)
    store["dict"] = {"a": 1, "b": {"c": None}}
    store["bytes"] = bytearray(b"\x00\x01\xff")
    store["view"] = memoryview(b"hi")
    again = await _reopened(store, name)
    assert isinstance(again, Storage)
    got = _as_dict(again)
    assert got["none"] is None and got["yes"] is True and got["int"] == 42
    assert got["float"] == 2.5 and got["text"] == "héllo ✓"
    assert got["list"] == [1, "two", [3.0]]
    assert got["tuple"] == [1, 2]  # as in PyScript: a tuple comes back as a list
    assert got["dict"] == {"a": 1, "b": {"c": None}}
    assert got["bytes"] == bytearray(b"\x00\x01\xff") and isinstance(got["bytes"], bytearray)
    assert isinstance(got["view"], memoryview) and bytes(got["view"]) == b"hi"


async def test_deletes_clear_and_dict_methods_are_stored():
    name = _name("methods")
    store = await storage(name)
    store.clear()
    store["a"] = 1
    store["b"] = 2
    store.update({"c": 3}, d=4)
    assert store.pop("a") == 1 and store.pop("missing", "default") == "default"
    del store["b"]
    assert store.setdefault("e", 5) == 5 and store.setdefault("e", 6) == 5
    again = await _reopened(store, name)
    assert _as_dict(again) == {"c": 3, "d": 4, "e": 5}
    again.clear()
    assert len(await _reopened(again, name)) == 0


async def test_a_value_that_cannot_be_stored_changes_nothing():
    name = _name("refused")
    store = await storage(name)
    store["kept"] = "yes"
    try:
        store["kept"] = {1, 2}
    except TypeError as error:
        assert str(error) == "Cannot serialize type set for storage."
    else:
        raise AssertionError("a set was accepted")
    assert store["kept"] == "yes"
    assert (await _reopened(store, name))["kept"] == "yes"


async def test_an_empty_name_is_refused():
    for empty in ("", None):
        try:
            await storage(empty)
        except ValueError as error:
            assert str(error) == "Storage name must be a non-empty string"
        else:
            raise AssertionError("storage(%r) was accepted" % (empty,))


async def test_a_storage_class_adds_behaviour():
    class Counted(Storage):
        def bump(self, key):
            self[key] = self.get(key, 0) + 1

    name = _name("subclass")
    store = await storage(name, storage_class=Counted)
    store.clear()
    store.bump("n")
    store.bump("n")
    again = await _reopened(store, name)
    assert again["n"] == 2
