from pyscript import config


def add(a, b):
    return a + b


def describe():
    return config.get("label", "no label") + " " + config["type"]


__export__ = ["add", "describe"]
