"""Writes src/fixtures/pymoo-ctp-engineering.json: pymoo's values of CTP1-8 and of the small
engineering problems (BNH, OSY, SRN, TNK, welded beam, 2-D truss), the oracle of ctp.test.ts and
engineering/engineering.test.ts.

Run from packages/benchmarks with pymoo installed (pip install pymoo==0.6.2):

    python scripts/ctp-engineering-fixtures.py

Each case names the @paretokit/benchmarks factory and its options; the script builds the same
pymoo problem and evaluates it at six seeded uniform random rows, the lower bound, the upper bound
and the midpoint. It also stores pymoo's pareto_front() where pymoo computes one offline (BNH,
SRN, 2-D truss); the CTP, OSY, TNK and welded-beam fronts are downloaded, so they are skipped.
JSON has no NaN or infinities: such values (CTP2-5 and CTP7 give 0/0 at the lower bound, the
truss divides by zero there) are written as the strings "NaN", "Infinity" and "-Infinity".
"""

import numpy as np
from pymoo.problems import get_problem
from pymoo.problems.multi.ctp import CTP1, CTP2, CTP3, CTP4, CTP5, CTP6, CTP7, CTP8

from fixture_common import case, matrix, sample_rows, write_fixture

CTP = {"ctp1": CTP1, "ctp2": CTP2, "ctp3": CTP3, "ctp4": CTP4, "ctp5": CTP5, "ctp6": CTP6, "ctp7": CTP7, "ctp8": CTP8}
# Our factory name -> pymoo's get_problem name.
ENGINEERING = {
    "bnh": "bnh",
    "osy": "osy",
    "srn": "srn",
    "tnk": "tnk",
    "weldedBeam": "welded_beam",
    "truss2d": "truss2d",
}

CASES = [
    *[(name, {}) for name in CTP],
    *[(name, {"nVar": 5}) for name in CTP],
    *[(name, {"gFunction": "multimodal"}) for name in CTP],
    *[(name, {"nVar": 4, "gFunction": "multimodal"}) for name in CTP],
    ("ctp1", {"nConstr": 1}),
    ("ctp1", {"nConstr": 3}),
    ("ctp1", {"nConstr": 5, "nVar": 3}),
    *[(name, {}) for name in ENGINEERING],
]


def build(name, options):
    """The pymoo problem for a factory name and its options, and how it was called."""
    if name in ENGINEERING:
        return get_problem(ENGINEERING[name]), f'get_problem("{ENGINEERING[name]}")'
    kwargs = {"n_var": options.get("nVar", 2), "option": options.get("gFunction", "linear")}
    if "nConstr" in options:
        kwargs["n_ieq_constr"] = options["nConstr"]
    call = f"{CTP[name].__name__}({', '.join(f'{k}={v!r}' for k, v in kwargs.items())})"
    return CTP[name](**kwargs), call


def main():
    cases = []
    with np.errstate(divide="ignore", invalid="ignore"):
        for seed, (name, options) in enumerate(CASES):
            problem, call = build(name, options)
            X = sample_rows(problem, np.random.default_rng(seed))
            cases.append(case(name, options, problem, X, call=call, bounds=True))

    fronts = []
    for name in ["bnh", "srn", "truss2d"]:
        problem, call = build(name, {})
        fronts.append({"problem": name, "call": f"{call}.pareto_front()", "F": matrix(problem.pareto_front())})

    write_fixture(__file__, "pymoo-ctp-engineering.json", cases=cases, fronts=fronts)


if __name__ == "__main__":
    main()
