"""``display()``: show Python values in the page, IPython style.

A value is rendered through the first representation it offers, in this order:
``_repr_mimebundle_``, ``savefig`` (matplotlib figures, as PNG), ``_repr_png_``,
``_repr_jpeg_``, ``_repr_svg_``, ``_repr_html_``, ``_repr_json_``,
``_repr_javascript_`` and finally ``repr()``. Strings and ``repr()`` text are
HTML-escaped; wrap markup in ``HTML(...)`` to insert it as HTML.
"""

import binascii
import io
import json

from pyscript.context import current_target, document
from pyscript.ffi import is_none

_TEXT = "text/plain"
_HTML = "text/html"
_PNG = "image/png"
_JPEG = "image/jpeg"
_SVG = "image/svg+xml"
_JSON = "application/json"
_JAVASCRIPT = "application/javascript"

_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"))


def _escape(text):
    for raw, entity in _ESCAPES:
        text = text.replace(raw, entity)
    return text


class HTML:
    """Mark a string as HTML so ``display()`` inserts it as markup, not text."""

    def __init__(self, html):
        self._html = html

    def _repr_html_(self):
        return self._html


# --- turning a value into (content, mime type) -------------------------------


def _base64(data):
    if isinstance(data, str):
        return data
    return binascii.b2a_base64(bytes(data)).decode().strip()


def _image(mime):
    def render(data, attributes):
        extra = ""
        for name, value in attributes.items():
            extra += " " + str(name) + '="' + _escape(str(value)) + '"'
        return '<img src="data:' + mime + ";base64," + _base64(data) + '"' + extra + ">"

    return render


def _as_json_text(data, attributes):
    return data if isinstance(data, str) else json.dumps(data)


def _unchanged(data, attributes):
    return str(data)


def _escaped(data, attributes):
    return _escape(str(data))


_RENDERERS = {
    _TEXT: _escaped,
    _HTML: _unchanged,
    _PNG: _image(_PNG),
    _JPEG: _image(_JPEG),
    _SVG: _unchanged,
    _JSON: _as_json_text,
    _JAVASCRIPT: _unchanged,
}


def _figure_png(figure):
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return _base64(buffer.getvalue())


# (attribute, mime type, how to get the data), tried in this order.
_REPRESENTATIONS = (
    ("savefig", _PNG, _figure_png),
    ("_repr_png_", _PNG, None),
    ("_repr_jpeg_", _JPEG, None),
    ("_repr_svg_", _SVG, None),
    ("_repr_html_", _HTML, None),
    ("_repr_json_", _JSON, None),
    ("_repr_javascript_", _JAVASCRIPT, None),
)


def _split_metadata(output):
    """Representations may return ``data`` or ``(data, metadata)``."""
    if isinstance(output, tuple) and len(output) == 2 and isinstance(output[1], dict):
        return output[0], dict(output[1])
    return output, {}


def _from_mimebundle(value):
    bundle_method = getattr(value, "_repr_mimebundle_", None)
    if bundle_method is None:
        return None
    bundle = bundle_method()
    if not bundle:
        return None
    formats, metadata = _split_metadata(bundle)
    for mime, output in formats.items():
        render = _RENDERERS.get(mime)
        if render is None:
            continue
        attributes = dict(metadata.get(mime, {}))
        data, own = _split_metadata(output)
        attributes.update(own)
        return render(data, attributes), mime
    return None


def _content_and_mime(value):
    if isinstance(value, str):
        return _escape(value), _TEXT
    found = _from_mimebundle(value)
    if found is not None:
        return found
    for attribute, mime, getter in _REPRESENTATIONS:
        method = getattr(value, attribute, None)
        if method is None:
            continue
        output = getter(value) if getter is not None else method()
        if output is None:
            continue
        data, attributes = _split_metadata(output)
        return _RENDERERS[mime](data, attributes), mime
    return _escape(repr(value)), _TEXT


# --- writing into the page ----------------------------------------------------


def _insert(container, content, mime):
    if mime == _JAVASCRIPT:
        # A script element created through the DOM runs when it is connected,
        # and its code cannot end the element early the way "</script>" in
        # markup could.
        script = document.createElement("script")
        script.textContent = content
        container.append(script)
    elif mime == _HTML:
        # Parsed as a fragment so that <script> tags inside the markup run.
        container.append(document.createRange().createContextualFragment(content))
    else:
        container.innerHTML = content


def _write(element, value, append):
    content, mime = _content_and_mime(value)
    if not content.strip():
        return
    if append:
        container = document.createElement("div")
        element.append(container)
    else:
        container = element
    _insert(container, content, mime)


def _find_element(target):
    if isinstance(target, str):
        if target.startswith("#"):
            target = target[1:]
    elif is_none(target):
        target = current_target()
    element = document.getElementById(target)
    if is_none(element):
        raise ValueError("Cannot find element with id='" + str(target) + "' in the page.")
    # A <script> element shows its output in the element it points at.
    if element.tagName == "SCRIPT" and hasattr(element, "target"):
        element = element.target
    return element


def display(*values, target=None, append=True):
    """Show each value in the element with id ``target`` (default: the running
    script's output element). With ``append=False`` the element is emptied
    first; otherwise each value goes into its own new ``<div>``."""
    element = _find_element(target)
    if not append:
        element.replaceChildren()
    for value in values:
        _write(element, value, append)
