# pyscript.fetch against small files served next to the tests.

import json

from pyscript import fetch

FIXTURE_TEXT = "Hello from the GoPyScript fixture.\nSecond line: <not markup> & done.\n"
FIXTURE_JSON = {
    "name": "fixture",
    "numbers": [1, 2, 3],
    "nested": {"ok": True, "nothing": None},
    "text": "caf\u00e9",
}


async def test_awaited_response_exposes_status_and_text():
    response = await fetch("./fixture.txt")
    assert response.ok is True
    assert response.status == 200, response.status
    assert isinstance(response.statusText, str)
    assert response.url.endswith("/fixture.txt"), response.url
    assert await response.text() == FIXTURE_TEXT


async def test_text_directly_on_the_fetch_result():
    assert await fetch("./fixture.txt").text() == FIXTURE_TEXT


async def test_json_is_parsed_by_python():
    data = await fetch("./fixture.json").json()
    assert data == FIXTURE_JSON, data
    assert isinstance(data, dict)
    assert data["nested"]["nothing"] is None


async def test_headers_are_available():
    response = await fetch("./fixture.json")
    content_type = response.headers.get("content-type")
    assert "json" in content_type, content_type
    assert json.loads(await response.text()) == FIXTURE_JSON


async def test_bytearray():
    data = await fetch("./fixture.txt").bytearray()
    assert isinstance(data, bytearray), type(data)
    assert data == bytearray(FIXTURE_TEXT.encode()), data


async def test_array_buffer_is_a_memoryview():
    data = await fetch("./fixture.txt").arrayBuffer()
    assert isinstance(data, memoryview), type(data)
    assert bytes(data) == FIXTURE_TEXT.encode()


async def test_blob():
    blob = await fetch("./fixture.txt").blob()
    assert blob.size == len(FIXTURE_TEXT.encode()), blob.size


async def test_missing_file_is_not_ok():
    response = await fetch("./e2e-no-such-file.txt")
    assert response.ok is False
    assert response.status == 404, response.status


async def test_options_are_passed_to_fetch():
    response = await fetch("./fixture.txt", method="HEAD", headers={"X-E2E": "1"})
    assert response.status == 200, response.status
    assert await response.text() == ""


async def test_same_result_can_be_awaited_then_read():
    pending = fetch("./fixture.json")
    response = await pending
    assert response.ok
    assert await pending.json() == FIXTURE_JSON
