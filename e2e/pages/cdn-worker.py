# Started by cdn.html from JS (PyWorker/MPWorker) and from Python (XWorker).
def triple(value):
    return 3 * value


__export__ = ["triple"]
