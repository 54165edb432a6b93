"""Times moocore's and pymoo's non-dominated sorting on the point sets written by nds-peers.ts.

Usage: python3 nds_peers.py MANIFEST.json REPETITIONS
The manifest lists {"n", "m", "file", "reps"} entries ("reps" optional); each file holds n*m
little-endian float64 values, row-major. Per case: one untimed call of each library, then "reps"
(default REPETITIONS) timed calls of each.
moocore: moocore.pareto_rank (C). pymoo: NonDominatedSorting().do (fronts as index arrays; in
pymoo 0.6.2 it calls moocore.pareto_rank and groups the rows). Prints one JSON object:
{"python", "moocore", "pymoo", "cases": [{"n", "m", "moocore_ms", "pymoo_ms", "rank", "fronts"}]}.
"""

import json
import platform
import sys
import time

import moocore
import numpy as np
import pymoo
from pymoo.util.nds.non_dominated_sorting import NonDominatedSorting


def timed(f, repetitions):
    f()  # warm-up
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        f()
        times.append((time.perf_counter() - start) * 1000.0)
    return times


def main() -> None:
    manifest_path, repetitions = sys.argv[1], int(sys.argv[2])
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    sorter = NonDominatedSorting()
    cases = []
    for case in manifest["cases"]:
        n, m = case["n"], case["m"]
        reps = int(case.get("reps", repetitions))
        data = np.fromfile(case["file"], dtype="<f8").reshape(n, m)
        rank = moocore.pareto_rank(data)
        fronts = sorter.do(data)
        cases.append(
            {
                "n": n,
                "m": m,
                "moocore_ms": timed(lambda: moocore.pareto_rank(data), reps),
                "pymoo_ms": timed(lambda: sorter.do(data), reps),
                "rank": [int(r) for r in rank],
                "fronts": len(fronts),
            }
        )
    print(
        json.dumps(
            {
                "python": platform.python_version(),
                "moocore": getattr(moocore, "__version__", "unknown"),
                "pymoo": pymoo.__version__,
                "cases": cases,
            }
        )
    )


if __name__ == "__main__":
    main()
