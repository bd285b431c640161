# A tiny test runner for the Python side of GoPyScript, run by a page as
#   <script type="mpy" src="runner.py"></script>   (or type="py")
# It fetches the test modules listed below from the page's folder, writes them
# into the interpreter's file system, imports them and runs every function whose
# name starts with "test_" (awaiting async ones). The result is written as JSON
#   {"passed": ["module.test_name", ...],
#    "failed": [{"name": "module.test_name", "error": "..."}, ...]}
# into the text of #result, and <html> gets the class "tests-done". While the
# tests run, #result holds the same object plus "running": the current test.

# Modules copied next to the tests but not run (shared helpers).
SUPPORT_MODULES = ["e2e_support"]

# Test modules, run in this order.
TEST_MODULES = [
    "test_context",
    "test_util",
    "test_ffi",
    "test_display",
    "test_events",
    "test_fetch",
    "test_dom",
    "test_flatted",
    "test_web",
    "test_storage",
    "test_fs",
    "test_websocket",
    "test_media",
    "test_packages",
    "test_polyscript",
]

# Folder (relative to the interpreter's working directory) for the copies.
TEST_DIR = "e2e_python_tests"

TEST_TIMEOUT = 60  # seconds per test: a hang fails, a slow machine does not

import asyncio
import json
import os
import sys

import js


def _describe(error):
    """The exception type and message, plus the traceback when available."""
    text = type(error).__name__ + ": " + str(error)
    try:
        import io

        buffer = io.StringIO()
        if hasattr(sys, "print_exception"):  # MicroPython
            sys.print_exception(error, buffer)
        else:
            import traceback

            traceback.print_exception(type(error), error, error.__traceback__, file=buffer)
        text += "\n" + buffer.getvalue()
    except Exception:
        pass
    return text


def _result_element():
    document = js.document
    result = document.getElementById("result")
    if result is None or not hasattr(result, "textContent"):
        result = document.createElement("pre")
        result.id = "result"
        document.body.append(result)
    return result


def _progress(passed, failed, running):
    # Written before each test: if a test never finishes (in MicroPython a
    # synchronous JavaScript exception cannot be caught and ends this task),
    # the page still shows how far the run got and which test was running.
    _result_element().textContent = json.dumps(
        {"passed": passed, "failed": failed, "running": running}
    )


def _report(passed, failed):
    _result_element().textContent = json.dumps({"passed": passed, "failed": failed})
    js.document.documentElement.classList.add("tests-done")
    print("python e2e: %d passed, %d failed" % (len(passed), len(failed)))
    for failure in failed:
        print("FAILED", failure["name"], "\n" + failure["error"])


# What the running script sees before any await: captured now, written for the
# tests as e2e_context.py.
START = {"target": "", "default_display_error": ""}
try:
    from pyscript import HTML, current_target, display, fetch

    START["target"] = current_target()
    try:
        display(HTML('<span id="e2e-default-display">shown by default</span>'))
    except Exception as error:
        START["default_display_error"] = _describe(error)
    _IMPORT_ERROR = None
except Exception as error:
    _IMPORT_ERROR = _describe(error)


def _ensure_dir():
    try:
        os.mkdir(TEST_DIR)
    except OSError:
        pass  # already there
    if TEST_DIR not in sys.path:
        sys.path.insert(0, TEST_DIR)


def _write(name, source):
    with open(TEST_DIR + "/" + name + ".py", "w") as file:
        file.write(source)


async def _install(name):
    response = await fetch("./" + name + ".py")
    if not response.ok:
        raise RuntimeError("cannot fetch %s.py: HTTP %s" % (name, response.status))
    _write(name, await response.text())


def _looks_awaitable(value):
    return hasattr(value, "__await__") or hasattr(value, "send")


async def _run_test(function):
    outcome = function()
    if _looks_awaitable(outcome):
        await asyncio.wait_for(outcome, TEST_TIMEOUT)


async def main():
    passed, failed = [], []
    try:
        if _IMPORT_ERROR is not None:
            failed.append({"name": "import pyscript", "error": _IMPORT_ERROR})
            return
        _ensure_dir()
        _write("e2e_context", "START = " + repr(START) + "\n")
        for name in SUPPORT_MODULES + TEST_MODULES:
            await _install(name)
        for module_name in TEST_MODULES:
            try:
                module = __import__(module_name)
            except Exception as error:
                failed.append({"name": module_name, "error": _describe(error)})
                continue
            for attribute in sorted(dir(module)):
                function = getattr(module, attribute)
                if not attribute.startswith("test_") or not callable(function):
                    continue
                name = module_name + "." + attribute
                _progress(passed, failed, name)
                try:
                    await _run_test(function)
                    passed.append(name)
                except BaseException as error:
                    if isinstance(error, (KeyboardInterrupt, SystemExit)):
                        raise
                    failed.append({"name": name, "error": _describe(error)})
    except Exception as error:
        failed.append({"name": "runner", "error": _describe(error)})
    finally:
        _report(passed, failed)


# A task rather than a top-level await: works whether the page runs this
# script synchronously or asynchronously.
_task = asyncio.create_task(main())
