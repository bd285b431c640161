"""Worker API placeholders.

This build of GoPyScript runs Python on the main thread only. The worker names
exist so that ``from pyscript import PyWorker`` keeps working, but any use of
them explains that workers are not available yet.
"""

from pyscript.util import NotSupported


def _unavailable(name):
    return NotSupported(
        name,
        name + " is not available yet: this GoPyScript build cannot run workers",
    )


PyWorker = _unavailable("pyscript.PyWorker")
workers = _unavailable("pyscript.workers")
create_named_worker = _unavailable("pyscript.create_named_worker")
