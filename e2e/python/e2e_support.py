# Helpers shared by the Python e2e tests (copied next to them by runner.py).

import asyncio
import sys

from pyscript import document

MICROPYTHON = sys.implementation.name == "micropython"

_made = [0]


def fresh_element(tag="div"):
    """A new, empty element with a unique id, appended to <body>."""
    _made[0] += 1
    element = document.createElement(tag)
    element.id = "e2e-el-" + str(_made[0])
    document.body.append(element)
    return element


async def wait_until(condition, timeout=3.0, step=0.01):
    """Wait until condition() is true; False if it never became true."""
    waited = 0.0
    while not condition():
        if waited >= timeout:
            return False
        await asyncio.sleep(step)
        waited += step
    return True


def raises(kind, function, *args, **kwargs):
    """Call function and return the exception of type ``kind`` it raised."""
    try:
        function(*args, **kwargs)
    except kind as error:
        return error
    raise AssertionError("%s was not raised" % kind.__name__)


def child_tags(element):
    return [child.tagName for child in element.children]
