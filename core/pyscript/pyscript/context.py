"""Where the code runs: interpreter type, page config, thread, targets.

The values come from ``_pyscript``, a JavaScript module the GoPyScript runtime
registers in the interpreter before this package is imported. It provides
``type`` ("py"/"mpy"), ``worker`` (bool), ``config`` (the page config as a
JSON string), ``target`` (a getter: the id of the element the running script
displays into) and ``js_import(*urls)`` (a Promise of an array of modules).
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
    kind = _from_runtime("type", None)
    if kind in ("py", "mpy"):
        return kind
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

window = js

if hasattr(js, "document"):
    document = js.document
else:
    document = NotSupported(
        "pyscript.document", "pyscript.document is not available in this context"
    )

sync = NotSupported("pyscript.sync", "pyscript.sync works only when running in a worker")


def current_target():
    """The id of the element the running script displays into ("" if none)."""
    target = _from_runtime("target", "")
    return target if isinstance(target, str) else str(target)


async def js_import(*urls):
    """Import JavaScript modules by URL; returns a list with one module
    namespace per URL, so ``a, b = await js_import(url_a, url_b)`` works."""
    modules = await _pyscript.js_import(*urls)
    return list(modules)
