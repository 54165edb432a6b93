"""Times moocore.hypervolume (or hv_contributions) on the point sets written by hypervolume-peer.ts.

Usage: python3 moocore_hv.py MANIFEST.json REPETITIONS [hypervolume|contributions]
The manifest lists {"n", "d", "file"} entries; each file holds n*d little-endian float64 values,
row-major. Prints one JSON object: {"moocore": version, "python": version, "cases": [{"n", "d",
"value", "times_ms"}]}, "value" a number for hypervolume and a list (one per row) for
contributions. Each case runs once untimed (warm-up), then REPETITIONS timed runs.
"""

import json
import sys
import time

import moocore
import numpy as np


def main() -> None:
    manifest_path, repetitions = sys.argv[1], int(sys.argv[2])
    kind = sys.argv[3] if len(sys.argv) > 3 else "hypervolume"
    if kind == "hypervolume":
        indicator = moocore.hypervolume
    elif kind == "contributions":
        indicator = moocore.hv_contributions
    else:
        raise SystemExit(f"kind: expected hypervolume or contributions, got {kind!r}")
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    cases = []
    for case in manifest["cases"]:
        n, d = case["n"], case["d"]
        data = np.fromfile(case["file"], dtype="<f8").reshape(n, d)
        ref = np.full(d, manifest["reference"])
        value = indicator(data, ref=ref)  # warm-up
        times = []
        for _ in range(repetitions):
            start = time.perf_counter()
            value = indicator(data, ref=ref)
            times.append((time.perf_counter() - start) * 1000.0)
        value = float(value) if kind == "hypervolume" else [float(v) for v in value]
        cases.append({"n": n, "d": d, "value": value, "times_ms": times})
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
