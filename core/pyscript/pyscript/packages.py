"""py_import: install packages while the page runs, then import them."""

import _pyscript

_SPEC_ENDS = "<>=!~[;@ "


def _import_name(entry):
    """The module a package entry gives: a wheel's distribution name, the
    last part of a path or mip spec, or a name without its version."""
    name = entry.rstrip("/").split("/")[-1]
    if name.endswith(".whl"):
        return name.split("-")[0]
    if name.endswith(".py"):
        name = name[:-3]
    for i, char in enumerate(name):
        if char in _SPEC_ENDS:
            return name[:i].replace("-", "_")
    return name.replace("-", "_")


def _module_of(entry):
    try:
        return __import__(_import_name(entry))
    except ImportError:
        return None  # installed under a name the entry does not tell


async def py_import(*entries):
    """Install the entries (written as in a config's ``packages``: names,
    wheel URLs, mip specs) and return their modules, in order:
    ``numpy, pandas = await py_import("numpy", "pandas")``. An entry whose
    module name it does not tell (a mip folder or repository) gives None:
    import it by its name."""
    await _pyscript.py_import(*entries)
    return [_module_of(entry) for entry in entries]
