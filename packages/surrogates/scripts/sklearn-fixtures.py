"""Writes src/fixtures/sklearn-quality.json: train/test splits of three generated functions and
scikit-learn's test-set MAPE and R^2 for KNN and random forest, the oracle of sklearn-quality.test.ts.

Run from packages/surrogates with scikit-learn installed (pip install scikit-learn):

    python3 scripts/sklearn-fixtures.py

The settings of every model are written next to its scores and are the ones the test gives the
TypeScript regressors. Random forest scores are the median over five seeds, because a single
forest's score moves by a percent or two from seed to seed.
"""

import json
import pathlib

import numpy as np
import sklearn
from sklearn.datasets import make_friedman1, make_friedman2
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_percentage_error, r2_score
from sklearn.neighbors import KNeighborsRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

N_TRAIN, N_TEST = 400, 200


def mixed(n, seed):
    """A mixed-variable function shaped like the compression problem: two 3-way choices (ordinal
    codes 0..2), two reals in (0, 1), one binary; y > 0."""
    rng = np.random.default_rng(seed)
    c1 = rng.integers(0, 3, n)
    c2 = rng.integers(0, 3, n)
    r1 = rng.random(n)
    r2 = rng.random(n)
    b = rng.integers(0, 2, n)
    level = np.array([1.0, 0.4, 0.7])
    y = 1 + level[c1] * (1 - r1) ** 2 + level[c2] * np.sin(3 * r2) + 0.5 * b * r1 * r2 + 0.3 * (c1 == c2)
    return np.column_stack([c1, c2, r1, r2, b]).astype(float), y


def datasets():
    X, y = make_friedman1(N_TRAIN + N_TEST, n_features=10, noise=0.5, random_state=1)
    yield "friedman1", X, y
    X, y = make_friedman2(N_TRAIN + N_TEST, noise=10.0, random_state=2)
    yield "friedman2", X, y
    X, y = mixed(N_TRAIN + N_TEST, 3)
    yield "mixed", X, y


def models():
    for k, weights in [(5, "uniform"), (5, "distance"), (10, "uniform")]:
        settings = {"k": k, "weights": weights, "standardize": False}
        yield "knn", settings, lambda seed, k=k, w=weights: KNeighborsRegressor(n_neighbors=k, weights=w)
        std = {**settings, "standardize": True}
        yield "knn", std, lambda seed, k=k, w=weights: make_pipeline(
            StandardScaler(), KNeighborsRegressor(n_neighbors=k, weights=w)
        )
    for max_features, min_leaf in [(1.0, 1), (0.5, 1), (1.0, 5)]:
        settings = {"trees": 100, "maxFeatures": max_features, "minSamplesLeaf": min_leaf, "bootstrap": True}
        yield "randomForest", settings, lambda seed, mf=max_features, ml=min_leaf: RandomForestRegressor(
            n_estimators=100, max_features=mf, min_samples_leaf=ml, random_state=seed
        )


def matrix(a):
    return [[float(v) for v in row] for row in a]


def main():
    cases = []
    for name, X, y in datasets():
        train = {"X": matrix(X[:N_TRAIN]), "y": [float(v) for v in y[:N_TRAIN]]}
        test = {"X": matrix(X[N_TRAIN:]), "y": [float(v) for v in y[N_TRAIN:]]}
        scores = []
        for model, settings, make in models():
            seeds = [0] if model == "knn" else [0, 1, 2, 3, 4]
            mapes, r2s = [], []
            for seed in seeds:
                m = make(seed).fit(X[:N_TRAIN], y[:N_TRAIN])
                pred = m.predict(X[N_TRAIN:])
                mapes.append(mean_absolute_percentage_error(y[N_TRAIN:], pred))
                r2s.append(r2_score(y[N_TRAIN:], pred))
            scores.append(
                {"model": model, "settings": settings, "mape": float(np.median(mapes)), "r2": float(np.median(r2s))}
            )
        cases.append({"dataset": name, "train": train, "test": test, "scores": scores})
    out = {
        "generator": "packages/surrogates/scripts/sklearn-fixtures.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "cases": cases,
    }
    path = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "sklearn-quality.json"
    path.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print(f"wrote {len(cases)} datasets (scikit-learn {sklearn.__version__})")


if __name__ == "__main__":
    main()
