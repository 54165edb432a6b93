"""Runs pymoo on the configurations ParetoKit is compared with and prints the runs as JSON.

Usage: python pymoo-runs.py [--configs a,b,...] [--seeds 10]

Prints {"pymoo": version, "python": version, "runs": [{"config", "seed", "seconds", "cpuSeconds", "F", "CV"}]}
with wall and CPU (process) seconds of the `minimize` call, F the final feasible non-dominated set (pymoo's `res.F`) and CV the constraint violation of
its rows. Indicators are computed by the TypeScript side, with the same code for both libraries.
Consumers: scripts/pymoo-reference.ts (conformance thresholds) and bench/nsga2-vs-pymoo.ts.
"""

import argparse
import json
import platform
import sys
import time

import numpy as np
import pymoo
from pymoo.algorithms.moo.nsga2 import NSGA2
from pymoo.optimize import minimize
from pymoo.problems import get_problem


def nsga2_zdt(name):
    def make():
        return get_problem(name), NSGA2(pop_size=100), ("n_gen", 200)

    return make


def ctaea_cdtlz(name, n_obj=3, n_partitions=12, n_gen=500):
    # Slot for the C-TAEA configurations (91 directions, 500 generations).
    def make():
        from pymoo.algorithms.moo.ctaea import CTAEA
        from pymoo.util.ref_dirs import get_reference_directions

        ref_dirs = get_reference_directions("das-dennis", n_obj, n_partitions=n_partitions)
        return get_problem(name, n_obj=n_obj), CTAEA(ref_dirs=ref_dirs), ("n_gen", n_gen)

    return make


CONFIGS = {
    "nsga2-zdt1": nsga2_zdt("zdt1"),
    "nsga2-zdt2": nsga2_zdt("zdt2"),
    "nsga2-zdt3": nsga2_zdt("zdt3"),
    "ctaea-dtlz2": ctaea_cdtlz("dtlz2"),
    "ctaea-c1dtlz1": ctaea_cdtlz("c1dtlz1"),
    "ctaea-c2dtlz2": ctaea_cdtlz("c2dtlz2"),
    "ctaea-c3dtlz4": ctaea_cdtlz("c3dtlz4"),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--configs", default="nsga2-zdt1,nsga2-zdt2,nsga2-zdt3")
    parser.add_argument("--seeds", type=int, default=10)
    args = parser.parse_args()
    runs = []
    for config in args.configs.split(","):
        if config not in CONFIGS:
            sys.exit(f"unknown configuration {config!r}; known: {', '.join(CONFIGS)}")
        for seed in range(1, args.seeds + 1):
            problem, algorithm, termination = CONFIGS[config]()
            start, cpu_start = time.perf_counter(), time.process_time()
            res = minimize(problem, algorithm, termination, seed=seed, verbose=False)
            seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
            F = np.atleast_2d(res.F) if res.F is not None else np.zeros((0, problem.n_obj))
            CV = np.atleast_1d(res.CV.ravel()) if res.CV is not None else np.zeros(len(F))
            runs.append(
                {
                    "config": config,
                    "seed": seed,
                    "seconds": seconds,
                    "cpuSeconds": cpu_seconds,
                    "F": F.tolist(),
                    "CV": CV.tolist(),
                }
            )
            print(f"{config} seed {seed}: {seconds:.2f} s", file=sys.stderr)
    json.dump({"pymoo": pymoo.__version__, "python": platform.python_version(), "runs": runs}, sys.stdout)


if __name__ == "__main__":
    main()
