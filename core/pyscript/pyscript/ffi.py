"""One foreign function interface for both interpreters.

Pyodide provides ``pyodide.ffi`` and MicroPython provides ``jsffi``. This module
exposes the same few names on top of whichever is present, so user code does
not need to care which interpreter runs it.
"""

import js
import _pyscript

try:
    from pyodide.ffi import create_proxy as _native_create_proxy
    from pyodide.ffi import to_js as _native_to_js

    _TO_JS_TAKES_OPTIONS = True
except ImportError:
    from jsffi import create_proxy as _native_create_proxy
    from jsffi import to_js as _native_to_js

    # MicroPython's to_js takes only the value: it always turns dicts into
    # plain objects and lists into arrays.
    _TO_JS_TAKES_OPTIONS = False


# Whatever JavaScript ``null`` becomes in this interpreter: ``pyodide.ffi.jsnull``
# in Pyodide, plain ``None`` in MicroPython.
jsnull = js.Object.getPrototypeOf(js.Object.prototype)


def create_proxy(func):
    """Wrap a Python callable so JavaScript can keep calling it later (event
    listeners, timers) without it being released after the first call."""
    return _native_create_proxy(func)


def to_js(value, **options):
    """Convert a Python value to its JavaScript counterpart.

    Dicts become plain JavaScript objects (not ``Map``s) in both interpreters.
    In Pyodide the keyword options of ``pyodide.ffi.to_js`` are honoured; in
    MicroPython they are accepted and ignored.
    """
    if not _TO_JS_TAKES_OPTIONS:
        return _native_to_js(value)
    if "dict_converter" not in options:
        options["dict_converter"] = js.Object.fromEntries
    return _native_to_js(value, **options)


def is_none(value):
    """True for Python ``None`` and for JavaScript ``null``."""
    return value is None or value is jsnull


# In a worker assign, gather and query work on the page in one round trip.
_IN_WORKER = bool(getattr(_pyscript, "worker", False))


def assign(target, *sources):
    """``Object.assign`` for Python: copy the keys of each dict (converted with
    ``to_js``) onto the JavaScript object ``target`` and return ``target``."""
    converted = [to_js(source) for source in sources]
    if _IN_WORKER and _pyscript.on_page(target):
        _pyscript.runtime("assign", target, *converted)
        return target
    for source in converted:
        js.Object.assign(target, source)
    return target


def direct(value):
    """Identity: on the main thread values already live next to JavaScript,
    and a worker sends its plain objects and arrays to the page by value
    (functions by reference) without being asked."""
    return value


def query(target, path):
    """The value at a dotted path ("body.firstChild.nodeName") of a
    JavaScript object, None once a step finds nothing."""
    if _IN_WORKER:
        return _pyscript.runtime("query", target, path)
    value = target
    for key in path.split("."):
        if is_none(value):
            return None
        value = getattr(value, key, None)
    return value


def gather(target, *paths):
    """The values at several dotted paths of one JavaScript object, as a
    list: ``title, count = gather(el, "title", "dataset.count")``."""
    if _IN_WORKER:
        return list(_pyscript.runtime("gather", target, *paths))
    return [query(target, path) for path in paths]
