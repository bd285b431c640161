"""``fetch()``: the browser's fetch with Python-friendly results.

``await fetch(url)`` gives a response whose JavaScript attributes (``ok``,
``status``, ``statusText``, ``headers``, ``url`` ...) are available as usual,
and whose body readers return Python values. The body readers can also be
called on the un-awaited result: ``text = await fetch(url).text()``.
"""

import json

import js

from pyscript.ffi import to_js
from pyscript.util import _GENERATOR_COROUTINES, as_bytearray


class _Response:
    """A fetch ``Response`` with Python-valued body readers."""

    def __init__(self, response):
        self._response = response

    def __getattr__(self, name):
        if name == "_response":
            raise AttributeError(name)
        return getattr(self._response, name)

    async def text(self):
        return await self._response.text()

    async def json(self):
        """The body parsed with Python's ``json`` module."""
        return json.loads(await self.text())

    async def bytearray(self):
        return as_bytearray(await self._response.arrayBuffer())

    async def arrayBuffer(self):
        """The body as a memoryview of its bytes."""
        buffer = await self._response.arrayBuffer()
        if hasattr(buffer, "to_py"):  # Pyodide turns it into a memoryview
            return buffer.to_py()
        return memoryview(as_bytearray(buffer))

    async def blob(self):
        return await self._response.blob()


class _PendingResponse:
    """What ``fetch()`` returns: await it for the response, or call a body
    reader on it directly."""

    def __init__(self, promise):
        self._promise = promise
        self._response = None

    async def _settle(self):
        if self._response is None:
            self._response = _Response(await self._promise)
        return self._response

    def __await__(self):
        return self._settle().__await__()

    if _GENERATOR_COROUTINES:
        # MicroPython awaits an object by iterating it.
        def __iter__(self):
            return self._settle()

    async def text(self):
        return await (await self._settle()).text()

    async def json(self):
        return await (await self._settle()).json()

    async def bytearray(self):
        return await (await self._settle()).bytearray()

    async def arrayBuffer(self):
        return await (await self._settle()).arrayBuffer()

    async def blob(self):
        return await (await self._settle()).blob()


def fetch(url, **options):
    """Start fetching ``url``; keyword arguments are the JavaScript ``fetch``
    options (``method``, ``headers``, ``body`` ...)."""
    return _PendingResponse(js.fetch(url, to_js(options)))
