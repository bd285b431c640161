"""Bench fixture module f09: a small Python file fetched through [files]."""

NAME = "f09"


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


TABLE = {"alpha": 0, "beta": 9, "gamma": 18, "delta": 27, "epsilon": 36, "zeta": 45, "eta": 54, "theta": 63, "iota": 72, "kappa": 81}
