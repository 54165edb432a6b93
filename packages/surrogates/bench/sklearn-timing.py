"""Times scikit-learn's RandomForestRegressor fit and predict on the data compare-sklearn.ts
writes (raw float64 files in the folder given as argv[1]); prints one JSON line.

    python3 bench/sklearn-timing.py <folder> <repeats> <n_jobs>
"""

import json
import pathlib
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestRegressor

folder, repeats, n_jobs = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
meta = json.loads((folder / "meta.json").read_text())
X = np.fromfile(folder / "X.f64", dtype="<f8").reshape(meta["rows"], meta["cols"])
y = np.fromfile(folder / "y.f64", dtype="<f8")
fits, predicts = [], []
for seed in range(repeats):
    model = RandomForestRegressor(n_estimators=meta["trees"], random_state=seed, n_jobs=n_jobs)
    t0 = time.perf_counter()
    model.fit(X, y)
    t1 = time.perf_counter()
    model.predict(X)
    t2 = time.perf_counter()
    fits.append(t1 - t0)
    predicts.append(t2 - t1)
print(json.dumps({"sklearn": sklearn.__version__, "fit": statistics.median(fits), "predict": statistics.median(predicts),
                  "fits": fits, "predicts": predicts}))
