# pyscript.WebSocket against the dev server's echo endpoint (/ws/echo): a
# real socket, opened on the main thread or in the worker itself.

import asyncio

import js

from pyscript import WebSocket
from pyscript.websocket import WebSocketEvent

from e2e_support import raises, wait_until


def _echo_url():
    return js.location.origin.replace("http", "ws", 1) + "/ws/echo"


async def test_text_and_binary_messages_come_back():
    received = []
    opened = []
    socket = WebSocket(url=_echo_url(), onopen=lambda event: opened.append(event.type))
    socket.onmessage = lambda event: received.append(event.data)
    assert socket.readyState == WebSocket.CONNECTING
    assert await wait_until(lambda: opened == ["open"])
    assert socket.readyState == WebSocket.OPEN
    socket.send("héllo ✓")
    socket.send(b"\x00\x01\xfe\xff")
    socket.send(bytearray(b"ba"))
    socket.send(memoryview(b"mv"))
    assert await wait_until(lambda: len(received) == 4)
    assert received[0] == "héllo ✓"
    assert all(isinstance(data, memoryview) for data in received[1:])
    assert [bytes(data) for data in received[1:]] == [b"\x00\x01\xfe\xff", b"ba", b"mv"]
    socket.close()


async def test_async_handlers_close_codes_and_protocols():
    events = []

    async def on_message(event):
        await asyncio.sleep(0)
        events.append(("message", event.data))
        socket.close(4000, "done here")

    def on_close(event):
        events.append(("close", event.code, event.wasClean))

    socket = WebSocket(url=_echo_url(), protocols=["chat"], onmessage=on_message, onclose=on_close)
    socket.onopen = lambda event: socket.send("once")
    assert await wait_until(lambda: len(events) == 2)
    assert events == [("message", "once"), ("close", 4000, True)]
    assert socket.protocol == "chat"
    assert socket.readyState == WebSocket.CLOSED
    assert (WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED) == (0, 1, 2, 3)


async def test_errors_and_events_are_pythonic():
    errors = []
    socket = WebSocket(url=js.location.origin.replace("http", "ws", 1) + "/no-socket-here", onerror=lambda event: errors.append(event.type))
    assert await wait_until(lambda: errors == ["error"])
    raises(TypeError, WebSocket)
    error = raises(TypeError, WebSocket, url=_echo_url(), onmesage=print)
    assert "onmesage" in str(error)
    event = WebSocketEvent(js.MessageEvent.new("message"))
    raises(AttributeError, setattr, event, "data", "x")
    socket.close()
