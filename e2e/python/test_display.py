# pyscript.display and HTML, checked through the real DOM.

import base64

from pyscript import HTML, display, document
from pyscript.ffi import is_none

from e2e_context import START
from e2e_support import child_tags, fresh_element, raises


def test_default_target_is_the_running_script_output():
    assert START["default_display_error"] == "", START["default_display_error"]
    probe = document.getElementById("e2e-default-display")
    assert not is_none(probe), "nothing was displayed without a target"
    assert probe.textContent == "shown by default"
    assert probe.parentElement.tagName == "DIV"
    assert probe.parentElement.parentElement.id == START["target"]


def test_text_is_escaped_inside_a_new_div():
    element = fresh_element()
    display("a <b>bold</b> & 'quoted' \"text\"", target=element.id)
    assert child_tags(element) == ["DIV"], child_tags(element)
    assert is_none(element.querySelector("b"))
    assert element.textContent == "a <b>bold</b> & 'quoted' \"text\"", element.textContent
    assert element.innerHTML == (
        "<div>a &lt;b&gt;bold&lt;/b&gt; &amp; 'quoted' \"text\"</div>"
    ), element.innerHTML


def test_target_may_start_with_a_hash():
    element = fresh_element()
    display("hash", target="#" + element.id)
    assert element.textContent == "hash"


def test_each_value_gets_its_own_div_in_order():
    element = fresh_element()
    display("one", "two", 3, target=element.id)
    assert child_tags(element) == ["DIV", "DIV", "DIV"], child_tags(element)
    assert [child.textContent for child in element.children] == ["one", "two", "3"]


def test_append_keeps_earlier_output():
    element = fresh_element()
    display("first", target=element.id)
    display("second", target=element.id)
    assert [child.textContent for child in element.children] == ["first", "second"]


def test_append_false_replaces_the_content():
    element = fresh_element()
    element.innerHTML = "<p>old</p><p>older</p>"
    display("new", target=element.id, append=False)
    assert element.innerHTML == "new", element.innerHTML


def test_append_false_without_values_clears():
    element = fresh_element()
    element.innerHTML = "<p>old</p>"
    display(target=element.id, append=False)
    assert element.innerHTML == ""


def test_html_is_inserted_as_markup():
    element = fresh_element()
    display(HTML("<b class='strong'>bold</b> text"), target=element.id)
    bold = element.querySelector("div > b.strong")
    assert bold.textContent == "bold"
    assert element.textContent == "bold text"


def test_scripts_inside_html_run():
    element = fresh_element()
    code = "document.getElementById('%s').setAttribute('data-ran', 'html');" % element.id
    display(HTML("<script>" + code + "</script>"), target=element.id)
    assert element.getAttribute("data-ran") == "html"


def test_repr_javascript_runs():
    element = fresh_element()

    class Code:
        def _repr_javascript_(self):
            return "document.getElementById('%s').setAttribute('data-ran', 'js');" % element.id

    display(Code(), target=element.id)
    assert element.getAttribute("data-ran") == "js"


def test_repr_html_object():
    element = fresh_element()

    class Card:
        def _repr_html_(self):
            return "<section><h2>Title</h2></section>"

    display(Card(), target=element.id)
    assert element.querySelector("section h2").textContent == "Title"


def test_repr_svg_object():
    element = fresh_element()

    class Circle:
        def _repr_svg_(self):
            return '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><circle r="2"/></svg>'

    display(Circle(), target=element.id)
    assert not is_none(element.querySelector("svg circle"))
    assert element.querySelector("svg").getAttribute("width") == "4"


PNG_BYTES = b"\x89PNG fake image bytes"


def test_repr_png_bytes_become_a_data_url_image():
    element = fresh_element()

    class Picture:
        def _repr_png_(self):
            return PNG_BYTES

    display(Picture(), target=element.id)
    image = element.querySelector("img")
    expected = "data:image/png;base64," + base64.b64encode(PNG_BYTES).decode()
    assert image.getAttribute("src") == expected, image.getAttribute("src")


def test_repr_jpeg_base64_text_with_metadata():
    element = fresh_element()

    class Photo:
        def _repr_jpeg_(self):
            return "AAAA", {"width": 10, "alt": "a photo"}

    display(Photo(), target=element.id)
    image = element.querySelector("img")
    assert image.getAttribute("src") == "data:image/jpeg;base64,AAAA"
    assert image.getAttribute("width") == "10"
    assert image.getAttribute("alt") == "a photo"


def test_savefig_objects_render_as_png():
    element = fresh_element()

    class Figure:
        def savefig(self, buffer, format=None):
            assert format == "png"
            buffer.write(PNG_BYTES)

    display(Figure(), target=element.id)
    expected = "data:image/png;base64," + base64.b64encode(PNG_BYTES).decode()
    assert element.querySelector("img").getAttribute("src") == expected


def test_repr_json_object():
    element = fresh_element()

    class Data:
        def _repr_json_(self):
            return '{"a": 1}'

    display(Data(), target=element.id)
    assert element.textContent == '{"a": 1}', element.textContent


def test_mimebundle_comes_first_and_unknown_types_are_skipped():
    element = fresh_element()

    class Rich:
        def _repr_mimebundle_(self):
            return {"application/x-unknown": "??", "text/html": "<i>from bundle</i>"}

        def _repr_html_(self):
            return "<b>from repr_html</b>"

    display(Rich(), target=element.id)
    assert element.querySelector("i").textContent == "from bundle"
    assert is_none(element.querySelector("b"))


def test_mimebundle_with_metadata():
    element = fresh_element()

    class Rich:
        def _repr_mimebundle_(self):
            return {"image/png": "QUJD"}, {"image/png": {"height": 7}}

    display(Rich(), target=element.id)
    image = element.querySelector("img")
    assert image.getAttribute("src") == "data:image/png;base64,QUJD"
    assert image.getAttribute("height") == "7"


def test_image_wins_over_html():
    element = fresh_element()

    class Both:
        def _repr_html_(self):
            return "<b>html</b>"

        def _repr_png_(self):
            return "QUJD"

    display(Both(), target=element.id)
    assert not is_none(element.querySelector("img"))
    assert element.textContent == ""


def test_repr_text_is_escaped():
    element = fresh_element()

    class Thing:
        def __repr__(self):
            return "<Thing & co>"

    display(Thing(), [1, "<x>"], None, target=element.id)
    texts = [child.textContent for child in element.children]
    assert texts == ["<Thing & co>", "[1, '<x>']", "None"], texts
    assert is_none(element.querySelector("x"))


def test_empty_output_is_skipped():
    element = fresh_element()
    display("", "   ", HTML(""), target=element.id)
    assert element.children.length == 0, element.innerHTML


def test_missing_target_raises_value_error():
    error = raises(ValueError, display, "x", target="#e2e-no-such-element")
    assert str(error) == "Cannot find element with id='e2e-no-such-element' in the page.", str(error)


def test_script_element_target_displays_into_its_target():
    output = fresh_element()
    script = document.createElement("script")
    script.type = "text/x-e2e-inert"
    script.id = output.id + "-script"
    document.body.append(script)
    script.target = output
    try:
        display("through the script", target=script.id)
        assert output.textContent == "through the script", output.textContent
        assert script.textContent == ""
    finally:
        script.remove()
