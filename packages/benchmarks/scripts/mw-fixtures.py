"""Writes src/fixtures/pymoo-mw.json: pymoo's values of MW1-MW14, the oracle of src/mw.test.ts.

Run from packages/benchmarks with pymoo installed (pip install pymoo==0.6.2):

    python scripts/mw-fixtures.py
    npx biome format --write src/fixtures/pymoo-mw.json

Each case names the @paretokit/benchmarks factory and its options (`nVar`, and `nObj` for MW4,
MW8 and MW14) and evaluates pymoo's MWk of the same size at six seeded uniform random rows, the
lower bound, the upper bound, the midpoint, and one row whose distance variables make g = 1 (so
that the constraints are near their boundaries). MW6 also gets a row with x1 at its upper bound
1.1 where pymoo's f2 is NaN (found by a seeded search; see nan_row). Non-finite values are written as the
strings "NaN", "Infinity" and "-Infinity", since JSON has no such numbers.

It also stores pymoo's pareto_front() where pymoo computes it offline (MW1-4, MW6, MW8, MW12;
the others are downloaded, so they are skipped), for the default sizes and for MW4 and MW8 with
two objectives.
"""

import math
from decimal import Decimal, getcontext

import numpy as np
from pymoo.problems.multi import mw

from fixture_common import case, matrix, sample_rows, write_fixture

getcontext().prec = 60
PROBLEMS = {f"mw{k}": getattr(mw, f"MW{k}") for k in range(1, 15)}
SCALABLE = ("mw4", "mw8", "mw14")
BIOBJECTIVE = [name for name in PROBLEMS if name not in SCALABLE]
# Which of Ma and Wang's distance functions g1, g2, g3 each problem uses.
DISTANCE = {
    **dict.fromkeys(["mw1", "mw4", "mw5", "mw9", "mw12"], 1),
    **dict.fromkeys(["mw2", "mw6", "mw8", "mw10", "mw13"], 2),
    **dict.fromkeys(["mw3", "mw7", "mw11", "mw14"], 3),
}

CASES = [
    *[(name, {}) for name in PROBLEMS],
    *[(name, {"nVar": 6}) for name in BIOBJECTIVE],
    *[(name, {"nVar": 2}) for name in ("mw1", "mw2", "mw3")],
    *[(name, {"nObj": 2}) for name in SCALABLE],
    *[(name, {"nObj": 5}) for name in SCALABLE],
    *[(name, {"nObj": 4, "nVar": 6}) for name in SCALABLE],
]

FRONTS = [
    *[(name, {}) for name in ("mw1", "mw2", "mw3", "mw4", "mw6", "mw8", "mw12")],
    ("mw4", {"nObj": 2}),
    ("mw8", {"nObj": 2}),
]


def build(name, options):
    """The pymoo problem for a factory name and its options."""
    cls = PROBLEMS[name]
    if name in SCALABLE:
        n_obj = options.get("nObj", 3)
        return cls(n_var=options.get("nVar", n_obj + 12), n_obj=n_obj)
    return cls(n_var=options.get("nVar", 15))


def optimal_distance(name, x, n_obj):
    """The distance variables of row x where g = 1 (g1 cannot reach 1 when n_var = n_obj)."""
    n = len(x)
    j = np.arange(n_obj - 1, n)
    if DISTANCE[name] == 1:
        p = n - n_obj
        return (0.5 + j / (2 * n)) ** (1 / p) if p > 0 else np.full(len(j), 0.5)
    if DISTANCE[name] == 2:
        return j / n
    out = x.copy()
    for k in j:
        out[k] = 1 - (out[k - 1] - 0.5) ** 2
    return out[n_obj - 1 :]


def clearly_rounded(fn, x):
    """
    exp or cos of the double x rounded to a double, or None when the exact value is within 0.1
    ulp of a rounding midpoint (where implementations accurate to 0.6 ulp may round it apart).
    """
    x = Decimal(float(x))
    if fn == "exp":
        exact = x.exp()
    else:
        exact, term, k = Decimal(0), Decimal(1), 0
        while abs(term) > Decimal(10) ** -58:
            exact += term
            term = -term * x * x / ((2 * k + 1) * (2 * k + 2))
            k += 1
    nearest = float(exact)
    return nearest if abs(exact - Decimal(nearest)) <= Decimal(0.4) * Decimal(math.ulp(nearest)) else None


def portable_g2(x, n_obj):
    """
    pymoo's g2 of row x as every implementation with exp and cos accurate to 0.6 ulp and a
    left-to-right sum computes it, or None where they may differ in the last bits.
    """
    n = len(x)
    total = 0.0
    for j in range(n_obj - 1, n):
        e = clearly_rounded("exp", -10.0 * (x[j] - j / n) * (x[j] - j / n))
        c = None if e is None else clearly_rounded("cos", 2 * np.pi * (1 - e))
        if c is None:
            return None
        z = 1 - e
        total += (0.1 / n) * z * z + 1.5 - 1.5 * c
    return 1 + total


def nan_row(problem, rng):
    """
    A row with x1 at its upper bound 1.1 where pymoo's f2 is NaN: `(g * 1.1) / g` rounds above 1.1
    for some g (a few in a thousand), so whether f2 is NaN there depends on the last bit of g.
    The row is one whose g pymoo computes exactly as any implementation whose exp and cos are
    accurate to 0.6 ulp, summing left to right, does (see portable_g2), so those get the NaN too.
    """
    for _ in range(1_000_000):
        x = problem.xl + rng.random(problem.n_var) * (problem.xu - problem.xl)
        x[0] = problem.xu[0]
        with np.errstate(invalid="ignore"):
            f2 = problem.evaluate(x[None, :], return_values_of=["F"])[0, 1]
        if np.isnan(f2) and problem.g2(x[None, :])[0] == portable_g2(x, problem.n_obj):
            return x
    raise RuntimeError("no NaN row found")


def rows(name, options, problem, seed):
    """Six uniform random rows, the two bounds, the midpoint, a row with g = 1 (and MW6's NaN row)."""
    rng = np.random.default_rng(seed)
    X = sample_rows(problem, rng, lambda row: optimal_distance(name, row, problem.n_obj))
    return np.vstack([X, nan_row(problem, rng)]) if name == "mw6" and not options else X


def main():
    cases = []
    for seed, (name, options) in enumerate(CASES):
        problem = build(name, options)
        X = rows(name, options, problem, seed)
        with np.errstate(all="ignore"):
            cases.append(case(name, options, problem, X))

    fronts = []
    for name, options in FRONTS:
        with np.errstate(all="ignore"):
            F = build(name, options).pareto_front()
        fronts.append({"problem": name, "options": options, "call": "pareto_front()", "F": matrix(F)})

    write_fixture(__file__, "pymoo-mw.json", cases=cases, fronts=fronts)


if __name__ == "__main__":
    main()
