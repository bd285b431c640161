"""Workers started from the page's Python: ``PyWorker``, the named-worker
registry ``workers`` and ``create_named_worker``. In a worker they do not
exist, as in PyScript."""

import json

import _pyscript

from pyscript.context import RUNNING_IN_WORKER, document
from pyscript.ffi import to_js
from pyscript.util import NotSupported

_TYPES = {"pyodide": "py", "py": "py", "micropython": "mpy", "mpy": "mpy"}


def _main_thread_only(name):
    return NotSupported(name, name + " works only when running in the main thread")


def _py_worker(url, **options):
    """Start a worker running the Python file at ``url`` and return it at
    once (its ``ready`` resolves when its code has run). ``type`` is
    "pyodide" or "micropython"; ``config``, ``async`` and ``version`` are
    PyScript's options."""
    if _pyscript.type == "py-game":  # its PyWorker raises PyScript's error
        return _pyscript.PyWorker(url)
    kind = options.get("type")
    if kind not in _TYPES:
        raise ValueError('PyWorker needs type="pyodide" or type="micropython", not ' + repr(kind))
    options["type"] = _TYPES[kind]
    return _pyscript.PyWorker(url, to_js(options))


class _Workers:
    """``workers["name"]`` (or ``workers.name``): an awaitable of the named
    worker's exports, ready once its code has run."""

    def __getitem__(self, name):
        return _pyscript.workers(name)

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _pyscript.workers(name)


async def _create_named_worker(src, name, config=None, type="py"):
    """Add ``<script type=… worker name=… src=…>`` to the page and return the
    worker's exports once its code has run."""
    script = document.createElement("script")
    script.type = type
    script.src = src
    script.setAttribute("worker", "")
    script.setAttribute("name", name)
    if config is not None:
        script.setAttribute("config", config if isinstance(config, str) else json.dumps(config))
    document.body.append(script)
    return await _pyscript.workers(name)


if RUNNING_IN_WORKER:
    PyWorker = _main_thread_only("pyscript.PyWorker")
    workers = _main_thread_only("pyscript.workers")
    create_named_worker = _main_thread_only("pyscript.create_named_worker")
else:
    PyWorker = _py_worker
    workers = _Workers()
    create_named_worker = _create_named_worker
