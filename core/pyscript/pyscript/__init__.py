"""The ``pyscript`` package of GoPyScript.

Installed once per interpreter by the GoPyScript runtime and shared by every
script of that interpreter. It works in both Pyodide (``type="py"``) and
MicroPython (``type="mpy"``).
"""

from pyscript.context import (
    RUNNING_IN_WORKER,
    config,
    current_target,
    document,
    js_import,
    sync,
    window,
)
from pyscript.display import HTML, display
from pyscript.events import Event, when
from pyscript.fetch import fetch
from pyscript.packages import py_import
from pyscript.storage import Storage, storage
from pyscript.websocket import WebSocket
from pyscript.workers import PyWorker, create_named_worker, workers
from pyscript import ffi, js_modules, util

__all__ = [
    "Event",
    "HTML",
    "PyWorker",
    "RUNNING_IN_WORKER",
    "Storage",
    "WebSocket",
    "config",
    "create_named_worker",
    "current_target",
    "display",
    "document",
    "fetch",
    "ffi",
    "js_import",
    "js_modules",
    "py_import",
    "storage",
    "sync",
    "util",
    "when",
    "window",
    "workers",
]
