"""The JavaScript modules named in the config's ``js_modules``.

``from pyscript.js_modules import name``, ``import pyscript.js_modules.name``
and ``from pyscript.js_modules.name import attribute`` all give the module
imported for ``name``. On the page these are ``js_modules.main``, imported
before any script runs. In a worker they are ``js_modules.worker``, imported
in the worker, and the page's ``js_modules.main``, imported on the page the
first time this module is imported (a worker reaches them through the page).
"""

import sys

import js
import _pyscript


def _register(name, module):
    globals()[name] = module
    # So that `import pyscript.js_modules.name` and `from … import attr` work.
    sys.modules[__name__ + "." + name] = module


def _install():
    modules = _pyscript.js_modules
    for name in js.Object.keys(modules):
        _register(name, getattr(modules, name))
    on_page = getattr(_pyscript, "js_modules_main", None)
    if on_page is None:
        return
    for name in js.Object.keys(on_page):
        if name not in globals():
            entry = getattr(on_page, name)
            _register(name, _pyscript.runtime("module", entry.url, entry.css))


_install()
del _install
