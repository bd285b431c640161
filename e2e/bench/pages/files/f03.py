"""Bench fixture module f03: a small Python file fetched through [files]."""

NAME = "f03"


def kappa_0(x, y=1):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 7
    return total


def lambda_1(x, y=2):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 8
    return total


def mu_2(x, y=3):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 9
    return total


def nu_3(x, y=4):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 10
    return total


def xi_4(x, y=5):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 11
    return total


TABLE = {"alpha": 0, "beta": 3, "gamma": 6, "delta": 9, "epsilon": 12, "zeta": 15, "eta": 18, "theta": 21, "iota": 24}
