# The page's objects from Python: the same code must behave the same on the
# main thread and in a worker, where every use is a synchronous call to the
# page through a proxy.

import js

from pyscript import RUNNING_IN_WORKER, document, window
from pyscript.ffi import create_proxy, is_none, to_js

from e2e_support import MICROPYTHON, fresh_element, raises, wait_until


def test_get_and_set_properties():
    element = fresh_element()
    element.title = "a title"
    assert element.title == "a title"
    element.dataset.answer = "42"
    assert element.getAttribute("data-answer") == "42"
    document.title = document.title + ""  # a string round trip on the document


def test_call_methods_with_arguments():
    element = fresh_element()
    element.setAttribute("data-x", "y")
    assert element.getAttribute("data-x") == "y"
    assert element.hasAttribute("data-x") is True
    child = document.createElement("span")
    element.appendChild(child)
    assert element.firstChild.tagName == "SPAN"


def test_methods_behave_as_methods_however_they_are_used():
    # In a worker, a method called once is known by its object's class, and
    # later calls take one request instead of two: that must not show.
    first, second = fresh_element(), fresh_element()
    for n in range(3):
        first.setAttribute("data-n", str(n))
        second.setAttribute("data-n", str(n * 10))
    assert first.getAttribute("data-n") == "2" and second.getAttribute("data-n") == "20"
    get_attribute = first.getAttribute  # taken now, called later
    assert get_attribute("data-n") == "2"
    # Handed back to the page, it is the page's own function again (not in
    # MicroPython, which turns a function read as an attribute into a bound
    # method of its own, main thread and worker alike).
    page_function = window.Reflect.get if MICROPYTHON else getattr
    method = page_function(second, "getAttribute")
    assert window.Reflect.apply(method, second, to_js(["data-n"])) == "20"
    # Replaced on one object by page code: the replacement runs there only.
    window.Reflect.set(second, "getAttribute", page_function(window, "String"))
    assert second.getAttribute("replaced") == "replaced"
    assert first.getAttribute("data-n") == "2"
    # Given a plain value on one object from here: that object has the value.
    second.hasAttribute = 5
    assert second.hasAttribute == 5
    assert first.hasAttribute("data-n") is True
    # Plain objects share no class: one's inherited method is not another's.
    proto = window.Object.new()
    window.Reflect.set(proto, "greet", window.Reflect.get(window, "String"))
    child = window.Object.create(proto)
    assert child.greet("hi") == "hi" and child.greet("again") == "again"
    other = window.Object.new()
    window.Reflect.set(other, "greet", 5)
    assert other.greet == 5


def test_new_builds_page_objects():
    event = window.CustomEvent.new("e2e", to_js({"detail": {"n": 1}}))
    assert event.type == "e2e"
    assert event.detail.n == 1
    date = window.Date.new(0)
    assert date.getTime() == 0


def test_primitives_travel_by_value():
    holder = window.Object.new()
    values = [("int", 7), ("negative", -3), ("float", 2.5), ("text", "héllo ✓"), ("yes", True), ("no", False)]
    for name, value in values:
        setattr(holder, name, value)
    for name, value in values:
        got = getattr(holder, name)
        assert got == value and type(got) is type(value), (name, got)
    holder.nothing = None
    assert is_none(holder.nothing)
    raises(AttributeError, lambda: holder.missing)


def test_big_numbers_keep_their_value():
    if MICROPYTHON:
        return  # MicroPython turns any integral JS number into a 32-bit int
    holder = window.Object.new()
    holder.big = 2**40
    assert holder.big == 2**40
    holder.huge = 1e300
    assert holder.huge == 1e300


def test_bigints_travel_both_ways():
    # A page BigInt comes back as what the interpreter makes of one, and
    # goes to the page as a BigInt again.
    assert window.String(window.eval("12345678901234567890n")) == "12345678901234567890"


def test_objects_travel_by_reference():
    body = document.body
    assert body == document.body
    first = fresh_element()
    first.dataset.mark = "one"
    # The same element found again is the same object, with the change.
    again = document.getElementById(first.id)
    assert again.dataset.mark == "one"
    again.dataset.mark = "two"
    assert first.dataset.mark == "two"


def test_dicts_and_lists_are_copied_to_the_page():
    holder = window.Object.new()
    holder.settings = to_js({"a": 1, "nested": {"b": [1, 2]}})
    assert holder.settings.a == 1
    assert holder.settings.nested.b[1] == 2
    holder.items = to_js([1, "two", 3.5])
    assert holder.items.length == 3
    assert holder.items[1] == "two"


def test_bytes_and_typed_arrays_travel_by_value():
    data = window.Uint8Array.new(to_js([1, 2, 250]))
    assert data.length == 3
    assert data[2] == 250
    floats = window.Float64Array.new(2)
    floats[1] = 1.5
    assert floats[1] == 1.5
    encoded = window.TextEncoder.new().encode("hé")
    assert encoded.length == 3


def test_in_and_delete():
    holder = window.Object.new()
    holder.present = 1
    assert hasattr(holder, "present")
    assert not hasattr(holder, "absent")
    js.Reflect.deleteProperty(holder, "present")
    assert not hasattr(holder, "present")
    if not MICROPYTHON:
        holder.gone = 1
        del holder.gone
        assert not hasattr(holder, "gone")
    items = window.Array.new()
    items.push("a", "b")
    assert items.includes("a")


def test_iteration_and_len():
    container = fresh_element("ul")
    container.innerHTML = "<li>a</li><li>b</li><li>c</li>"
    items = container.querySelectorAll("li")
    assert items.length == 3
    if not MICROPYTHON:  # MicroPython's proxies have no len()
        assert len(items) == 3
    assert [item.textContent for item in items] == ["a", "b", "c"]
    assert items[1].textContent == "b"
    texts = []
    for child in container.children:
        texts.append(child.textContent)
    assert texts == ["a", "b", "c"]


def test_a_page_exception_is_raised_in_python():
    if MICROPYTHON:
        return  # MicroPython cannot catch exceptions thrown by JavaScript
    error = raises(Exception, document.querySelector, "[[not a selector")
    assert "not a valid selector" in str(error), str(error)


async def test_a_python_function_as_event_handler_needs_no_create_proxy():
    button = fresh_element("button")
    seen = []

    def on_click(event):
        seen.append(event.type)

    button.onclick = on_click if RUNNING_IN_WORKER else create_proxy(on_click)
    button.click()
    assert await wait_until(lambda: len(seen) == 1), seen
    assert seen == ["click"]


async def test_add_event_listener_and_set_timeout_take_python_functions():
    button = fresh_element("button")
    seen = []

    def handler(event):
        seen.append(event.target.id)

    listener = handler if RUNNING_IN_WORKER else create_proxy(handler)
    button.addEventListener("click", listener)
    button.click()
    assert await wait_until(lambda: seen == [button.id]), seen

    fired = []

    def later():
        fired.append(1)

    window.setTimeout(later if RUNNING_IN_WORKER else create_proxy(later), 0)
    assert await wait_until(lambda: fired == [1]), fired


async def test_page_javascript_gets_what_a_python_function_returns():
    def double(x):
        return x * 2

    fn = double if RUNNING_IN_WORKER else create_proxy(double)
    assert await window.Promise.resolve(21).then(fn) == 42


def test_listener_invoke_options_run_on_the_page_synchronously():
    if not RUNNING_IN_WORKER:
        return  # a main-thread handler calls preventDefault itself, in time
    box = fresh_element("input")
    box.type = "checkbox"

    def on_click(event):
        pass

    box.addEventListener("click", on_click, to_js({"invoke": "preventDefault"}))
    box.click()
    # The default action (checking the box) was cancelled during click(),
    # before the worker could have run the handler.
    assert box.checked is False
