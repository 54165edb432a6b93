"""Times LightGBM's own training and prediction inside one Python process (no process start, no
imports, no file transfer), on the data bridge-timing.ts writes: the native side of the
XGBoost/LightGBM bridge lines of `pnpm bench:peers`.

    python3 bench/lightgbm_native.py <folder> <repeats>

The folder holds X.f64, y.f64 (little-endian float64) and job.json ({"rows", "cols", "rounds",
"params"}, the parameters the bridge passes). One untimed train and predict, then `repeats` timed
ones; prints {"lightgbm", "train", "predict"} (seconds of every repeat) as one JSON line.
"""

import json
import pathlib
import sys
import time

import lightgbm as lgb
import numpy as np

folder, repeats = pathlib.Path(sys.argv[1]), int(sys.argv[2])
job = json.loads((folder / "job.json").read_text())
X = np.fromfile(folder / "X.f64", dtype="<f8").reshape(job["rows"], job["cols"])
y = np.fromfile(folder / "y.f64", dtype="<f8")
train, predict = [], []
for r in range(repeats + 1):
    t0 = time.perf_counter()
    booster = lgb.train(job["params"], lgb.Dataset(X, y), num_boost_round=job["rounds"])
    t1 = time.perf_counter()
    booster.predict(X)
    t2 = time.perf_counter()
    if r > 0:
        train.append(t1 - t0)
        predict.append(t2 - t1)
print(json.dumps({"lightgbm": lgb.__version__, "train": train, "predict": predict}))
