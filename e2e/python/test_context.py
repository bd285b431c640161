# pyscript's context: config, thread, targets, document/window, js_import,
# and the names that are not available on the main thread.

import sys

import js

import pyscript
from pyscript import (
    RUNNING_IN_WORKER,
    PyWorker,
    config,
    create_named_worker,
    current_target,
    document,
    js_import,
    sync,
    window,
    workers,
)
from pyscript.ffi import is_none

from e2e_context import START
from e2e_support import MICROPYTHON, raises

EXPORTS = [
    "RUNNING_IN_WORKER", "config", "current_target", "document", "window", "display",
    "HTML", "when", "Event", "fetch", "ffi", "util", "js_import", "sync", "PyWorker",
    "workers", "create_named_worker", "storage", "Storage", "WebSocket", "py_import",
]


def test_package_exports_every_name():
    missing = [name for name in EXPORTS if not hasattr(pyscript, name)]
    assert not missing, missing


def test_submodules_are_modules():
    assert callable(pyscript.ffi.create_proxy)
    assert callable(pyscript.ffi.to_js)
    assert callable(pyscript.util.as_bytearray)
    from pyscript.ffi import assign, direct, is_none, jsnull  # noqa: F401
    from pyscript.util import NotSupported, as_bytearray, is_awaitable  # noqa: F401


def test_config_is_a_dict_with_the_interpreter_type():
    assert isinstance(config, dict), type(config)
    # The very literal, as PyScript's own tests check it with "is" (a name
    # here, so that Python does not warn about "is" with a literal).
    expected = "mpy" if MICROPYTHON else "py"
    assert config["type"] is expected, config.get("type")
    assert pyscript.config is config


# The worker pages of these tests are named *-worker.html.
IN_WORKER_PAGE = "-worker.html" in window.location.href


def test_running_in_worker_says_where_the_code_runs():
    assert RUNNING_IN_WORKER is IN_WORKER_PAGE


def test_document_and_window_are_the_page():
    assert document.body.tagName == "BODY"
    assert window.document.body.tagName == "BODY"
    assert isinstance(window.location.href, str)
    marker = document.createElement("span")
    marker.id = "e2e-context-marker"
    document.body.append(marker)
    try:
        assert js.document.getElementById("e2e-context-marker").tagName == "SPAN"
    finally:
        marker.remove()


def test_current_target_is_the_running_script_output():
    target = START["target"]
    assert isinstance(target, str) and target, repr(target)
    element = document.getElementById(target)
    assert not is_none(element), target
    # No target attribute on the runner's <script>: the output element is the
    # <script-py> created right after it, with an id like "mpy-0" / "py-0".
    if element.tagName == "SCRIPT-PY":
        assert target.startswith(config["type"] + "-"), target


def test_current_target_returns_a_string():
    assert isinstance(current_target(), str)


def test_sync_is_not_supported_on_the_main_thread():
    if RUNNING_IN_WORKER:
        return
    message = "pyscript.sync works only when running in a worker"
    assert str(raises(AttributeError, lambda: sync.my_function)) == message
    assert str(raises(TypeError, sync)) == message
    assert repr(sync) == "<NotSupported pyscript.sync [" + message + "]>"


def test_worker_api_is_main_thread_only():
    if not RUNNING_IN_WORKER:
        assert callable(PyWorker) and callable(create_named_worker)
        assert raises(ValueError, PyWorker, "worker.py", type="lua")
        return
    for name, value in (
        ("pyscript.PyWorker", PyWorker),
        ("pyscript.workers", workers),
        ("pyscript.create_named_worker", create_named_worker),
    ):
        message = name + " works only when running in the main thread"
        assert repr(value) == "<NotSupported " + name + " [" + message + "]>", repr(value)
        assert str(raises(TypeError, value, "worker.py")) == message
    assert "main thread" in str(raises(TypeError, lambda: workers["calculator"]))


def _absolute(path):
    return js.URL.new(path, document.baseURI).href


async def test_js_import_one_module():
    modules = await js_import(_absolute("./fixture_module.js"))
    assert len(modules) == 1
    module = modules[0]
    assert module.answer == 42
    assert module.greet("py") == "hello py"


async def test_js_import_unpacks_several_modules():
    first, second = await js_import(
        _absolute("./fixture_module.js"), _absolute("./fixture_module_b.js")
    )
    assert first.answer == 42
    assert second.name == "module b"


def test_python_version_is_reported():
    # Not a pyscript feature: makes the interpreter visible in the results.
    assert sys.implementation.name in ("cpython", "micropython")
