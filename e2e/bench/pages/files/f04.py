"""Bench fixture module f04: a small Python file fetched through [files]."""

NAME = "f04"


def nu_0(x, y=1):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 7
    return total


def xi_1(x, y=2):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 8
    return total


TABLE = {"alpha": 0, "beta": 4, "gamma": 8, "delta": 12, "epsilon": 16, "zeta": 20, "eta": 24, "theta": 28, "iota": 32, "kappa": 36}
