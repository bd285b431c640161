"""pyscript.web: the page's elements as Python objects.

``page`` finds elements (``page["id"]``, ``page.find("css")``); one class per
HTML tag (``div``, ``p``, ``input_`` …) creates them, with children as
positional arguments and attributes as keywords. Every wrapper holds the
DOM node in ``_dom_element`` and passes unknown attributes through to it, so
``el.innerHTML``, ``el.value`` or ``el.focus()`` are the DOM's own.

The same code runs on the main thread and in a worker, where each use of a
node is a synchronous call to the page. ``classes`` and ``style`` read the
node each time, so they agree with changes made by any code, and wrapping
the same node twice gives the same Python object while it is in use.
"""

import gc
import json
import sys
import weakref

import js
import _pyscript

from pyscript.context import document
from pyscript.events import Event, when
from pyscript.ffi import create_proxy, is_none

__all__ = [
    "CONTAINER_TAGS",
    "Classes",
    "ContainerElement",
    "Element",
    "ElementCollection",
    "Event",
    "HasOptions",
    "Options",
    "Page",
    "Style",
    "VOID_TAGS",
    "page",
    "when",
    "wrap_dom_element",
]


class _Wrappers:
    """Wrappers by DOM node, held weakly, so a node keeps its wrapper (and
    the wrapper's listeners) for as long as any code holds that wrapper."""

    def __init__(self):
        self._refs = {}
        self._limit = 512

    def get(self, key):
        ref = self._refs.get(key)
        return None if ref is None else ref()

    def put(self, key, wrapper):
        self._refs[key] = weakref.ref(wrapper)
        if len(self._refs) > self._limit:
            dead = [k for k, ref in self._refs.items() if ref() is None]
            for k in dead:
                del self._refs[k]
            self._limit = max(512, 2 * len(self._refs))


_wrappers = _Wrappers()

# Python keywords and builtins that are also attribute names get a trailing
# "_" (``for_``, ``class_``); these two are named differently in the DOM.
_DOM_NAMES = {"for": "htmlFor", "class": "className"}


def _dom_name(name):
    if name.endswith("_"):
        name = name[:-1]
    return _DOM_NAMES.get(name, name)


def _id_selector(key):
    """A CSS selector for the element whose id is ``key`` (one leading "#"
    optional); any id works, even one that is not a CSS identifier."""
    if key.startswith("#"):
        key = key[1:]
    return '[id="' + key.replace("\\", "\\\\").replace('"', '\\"') + '"]'


def _wrap_if_not_none(dom_element):
    """The wrapper of ``dom_element``, None for None or null."""
    return Element.wrap_dom_element(dom_element)


def _find_by_id(dom_node, target_id):
    """The element inside ``dom_node`` whose id is ``target_id`` (one leading
    "#" optional), wrapped; None when there is none."""
    return _wrap_if_not_none(dom_node.querySelector(_id_selector(target_id)))


def _find_and_wrap(dom_node, selector):
    """The descendants of ``dom_node`` matching the CSS ``selector``."""
    return ElementCollection.wrap_dom_elements(dom_node.querySelectorAll(selector))


def _has(dom_element, name):
    try:
        return hasattr(dom_element, name)
    except Exception:  # a remote object whose lookup failed
        return False


def _split_classes(names):
    """Class names from strings ("a b") and iterables of them."""
    parts = []
    for name in names:
        if isinstance(name, str):
            parts.extend(name.split())
        else:
            parts.extend(_split_classes(name))
    return parts


# In a worker every use of a node is a synchronous request to the page.
# So there the page's builder (bootstrap/lib/web-build.js) makes a new
# element in one request, doing what Element._setup does step by step and
# in the same order, and what a step throws is raised by that request, in
# the same Python call as on the main thread. When no step can fail or be
# seen (a tag made before without "-", so no custom element's constructor
# runs; no properties, whose setters may throw; text without markup once
# HTML went in; children that are not built either), the element is built
# only when its node is first needed, with all such elements inside it: a
# whole table in one request, which sends back only the nodes of the
# elements Python still holds. Where the builder cannot do what _setup does
# (an event handler, a name the wrapper keeps, a value JSON does not carry
# exactly, a child other than HTML or elements, a subclass that changes a
# step), the element is built request by request. The classes built this
# way keep Element's __setattr__, so the builder sets its own attributes
# past it (object.__setattr__: one Python call less each in MicroPython).
_BUILDER = bool(getattr(_pyscript, "worker", False) and getattr(_pyscript, "synchronous", False))
_MICROPYTHON = sys.implementation.name == "micropython"
_tags = {}
_known_tags = set()
_html_known = []


def _tag(cls):
    """The tag of a class the builder can make (once per class), else None."""
    tag = _tags.get(cls, False)
    if tag is False:
        steps = ("update", "append", "__setattr__", "classes", "style")
        plain = all(getattr(cls, name) is getattr(Element, name) for name in steps)
        tag = cls.get_tag_name() if plain else None
        tag = _tags[cls] = tag if isinstance(tag, str) else None
    return tag


def _plan(element, tag, classes, style, kwargs, children):
    """Give ``element`` its building's plan, ``_wait`` = [the plan of the
    element it waits in (None for now), its children (HTML, nodes, or the
    plans of elements built with it, which it claims), its own steps for the
    page's builder, a weak reference to it]; return whether building it can
    wait, or None if the builder cannot do it."""
    properties = list(style.items()) if style else ()
    ops = [tag, " ".join(_split_classes((classes,))) if classes else "", len(properties), len(kwargs)]
    if properties:
        for name, value in properties:
            if not isinstance(name, str):
                return None
            ops += [name, str(value)]
    if kwargs:
        for name, value in kwargs.items():
            exact = isinstance(value, str) or isinstance(value, (int, float)) and abs(value) < 2**53
            if not exact or name.startswith("_") or name.startswith("on_"):
                return None
            if isinstance(getattr(type(element), name, None), property):
                return None
            ops += [_dom_name(name), value]
    later = not kwargs and tag in _known_tags and "-" not in tag
    kids = []
    plan = [None, kids, ops, weakref.ref(element)]
    for child in children:
        if isinstance(child, str):
            later = later and bool(_html_known) and "<" not in child
            kids.append(child)
            continue
        if isinstance(child, Element):
            child = (child,)
        elif not isinstance(child, ElementCollection):
            return _unclaim(kids)
        for item in child:
            if not isinstance(item, Element):
                return _unclaim(kids)
            wait = item._wait
            if wait is None:
                later = False
                kids.append(item._dom_element)
            elif wait[0] is None:
                wait[0] = plan
                kids.append(wait)
            elif wait[0] is plan:  # twice: it moves as it goes in again
                return _unclaim(kids)
            else:
                later = False
                kids.append(item._dom_element)
    object.__setattr__(element, "_wait", plan)
    return later


def _unclaim(kids):
    for kid in kids:
        if isinstance(kid, list):
            kid[0] = None


def _steps(plan, ops, plans, flags, nodes):
    flags.append(len(ops))
    ops.append(0)  # 2 if its node comes back, else 1 (see _build)
    plans.append(plan)
    kids = plan[1]
    ops += plan[2]
    ops.append(len(kids))
    for kid in kids:
        if isinstance(kid, list):
            _steps(kid, ops, plans, flags, nodes)
        elif isinstance(kid, str):
            ops.append(kid)
        else:
            nodes.append(kid)
            ops.append(-len(nodes))


def _build(plan):
    """Build the element of ``plan``, with the elements waiting inside it, in
    one request (the steps as JSON: one string crosses faster than thousands
    of values); the nodes of those Python still holds come back to them."""
    ops, plans, flags, nodes = [], [], [], []
    _steps(plan, ops, plans, flags, nodes)
    if _MICROPYTHON and len(plans) > 64:
        gc.collect()  # let go of the elements no one holds (Pyodide already did)
    held = []
    for i, kid in enumerate(plans):
        element = kid[3]()
        ops[flags[i]] = 1 if element is None else 2
        if element is not None:
            held.append(element)
    made = _pyscript.runtime("build", json.dumps(ops), nodes)
    for i, element in enumerate(held):
        object.__setattr__(element, "_wait", None)
        element._wrap(made[i])


class Element:
    """A DOM element. ``Element(dom_element)`` wraps an existing node;
    without one, the subclass's tag is created (``div()`` makes a <div>)."""

    # Lower-case tag name -> the class that wraps elements with that tag.
    element_classes_by_tag_name = {}
    _wait = None  # see _plan
    _on_events = None  # the Events of on_<event> names, once one is used

    @classmethod
    def get_tag_name(cls):
        return cls.__name__.replace("_", "")

    @classmethod
    def register_element_classes(cls, element_classes):
        for element_class in element_classes:
            Element.element_classes_by_tag_name[element_class.get_tag_name()] = element_class

    @classmethod
    def unregister_element_classes(cls, element_classes):
        for element_class in element_classes:
            Element.element_classes_by_tag_name.pop(element_class.get_tag_name(), None)

    @classmethod
    def wrap_dom_element(cls, dom_element):
        """The wrapper of ``dom_element`` (None for null): the one already in
        use, else a new one of the class registered for its tag."""
        if is_none(dom_element):
            return None
        known = _wrappers.get(_pyscript.key(dom_element))
        if known is not None:
            return known
        tag = getattr(dom_element, "tagName", None)
        element_class = cls
        if isinstance(tag, str):
            element_class = Element.element_classes_by_tag_name.get(tag.lower(), cls)
        return element_class(dom_element=dom_element)

    def __init__(self, dom_element=None, classes=None, style=None, **kwargs):
        self._setup(dom_element, classes, style, kwargs, ())

    def _setup(self, dom_element, classes, style, kwargs, children):
        """Create the node unless given one, wrap it, then add ``classes``,
        set ``style`` and ``kwargs`` and append ``children`` (a container's),
        in that order; in a worker, in one request or later (see _plan)."""
        tag = _BUILDER and is_none(dom_element) and _tag(type(self))
        if tag:
            later = _plan(self, tag, classes, style, kwargs, children)
            if later:
                # Room for the node's attributes now: once thousands of small
                # objects are in its heap, MicroPython looks through all of
                # them for each block of more than 16 bytes, such as a larger
                # attribute table when thousands of elements are built.
                object.__setattr__(self, "_dom_element", None)
                object.__setattr__(self, "_key", None)
                del self._dom_element, self._key
                return
            if later is not None:
                try:
                    _build(self._wait)
                except BaseException:
                    _unclaim(self._wait[1])  # they stay free, as they were
                    raise
                _known_tags.add(tag)
                if not _html_known and any(isinstance(kid, str) for kid in children):
                    _html_known.append(True)
                return
        if is_none(dom_element):
            dom_element = document.createElement(self.get_tag_name())
        self._wrap(dom_element)
        self.update(classes=classes, style=style, **kwargs)
        for child in children:
            if isinstance(child, (Element, ElementCollection)):
                self.append(child)
            else:
                self._dom_element.insertAdjacentHTML("beforeend", child)

    def _wrap(self, dom_element):
        self._dom_element = dom_element
        self._key = _pyscript.key(dom_element)
        _wrappers.put(self._key, self)

    def __getattr__(self, name):
        # Only reached for names the class does not define, and for the
        # node of an element whose building waits (see _plan): now it is
        # built, with the element it waits in, if any.
        if name in ("_dom_element", "_key") and self._wait is not None:
            plan = self._wait
            while plan[0] is not None:
                plan = plan[0]
            _build(plan)
            return getattr(self, name)
        if name.startswith("_"):
            raise AttributeError(name)
        if name.startswith("on_"):
            return self.get_event(name)
        return getattr(self._dom_element, _dom_name(name))

    def __setattr__(self, name, value):
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        elif name.startswith("on_"):
            self.get_event(name).add_listener(value)
        elif isinstance(getattr(type(self), name, None), property):
            raise AttributeError(
                "'%s' of an element cannot be replaced: change it in place "
                "(e.g. el.classes.add(...), el.style[...] = ...) or use update()" % name
            )
        else:
            setattr(self._dom_element, _dom_name(name), value)

    def __eq__(self, other):
        return isinstance(other, Element) and self._key == other._key

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(self._key)

    def __getitem__(self, key):
        if isinstance(key, (int, slice)):
            return self.children[key]
        if isinstance(key, str):
            return _find_by_id(self._dom_element, key)
        raise TypeError(
            "Element indices must be integers, slices, or strings, not %s." % type(key).__name__
        )

    @property
    def children(self):
        return ElementCollection.wrap_dom_elements(self._dom_element.children)

    @property
    def parent(self):
        return Element.wrap_dom_element(self._dom_element.parentElement)

    @property
    def classes(self):
        return Classes(self)

    @property
    def style(self):
        return Style(self)

    def get_event(self, name):
        """The ``Event`` triggered by the DOM event ``name`` minus its "on_"
        (``on_click`` -> click), connected on first use."""
        if not name.startswith("on_"):
            raise ValueError("Event names must start with 'on_'.")
        if self._on_events is None:
            self._on_events = {}
        event = self._on_events.get(name)
        if event is None:
            event_name = name[3:]
            dom_element = self._dom_element
            if not (_has(dom_element, "on" + event_name) or _has(dom_element, event_name)):
                raise ValueError("Element has no '%s' event." % event_name)
            event = Event()
            self._on_events[name] = event
            dom_element.addEventListener(event_name, create_proxy(event.trigger))
        return event

    def append(self, *items):
        """Append elements, collections, DOM nodes, lists of any of those, or
        text (a str or number becomes a text node, never HTML)."""
        dom_element = self._dom_element
        for item in items:
            if isinstance(item, Element):
                dom_element.appendChild(item._dom_element)
            elif isinstance(item, ElementCollection):
                for element in item:
                    dom_element.appendChild(element._dom_element)
            elif isinstance(item, (list, tuple)):
                self.append(*item)
            elif isinstance(item, (str, int, float)):
                dom_element.append(item)
            elif not is_none(item) and (_has(item, "tagName") or _has(item, "nodeType")):
                dom_element.appendChild(item)
            elif not is_none(item) and _has(item, "length"):
                # A NodeList or HTMLCollection: copied first, because a live
                # collection loses each node as it moves.
                for node in [item[i] for i in range(item.length)]:
                    dom_element.appendChild(node)
            else:
                raise TypeError("Cannot append %s to element." % type(item).__name__)

    def clone(self, clone_id=None):
        """A deep copy of the element (not in the page), with id ``clone_id``
        when given."""
        copy = Element.wrap_dom_element(self._dom_element.cloneNode(True))
        if clone_id is not None:
            copy.id = clone_id
        return copy

    def find(self, selector):
        """The descendants matching the CSS ``selector``."""
        return _find_and_wrap(self._dom_element, selector)

    def show_me(self):
        self._dom_element.scrollIntoView()

    def update(self, classes=None, style=None, **kwargs):
        """Add ``classes`` (a str or iterable), set ``style`` (a dict of CSS
        properties) and set every keyword as an attribute."""
        if classes:
            self.classes.add(classes)
        if style:
            element_style = self.style
            for name, value in style.items():
                element_style[name] = value
        for name, value in kwargs.items():
            setattr(self, name, value)


class ContainerElement(Element):
    """An element with children: ``div(p("a"), "<b>html</b>", id="x")``.
    Positional children (and ``children=[...]``) are elements, collections
    or HTML strings."""

    def __init__(self, *args, children=None, dom_element=None, style=None, classes=None, **kwargs):
        self._setup(dom_element, classes, style, kwargs, args + tuple(children) if children else args)

    def __iter__(self):
        return iter(self.children)


class ElementCollection:
    """Elements in order: indexing, slicing, ``len``, iteration; a str key
    finds an element by id among them and their descendants."""

    def __init__(self, elements):
        self._elements = elements

    @classmethod
    def wrap_dom_elements(cls, dom_elements):
        return cls([Element.wrap_dom_element(dom_element) for dom_element in dom_elements])

    @property
    def elements(self):
        return self._elements

    def __len__(self):
        return len(self._elements)

    def __iter__(self):
        return iter(self._elements)

    def __eq__(self, other):
        return isinstance(other, ElementCollection) and self._elements == other._elements

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = None

    def __getitem__(self, key):
        if isinstance(key, int):
            return self._elements[key]
        if isinstance(key, slice):
            return ElementCollection(self._elements[key])
        if isinstance(key, str):
            wanted = key[1:] if key.startswith("#") else key
            for element in self._elements:
                if element._dom_element.id == wanted:
                    return element
                found = element[key]
                if found is not None:
                    return found
            return None
        raise TypeError(
            "Collection indices must be integers, slices, or strings, not %s" % type(key).__name__
        )

    def __repr__(self):
        return "%s (length: %d) %r" % (type(self).__name__, len(self._elements), self._elements)

    def find(self, selector):
        found = []
        for element in self._elements:
            found.extend(element.find(selector))
        return ElementCollection(found)

    def update_all(self, classes=None, style=None, **kwargs):
        for element in self._elements:
            element.update(classes=classes, style=style, **kwargs)


class Classes:
    """The element's classes as a set of names, read from the element each
    time: ``in``, ``len``, iteration, ``==`` a set; ``add``, ``remove``,
    ``discard``, ``toggle``, ``replace``, ``clear``, ``update``."""

    __hash__ = None

    def __init__(self, element):
        self._class_list = element._dom_element.classList

    def _names(self):
        return str(self._class_list.value).split()

    def __contains__(self, name):
        return name in self._names()

    def __iter__(self):
        return iter(self._names())

    def __len__(self):
        return len(self._names())

    def __eq__(self, other):
        try:
            return set(self._names()) == set(other)
        except TypeError:
            return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __repr__(self):
        return repr(set(self._names()))

    def add(self, *names):
        for name in _split_classes(names):
            self._class_list.add(name)

    update = add

    def remove(self, *names):
        """Remove the classes; one the element does not have is reported on
        the console, as in PyScript."""
        for name in _split_classes(names):
            if self._class_list.contains(name):
                self._class_list.remove(name)
            else:
                js.console.warn("Class '%s' not found in element classes." % name)

    def discard(self, *names):
        for name in _split_classes(names):
            self._class_list.remove(name)

    def toggle(self, name, force=None):
        if force is None:
            return bool(self._class_list.toggle(name))
        return bool(self._class_list.toggle(name, bool(force)))

    def replace(self, old, new):
        return bool(self._class_list.replace(old, new))

    def clear(self):
        self._class_list.value = ""


class Style:
    """The element's inline style as a dict of CSS property names
    ("background-color") to values, read from the element each time."""

    __hash__ = None

    def __init__(self, element):
        self._style = element._dom_element.style

    def __getitem__(self, name):
        value = self._style.getPropertyValue(name)
        if not value:
            raise KeyError(name)
        return value

    def __setitem__(self, name, value):
        self._style.setProperty(name, str(value))

    def __delitem__(self, name):
        if not self._style.getPropertyValue(name):
            raise KeyError(name)
        self._style.removeProperty(name)

    def __contains__(self, name):
        return bool(self._style.getPropertyValue(name))

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return int(self._style.length)

    def __eq__(self, other):
        try:
            return dict(self.items()) == dict(other)
        except (TypeError, ValueError):
            return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __repr__(self):
        return repr(dict(self.items()))

    def keys(self):
        style = self._style
        return [style.item(i) for i in range(int(style.length))]

    def values(self):
        return [value for _, value in self.items()]

    def items(self):
        style = self._style
        return [(name, style.getPropertyValue(name)) for name in self.keys()]

    def get(self, name, default=None):
        value = self._style.getPropertyValue(name)
        return value if value else default

    def update(self, *mappings, **properties):
        for mapping in mappings:
            for name, value in dict(mapping).items():
                self[name] = value
        for name, value in properties.items():
            self[name] = value

    def pop(self, name, *default):
        value = self.get(name)
        if value is None:
            if default:
                return default[0]
            raise KeyError(name)
        self._style.removeProperty(name)
        return value

    def remove(self, name):
        """Remove a property if set (PyScript 2024's spelling of del)."""
        self._style.removeProperty(name)


class Options:
    """The <option>s of a select, datalist or optgroup."""

    def __init__(self, element):
        self._element = element

    def _dom_options(self):
        dom_element = self._element._dom_element
        found = getattr(dom_element, "options", None)
        if is_none(found):  # an optgroup has no options collection
            found = dom_element.querySelectorAll("option")
        return found

    @property
    def options(self):
        return [Element.wrap_dom_element(dom_option) for dom_option in self._dom_options()]

    def __getitem__(self, key):
        return self.options[key]

    def __iter__(self):
        return iter(self.options)

    def __len__(self):
        return int(self._dom_options().length)

    def __repr__(self):
        options = self.options
        return "Options (length: %d) %r" % (len(options), options)

    @property
    def selected(self):
        """The selected option, or None."""
        index = getattr(self._element._dom_element, "selectedIndex", None)
        if isinstance(index, int):
            return self.options[index] if index >= 0 else None
        for candidate in self.options:
            if candidate._dom_element.selected:
                return candidate
        return None

    def add(self, value=None, html=None, text=None, before=None, **kwargs):
        """Add an option; ``before`` (an index, an option Element or DOM
        node) says where, else it goes last."""
        if value is not None:
            kwargs["value"] = value
        if html is not None:
            kwargs["innerHTML"] = html
        if text is not None:
            kwargs["text"] = text
        new_option = Element.element_classes_by_tag_name["option"](**kwargs)._dom_element
        if isinstance(before, Element):
            before = before._dom_element
        elif isinstance(before, int) and not isinstance(before, bool):
            dom_options = self._dom_options()
            before = dom_options[before] if 0 <= before < int(dom_options.length) else None
        if is_none(before):
            self._element._dom_element.appendChild(new_option)
        else:
            before.parentNode.insertBefore(new_option, before)

    def clear(self):
        for dom_option in [o for o in self._dom_options()]:
            dom_option.remove()

    def remove(self, index):
        self._dom_options()[index].remove()


class HasOptions:
    """Gives an element ``options`` (an ``Options``)."""

    @property
    def options(self):
        return Options(self)


class canvas(ContainerElement):
    def draw(self, what, width=None, height=None):
        """Draw an image source (an img, video or canvas, wrapped or not) at
        the top left, scaled to width x height when given."""
        if isinstance(what, Element):
            what = what._dom_element
        context = self._dom_element.getContext("2d")
        if width or height:
            context.drawImage(what, 0, 0, width, height)
        else:
            context.drawImage(what, 0, 0)

    def download(self, filename="snapped.png"):
        """Offer the canvas as a PNG download named ``filename``."""
        link = Element.element_classes_by_tag_name["a"](
            download=filename, href=self._dom_element.toDataURL()
        )
        self.append(link)  # inside a canvas it is never shown
        link._dom_element.click()
        link._dom_element.remove()


class video(ContainerElement):
    def snap(self, to=None, width=None, height=None):
        """Draw the current frame onto a canvas (a new one, a canvas element
        or the first match of a CSS selector) and return that canvas."""
        width = width or self._dom_element.videoWidth
        height = height or self._dom_element.videoHeight
        if to is None:
            to = canvas(width=width, height=height)
        else:
            if isinstance(to, str):
                found = document.querySelectorAll(to)
                if not int(found.length):
                    raise TypeError("No element with selector %s to snap to." % to)
                to = found[0]
            dom_element = to._dom_element if isinstance(to, Element) else to
            if getattr(dom_element, "tagName", None) != "CANVAS":
                raise TypeError("Element to snap to must be a canvas.")
            to = to if isinstance(to, canvas) else canvas(dom_element=dom_element)
        to.draw(self, width, height)
        return to


class datalist(ContainerElement, HasOptions):
    pass


class optgroup(ContainerElement, HasOptions):
    pass


class select(ContainerElement, HasOptions):
    pass


CONTAINER_TAGS = [
    "a", "abbr", "address", "article", "aside", "audio", "b", "blockquote", "body",
    "button", "caption", "cite", "code", "colgroup", "data", "dd", "del", "details",
    "dialog", "div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "html",
    "i", "iframe", "ins", "kbd", "label", "legend", "li", "main", "map", "mark",
    "menu", "meta", "meter", "nav", "object", "ol", "option", "output", "p", "param",
    "picture", "pre", "progress", "q", "s", "script", "section", "small", "span",
    "strong", "style", "sub", "summary", "sup", "table", "tbody", "td", "template",
    "textarea", "tfoot", "th", "thead", "time", "title", "tr", "u", "ul", "var", "wbr",
]  # fmt: skip

VOID_TAGS = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "source", "track"]

# Tags whose name is a Python keyword or builtin get a trailing "_".
_RENAMED = ("del", "map", "object", "input")


def _define_tag_classes():
    defined = [canvas, video, datalist, optgroup, select]
    for tags, base in ((CONTAINER_TAGS, ContainerElement), (VOID_TAGS, Element)):
        for tag in tags:
            name = tag + "_" if tag in _RENAMED else tag
            tag_class = type(name, (base,), {})
            globals()[name] = tag_class
            defined.append(tag_class)
    Element.register_element_classes(defined)


_define_tag_classes()


def wrap_dom_element(dom_element):
    """The wrapper of a DOM element (PyScript 2024's module-level name)."""
    return Element.wrap_dom_element(dom_element)


class Page:
    """The page: ``page["id"]`` (an Element or None), ``find(selector)``,
    ``title``, ``append``, and its ``html``, ``head`` and ``body``."""

    def __init__(self):
        self.html = Element.wrap_dom_element(document.documentElement)
        self.head = Element.wrap_dom_element(document.head)
        self.body = Element.wrap_dom_element(document.body)

    def __getitem__(self, key):
        if not isinstance(key, str):
            raise TypeError("Page indices must be element ids (strings), not %s." % type(key).__name__)
        return _find_by_id(document, key)

    @property
    def title(self):
        return document.title

    @title.setter
    def title(self, value):
        document.title = value

    def append(self, *items):
        self.body.append(*items)

    def find(self, selector):
        return _find_and_wrap(document, selector)


page = Page()
