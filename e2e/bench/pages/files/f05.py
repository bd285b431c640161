"""Bench fixture module f05: a small Python file fetched through [files]."""

NAME = "f05"


def pi_0(x, y=1):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 7
    return total


def rho_1(x, y=2):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 8
    return total


def sigma_2(x, y=3):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 9
    return total


TABLE = {"alpha": 0, "beta": 5, "gamma": 10, "delta": 15, "epsilon": 20, "zeta": 25}
