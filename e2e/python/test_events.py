# pyscript.when and pyscript.Event, with real DOM clicks.

from pyscript import Event, when
from pyscript.util import is_awaitable

from e2e_support import fresh_element, raises, wait_until


# In a worker the page delivers DOM events asynchronously: tests wait for
# the handlers instead of expecting them to have run when click() returns.


async def test_when_css_selector_passes_the_event():
    button = fresh_element("button")
    seen = []

    @when("click", "#" + button.id)
    def on_click(event):
        seen.append((event.type, event.target.id))

    button.click()
    assert await wait_until(lambda: len(seen) == 1), seen
    assert seen == [("click", button.id)], seen


async def test_when_handler_without_arguments():
    button = fresh_element("button")
    calls = []

    @when("click", "#" + button.id)
    def on_click():
        calls.append(1)

    button.click()
    button.click()
    assert await wait_until(lambda: len(calls) == 2), calls
    assert calls == [1, 1], calls


def test_when_returns_a_callable_handler():
    button = fresh_element("button")
    calls = []

    @when("click", "#" + button.id)
    def on_click():
        calls.append("called")

    assert callable(on_click)
    on_click()
    assert calls == ["called"]


async def test_when_async_handler_with_event():
    button = fresh_element("button")
    seen = []

    @when("click", "#" + button.id)
    async def on_click(event):
        seen.append(event.type)

    assert is_awaitable(on_click)  # still an async function after decorating
    button.click()
    assert await wait_until(lambda: seen == ["click"]), seen


async def test_when_async_handler_without_arguments():
    button = fresh_element("button")
    calls = []

    @when("click", "#" + button.id)
    async def on_click():
        calls.append(1)

    button.click()
    assert await wait_until(lambda: calls == [1]), calls


async def test_when_selector_matching_several_elements():
    container = fresh_element()
    container.innerHTML = "<button class='many'>a</button><button class='many'>b</button>"
    clicked = []

    @when("click", "#" + container.id + " .many")
    def on_click(event):
        clicked.append(event.target.textContent)

    for button in container.querySelectorAll(".many"):
        button.click()
    assert await wait_until(lambda: len(clicked) == 2), clicked
    assert clicked == ["a", "b"], clicked


async def test_when_with_an_element_and_a_list_of_elements():
    first = fresh_element("button")
    second = fresh_element("button")
    single, listed = [], []

    @when("click", first)
    def on_first(event):
        single.append(event.target.id)

    @when("click", [first, second])
    def on_either(event):
        listed.append(event.target.id)

    first.click()
    second.click()
    assert await wait_until(lambda: len(listed) == 2), listed
    assert single == [first.id], single
    assert listed == [first.id, second.id], listed


async def test_when_passes_listener_options():
    button = fresh_element("button")
    calls = []

    @when("click", "#" + button.id, once=True)
    def on_click():
        calls.append(1)

    button.click()
    button.click()
    assert await wait_until(lambda: len(calls) == 1), calls
    await wait_until(lambda: len(calls) > 1, timeout=0.2)
    assert calls == [1], calls


async def test_when_custom_dom_event():
    element = fresh_element()
    details = []

    @when("e2e-ping", "#" + element.id)
    def on_ping(event):
        details.append(event.type)

    from pyscript import window

    element.dispatchEvent(window.Event.new("e2e-ping"))
    assert await wait_until(lambda: len(details) == 1), details
    assert details == ["e2e-ping"], details


async def test_when_methods_and_callable_objects():
    button = fresh_element("button")

    class Counter:
        def __init__(self):
            self.with_event = 0
            self.without_event = 0
            self.called = 0

        def count(self, event):
            self.with_event += 1

        def count_plain(self):
            self.without_event += 1

        def __call__(self, event):
            self.called += 1

    counter = Counter()
    when("click", "#" + button.id)(counter.count)
    when("click", "#" + button.id)(counter.count_plain)
    when("click", "#" + button.id)(counter)
    button.click()
    counts = lambda: (counter.with_event, counter.without_event, counter.called)  # noqa: E731
    assert await wait_until(lambda: counts() == (1, 1, 1)), counts()


def test_when_requires_a_selector_for_dom_events():
    error = raises(ValueError, when, "click")
    assert str(error) == "Selector required for DOM event handling."
    error = raises(ValueError, when, "click", "")
    assert str(error) == "Selector required for DOM event handling."


def test_when_reports_selectors_that_match_nothing():
    error = raises(ValueError, when, "click", "#e2e-no-such-button")
    assert str(error) == "No elements found for selector: #e2e-no-such-button", str(error)


def test_event_trigger_calls_listeners_with_the_result():
    event = Event()
    received = []

    def listener(result):
        received.append(result)

    event.add_listener(listener)
    event.add_listener(listener)  # added once only
    event.trigger("payload")
    assert received == ["payload"], received


def test_event_remove_listener():
    event = Event()
    received = []

    def first(result):
        received.append(("first", result))

    def second(result):
        received.append(("second", result))

    event.add_listener(first)
    event.add_listener(second)
    event.remove_listener(first)
    event.trigger(1)
    event.remove_listener()
    event.trigger(2)
    assert received == [("second", 1)], received


def test_event_rejects_listeners_that_are_not_callable():
    error = raises(ValueError, Event().add_listener, "not callable")
    assert str(error) == "Listener must be callable."


async def test_event_async_listener_is_scheduled():
    event = Event()
    received = []

    async def listener(result):
        received.append(result)

    event.add_listener(listener)
    event.trigger("later")
    assert await wait_until(lambda: received == ["later"]), received


async def test_when_with_event_instances():
    one, two = Event(), Event()
    plain, with_result, async_calls = [], [], []

    @when(one)
    def no_argument():
        plain.append(1)

    @when([one, two])
    def takes_result(result):
        with_result.append(result)

    @when(two)
    async def async_handler(result):
        async_calls.append(result)

    one.trigger("a")
    two.trigger("b")
    assert plain == [1], plain
    assert with_result == ["a", "b"], with_result
    assert await wait_until(lambda: async_calls == ["b"]), async_calls
    one.remove_listener(no_argument)
    one.trigger("c")
    assert plain == [1], plain


async def test_when_stacked_on_one_function_fires_it_for_each():
    one, two = Event(), Event()
    results, no_argument, async_results = [], [], []

    @when(one)
    @when(two)
    def with_result(result):
        results.append(result)

    @when(one)
    @when(two)
    def without_argument():
        no_argument.append(1)

    @when(one)
    @when(two)
    async def async_with_result(result):
        async_results.append(result)

    one.trigger("a")
    two.trigger("b")
    assert results == ["a", "b"], results
    assert no_argument == [1, 1], no_argument
    assert await wait_until(lambda: sorted(async_results) == ["a", "b"]), async_results

    button = fresh_element("button")
    clicks = []

    @when("click", "#" + button.id)
    @when("click", "#" + button.id)
    def on_click(event):
        clicks.append(event.type)

    button.click()
    assert await wait_until(lambda: len(clicks) == 2), clicks
    assert clicks == ["click", "click"], clicks
