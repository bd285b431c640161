"""Bench fixture module f06: a small Python file fetched through [files]."""

NAME = "f06"


def tau_0(x, y=1):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 7
    return total


def upsilon_1(x, y=2):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 8
    return total


def phi_2(x, y=3):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 9
    return total


def chi_3(x, y=4):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 10
    return total


TABLE = {"alpha": 0, "beta": 6, "gamma": 12, "delta": 18, "epsilon": 24, "zeta": 30, "eta": 36}
