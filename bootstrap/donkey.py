# The worker behind core.js's donkey(): the page calls execute and evaluate
# through xworker.sync. A persistent donkey keeps one namespace for all
# tasks; otherwise each task starts from an empty one. A donkey with a
# terminal gives its code __terminal__, as PyScript's does.
from pyscript import sync

_start = {"__terminal__": __terminal__} if "__terminal__" in globals() else {}
_kept = dict(_start)


def _scope(persistent):
    return _kept if persistent else dict(_start)


def execute(code, persistent):
    exec(code, _scope(persistent))


def evaluate(code, persistent):
    return eval(code, _scope(persistent))


sync.execute = execute
sync.evaluate = evaluate
