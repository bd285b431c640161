# Started from the page by test_polyscript.py (polyscript.XWorker, PyScript's
# _pyscript.PyWorker, create_named_worker): streams numbers back through the
# page's worker.sync.collect, answers the page's messages, exports double.
from polyscript import xworker

import pyscript

for number in range(pyscript.config.get("stream", 0)):
    returned = xworker.sync.collect(number)
xworker.postMessage("returned " + str(returned) if pyscript.config.get("stream", 0) else "streamed nothing")
xworker.postMessage("config answer " + str(pyscript.config.get("answer")))
xworker.postMessage("type " + pyscript.config["type"])


def answer(event):
    xworker.postMessage("worker got " + str(event.data))


xworker.onmessage = answer


def double(value):
    return 2 * value


__export__ = ["double"]
