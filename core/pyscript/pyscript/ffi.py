"""One foreign function interface for both interpreters.

Pyodide provides ``pyodide.ffi`` and MicroPython provides ``jsffi``. This module
exposes the same few names on top of whichever is present, so user code does
not need to care which interpreter runs it.
"""

import js

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


def assign(target, *sources):
    """``Object.assign`` for Python: copy the keys of each dict (converted with
    ``to_js``) onto the JavaScript object ``target`` and return ``target``."""
    for source in sources:
        js.Object.assign(target, to_js(source))
    return target


def direct(value):
    """On the main thread values already live next to JavaScript: identity."""
    return value
