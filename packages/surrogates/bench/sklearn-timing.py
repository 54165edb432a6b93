"""Times scikit-learn's RandomForestRegressor (or KNeighborsRegressor) fit and predict on the data
compare-sklearn.ts / sklearn-comparison.ts write (raw float64 files in the folder given as
argv[1]); prints one JSON line.

    python3 bench/sklearn-timing.py <folder> <repeats> <n_jobs> [rf|knn]

rf: 100 trees (scikit-learn's defaults otherwise), fit on all rows and predict the same rows.
knn: k = 5, fit on all rows, predict the first meta["queries"] rows.
"""

import json
import pathlib
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestRegressor
from sklearn.neighbors import KNeighborsRegressor

folder, repeats, n_jobs = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
kind = sys.argv[4] if len(sys.argv) > 4 else "rf"
meta = json.loads((folder / "meta.json").read_text())
X = np.fromfile(folder / "X.f64", dtype="<f8").reshape(meta["rows"], meta["cols"])
y = np.fromfile(folder / "y.f64", dtype="<f8")
queries = X[: meta.get("queries", meta["rows"])]
fits, predicts = [], []
for seed in range(repeats):
    if kind == "knn":
        model = KNeighborsRegressor(n_neighbors=5, n_jobs=n_jobs)
    else:
        model = RandomForestRegressor(n_estimators=meta["trees"], random_state=seed, n_jobs=n_jobs)
    t0 = time.perf_counter()
    model.fit(X, y)
    t1 = time.perf_counter()
    model.predict(queries if kind == "knn" else X)
    t2 = time.perf_counter()
    fits.append(t1 - t0)
    predicts.append(t2 - t1)
print(json.dumps({"sklearn": sklearn.__version__, "fit": statistics.median(fits), "predict": statistics.median(predicts),
                  "fits": fits, "predicts": predicts}))
