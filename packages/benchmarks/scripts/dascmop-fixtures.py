"""Writes src/fixtures/pymoo-dascmop.json: pymoo's values of DAS-CMOP1-9, the oracle of dascmop.test.ts.

Run from packages/benchmarks with pymoo installed (pip install pymoo==0.6.2):

    python scripts/dascmop-fixtures.py
    npx biome check --write src/fixtures/pymoo-dascmop.json   # the repository's JSON layout

Each case names the @paretokit/benchmarks factory and its options, either `{"difficulty": d}`
(pymoo's `DASCMOPk(d)`, row d of pymoo's 1-based DIFFICULTIES table) or a raw
`{"eta", "zeta", "gamma"}` triple (pymoo's `DASCMOPk((eta, zeta, gamma))`). Every problem is
evaluated at difficulties 1, 5, 8, 12 and 16, DAS-CMOP1 and DAS-CMOP7 at all 16, and a few raw
triples, at six seeded uniform random rows, the lower bound, the upper bound, the midpoint, and
one row near the front: every distance variable 1e-3 from where g = 0, so g is about 3e-5 (at
g = 0 exactly, the constraint (1e30 - g) g of zeta = 0 would blow a last-bit difference of sin or
cos in g up to 1e-3; 1e-3 away, the row stays well-conditioned).
Non-finite values (none are expected) would be written as the strings "NaN", "Infinity" and
"-Infinity", since JSON has no such numbers.
"""

import numpy as np
from pymoo.problems.multi import dascmop

from fixture_common import case, sample_rows, write_fixture

PROBLEMS = {f"dascmop{k}": getattr(dascmop, f"DASCMOP{k}") for k in range(1, 10)}
TABLE = len(dascmop.DIFFICULTIES)

CASES = [
    *[(name, {"difficulty": d}) for name in PROBLEMS for d in (1, 5, 8, 12, 16)],
    *[
        (name, {"difficulty": d})
        for name in ("dascmop1", "dascmop7")
        for d in range(1, TABLE + 1)
        if d not in (1, 5, 8, 12, 16)
    ],
    *[(name, {"eta": 0.3, "zeta": 0.6, "gamma": 0.9}) for name in PROBLEMS],
    ("dascmop3", {"eta": 1.0, "zeta": 0.0, "gamma": 1.0}),
    ("dascmop8", {"eta": 0.0, "zeta": 1.0, "gamma": 0.0}),
    ("dascmop9", {"eta": 0.1, "zeta": 0.01, "gamma": 0.2}),
]


def build(name, options):
    """The pymoo problem for a factory name and its options."""
    cls = PROBLEMS[name]
    if "difficulty" in options:
        return cls(options["difficulty"])
    return cls((options["eta"], options["zeta"], options["gamma"]))


def near_optimal_distance(name, x):
    """The distance variables of row x 1e-3 from where pymoo's g is 0 (towards the middle)."""
    t = optimal_distance(name, x)
    return np.where(t < 0.5, t + 1e-3, t - 1e-3)


def optimal_distance(name, x):
    """The distance variables of row x where pymoo's g is 0."""
    n, m = len(x), 3 if name in ("dascmop7", "dascmop8", "dascmop9") else 2
    if name in ("dascmop1", "dascmop2", "dascmop3"):
        return np.full(n - m + 1, np.sin(0.5 * np.pi * x[0]))
    if name == "dascmop9":
        j = np.arange(m, n + 1)
        return np.cos(0.25 * j / n * np.pi * (x[0] + x[1]))
    return np.full(n - m + 1, 0.5)


def main():
    cases = []
    for seed, (name, options) in enumerate(CASES):
        problem = build(name, options)
        # Six uniform random rows, the two bounds, the midpoint, and a row near g = 0.
        X = sample_rows(problem, np.random.default_rng(seed), lambda row: near_optimal_distance(name, row))
        cases.append(case(name, options, problem, X))

    difficulties = [list(map(float, t)) for t in dascmop.DIFFICULTIES]
    write_fixture(__file__, "pymoo-dascmop.json", difficulties=difficulties, cases=cases)


if __name__ == "__main__":
    main()
