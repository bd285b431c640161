"""The JavaScript modules named in the config's ``js_modules.main``.

``from pyscript.js_modules import name`` and ``pyscript.js_modules.name``
both give the module imported for ``name``. The runtime imports them before
any script runs, so their names are known when this module is imported.
"""

import js
import _pyscript


def _install():
    modules = _pyscript.js_modules
    for name in js.Object.keys(modules):
        globals()[name] = getattr(modules, name)


_install()
del _install
