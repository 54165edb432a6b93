"""Writes src/fixtures/pymoo-values.json: pymoo's values of every benchmark, the oracle of pymoo.test.ts.

Run from packages/benchmarks with pymoo installed (pip install pymoo):

    python scripts/pymoo-fixtures.py

Each case names the @paretokit/benchmarks factory and its options; the script builds the same
pymoo problem (always passing n_var, since pymoo's C-DTLZ default n_var differ from Jain & Deb's
k) and evaluates it at fixed random points plus a few special rows (bounds, middle, and rows
with Pareto-optimal distance variables). It also stores pymoo's pareto_front() where pymoo
computes one offline (the 3-objective DTLZ5/6/7 fronts are downloaded, so they are skipped).
"""

import numpy as np
from pymoo.problems.many.cdtlz import C1DTLZ1, C1DTLZ3, C2DTLZ2, C3DTLZ1, C3DTLZ4
from pymoo.problems.many.dtlz import DTLZ1, DTLZ2, DTLZ3, DTLZ4, DTLZ5, DTLZ6, DTLZ7
from pymoo.problems.multi.zdt import ZDT1, ZDT2, ZDT3, ZDT4, ZDT6

from fixture_common import case, matrix, sample_rows, write_fixture

ZDT = {"zdt1": (ZDT1, 30), "zdt2": (ZDT2, 30), "zdt3": (ZDT3, 30), "zdt4": (ZDT4, 10), "zdt6": (ZDT6, 10)}
# Class, k (distance variables) of the default size, x_M value where g = 0.
DTLZ = {
    "dtlz1": (DTLZ1, 5, 0.5),
    "dtlz2": (DTLZ2, 10, 0.5),
    "dtlz3": (DTLZ3, 10, 0.5),
    "dtlz4": (DTLZ4, 10, 0.5),
    "dtlz5": (DTLZ5, 10, 0.5),
    "dtlz6": (DTLZ6, 10, 0.0),
    "dtlz7": (DTLZ7, 20, 0.0),
    "c1dtlz1": (C1DTLZ1, 5, 0.5),
    "c1dtlz3": (C1DTLZ3, 10, 0.5),
    "c2dtlz2": (C2DTLZ2, 10, 0.5),
    "c3dtlz1": (C3DTLZ1, 5, 0.5),
    "c3dtlz4": (C3DTLZ4, 10, 0.5),
}

CASES = [
    *[(name, {}) for name in ZDT],
    ("zdt1", {"nVar": 5}),
    ("zdt4", {"nVar": 4}),
    *[(name, {}) for name in DTLZ],
    *[(name, {"nObj": 2}) for name in DTLZ if name != "c1dtlz3"],
    ("c1dtlz3", {"nObj": 2, "r": 9}),
    *[(name, {"nObj": 5}) for name in DTLZ],
    ("dtlz2", {"nVar": 7}),
    ("dtlz7", {"nObj": 4, "nVar": 8}),
    ("c1dtlz3", {"nObj": 10, "r": 15}),
    ("c2dtlz2", {"r": 0.3}),
]


def build(name, options):
    """The pymoo problem for a factory name and its options, and the x_M value where g = 0."""
    if name in ZDT:
        cls, n_var = ZDT[name]
        return cls(n_var=options.get("nVar", n_var)), 0.0
    cls, k, optimal = DTLZ[name]
    n_obj = options.get("nObj", 3)
    kwargs = {"n_var": options.get("nVar", n_obj + k - 1), "n_obj": n_obj}
    if "r" in options:
        kwargs["r"] = options["r"]
    return cls(**kwargs), optimal


def main():
    cases = []
    for seed, (name, options) in enumerate(CASES):
        problem, optimal = build(name, options)
        # Six uniform random rows, the two corners, the middle, and a row with optimal x_M
        # (ZDT: x2..xn; DTLZ: x_M).
        X = sample_rows(problem, np.random.default_rng(seed), lambda _row: optimal)
        cases.append(case(name, options, problem, X, n_constr=False))

    fronts = []

    def front(name, options, call, F):
        fronts.append({"problem": name, "options": options, "call": call, "F": matrix(F)})

    for name in ["zdt1", "zdt2", "zdt3", "zdt4", "zdt6"]:
        front(name, {}, "pareto_front()", build(name, {})[0].pareto_front())
    for name in ["dtlz1", "dtlz2", "dtlz3", "dtlz4", "c1dtlz1", "c1dtlz3", "c2dtlz2", "c3dtlz1", "c3dtlz4"]:
        front(name, {}, "pareto_front()", build(name, {})[0].pareto_front())
    for name in ["dtlz1", "dtlz2", "dtlz3", "dtlz4"]:
        front(name, {"nObj": 2}, "pareto_front()", build(name, {"nObj": 2})[0].pareto_front())
    for name in ["dtlz5", "dtlz6"]:
        front(name, {"nObj": 2}, "pareto_front(n_points=50)", build(name, {"nObj": 2})[0].pareto_front(n_points=50))
    front("dtlz7", {"nObj": 2}, "pareto_front(n_points=25)", build("dtlz7", {"nObj": 2})[0].pareto_front(n_points=25))

    write_fixture(__file__, "pymoo-values.json", cases=cases, fronts=fronts)


if __name__ == "__main__":
    main()
