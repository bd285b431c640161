"""Bench fixture module f01: a small Python file fetched through [files]."""

NAME = "f01"


def delta_0(x, y=1):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 7
    return total


def epsilon_1(x, y=2):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 8
    return total


def zeta_2(x, y=3):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 9
    return total


TABLE = {"alpha": 0, "beta": 1, "gamma": 2, "delta": 3, "epsilon": 4, "zeta": 5, "eta": 6}
