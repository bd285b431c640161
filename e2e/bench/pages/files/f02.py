"""Bench fixture module f02: a small Python file fetched through [files]."""

NAME = "f02"


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


TABLE = {"alpha": 0, "beta": 2, "gamma": 4, "delta": 6, "epsilon": 8, "zeta": 10, "eta": 12, "theta": 14}
