"""Writes src/fixtures/sklearn-gp.json: scikit-learn's GaussianProcessRegressor on a few generated
data sets, the oracle of gaussian-process-regressor.test.ts.

Run from packages/surrogates with scikit-learn installed (pip install scikit-learn):

    python3 scripts/gp-fixtures.py && npx biome format --write src/fixtures/sklearn-gp.json

For every data set (1-D, 3-D noisy, 7-D with columns of very different scales, 15-D noisy):

- "fixed": kernels with FIXED hyperparameters (optimizer=None), ConstantKernel * RBF or Matern
  (nu 2.5 / 1.5, one length scale per column) plus a WhiteKernel or only alpha on the diagonal,
  with and without normalize_y. Written: the posterior mean and standard deviation at the test
  rows (scikit-learn's std includes the WhiteKernel noise), the latent standard deviation (the
  same predict with the WhiteKernel dropped from the fitted kernel, so the noise is left out) and
  the log marginal likelihood. The TypeScript regressor must match them to 1e-8 relative.
- "optimized": the same kernel family with hyperparameters fitted by scikit-learn's L-BFGS-B with
  n_restarts_optimizer restarts, for several random_state seeds. Written: the fitted log marginal
  likelihood, kernel and predictions. The TypeScript regressor must reach at least that likelihood
  (within a small tolerance). The test rows carry the noise-free function values, to compare
  the accuracy of the two fits where they reach different optima.

Inputs are not rescaled (the TypeScript side runs with normalizeX: false); targets are
standardised by normalize_y where the case says so.
"""

import json
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel, Matern, WhiteKernel

N_TEST = 20
KERNELS = {"rbf": None, "matern52": 2.5, "matern32": 1.5}


def one_d():
    rng = np.random.default_rng(11)
    x = rng.random(15)
    test = np.linspace(-0.1, 1.1, N_TEST)
    f = lambda v: np.sin(6 * v) + 0.5 * v  # noqa: E731
    return x[:, None], f(x), test[:, None], f(test)


def three_d_noisy():
    rng = np.random.default_rng(12)
    X = rng.uniform(-2, 2, (40, 3))
    f = lambda A: np.sin(A[:, 0]) * np.cos(A[:, 1]) + 0.3 * A[:, 2] ** 2  # noqa: E731
    test = rng.uniform(-2, 2, (N_TEST, 3))
    return X, f(X) + rng.normal(0, 0.1, len(X)), test, f(test)


def seven_d_mixed():
    rng = np.random.default_rng(13)
    scale = np.array([1.0, 100.0, 0.01, 1000.0, 5.0, 0.1, 20.0])
    offset = np.array([0.0, -50.0, 0.3, 2000.0, 1.0, 0.0, 100.0])
    U = rng.random((60, 7))
    test_u = rng.random((N_TEST, 7))
    f = lambda A: (  # noqa: E731
        np.sin(3 * A[:, 0]) + A[:, 1] * A[:, 2] + (A[:, 3] - 0.5) ** 2 + 0.2 * A[:, 4] + 0.1 * A[:, 5] * A[:, 6]
    )
    return offset + scale * U, 10 + 5 * f(U), offset + scale * test_u, 10 + 5 * f(test_u)


def fifteen_d_noisy():
    rng = np.random.default_rng(14)
    X = rng.random((80, 15))
    f = lambda A: (  # noqa: E731
        10 * np.sin(np.pi * A[:, 0] * A[:, 1]) + 20 * (A[:, 2] - 0.5) ** 2 + 10 * A[:, 3] + 5 * A[:, 4] + A[:, 5:].sum(1)
    )
    test = rng.random((N_TEST, 15))
    return X, f(X) + rng.normal(0, 0.5, len(X)), test, f(test)


def correlation(name, length_scale, bounds):
    nu = KERNELS[name]
    if nu is None:
        return RBF(length_scale, bounds)
    return Matern(length_scale, bounds, nu=nu)


def fixed_case(X, y, test, kernel, scales, amplitude, noise, alpha, normalize_y):
    k = ConstantKernel(amplitude, "fixed") * correlation(kernel, np.array(scales), "fixed")
    if noise > 0:
        k = k + WhiteKernel(noise, "fixed")
    gp = GaussianProcessRegressor(k, alpha=alpha, normalize_y=normalize_y, optimizer=None).fit(X, y)
    mean, std = gp.predict(test, return_std=True)
    if noise > 0:
        gp.kernel_ = gp.kernel_.k1  # cross-covariances are unchanged; the diagonal loses the noise
    _, latent = gp.predict(test, return_std=True)
    return {
        "kernel": kernel,
        "lengthScale": [float(v) for v in scales],
        "amplitude": amplitude,
        "noise": noise,
        "alpha": alpha,
        "normalizeY": normalize_y,
        "mean": [float(v) for v in mean],
        "std": [float(v) for v in std],
        "latentStd": [float(v) for v in latent],
        "logMarginalLikelihood": float(gp.log_marginal_likelihood_value_),
    }


def optimized_case(X, y, test, kernel, noise, restarts, seeds):
    d = X.shape[1]
    bounds = {"lengthScale": [1e-5, 1e5], "amplitude": [1e-5, 1e5], "noise": [1e-6, 10.0]}
    runs = []
    for seed in seeds:
        k = ConstantKernel(1.0, bounds["amplitude"]) * correlation(kernel, np.ones(d), bounds["lengthScale"])
        k = k + WhiteKernel(noise, bounds["noise"])
        gp = GaussianProcessRegressor(k, normalize_y=True, n_restarts_optimizer=restarts, random_state=seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            gp.fit(X, y)
        mean, std = gp.predict(test, return_std=True)
        runs.append(
            {
                "seed": seed,
                "logMarginalLikelihood": float(gp.log_marginal_likelihood_value_),
                "fittedKernel": str(gp.kernel_),
                "mean": [float(v) for v in mean],
                "std": [float(v) for v in std],
            }
        )
    return {
        "kernel": kernel,
        "initial": {"lengthScale": 1.0, "amplitude": 1.0, "noise": noise},
        "bounds": bounds,
        "restarts": restarts,
        "normalizeY": True,
        "runs": runs,
    }


def matrix(a):
    return [[float(v) for v in row] for row in a]


def main():
    cases = []
    specs = [
        ("1d", one_d, [0.3], [("matern52", 1e-2), ("rbf", 1.0)]),
        ("3d-noisy", three_d_noisy, [1.0, 1.5, 2.0], [("matern52", 1e-4), ("matern32", 1.0)]),
        ("7d-mixed-scale", seven_d_mixed, [0.5, 60.0, 0.008, 400.0, 5.0, 0.1, 30.0], [("matern52", 1e-4)]),
        ("15d-noisy", fifteen_d_noisy, [0.8] * 5 + [2.0] * 10, [("matern32", 1e-4), ("rbf", 1e-2)]),
    ]
    for name, make, scales, optimized in specs:
        X, y, test, truth = make()
        fixed = []
        for kernel in KERNELS:
            # A fixed white-noise level or alpha only, each with and without normalize_y.
            fixed.append(fixed_case(X, y, test, kernel, scales, 1.3, 1e-2, 1e-10, True))
            fixed.append(fixed_case(X, y, test, kernel, scales, 0.7, 0.0, 1e-6, False))
            fixed.append(fixed_case(X, y, test, kernel, scales, 2.0, 1e-3, 1e-8, False))
            fixed.append(fixed_case(X, y, test, kernel, scales, 0.9, 0.0, 1e-4, True))
        fits = [optimized_case(X, y, test, kernel, noise, 2, [0, 1, 2]) for kernel, noise in optimized]
        cases.append(
            {
                "dataset": name,
                "train": {"X": matrix(X), "y": [float(v) for v in y]},
                "test": {"X": matrix(test), "y": [float(v) for v in truth]},
                "fixed": fixed,
                "optimized": fits,
            }
        )
    out = {
        "generator": "packages/surrogates/scripts/gp-fixtures.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "cases": cases,
    }
    path = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "sklearn-gp.json"
    path.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print(f"wrote {len(cases)} datasets (scikit-learn {sklearn.__version__})")


if __name__ == "__main__":
    main()
