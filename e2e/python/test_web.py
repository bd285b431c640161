# pyscript.web: the same checks on the main thread and in a worker, where
# every use of an element is a synchronous call to the page.

import asyncio
import sys

from pyscript import RUNNING_IN_WORKER, document, web, when

from e2e_support import MICROPYTHON, fresh_element, raises, wait_until


def _container():
    """A fresh, empty <div> in the page, wrapped."""
    return web.page[fresh_element().id]


def test_page_finds_elements_by_id_with_or_without_hash():
    element = fresh_element()
    element.setAttribute("class", "web-find")
    by_id = web.page[element.id]
    assert isinstance(by_id, web.div)
    assert by_id._dom_element.id == element.id
    assert web.page["#" + element.id] is by_id
    assert web.page["no-such-id"] is None
    found = web.page.find("#" + element.id)
    assert len(found) == 1 and found[0] is by_id


def test_page_title_body_head_and_append():
    assert web.page.body._dom_element.tagName == "BODY"
    assert web.page.head._dom_element.tagName == "HEAD"
    assert web.page.html._dom_element.tagName == "HTML"
    before = web.page.title
    web.page.title = "web title"
    assert document.title == "web title" and web.page.title == "web title"
    web.page.title = before
    paragraph = web.p("appended to the page", id="web-page-append")
    web.page.append(paragraph)
    assert document.body.lastElementChild.id == "web-page-append"
    paragraph._dom_element.remove()


def test_the_same_node_gives_the_same_wrapper():
    container = _container()
    container.append(web.span(id="web-same-a"))
    first = web.page["web-same-a"]
    assert web.page["web-same-a"] is first
    assert container.find("span")[0] is first
    assert container.children[0] is first
    assert first.parent is container
    assert first == web.page.find("#web-same-a")[0]
    assert first != container
    assert len({first, web.page["web-same-a"]}) == 1  # usable in sets and as dict keys


def test_private_find_and_wrap_helpers_as_pyscript_has_them():
    # PyScript's own tests call these module-level helpers directly.
    from pyscript.ffi import jsnull

    container = _container()
    container.append(web.p("one", id="web-helper-a", classes="web-helper"), web.p("two", classes="web-helper"))
    outside = fresh_element("p")
    outside.setAttribute("class", "web-helper")
    node = container._dom_element
    found = web._find_by_id(node, "web-helper-a")
    assert isinstance(found, web.p) and found._dom_element.textContent == "one"
    assert web._find_by_id(node, "#web-helper-a") is found
    assert web._find_by_id(document, "web-helper-a") is found
    assert web._find_by_id(node, outside.id) is None  # only inside the node
    mine = web._find_and_wrap(node, ".web-helper")
    assert isinstance(mine, web.ElementCollection)
    assert [e._dom_element.textContent for e in mine] == ["one", "two"]
    assert len(web._find_and_wrap(document, ".web-helper")) == 3
    assert len(web._find_and_wrap(node, ".web-nothing-has-this")) == 0
    assert web._wrap_if_not_none(node) is container
    assert web._wrap_if_not_none(None) is None
    assert web._wrap_if_not_none(jsnull) is None


def test_tag_classes_create_elements_with_children_and_attributes():
    element = web.div(
        web.h1("Title", id="web-title"),
        "<b>bold</b>",
        web.p("Second"),
        id="web-created",
        title="a tooltip",
        classes=["one", "two"],
        style={"color": "red"},
    )
    assert isinstance(element, web.ContainerElement)
    dom = element._dom_element
    assert dom.tagName == "DIV"
    assert dom.id == "web-created" and dom.title == "a tooltip"
    assert [child.tagName for child in dom.children] == ["H1", "B", "P"]
    assert dom.querySelector("b").textContent == "bold"  # a str child is HTML
    assert dom.className == "one two"
    assert dom.style.color == "red"
    assert element.parent is None
    assert web.div.get_tag_name() == "div" and web.del_.get_tag_name() == "del"


def test_renamed_and_void_tags():
    assert web.del_()._dom_element.tagName == "DEL"
    assert web.map_()._dom_element.tagName == "MAP"
    assert web.object_()._dom_element.tagName == "OBJECT"
    field = web.input_(type="text", value="typed", name="who")
    assert field._dom_element.tagName == "INPUT"
    assert field.value == "typed" and field.name == "who"
    assert not isinstance(field, web.ContainerElement)
    assert "img" in web.VOID_TAGS and "div" in web.CONTAINER_TAGS
    for tag in web.CONTAINER_TAGS + web.VOID_TAGS:
        name = tag + "_" if tag in ("del", "map", "object", "input") else tag
        assert getattr(web, name).get_tag_name() == tag


def test_keywords_with_a_trailing_underscore_and_dom_names():
    label = web.label("Name", for_="web-name", class_="tag")
    assert label._dom_element.htmlFor == "web-name"
    assert label._dom_element.className == "tag"
    assert label.for_ == "web-name" and label.htmlFor == "web-name"


def test_unknown_attributes_pass_through_to_the_dom():
    container = _container()
    container.innerHTML = "<i>italic</i>"
    assert container._dom_element.innerHTML == "<i>italic</i>"
    container.textContent = "<b>New Content</b>"
    assert container.innerHTML == "&lt;b&gt;New Content&lt;/b&gt;"
    container.setAttribute("data-x", "y")  # a DOM method
    assert container.getAttribute("data-x") == "y"


def test_append_elements_nodes_collections_lists_and_text():
    container = _container()
    container.append(web.p("one", id="web-app-1"))
    raw = document.createElement("p")
    raw.id = "web-app-2"
    container.append(raw)
    container.append(web.ElementCollection([web.p("three"), web.p("four")]))
    container.append([web.p("five"), (web.p("six"),)])
    source = web.div(web.p("seven"), web.p("eight"))
    container.append(source._dom_element.children)  # a live HTMLCollection
    container.append("<b>text</b>", 9, 1.5)
    dom = container._dom_element
    assert dom.children.length == 8
    assert [c.tagName for c in dom.children] == ["P"] * 8
    assert source._dom_element.children.length == 0
    assert dom.lastChild.nodeType == 3  # text, not HTML
    assert dom.textContent.endswith("<b>text</b>91.5")


def test_append_rejects_what_is_not_an_element():
    container = _container()
    error = raises(TypeError, container.append, None)
    assert str(error) == "Cannot append NoneType to element."
    error = raises(TypeError, container.append, {"a": 1})
    assert str(error) == "Cannot append dict to element."


def test_indexing_elements_and_collections():
    container = web.page[fresh_element().id]
    container.append(web.p("a", id="web-ix-a"), web.div(web.span("b", id="web-ix-b")), web.p("c"))
    assert container[0] is web.page["web-ix-a"]
    assert len(container[1:]) == 2
    assert container[-1]._dom_element.textContent == "c"
    assert container["web-ix-b"] is web.page["web-ix-b"]
    assert container["#web-ix-b"] is web.page["web-ix-b"]
    assert container["nowhere"] is None
    error = raises(TypeError, lambda: container[1.5])
    assert str(error) == "Element indices must be integers, slices, or strings, not float."
    collection = container.children
    assert collection["web-ix-a"] is web.page["web-ix-a"]  # an element's own id
    assert collection["web-ix-b"] is web.page["web-ix-b"]  # a descendant
    assert collection[:] == collection
    error = raises(TypeError, lambda: collection[None])
    assert str(error) == "Collection indices must be integers, slices, or strings, not NoneType"


def test_collections_find_iterate_and_update_all():
    container = _container()
    container.append(web.p("x", classes="web-multi"), web.div("y", classes="web-multi"), web.h2("z", classes="web-multi"))
    found = container.find(".web-multi")
    assert len(found) == 3 and list(found) == found.elements
    assert [e._dom_element.tagName for e in found] == ["P", "DIV", "H2"]
    found.update_all(innerHTML="same", classes="all", style={"color": "blue"})
    for element in found:
        assert element._dom_element.innerHTML == "same"
        assert "all" in element.classes
        assert element._dom_element.style.color == "blue"
    assert repr(found).startswith("ElementCollection (length: 3)")
    assert len(web.page.find(".web-nothing-has-this")) == 0


def test_classes_are_a_live_set_of_names():
    element = web.div(classes="a b")
    classes = element.classes
    assert classes == {"a", "b"} and len(classes) == 2 and "a" in classes
    classes.add("c d")
    assert element._dom_element.className == "a b c d"
    element._dom_element.classList.add("e")  # changed by other code: seen
    assert "e" in element.classes
    classes.remove("a")
    classes.remove("not-there")  # PyScript warns on the console, no exception
    classes.discard("b", "not-there-either")
    assert set(element.classes) == {"c", "d", "e"}
    assert classes.toggle("c") is False and "c" not in classes
    classes.clear()
    assert len(classes) == 0 and element._dom_element.className == ""


def test_style_is_a_dict_of_css_properties():
    element = web.div(style={"background-color": "red"})
    style = element.style
    assert style["background-color"] == "red"
    style["margin-top"] = "3px"
    assert element._dom_element.style.marginTop == "3px"
    assert "margin-top" in style and style.get("padding") is None
    assert dict(style.items()) == {"background-color": "red", "margin-top": "3px"}
    del style["background-color"]
    assert element._dom_element.style.backgroundColor == ""
    raises(KeyError, lambda: style["background-color"])

    def delete_unset():
        del style["color"]

    raises(KeyError, delete_unset)
    raises(AttributeError, setattr, element, "style", {})  # not silently a DOM expando


def test_update_sets_classes_style_and_attributes():
    element = web.p("x")
    element.update(classes=["u1", "u2 u3"], style={"color": "green"}, title="t", id="web-upd")
    dom = element._dom_element
    assert dom.className == "u1 u2 u3" and dom.style.color == "green"
    assert dom.title == "t" and dom.id == "web-upd"


def test_clone_copies_deeply_with_a_new_id():
    original = web.div(web.span("inside"), id="web-orig", classes="k")
    copy = original.clone("web-copy")
    assert copy is not original and copy != original
    assert copy._dom_element.id == "web-copy" and copy.parent is None
    assert copy._dom_element.innerHTML == original._dom_element.innerHTML
    assert "k" in copy.classes


async def test_on_event_attributes_and_when():
    container = _container()
    seen = []
    button = web.button("go", on_click=lambda event: seen.append("kwarg:" + event.type))
    container.append(button)
    button.on_click = lambda event: seen.append("assigned")  # adds, does not replace
    assert isinstance(button.on_click, web.Event)

    @when(button.on_click)
    def decorated(event):
        seen.append("when-event")

    @when("click", button)
    def on_dom(event):
        seen.append("when-element")

    button.click()
    assert await wait_until(lambda: len(seen) == 4)
    assert sorted(seen) == ["assigned", "kwarg:click", "when-element", "when-event"]
    error = raises(ValueError, lambda: button.on_chicken)
    assert str(error) == "Element has no 'chicken' event."
    error = raises(ValueError, button.get_event, "click")
    assert str(error) == "Event names must start with 'on_'."
    field = web.input_()
    assert isinstance(field.on_input, web.Event)  # events named by on<event> too


async def test_when_on_a_collection():
    container = _container()
    container.append(web.button("1", classes="web-btn"), web.button("2", classes="web-btn"))
    clicked = []

    @when("click", container.find(".web-btn"))
    def handler(event):
        clicked.append(event.target.textContent)

    for button in container.find(".web-btn"):
        button.click()
    assert await wait_until(lambda: len(clicked) == 2)
    assert sorted(clicked) == ["1", "2"]


def test_select_options():
    chooser = web.select(id="web-select")
    _container().append(chooser)
    options = chooser.options
    options.add(value="1", html="Option 1")
    options.add("")
    options.add(value="2", html="Option 2", before=1)
    third = options.add(value="3", html="Option 3", before=options[2], selected=True)
    assert third is None
    options.add(value="2a", html="Option 2a", before=options[2]._dom_element)
    assert [o.value for o in options] == ["1", "2", "2a", "3", ""]
    assert len(options) == 5
    assert options.selected.value == "3" and options.selected is options[3]
    options.remove(1)
    assert [o.value for o in options] == ["1", "2a", "3", ""]
    assert repr(options).startswith("Options (length: 4)")
    options.clear()
    assert len(options) == 0 and options.selected is None


def test_datalist_options():
    suggestions = web.datalist()
    suggestions.options.add(value="x")
    suggestions.options.add(value="y", before=0)
    assert [o.value for o in suggestions.options] == ["y", "x"]


def test_canvas_draw_and_video_snap_errors():
    source = web.canvas(width=4, height=4)
    context = source._dom_element.getContext("2d")
    context.fillStyle = "rgb(255, 0, 0)"
    context.fillRect(0, 0, 4, 4)
    target = web.canvas(width=4, height=4)
    target.draw(source)
    pixel = target._dom_element.getContext("2d").getImageData(1, 1, 1, 1).data
    assert [pixel[0], pixel[1], pixel[2], pixel[3]] == [255, 0, 0, 255]
    clip = web.video()
    error = raises(TypeError, clip.snap, web.div())
    assert str(error) == "Element to snap to must be a canvas."
    error = raises(TypeError, clip.snap, "#web-no-such-canvas")
    assert str(error) == "No element with selector #web-no-such-canvas to snap to."
    snapped = clip.snap(to=target, width=4, height=4)  # no frame yet: draws nothing
    assert snapped is target


def test_wrap_dom_element_and_custom_element_classes():
    raw = document.createElement("section")
    wrapped = web.wrap_dom_element(raw)
    assert isinstance(wrapped, web.section) and web.Element.wrap_dom_element(raw) is wrapped
    assert web.wrap_dom_element(None) is None

    class fancy_box(web.ContainerElement):
        pass

    web.Element.register_element_classes([fancy_box])
    try:
        assert fancy_box()._dom_element.tagName == "FANCYBOX"
        assert isinstance(web.wrap_dom_element(document.createElement("fancybox")), fancy_box)
    finally:
        web.Element.unregister_element_classes([fancy_box])
    assert type(web.wrap_dom_element(document.createElement("fancybox"))) is web.Element


async def test_a_container_iterates_its_children_and_builds_a_table():
    rows = [web.tr(web.td(str(i)), web.td(str(i * i))) for i in range(20)]
    table = web.table(web.tbody(*rows))
    _container().append(table)
    body = table.find("tbody")[0]
    assert len(list(body)) == 20
    assert body[19].find("td")[1]._dom_element.textContent == "361"
    await asyncio.sleep(0)


# In a worker an element is made in one request to the page, or later, when
# its node is first needed (see web.py's _plan): the same elements, in the
# same order, as on the main thread.


def _card(n):
    return web.div(
        web.h2("Title " + str(n), classes=["head", "big"], style={"color": "red"}),
        "<b>bold</b> text",
        web.p("plain text", classes="body"),
        web.ElementCollection([web.span("a"), web.span("b")]),
        "tail",
        classes="card",
        style={"margin-top": "2px", "padding": 1},
    )


def test_classes_style_attributes_and_children_in_order():
    first, second = _card(1), _card(1)  # the second one made after its tags are known
    for card in (first, second):
        dom = card._dom_element
        assert dom.className == "card"
        assert dom.style.marginTop == "2px" and dom.style.padding == ""  # "1" is no valid padding
        assert [c.tagName for c in dom.children] == ["H2", "B", "P", "SPAN", "SPAN"]
        assert dom.textContent == "Title 1bold textplain textabtail"
        head = dom.children[0]
        assert head.className == "head big" and head.style.color == "red"
    assert first._dom_element.outerHTML == second._dom_element.outerHTML
    labelled = web.label(web.span("x"), for_="web-for", title="t", id="web-attr-order", hidden=True, tabIndex=3)
    dom = labelled._dom_element
    assert dom.htmlFor == "web-for" and dom.title == "t" and dom.id == "web-attr-order"
    assert dom.hidden is True and dom.tabIndex == 3
    assert dom.firstElementChild.tagName == "SPAN"
    # A property set before the children, as on the main thread: no option
    # had the value yet.
    chooser = web.select(web.option("a", value="a"), web.option("b", value="b"), value="b")
    assert chooser._dom_element.value == "a"


def test_an_element_made_before_its_node_is_needed_is_the_one_in_the_page():
    container = _container()
    web.table(web.tbody(web.tr(web.td("known"))))
    cells = [[web.td(str(row)), web.td("x", classes=["cell"])] for row in range(3)]
    rows = [web.tr(*row_cells) for row_cells in cells]
    body = web.tbody(*rows)
    table = web.table(body)
    if RUNNING_IN_WORKER:  # the tags are known by now: nothing is built yet
        assert cells[2][1]._wait is not None and table._wait is not None
    container.append(table)
    found = container.find("td")
    assert len(found) == 6
    assert found[0] is cells[0][0] and found[5] is cells[2][1]
    assert found[1] == cells[0][1] and found[1] != cells[0][0]
    assert cells[1][0].parent is rows[1] and rows[1].parent is body and body.parent is table
    assert container.find("tr")[2] is rows[2]
    assert "cell" in cells[2][1].classes
    assert web.page[container._dom_element.id].find("tbody")[0] is body


async def test_a_child_made_earlier_is_built_when_it_is_first_used():
    container = _container()
    cell = web.td("first")
    web.tr(web.td("other"))
    row = web.tr(cell, web.td("second"))
    seen = []
    cell.on_click = lambda event: seen.append(event.target.textContent)  # before the row is in the page
    assert cell.parent is row
    container.append(web.table(web.tbody(row)))
    cell._dom_element.click()
    row.children[1]._dom_element.click()
    assert await wait_until(lambda: len(seen) == 1)
    assert seen == ["first"]

    later = web.td("later")
    container.find("tr")[0].append(later)
    clicked = []

    @when("click", later)
    def on_later(event):
        clicked.append(event.target.textContent)

    container.find("td")[-1]._dom_element.click()
    assert await wait_until(lambda: len(clicked) == 1)
    assert clicked == ["later"] and container.find("td")[-1] is later


def test_a_child_given_twice_or_to_two_parents_moves_as_it_does_on_the_page():
    child = web.span("moving")
    first = web.div(child)
    second = web.div(child)
    assert first._dom_element.children.length == 0
    assert child.parent is second
    twice = web.span("twice")
    holder = web.div(twice, "<i>i</i>", twice)
    assert [c.tagName for c in holder._dom_element.children] == ["I", "SPAN"]
    waiting = web.span("waiting")
    outer = web.div(web.div(waiting))
    taken = web.p(waiting, id="web-taken")
    assert waiting.parent is taken and outer._dom_element.textContent == ""


def _line():
    return sys._getframe(1).f_lineno


def test_an_error_while_building_is_raised_where_the_element_is_made():
    if MICROPYTHON:
        return  # MicroPython cannot catch JavaScript exceptions: specs/web.spec.mjs shows what users see

    import traceback

    class bad_tag(web.ContainerElement):
        @classmethod
        def get_tag_name(cls):
            return "bad tag"

    kid = web.span("kid")
    made = []
    try:
        line = _line() + 1
        made.append(bad_tag(kid, classes="x"))
        made.append("not reached")
    except Exception as error:
        assert "InvalidCharacterError" in str(error) and "createElement" in str(error), str(error)
        here = [f for f in traceback.extract_tb(error.__traceback__) if f.name == sys._getframe().f_code.co_name]
        assert here and here[-1].lineno == line, (line, here)
    assert made == []
    holder = web.div(kid)  # the element that failed did not keep it
    assert kid.parent is holder
    error = raises(Exception, web.input_, type="file", value="C:\\x")
    assert "InvalidStateError" in str(error), str(error)
    assert web.input_(type="file")._dom_element.type == "file"
