"""pyscript.websocket: the browser's WebSocket with Python handlers.

``WebSocket(url=..., protocols=None, onopen=..., onmessage=..., onerror=...,
onclose=...)`` opens a socket (in a worker, the worker's own); handlers get
a ``WebSocketEvent`` and may be ``async``. A text message's ``event.data``
is a ``str``, a binary one's a ``memoryview``; ``send`` takes a ``str`` or
anything bytes-like. Everything else (``readyState``, ``url``,
``bufferedAmount`` …) is the JavaScript socket's own.
"""

import sys

import js

from pyscript.ffi import create_proxy, to_js
from pyscript.util import _schedule, as_bytearray, is_awaitable

_HANDLERS = ("onclose", "onerror", "onmessage", "onopen")


class WebSocketEvent:
    """A socket event, read-only; ``data`` of a binary message is a
    ``memoryview`` of its bytes."""

    def __init__(self, event):
        object.__setattr__(self, "_event", event)

    def __getattr__(self, name):
        value = getattr(self._event, name)
        if name == "data" and not isinstance(value, str):
            return memoryview(as_bytearray(value))
        return value

    def __setattr__(self, name, value):
        raise AttributeError("a WebSocketEvent is read-only")


def _uint8array(data):
    """A JavaScript Uint8Array holding a copy of bytes-like data."""
    data = bytes(data)
    if sys.implementation.name != "micropython":
        return to_js(data)  # Pyodide copies bytes into a Uint8Array in one step
    if hasattr(data, "hex") and hasattr(js.Uint8Array, "fromHex"):
        return js.Uint8Array.fromHex(data.hex())  # one string crosses, not one call per byte
    array = js.Uint8Array.new(len(data))
    for i, byte in enumerate(data):
        array[i] = byte
    return array


class WebSocket:
    CONNECTING = 0
    OPEN = 1
    CLOSING = 2
    CLOSED = 3

    def __init__(self, url=None, protocols=None, **handlers):
        if url is None:
            raise TypeError("WebSocket() needs a url")
        unknown = [name for name in handlers if name not in _HANDLERS]
        if unknown:
            raise TypeError("WebSocket() got unexpected keyword arguments: " + ", ".join(sorted(unknown)))
        if protocols:
            protocols = [protocols] if isinstance(protocols, str) else list(protocols)
            socket = js.WebSocket.new(url, to_js(protocols))
        else:
            socket = js.WebSocket.new(url)
        socket.binaryType = "arraybuffer"  # binary messages as bytes, not Blobs
        object.__setattr__(self, "_ws", socket)
        for name in _HANDLERS:
            if name in handlers:
                setattr(self, name, handlers[name])

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._ws, name)

    def __setattr__(self, name, value):
        if name in _HANDLERS:
            setattr(self._ws, name, create_proxy(_listener(value)))
        else:
            setattr(self._ws, name, value)

    def send(self, data):
        """Send a ``str`` as a text message, or bytes-like data as binary."""
        self._ws.send(data if isinstance(data, str) else _uint8array(data))

    def close(self, code=None, reason=None):
        if code is None:
            self._ws.close()
        elif reason is None:
            self._ws.close(code)
        else:
            self._ws.close(code, reason)


def _listener(handler):
    """What the socket calls: the handler with a WebSocketEvent, started as
    a task when it is async."""
    if is_awaitable(handler):

        def listener(event):
            _schedule(handler(WebSocketEvent(event)))

    else:

        def listener(event):
            handler(WebSocketEvent(event))

    return listener
