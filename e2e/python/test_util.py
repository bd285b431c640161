# pyscript.util: NotSupported, as_bytearray, is_awaitable.

import js

from pyscript.ffi import to_js
from pyscript.util import NotSupported, as_bytearray, is_awaitable

from e2e_support import MICROPYTHON, raises


def test_not_supported_attribute_access_raises_attribute_error():
    thing = NotSupported("pyscript.thing", "thing is not here")
    assert str(raises(AttributeError, lambda: thing.anything)) == "thing is not here"


def test_not_supported_call_raises_type_error():
    thing = NotSupported("pyscript.thing", "thing is not here")
    assert str(raises(TypeError, thing, 1, 2, key=3)) == "thing is not here"


def test_not_supported_setting_an_attribute_raises():
    thing = NotSupported("pyscript.thing", "thing is not here")

    def assign():
        thing.value = 1

    assert str(raises(AttributeError, assign)) == "thing is not here"


def test_not_supported_repr_and_fields():
    thing = NotSupported("pyscript.thing", "thing is not here")
    assert repr(thing) == "<NotSupported pyscript.thing [thing is not here]>"
    assert thing.name == "pyscript.thing"
    assert thing.error == "thing is not here"


def _buffer(values):
    return js.Uint8Array.new(to_js(values)).buffer


def test_as_bytearray_copies_an_array_buffer():
    result = as_bytearray(_buffer([0, 1, 127, 128, 255]))
    assert isinstance(result, bytearray), type(result)
    assert result == bytearray(b"\x00\x01\x7f\x80\xff"), result


def test_as_bytearray_of_an_empty_buffer():
    result = as_bytearray(js.ArrayBuffer.new(0))
    assert result == bytearray(), result


def test_as_bytearray_of_every_byte_value():
    values = [i % 256 for i in range(600)]
    assert as_bytearray(_buffer(values)) == bytearray(values)


def test_is_awaitable_async_function():
    async def job():
        return 1

    def plain():
        return 1

    assert is_awaitable(job)
    assert not is_awaitable(plain)
    assert not is_awaitable(lambda: 1)
    assert not is_awaitable(42)


def test_is_awaitable_coroutine_object():
    async def job():
        return 1

    coroutine = job()
    try:
        assert is_awaitable(coroutine)
    finally:
        coroutine.close()


def test_is_awaitable_methods_and_closures():
    class Widget:
        async def load(self):
            return 1

        def size(self):
            return 1

    widget = Widget()
    assert is_awaitable(widget.load)
    assert not is_awaitable(widget.size)

    def make():
        captured = 1

        async def inner():
            return captured

        def sync_inner():
            return captured

        return inner, sync_inner

    inner, sync_inner = make()
    assert is_awaitable(inner)
    assert not is_awaitable(sync_inner)

    class AsyncCallable:
        async def __call__(self, value):
            return value

    class SyncCallable:
        def __call__(self, value):
            return value

    assert is_awaitable(AsyncCallable())
    assert not is_awaitable(SyncCallable())


def test_is_awaitable_generator_function():
    def numbers():
        yield 1

    # MicroPython cannot tell generator functions from async ones.
    assert is_awaitable(numbers) == MICROPYTHON
