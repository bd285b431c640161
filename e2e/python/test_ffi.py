# pyscript.ffi: to_js, create_proxy, is_none, jsnull, assign, direct.

import json

import js

from pyscript import document, window
from pyscript.ffi import assign, create_proxy, direct, is_none, jsnull, to_js


def _kind(value):
    return js.Object.prototype.toString.call(value)


def test_to_js_turns_dicts_into_plain_objects():
    converted = to_js({"a": 1, "nested": {"b": [1, 2]}, "text": "x"})
    assert _kind(converted) == "[object Object]", _kind(converted)
    assert _kind(converted.nested) == "[object Object]"
    assert converted.a == 1
    assert converted.nested.b.length == 2
    data = json.loads(js.JSON.stringify(converted))
    assert data == {"a": 1, "nested": {"b": [1, 2]}, "text": "x"}, data


def test_to_js_accepts_pyodide_options_in_both_interpreters():
    # Code written for Pyodide often passes dict_converter explicitly.
    converted = to_js({"k": "v"}, dict_converter=js.Object.fromEntries)
    assert _kind(converted) == "[object Object]", _kind(converted)
    assert converted.k == "v"


def test_to_js_turns_lists_into_arrays():
    converted = to_js([1, "two", 3.5])
    assert js.Array.isArray(converted)
    assert json.loads(js.JSON.stringify(converted)) == [1, "two", 3.5]


def test_is_none():
    assert is_none(None)
    assert is_none(jsnull)
    assert is_none(document.getElementById("e2e-there-is-no-such-element"))
    assert not is_none(0)
    assert not is_none("")
    assert not is_none(False)
    assert not is_none(document.body)


def test_jsnull_is_what_javascript_null_becomes():
    assert is_none(js.JSON.parse("null"))
    assert js.JSON.stringify(jsnull) == "null"


def test_assign_copies_dicts_onto_a_js_object():
    target = js.Object.new()
    result = assign(target, {"a": 1}, {"b": "two", "c": {"d": True}})
    assert result is target
    assert target.a == 1
    assert target.b == "two"
    assert target.c.d is True


def test_assign_copies_dicts_onto_a_page_object():
    target = window.Object.new()  # in a worker: an object of the page
    result = assign(target, {"a": 1, "list": [1, "x"]}, {"a": 2, "nested": {"ok": True}})
    assert result is target
    assert target.a == 2
    assert list(target.list) == [1, "x"]
    assert target.nested.ok is True
    assert window.Object.keys(target).length == 3


def test_create_proxy_can_be_called_by_javascript_repeatedly():
    calls = []

    def double(value, *rest):
        calls.append(value)
        return value * 2

    proxy = create_proxy(double)
    doubled = js.Array.of(1, 2, 3).map(proxy)
    assert list(doubled) == [2, 4, 6], list(doubled)
    assert js.Reflect.apply(proxy, None, to_js([21])) == 42
    assert calls == [1, 2, 3, 21], calls


def test_direct_is_identity_on_the_main_thread():
    value = {"a": 1}
    assert direct(value) is value
    assert direct(document.body).tagName == "BODY"


def test_gather_and_query_read_dotted_paths():
    # In a worker each is one round trip to the page, however many paths.
    from pyscript.ffi import gather, query

    element = document.createElement("div")
    element.title = "a title"
    element.dataset.count = "3"
    assert gather(element, "title", "dataset.count", "tagName") == ["a title", "3", "DIV"]
    assert is_none(gather(element, "no.such.path")[0])
    assert query(document, "body.tagName") == "BODY"
    assert is_none(query(document, "nothing.here"))
