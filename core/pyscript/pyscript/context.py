"""Where the code runs: interpreter type, page config, thread, targets.

The values come from ``_pyscript``, a JavaScript module the GoPyScript runtime
registers in the interpreter before this package is imported. It provides
``type`` ("py"/"mpy"), ``worker`` (bool), ``config`` (the config as a JSON
string), ``target`` (the id of the element the running script displays into)
``js_import(*urls)`` (a Promise of an array of modules), ``key(object)``
(a number per JavaScript object, the same for the same object) and
``storage(name)`` (a Promise of an IndexedDB store). In a worker it
also has ``window`` (a proxy of the page's ``globalThis``, whose every use is a
synchronous call to the page), ``synchronous`` (whether that works: the page
must be cross-origin isolated), ``sync`` and ``runtime(name, *args)``.
"""

import json
import sys

import js
import _pyscript

from pyscript.ffi import is_none
from pyscript.util import NotSupported


def _from_runtime(name, default):
    try:
        value = getattr(_pyscript, name)
    except AttributeError:
        return default
    return default if is_none(value) else value


def _interpreter_type():
    # The literals themselves, not the strings that came from JavaScript:
    # code (PyScript's own tests among it) checks config["type"] is "py".
    kind = _from_runtime("type", None)
    if kind == "py":
        return "py"
    if kind == "mpy":
        return "mpy"
    return "mpy" if sys.implementation.name == "micropython" else "py"


def _read_config():
    raw = _from_runtime("config", None)
    if raw is None:
        parsed = {}
    elif isinstance(raw, str):
        parsed = json.loads(raw) if raw.strip() else {}
    else:  # a JavaScript object: go through JSON to get plain Python values
        parsed = json.loads(js.JSON.stringify(raw))
    if not isinstance(parsed, dict):
        parsed = {}
    parsed["type"] = _interpreter_type()
    return parsed


RUNNING_IN_WORKER = bool(_from_runtime("worker", not hasattr(js, "document")))

config = _read_config()

# PyScript's words, so searches for the message find its FAQ entry.
_NO_SHARED_MEMORY = (
    "Unable to use `window` or `document` in worker. This requires "
    "SharedArrayBuffer support. See: "
    "https://docs.pyscript.net/latest/faq/#sharedarraybuffer"
)


class _MicroPythonSync:
    """``pyscript.sync`` for MicroPython, which cannot catch an exception
    thrown by JavaScript: each call returns [ok, value] and a failure is
    raised here, in Python."""

    def __getattr__(self, name):
        def call(*args):
            ok, value = _pyscript.sync_call(name, *args)
            if not ok:
                raise RuntimeError(str(value))
            return value

        return call

    def __setattr__(self, name, function):
        setattr(_pyscript.sync, name, function)


if not RUNNING_IN_WORKER:
    window = js
    document = js.document
    sync = NotSupported("pyscript.sync", "pyscript.sync works only when running in a worker")
else:
    if _from_runtime("synchronous", False):
        window = _pyscript.window
        document = window.document
        js.document = document  # as in PyScript: code written for the page keeps working
    else:
        window = NotSupported("pyscript.window", _NO_SHARED_MEMORY)
        document = NotSupported("pyscript.document", _NO_SHARED_MEMORY)
    sync = _MicroPythonSync() if sys.implementation.name == "micropython" else _pyscript.sync


def current_target():
    """The id of the element the running script displays into ("" if none).
    In a worker it is created on the page on first use (``py-w0-target`` …)."""
    if RUNNING_IN_WORKER:
        if not _from_runtime("synchronous", False):
            return ""
        target = _pyscript.runtime("target")
    else:
        target = _from_runtime("target", "")
    return target if isinstance(target, str) else str(target)


async def js_import(*urls):
    """Import JavaScript modules by URL; returns a list with one module
    namespace per URL, so ``a, b = await js_import(url_a, url_b)`` works."""
    modules = await _pyscript.js_import(*urls)
    return list(modules)
