# An algorithm visualiser's page: a worker created from Python (XWorker)
# sorts and streams every swap back through xworker.sync, while the page
# keeps answering clicks; the page tells the worker when to stop.
import js
from polyscript import XWorker
from pyscript import document, when

worker_type = "pyodide" if "worker=py" in js.location.search else "micropython"
state = {"clicks": 0, "swaps": 0}


def show(selector, text):
    document.querySelector(selector).textContent = text


@when("click", "#more")
def clicked(event):
    state["clicks"] += 1
    show("#clicks", str(state["clicks"]))


def swapped(first, second):
    state["swaps"] += 1
    show("#swaps", str(state["swaps"]))
    return state["clicks"] >= 5  # the worker stops once five clicks were answered


def finished(rounds, sent):
    seen = "all" if sent == state["swaps"] else "%d of" % state["swaps"]
    show("#status", "stopped after %d round(s); the page saw %s the %d swaps" % (rounds, seen, sent))


worker = XWorker("./stream_worker.py", type=worker_type)
worker.sync.swapped = swapped
worker.sync.finished = finished
worker.onmessage = lambda event: show("#message", str(event.data))
show("#status", "streaming from a " + worker_type + " worker")
