"""Random draws shared by the demo museum and the simulated platform (seeded, so reproducible)."""

from __future__ import annotations

import math
import random


def poisson(rng: random.Random, lam: float) -> int:
    """How many events happen in an interval with ``lam`` expected: Knuth's method for small
    ``lam``, a rounded normal approximation above 30 (never negative)."""
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1
