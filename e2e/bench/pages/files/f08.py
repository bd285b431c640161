"""Bench fixture module f08: a small Python file fetched through [files]."""

NAME = "f08"


def alpha_0(x, y=1):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 7
    return total


def beta_1(x, y=2):
    """Return a value derived from x and y."""
    total = 0
    for n in range(x):
        total += (n * y) % 8
    return total


TABLE = {"alpha": 0, "beta": 8, "gamma": 16, "delta": 24, "epsilon": 32, "zeta": 40, "eta": 48, "theta": 56, "iota": 64}
