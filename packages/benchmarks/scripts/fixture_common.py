"""Helpers shared by the fixture scripts in this folder (pymoo-, mw-, dascmop- and
ctp-engineering-fixtures.py): the rows each problem is evaluated at, the JSON encoding of
numbers, the case entries and the writing of src/fixtures/*.json.

The scripts run from packages/benchmarks as `python scripts/<name>.py`; Python puts the script's
folder first on sys.path, so `import fixture_common` finds this file.
"""

import json
import math
import pathlib

import numpy as np
import pymoo

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures"


def sample_rows(problem, rng, distance=None):
    """
    Six uniform random rows, the lower bound, the upper bound, the midpoint and, given
    `distance`, one more random row whose distance variables x[n_obj - 1:] are set to
    distance(row) (where g reaches a known value, near the front).
    """
    xl, xu = problem.xl.astype(float), problem.xu.astype(float)
    X = [xl + rng.random((6, problem.n_var)) * (xu - xl), xl, xu, (xl + xu) / 2]
    if distance is not None:
        row = xl + rng.random(problem.n_var) * (xu - xl)
        row[problem.n_obj - 1 :] = distance(row)
        X.append(row)
    return np.vstack(X)


def number(v):
    """v as a JSON value: JSON has no NaN or infinities, so those become "NaN", "Infinity", "-Infinity"."""
    v = float(v)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def matrix(a):
    return [[number(v) for v in row] for row in np.atleast_2d(a)]


def case(name, options, problem, X, call=None, n_constr=True, bounds=False):
    """
    The fixture entry of pymoo's `problem` at rows X: the factory name and options (and the pymoo
    `call`), the sizes (nConstr unless n_constr is False), the bounds if asked, then X, F and G
    (G is None for an unconstrained problem). Callers that expect 0/0 wrap it in np.errstate.
    """
    F, G = problem.evaluate(X, return_values_of=["F", "G"])
    entry = {"problem": name, "options": options}
    if call is not None:
        entry["call"] = call
    entry["nVar"] = int(problem.n_var)
    entry["nObj"] = int(problem.n_obj)
    if n_constr:
        entry["nConstr"] = int(problem.n_ieq_constr)
    if bounds:
        entry["xl"] = [number(v) for v in problem.xl]
        entry["xu"] = [number(v) for v in problem.xu]
    entry["X"] = matrix(X)
    entry["F"] = matrix(F)
    # Single-constraint problems may return G as a vector; make it one column per constraint.
    entry["G"] = matrix(np.reshape(G, (len(X), -1))) if problem.n_ieq_constr > 0 else None
    return entry


def write_fixture(script, fixture, **sections):
    """
    Writes src/fixtures/<fixture>: the generating script, pymoo's and numpy's versions, then the
    sections in order, compactly (the docstrings name the biome step that lays it out).
    """
    out = {
        "generator": f"packages/benchmarks/scripts/{pathlib.Path(script).name}",
        "pymoo": pymoo.__version__,
        "numpy": np.__version__,
        **sections,
    }
    (FIXTURES / fixture).write_text(json.dumps(out, separators=(",", ":"), allow_nan=False) + "\n")
    counts = " and ".join(f"{len(sections[key])} {key}" for key in ("cases", "fronts") if key in sections)
    print(f"wrote {counts} (pymoo {pymoo.__version__})")
