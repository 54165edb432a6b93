"""Times LightGBM's and XGBoost's own training and prediction inside one Python process (no
process start, no imports, no data transfer), on the data bridge-timing.ts writes: the peer side of
the XGBoost/LightGBM bridge lines of `pnpm bench:peers`.

    python3 bench/native_training.py <folder> <repeats>

The folder holds X.f64, y.f64 (little-endian float64) and job.json ({"rows", "cols", "rounds",
"lightgbm": params, "xgboost": params}, the parameters the bridge passes). Training is the call a
Python user writes, data set construction included: `lgb.train(params, lgb.Dataset(X, y), rounds)`
and `xgb.train(params, xgb.DMatrix(X, label=y), rounds)`. One untimed train and predict of each,
then `repeats` timed ones; prints {"lightgbm", "xgboost", "train": {...}, "predict": {...}} (seconds
of every repeat) as one JSON line.
"""

import json
import pathlib
import sys
import time

import lightgbm as lgb
import numpy as np
import xgboost as xgb

folder, repeats = pathlib.Path(sys.argv[1]), int(sys.argv[2])
job = json.loads((folder / "job.json").read_text())
X = np.fromfile(folder / "X.f64", dtype="<f8").reshape(job["rows"], job["cols"])
y = np.fromfile(folder / "y.f64", dtype="<f8")
TRAIN = {
    "lightgbm": lambda: lgb.train(job["lightgbm"], lgb.Dataset(X, y), num_boost_round=job["rounds"]),
    "xgboost": lambda: xgb.train(job["xgboost"], xgb.DMatrix(X, label=y), num_boost_round=job["rounds"]),
}
PREDICT = {
    "lightgbm": lambda booster: booster.predict(X),
    "xgboost": lambda booster: booster.predict(xgb.DMatrix(X)),
}
train = {name: [] for name in TRAIN}
predict = {name: [] for name in TRAIN}
for r in range(repeats + 1):
    for name in TRAIN:
        t0 = time.perf_counter()
        booster = TRAIN[name]()
        t1 = time.perf_counter()
        PREDICT[name](booster)
        t2 = time.perf_counter()
        if r > 0:
            train[name].append(t1 - t0)
            predict[name].append(t2 - t1)
print(json.dumps({"lightgbm": lgb.__version__, "xgboost": xgb.__version__, "train": train, "predict": predict}))
