"""The flatted format of the npm package `flatted`: JSON for values with
shared and circular references, as pyscript.storage keeps them.

The text is a JSON array; entry 0 is the value. Every string, list and
dict inside an entry is stored as an entry of its own and referred to by
its index, written as a string; numbers, booleans and null stay inline.
"""

import json as _json

_CONTAINERS = (list, tuple, dict)


def stringify(value, *args, **kwargs):
    """The flatted text of value. Extra arguments go to json.dumps (the
    default is JavaScript's compact form)."""
    if not args and not kwargs:
        kwargs = {"separators": (",", ":")}
    entries = []
    known = {}

    def index(item):
        key = item if isinstance(item, str) else id(item)
        found = known.get(key)
        if found is None:
            found = known[key] = str(len(entries))
            entries.append(item)
        return found

    def inline(item):
        if isinstance(item, str) or isinstance(item, _CONTAINERS):
            return index(item)
        return item

    index(value)
    out = []
    i = 0
    while i < len(entries):
        entry = entries[i]
        if isinstance(entry, dict):
            entry = {key: inline(item) for key, item in entry.items()}
        elif isinstance(entry, _CONTAINERS):
            entry = [inline(item) for item in entry]
        out.append(_json.dumps(entry, *args, **kwargs))
        i += 1
    return "[" + ",".join(out) + "]"


def parse(value, *args, **kwargs):
    """The value of a flatted text, shared and circular references
    restored. Extra arguments go to json.loads."""
    entries = _json.loads(value, *args, **kwargs)
    if not isinstance(entries, list) or not entries:
        raise ValueError("not a flatted text: want a non-empty JSON array")
    root = entries[0]
    if not isinstance(root, _CONTAINERS):
        return root
    # Each container is revived once, its index strings replaced by the
    # entries they name (a stack, not recursion: lists may be long chains).
    revived = {id(root)}
    pending = [root]
    while pending:
        container = pending.pop()
        keys = list(container.keys()) if isinstance(container, dict) else range(len(container))
        for key in keys:
            ref = container[key]
            if not isinstance(ref, str):
                continue
            target = entries[int(ref)]
            container[key] = target
            if isinstance(target, _CONTAINERS) and id(target) not in revived:
                revived.add(id(target))
                pending.append(target)
    return root
