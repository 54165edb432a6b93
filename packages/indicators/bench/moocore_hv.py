"""Times moocore.hypervolume on the point sets written by hypervolume-vs-moocore.ts.

Usage: python3 moocore_hv.py MANIFEST.json REPETITIONS
The manifest lists {"n", "d", "file"} entries; each file holds n*d little-endian float64 values,
row-major. Prints one JSON object: {"moocore": version, "python": version, "cases": [{"n", "d",
"value", "times_ms"}]}. Each case runs once untimed (warm-up), then REPETITIONS timed runs.
"""

import json
import sys
import time

import moocore
import numpy as np


def main() -> None:
    manifest_path, repetitions = sys.argv[1], int(sys.argv[2])
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    cases = []
    for case in manifest["cases"]:
        n, d = case["n"], case["d"]
        data = np.fromfile(case["file"], dtype="<f8").reshape(n, d)
        ref = np.full(d, manifest["reference"])
        value = moocore.hypervolume(data, ref=ref)  # warm-up
        times = []
        for _ in range(repetitions):
            start = time.perf_counter()
            value = moocore.hypervolume(data, ref=ref)
            times.append((time.perf_counter() - start) * 1000.0)
        cases.append({"n": n, "d": d, "value": float(value), "times_ms": times})
    print(
        json.dumps(
            {
                "moocore": getattr(moocore, "__version__", "unknown"),
                "python": sys.version.split()[0],
                "cases": cases,
            }
        )
    )


if __name__ == "__main__":
    main()
