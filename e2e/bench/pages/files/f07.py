"""Bench fixture module f07: a small Python file fetched through [files]."""

NAME = "f07"


def chi_0(x, y=1):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 7
    return total


def psi_1(x, y=2):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 8
    return total


def omega_2(x, y=3):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 9
    return total


def alpha_3(x, y=4):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 10
    return total


def beta_4(x, y=5):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 11
    return total


TABLE = {"alpha": 0, "beta": 7, "gamma": 14, "delta": 21, "epsilon": 28, "zeta": 35, "eta": 42, "theta": 49}
