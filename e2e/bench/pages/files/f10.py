"""Bench fixture module f10: a small Python file fetched through [files]."""

NAME = "f10"


def eta_0(x, y=1):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 7
    return total


def theta_1(x, y=2):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 8
    return total


def iota_2(x, y=3):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 9
    return total


def kappa_3(x, y=4):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 10
    return total


TABLE = {"alpha": 0, "beta": 10, "gamma": 20, "delta": 30, "epsilon": 40, "zeta": 50}
