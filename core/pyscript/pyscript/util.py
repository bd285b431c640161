"""Helpers shared by the rest of the ``pyscript`` package.

Everything here works in both Pyodide (CPython) and MicroPython. Where the two
interpreters differ, the difference is detected once at import time from what
the running interpreter can do, not from its name.
"""

import js

# --- interpreter capabilities -------------------------------------------------


def _sample_generator_function():
    yield


async def _sample_coroutine_function():
    pass


def _sample_plain_function():
    pass


class _Sample:
    def method(self):
        pass


def _coroutine_objects_are_generators():
    coroutine = _sample_coroutine_function()
    generator = _sample_generator_function()
    same = type(coroutine) is type(generator)
    # Close both so CPython does not warn about a never-awaited coroutine.
    for obj in (coroutine, generator):
        close = getattr(obj, "close", None)
        if close is not None:
            close()
    return same


# MicroPython implements ``async def`` on top of generators: coroutine objects
# are generators and ``await x`` iterates ``x``. CPython keeps them apart and
# ``await x`` calls ``x.__await__()``.
_GENERATOR_COROUTINES = _coroutine_objects_are_generators()

_FunctionType = type(_sample_plain_function)
_GeneratorFunctionType = type(_sample_generator_function)
_GeneratorType = type(_sample_generator_function())
_BoundMethodType = type(_Sample().method)

try:
    import inspect as _inspect
except ImportError:  # a MicroPython build without micropython-lib's inspect
    _inspect = None


# --- NotSupported -------------------------------------------------------------


class NotSupported:
    """Stands in for a feature that cannot work in the current context.

    Reading or setting any attribute raises ``AttributeError(error)``, calling
    it (or indexing it) raises ``TypeError(error)``, so the user gets a clear
    explanation at the first use instead of an obscure failure later.
    """

    def __init__(self, name, error):
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "error", error)

    def __repr__(self):
        return "<NotSupported " + str(self.name) + " [" + str(self.error) + "]>"

    def __getattr__(self, attr):
        raise AttributeError(self.error)

    def __setattr__(self, attr, value):
        raise AttributeError(self.error)

    def __call__(self, *args, **kwargs):
        raise TypeError(self.error)

    def __getitem__(self, key):
        raise TypeError(self.error)


# --- bytes from JavaScript ----------------------------------------------------


def as_bytearray(buffer):
    """Copy a JavaScript ``ArrayBuffer`` (or typed array) into a ``bytearray``."""
    if isinstance(buffer, (bytes, bytearray, memoryview)):
        return bytearray(buffer)
    view = js.Uint8Array.new(buffer)
    # Pyodide: typed arrays are JsBuffer objects that copy out in one step.
    if hasattr(view, "to_bytes"):
        return bytearray(view.to_bytes())
    # MicroPython: reading element by element crosses into JavaScript once per
    # byte. When the browser can hex-encode natively, one string crosses instead.
    if hasattr(bytearray, "fromhex") and hasattr(view, "toHex"):
        return bytearray.fromhex(view.toHex())
    return bytearray(bytes(view))


# --- awaitables ---------------------------------------------------------------


def _rebuilt_from_code(obj):
    """A plain function made from ``obj.__code__`` (MicroPython bound methods and
    closures hide their function but expose its code), or None."""
    code = getattr(obj, "__code__", None)
    if code is None:
        return None
    try:
        return _FunctionType(code, {})
    except Exception:
        return None


def _is_generator_based_async(obj):
    if isinstance(obj, (_GeneratorFunctionType, _GeneratorType)):
        return True
    # Checked through the code, not the type: in the browser build a bound
    # method also passes isinstance(obj, function).
    rebuilt = _rebuilt_from_code(obj)
    if rebuilt is not None:
        return isinstance(rebuilt, _GeneratorFunctionType)
    # A callable instance: is its __call__ method async?
    if not isinstance(obj, _BoundMethodType):
        call = getattr(obj, "__call__", None)
        if isinstance(call, _BoundMethodType):
            return _is_generator_based_async(call)
    # Last resort for wrappers whose code is not reachable: their repr names
    # the wrapped generator, e.g. "<closure <generator> at ...>".
    text = repr(obj)
    return (text.startswith("<closure <generator>") or
            (text.startswith("<bound_method") and "<generator>" in text))


try:
    from jsffi import JsProxy as _JsProxy
except ImportError:
    try:
        from pyodide.ffi import JsProxy as _JsProxy
    except ImportError:
        _JsProxy = None


def _is_thenable_proxy(obj):
    # JavaScript promises are awaitable in both interpreters.
    return _JsProxy is not None and isinstance(obj, _JsProxy) and hasattr(obj, "then")


def is_awaitable(obj):
    """True for coroutine functions (``async def``, also as bound methods or
    closures), coroutine objects and other awaitables.

    MicroPython cannot tell a coroutine function from a generator function, so
    there every generator function counts as awaitable too.
    """
    if _GENERATOR_COROUTINES:
        if _is_generator_based_async(obj):
            return True
        return _is_thenable_proxy(obj)
    if _inspect.iscoroutinefunction(obj) or _inspect.isawaitable(obj):
        return True
    call = getattr(type(obj), "__call__", None)
    return call is not None and _inspect.iscoroutinefunction(call)


def _accepts_argument(func, _look_at_call=True):
    """Does ``func`` take at least one positional argument?

    Used to decide whether an event handler receives the event. When it cannot
    be told (builtins, unusual callables) the answer is True.
    """
    if _inspect is None or not hasattr(_inspect, "signature"):
        return True
    try:
        parameters = _inspect.signature(func).parameters
    except Exception:
        parameters = None
    if parameters is not None:
        kinds = getattr(_inspect, "Parameter", None)
        if kinds is None or not hasattr(kinds, "POSITIONAL_ONLY"):
            return len(parameters) > 0
        positional = (kinds.POSITIONAL_ONLY, kinds.POSITIONAL_OR_KEYWORD,
                      kinds.VAR_POSITIONAL)
        for parameter in parameters.values():
            if getattr(parameter, "kind", kinds.POSITIONAL_OR_KEYWORD) in positional:
                return True
        return False
    # MicroPython: inspect.signature() rejects bound methods; rebuild the
    # underlying function from its code and skip ``self``.
    rebuilt = _rebuilt_from_code(func)
    if rebuilt is not None:
        try:
            count = len(_inspect.signature(rebuilt).parameters)
        except Exception:
            return True
        if isinstance(func, _BoundMethodType):
            count -= 1
        return count > 0
    # A callable instance: look at its __call__ method (once).
    call = getattr(func, "__call__", None)
    if _look_at_call and call is not None:
        return _accepts_argument(call, False)
    return True


# --- fire-and-forget coroutines ----------------------------------------------

# CPython's asyncio only keeps weak references to tasks: hold them until done.
_running = set()


def _print_exception(error):
    import sys
    print_exception = getattr(sys, "print_exception", None)
    if print_exception is not None:  # MicroPython
        print_exception(error, sys.stderr)
        return
    import traceback
    traceback.print_exception(type(error), error, error.__traceback__, file=sys.stderr)


async def _guarded(coroutine, holder):
    try:
        return await coroutine
    except Exception as error:
        # Nobody awaits this task, so report the failure where the page shows
        # errors (stderr) instead of letting it vanish.
        _print_exception(error)
    finally:
        for task in holder:
            _running.discard(task)


def _schedule(coroutine):
    """Run ``coroutine`` as a background task; failures are printed to stderr."""
    import asyncio
    holder = []
    task = asyncio.create_task(_guarded(coroutine, holder))
    holder.append(task)
    _running.add(task)
    return task
