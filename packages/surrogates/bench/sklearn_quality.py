"""Refits scikit-learn's KNN and random forest on the train/test splits of
src/fixtures/sklearn-quality.json, with the settings of scripts/sklearn-fixtures.py, and prints
each model's test-set MAPE per seed (KNN: seed 0; random forest: seeds 0-4) as one JSON object.

    python3 bench/sklearn_quality.py
"""

import importlib.util
import json
import pathlib
import platform

import numpy as np
import sklearn
from sklearn.metrics import mean_absolute_percentage_error

root = pathlib.Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("sklearn_fixtures", root / "scripts" / "sklearn-fixtures.py")
fixtures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fixtures)

data = json.loads((root / "src" / "fixtures" / "sklearn-quality.json").read_text())
out = []
for case in data["cases"]:
    X_train, y_train = np.array(case["train"]["X"]), np.array(case["train"]["y"])
    X_test, y_test = np.array(case["test"]["X"]), np.array(case["test"]["y"])
    for model, settings, make in fixtures.models():
        seeds = [0] if model == "knn" else [0, 1, 2, 3, 4]
        mapes = []
        for seed in seeds:
            m = make(seed).fit(X_train, y_train)
            mapes.append(float(mean_absolute_percentage_error(y_test, m.predict(X_test))))
        out.append({"dataset": case["dataset"], "model": model, "settings": settings, "mape": mapes})
print(json.dumps({"sklearn": sklearn.__version__, "python": platform.python_version(), "scores": out}))
