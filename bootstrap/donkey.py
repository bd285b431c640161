# The worker behind core.js's donkey(): the page calls execute and evaluate
# through xworker.sync. A persistent donkey keeps one namespace for all
# tasks; otherwise each task starts from an empty one.
from pyscript import sync

_kept = {}


def _scope(persistent):
    return _kept if persistent else {}


def execute(code, persistent):
    exec(code, _scope(persistent))


def evaluate(code, persistent):
    return eval(code, _scope(persistent))


sync.execute = execute
sync.evaluate = evaluate
