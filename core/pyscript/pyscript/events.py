"""Events: a small Python publish/subscribe ``Event`` and the ``@when`` decorator
that connects handlers to DOM events or to ``Event`` instances."""

from pyscript.context import document
from pyscript.ffi import create_proxy, is_none, to_js
from pyscript.util import _accepts_argument, _schedule, is_awaitable


class Event:
    """A Python-side event: listeners subscribe, ``trigger(result)`` calls them
    all with ``result``. Async listeners run as background tasks."""

    def __init__(self):
        self._listeners = []

    def trigger(self, result):
        # Iterate over a copy: a listener may add or remove listeners.
        for listener in list(self._listeners):
            if is_awaitable(listener):
                _schedule(listener(result))
            else:
                listener(result)

    def add_listener(self, listener):
        if not callable(listener):
            raise ValueError("Listener must be callable.")
        if listener not in self._listeners:
            self._listeners.append(listener)

    def remove_listener(self, *listeners):
        """Remove the given listeners, or every listener when none is given."""
        if not listeners:
            self._listeners = []
            return
        for listener in listeners:
            if listener in self._listeners:
                self._listeners.remove(listener)


def _dom_elements(selector):
    """Turn what ``when`` was given into a Python list of DOM elements."""
    if isinstance(selector, str):
        return list(document.querySelectorAll(selector))
    # Wrappers that hold a DOM element (e.g. pyscript.web elements).
    wrapped = getattr(selector, "_dom_element", None)
    if wrapped is not None:
        return [wrapped]
    if hasattr(selector, "addEventListener"):
        return [selector]
    elements = []
    for item in selector:  # lists, tuples, NodeList, HTMLCollection
        elements.append(getattr(item, "_dom_element", None) or item)
    return elements


def _events_in(event_type):
    """The Event instances named by ``event_type``, or None for a DOM event."""
    if isinstance(event_type, Event):
        return [event_type]
    if isinstance(event_type, (list, tuple)) and event_type:
        if all(isinstance(item, Event) for item in event_type):
            return list(event_type)
    return None


def _handler_for(func):
    """Adapt ``func`` (0 or 1 positional argument, sync or async) to be called
    with the event. The result keeps ``func``'s kind (async stays async) and
    names the event parameter only when ``func`` takes it: MicroPython's
    signatures do not count ``*args``, and a handler under another ``@when``
    is judged by its signature like any function."""
    wants_event = _accepts_argument(func)
    if is_awaitable(func):
        if wants_event:

            async def handler(event):
                return await func(event)

        else:

            async def handler(*_):
                return await func()

    elif wants_event:

        def handler(event):
            return func(event)

    else:

        def handler(*_):
            return func()

    try:
        from functools import wraps

        handler = wraps(func)(handler)
    except Exception:
        pass  # keeping the name and docstring is only cosmetic
    return handler


def _dom_listener(handler):
    """What the DOM calls: never returns a coroutine to JavaScript (which would
    not run it); async handlers are started as tasks instead."""
    if is_awaitable(handler):

        def listener(event):
            _schedule(handler(event))

    else:

        def listener(event):
            handler(event)

    return listener


def _missing_selector(selector):
    if is_none(selector):
        return True
    return isinstance(selector, (str, list, tuple)) and not selector


def when(event_type, selector=None, **options):
    """Decorator: call the function when ``event_type`` happens.

    ``event_type`` is a DOM event name (then ``selector`` - a CSS selector, an
    element or a list of elements - is required) or an ``Event`` instance or a
    list of them. ``options`` (``once=True``, ``passive=True`` ...) are passed
    to ``addEventListener``. The handler may take the event or no argument,
    and may be ``async``.
    """
    events = _events_in(event_type)
    elements = None
    if events is None:
        if not isinstance(event_type, str):
            raise TypeError(
                "when() expects a DOM event name, an Event or a list of Events, "
                "not " + repr(event_type)
            )
        if _missing_selector(selector):
            raise ValueError("Selector required for DOM event handling.")
        elements = _dom_elements(selector)
        if not elements:
            raise ValueError("No elements found for selector: " + str(selector))

    def decorator(func):
        if not callable(func):
            raise ValueError("Listener must be callable.")
        handler = _handler_for(func)
        if events is not None:
            for event in events:
                event.add_listener(handler)
            return handler
        listener = create_proxy(_dom_listener(handler))
        listener_options = to_js(options) if options else False
        for element in elements:
            element.addEventListener(event_type, listener, listener_options)
        return handler

    return decorator
