# Started by test_polyscript.py with XWorker(..., async=True): top-level
# await works only when the worker runs its code asynchronously.
import asyncio

from polyscript import xworker

await asyncio.sleep(0)
xworker.postMessage("awaited at the top level")
