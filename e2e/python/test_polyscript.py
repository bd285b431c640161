# polyscript and _pyscript: the JS modules PyScript gives Python, which
# published apps import (`from polyscript import XWorker, xworker …`).

import json

import js

import _pyscript
import polyscript
import pyscript
from pyscript import RUNNING_IN_WORKER, current_target
from pyscript.ffi import to_js

from e2e_support import MICROPYTHON, fresh_element, wait_until

# A name per context, so stores of the four runs never meet.
CONTEXT = ("mpy" if MICROPYTHON else "py") + ("-worker" if RUNNING_IN_WORKER else "")
TYPE = "mpy" if MICROPYTHON else "py"


def _js(source):
    return js.Function("return " + source)()


_same = getattr(js.Object, "is")  # Object.is: "is" is a Python keyword


def test_config_is_the_config_without_the_type_pyscript_adds():
    assert polyscript.config.answer == 42
    assert not js.Reflect.has(polyscript.config, "type")
    assert json.loads(js.JSON.stringify(polyscript.config))["answer"] == pyscript.config["answer"]


def test_json_round_trips_what_json_cannot():
    value = _js("({n: NaN, big: 2n ** 40n, when: new Date(5), tags: new Set(['a']), words: ['x', 'x'], m: new Map([[1, 'one']])})")
    data = polyscript.JSON.stringify(value)
    assert data[0] == 20  # an object, in reflected-ffi's format
    back = polyscript.JSON.parse(data)
    assert js.Number.isNaN(back.n)
    assert js.String(back.big) == "1099511627776"
    assert back.when.getTime() == 5
    assert back.tags.has("a")
    assert back.words[1] == "x"
    assert back.m.get(1) == "one"


def test_json_keeps_an_object_met_twice_as_one():
    cyclic = _js("(() => { const o = {name: 'loop'}; o.self = o; return o; })()")
    back = polyscript.JSON.parse(polyscript.JSON.stringify(cyclic))
    assert back.name == "loop"
    assert _same(back.self, back)


async def test_storage_is_a_map_kept_in_indexeddb():
    name = "polyscript-" + CONTEXT
    store = await polyscript.storage(name)
    store.set("word", "kept")
    store.set("number", 7)
    await store.sync()
    again = await polyscript.storage(name)
    assert again.get("word") == "kept"
    assert again.get("number") == 7
    # The same database seen through IDBMap, PyScript's layout.
    raw = polyscript.IDBMap.new(name)
    assert await raw.get("word") == "kept"
    store.clear()
    await store.sync()
    assert await raw.size == 0
    await raw.close()


async def test_idbmap_is_an_async_map():
    store = polyscript.IDBMap.new("idbmap-" + CONTEXT)
    await store.set("a", 1)
    await store.set("b", 2)
    assert await store.has("a")
    assert not await store.has("zz")
    assert await store.get("b") == 2
    assert await store.size == 2
    assert list(await store.keys()) == ["a", "b"]
    assert list(await store.values()) == [1, 2]
    await store.delete("a")
    assert await store.size == 1
    await store.clear()
    assert await store.size == 0
    await store.close()


async def test_idbmapsync_reads_after_sync_and_writes_in_order():
    name = "idbmapsync-" + CONTEXT
    first = polyscript.IDBMapSync.new(name)
    await first.sync()
    first.set("k", "v1")
    first.set("k", "v2")
    first.delete("missing")
    await first.close()
    second = polyscript.IDBMapSync.new(name)
    await second.sync()
    assert second.get("k") == "v2"
    assert second.size == 1


async def test_lazy_py_modules_installs_and_imports():
    if MICROPYTHON:
        (module,) = await polyscript.lazy_py_modules("demo-mip")  # from the test's mip index
        assert module.VALUE == "mip dep"
    else:
        (module,) = await polyscript.lazy_py_modules("gopyscript-demo")  # from the test's Pyodide index
        assert module.GREETING == "hello from the index, with a dependency"


def test_js_modules_are_the_configs():
    assert polyscript.js_modules.fixture.answer == 42
    import polyscript.js_modules.fixture as fixture

    assert fixture.greet("you") == "hello you"
    from polyscript.js_modules.fixture import answer

    assert answer == 42


def test_current_script_is_the_running_scripts_element():
    script = polyscript.currentScript
    assert script.getAttribute("src").endswith("runner.py")
    assert script.hasAttribute("worker") is RUNNING_IN_WORKER


def test_pyscript_private_module_has_pyscripts_names():
    assert _pyscript.fs.ERROR == "storage permissions not granted"
    assert _pyscript.fs.NAMESPACE == "@pyscript.fs"
    _pyscript.interpreter.runPython("polyscript_mark = 6 * 7")
    assert _pyscript.interpreter.globals.get("polyscript_mark") == 42
    if not RUNNING_IN_WORKER:
        assert _pyscript.target == current_target()


# On the page.


async def _started(worker, streamed, messages):
    worker.sync.collect = lambda value: streamed.append(value) or value * 10
    worker.onmessage = lambda event: messages.append(event.data)
    await worker.ready
    return worker


async def test_xworker_runs_python_that_calls_back_and_answers():
    if RUNNING_IN_WORKER:
        assert not hasattr(polyscript, "XWorker")
        return
    streamed, messages = [], []
    worker = polyscript.XWorker("./polyscript_worker.py", config=json.dumps({"stream": 5, "answer": 9}))
    await _started(worker, streamed, messages)
    assert streamed == [0, 1, 2, 3, 4]
    assert await wait_until(lambda: "config answer 9" in messages)
    assert "returned 40" in messages  # collect(4) answered the worker synchronously
    worker.postMessage("ping")
    assert await wait_until(lambda: "worker got ping" in messages)
    assert await worker.sync.double(21) == 42
    worker.terminate()


async def test_xworker_takes_config_as_a_dict_and_its_own_type():
    if RUNNING_IN_WORKER:
        return
    messages = []
    options = {"config": {"answer": 11, "stream": 0}, "type": "micropython" if MICROPYTHON else "pyodide"}
    if MICROPYTHON:
        worker = polyscript.XWorker("./polyscript_worker.py", to_js(options))
    else:
        worker = polyscript.XWorker("./polyscript_worker.py", **options)
    await _started(worker, [], messages)
    assert await wait_until(lambda: "config answer 11" in messages)
    assert ("type " + TYPE) in messages
    worker.terminate()


async def test_xworker_async_option_allows_top_level_await():
    if RUNNING_IN_WORKER:
        return
    messages = []
    worker = polyscript.XWorker("./polyscript_async_worker.py", **{"async": True})
    await _started(worker, [], messages)
    assert "awaited at the top level" in messages
    worker.terminate()


async def test_workers_gives_a_named_workers_exports():
    if RUNNING_IN_WORKER:
        return
    await pyscript.create_named_worker("./polyscript_worker.py", "polyscript-named-" + TYPE, config={"stream": 0}, type=TYPE)
    exports = await js.Reflect.get(polyscript.workers, "polyscript-named-" + TYPE)
    assert await exports.double(4) == 8
    # Never thenable, or awaiting the registry itself would hang.
    assert js.Function("workers", "return workers.then === undefined")(polyscript.workers)


async def test_pyscript_private_py_worker():
    if RUNNING_IN_WORKER:
        return
    messages = []
    worker = _pyscript.PyWorker("./polyscript_worker.py", to_js({"type": "micropython" if MICROPYTHON else "pyodide", "config": {"stream": 0}}))
    await _started(worker, [], messages)
    assert ("type " + TYPE) in messages
    worker.terminate()


# In a worker.


def test_xworker_reaches_the_page():
    if not RUNNING_IN_WORKER:
        assert not hasattr(polyscript, "xworker")
        return
    xworker = polyscript.xworker
    document = xworker.window.document
    assert document.title.startswith("pyscript package tests")
    assert xworker.isWindowProxy(document)
    assert not xworker.isWindowProxy(js.Object.new())
    assert xworker.polyfill is False


def test_target_is_the_workers_output_element():
    if not RUNNING_IN_WORKER:
        return
    assert polyscript.target == current_target()
    assert pyscript.document.getElementById(polyscript.target) is not None


def test_ffi_reads_and_writes_page_objects_in_one_request():
    if not RUNNING_IN_WORKER:
        return
    ffi = polyscript.ffi
    element = fresh_element()
    element.dataset.count = "3"
    tag, count = ffi.gather(element, "tagName", "dataset.count")
    assert (tag, count) == ("DIV", "3")
    assert ffi.query(element, "dataset.count") == "3"
    ffi.assign(element, to_js({"title": "assigned"}))
    assert element.title == "assigned"
    assert ffi.evaluate("(a, b) => document.title.length + a + b", 1, 2) == len(pyscript.document.title) + 3
    local = js.Object.new()
    assert _same(ffi.direct(local), local)
