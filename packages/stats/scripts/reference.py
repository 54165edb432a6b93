"""Expected values for the @paretokit/stats tests, computed with scipy, scikit-posthocs,
statsmodels and mpmath. Writes src/fixtures/reference.json (relative to this package).

Run from anywhere:  python3 packages/stats/scripts/reference.py
All datasets are fixed (a seeded numpy Generator where they are larger), so the output is
reproducible for the recorded library versions.
"""

import json
import pathlib

import mpmath
import numpy as np
import scikit_posthocs as sp
import scipy
import scipy.stats as ss
import statsmodels
from statsmodels.stats.multitest import multipletests

OUT = pathlib.Path(__file__).resolve().parent.parent / "src" / "fixtures" / "reference.json"
rng = np.random.default_rng(20240611)


def fl(v):
    return [float(a) for a in v]


def rounded(a, digits):
    return [float(v) for v in np.round(np.asarray(a, dtype=float), digits)]


# ---------------------------------------------------------------- datasets
tables = {
    # 6 blocks x 3 treatments, from the scikit-posthocs docstring (row 1 has a tie)
    "posthoc_doc": [[31, 27, 24], [31, 28, 31], [45, 29, 46], [21, 18, 48], [42, 36, 46], [32, 17, 40]],
    # hypervolumes of 4 methods on 5 problems x 2 seeds, with ties inside blocks
    "hypervolumes_ties": [
        [0.81, 0.79, 0.81, 0.70],
        [0.82, 0.80, 0.78, 0.71],
        [0.65, 0.65, 0.65, 0.60],
        [0.66, 0.64, 0.61, 0.66],
        [0.91, 0.88, 0.90, 0.85],
        [0.90, 0.90, 0.89, 0.84],
        [0.55, 0.57, 0.52, 0.50],
        [0.56, 0.54, 0.53, 0.52],
        [0.72, 0.70, 0.71, 0.69],
        [0.73, 0.71, 0.71, 0.70],
    ],
    # 30 blocks x 5 treatments of continuous values with location shifts
    "random_30x5": (rng.normal(size=(30, 5)) + np.array([0.0, 0.3, 0.5, 0.5, 1.2])).round(6).tolist(),
    # 12 blocks x 6 treatments of small integers (many ties)
    "integers_12x6": rng.integers(0, 4, size=(12, 6)).tolist(),
    # 3 blocks x 4 treatments, one fully tied block
    "small_tied_block": [[1, 2, 3, 4], [5, 5, 5, 5], [4, 3, 1, 2]],
}

group_sets = {
    "posthoc_doc": [[1, 2, 3, 5, 1], [12, 31, 54], [10, 12, 6, 74, 11]],
    "ties_4": [[1, 2, 2, 3, 4, 4], [2, 3, 5, 5, 6], [4, 6, 7, 7, 8, 9, 9], [1, 1, 2, 3]],
    "random_5": [
        (rng.normal(size=n) + shift).round(5).tolist()
        for n, shift in [(12, 0.0), (9, 0.8), (15, 0.2), (10, 1.5), (7, 0.4)]
    ],
}

pairs = {
    # no ties, no zeros, n = 10: exact under 'auto'
    "exact_10": (
        [0.92, 0.81, 1.23, 0.67, 1.05, 0.99, 1.31, 0.74, 1.11, 0.89],
        [0.85, 0.80, 1.02, 0.70, 0.91, 1.07, 1.12, 0.69, 1.15, 0.74],
    ),
    # zeros and ties, n = 12: permutation (2^12 sign flips) under 'auto'
    "zeros_ties_12": (
        [5, 7, 3, 9, 4, 6, 8, 2, 7, 5, 6, 10],
        [5, 5, 4, 6, 4, 3, 5, 2, 6, 6, 4, 7],
    ),
    # ties but no zeros, n = 20: normal approximation under 'auto'
    "ties_20": (
        [10, 12, 9, 14, 11, 13, 10, 15, 12, 9, 16, 11, 13, 12, 10, 14, 17, 11, 12, 15],
        [9, 10, 10, 11, 9, 12, 8, 12, 11, 10, 12, 9, 10, 13, 8, 11, 13, 10, 9, 12],
    ),
    # zeros and ties, n = 25: normal approximation under 'auto'
    "zeros_25": (
        [3, 4, 5, 3, 6, 2, 4, 5, 7, 3, 4, 6, 5, 4, 3, 8, 5, 4, 6, 2, 5, 4, 7, 3, 6],
        [3, 3, 4, 4, 4, 2, 3, 5, 5, 2, 4, 4, 3, 3, 3, 6, 4, 5, 4, 2, 3, 4, 5, 3, 4],
    ),
    # continuous, n = 40: exact under 'auto' (n <= 50)
    "continuous_40": tuple(v.round(6).tolist() for v in (rng.normal(size=40) + 0.3, rng.normal(size=40))),
    # continuous, n = 80: normal approximation under 'auto' (n > 50)
    "continuous_80": tuple(v.round(6).tolist() for v in (rng.normal(size=80) + 0.2, rng.normal(size=80))),
}

samples = {
    # no ties, sizes 5 and 7: exact under 'auto'
    "exact_5_7": ([0.81, 0.77, 0.92, 0.85, 0.88], [0.71, 0.79, 0.74, 0.83, 0.69, 0.76, 0.72]),
    # no ties, sizes 8 and 20: exact under 'auto' (one sample has at most 8 values)
    "exact_8_20": tuple(v.round(6).tolist() for v in (rng.normal(size=8) + 0.5, rng.normal(size=20))),
    # ties, sizes 6 and 6: asymptotic with tie correction
    "ties_6_6": ([1, 2, 2, 3, 5, 5], [2, 3, 4, 4, 5, 6]),
    # no ties, sizes 15 and 12: asymptotic
    "continuous_15_12": tuple(v.round(6).tolist() for v in (rng.normal(size=15) + 0.7, rng.normal(size=12))),
    # ties, sizes 30 and 25
    "integers_30_25": tuple(v.tolist() for v in (rng.integers(0, 10, size=30), rng.integers(2, 12, size=25))),
}

for name in ["exact_10", "continuous_40"]:
    d = np.abs(np.subtract(*pairs[name]))
    assert len(np.unique(d)) == len(d) and d.min() > 0, f"{name} must have no ties and no zeros"

# ---------------------------------------------------------------- friedman
friedman_cases = []
for name, table in tables.items():
    a = np.asarray(table, dtype=float)
    n, k = a.shape
    res = ss.friedmanchisquare(*a.T)
    chi2 = float(res.statistic)
    mean_ranks = ss.rankdata(a, axis=1, method="average").mean(axis=0)
    # Iman & Davenport (1980), from scipy's chi-square.
    f = (n - 1) * chi2 / (n * (k - 1) - chi2)
    df1, df2 = k - 1, (k - 1) * (n - 1)
    friedman_cases.append(
        {
            "name": name,
            "table": table,
            "statistic": chi2,
            "pValue": float(res.pvalue),
            "df": k - 1,
            "meanRanks": fl(mean_ranks),
            "imanDavenport": {"statistic": f, "pValue": float(ss.f.sf(f, df1, df2)), "df1": df1, "df2": df2},
        }
    )

# ---------------------------------------------------------------- dunn
def upper(m):
    m = np.asarray(m)
    i, j = np.triu_indices(m.shape[0], 1)
    return fl(m[i, j])


dunn_cases = []
for name, groups in group_sets.items():
    case = {"name": name, "design": "kruskal", "data": groups}
    for adjust in ["holm", "bonferroni", None]:
        case[adjust or "none"] = upper(sp.posthoc_dunn(groups, p_adjust=adjust).to_numpy())
    case["meanRanks"] = fl(
        [np.mean(ss.rankdata(np.concatenate(groups))[sum(map(len, groups[:g])) : sum(map(len, groups[: g + 1]))]) for g in range(len(groups))]
    )
    dunn_cases.append(case)
for name in ["posthoc_doc", "hypervolumes_ties", "random_30x5", "integers_12x6"]:
    table = np.asarray(tables[name], dtype=float)
    case = {"name": name, "design": "friedman", "data": tables[name]}
    for adjust in ["holm", "bonferroni", None]:
        case[adjust or "none"] = upper(sp.posthoc_siegel_friedman(table, p_adjust=adjust).to_numpy())
    case["meanRanks"] = fl(ss.rankdata(table, axis=1, method="average").mean(axis=0))
    dunn_cases.append(case)

# ---------------------------------------------------------------- wilcoxon
wilcoxon_cases = []
for name, (x, y) in pairs.items():
    for alternative in ["two-sided", "less", "greater"]:
        for zero_method in ["wilcox", "pratt", "zsplit"]:
            for method, scipy_method in [("auto", "auto"), ("exact", "exact"), ("approx", "asymptotic")]:
                for correction in [False, True]:
                    if correction and method != "approx":
                        continue
                    if method == "exact" and len(x) > 50:
                        continue
                    res = ss.wilcoxon(
                        x, y, zero_method=zero_method, correction=correction, alternative=alternative, method=scipy_method
                    )
                    wilcoxon_cases.append(
                        {
                            "name": name,
                            "options": {
                                "alternative": alternative,
                                "zeroMethod": zero_method,
                                "method": method,
                                "correction": correction,
                            },
                            "statistic": float(res.statistic),
                            "pValue": float(res.pvalue),
                        }
                    )

# ---------------------------------------------------------------- mann-whitney
mann_whitney_cases = []
for name, (x, y) in samples.items():
    for alternative in ["two-sided", "less", "greater"]:
        for method in ["auto", "exact", "asymptotic"]:
            for continuity in [True, False]:
                if not continuity and method == "exact":
                    continue
                res = ss.mannwhitneyu(x, y, use_continuity=continuity, alternative=alternative, method=method)
                mann_whitney_cases.append(
                    {
                        "name": name,
                        "options": {"alternative": alternative, "method": method, "continuity": continuity},
                        "statistic": float(res.statistic),
                        "pValue": float(res.pvalue),
                    }
                )

# ---------------------------------------------------------------- adjust p-values
p_sets = [
    [0.01, 0.04, 0.03, 0.005, 0.2],
    [0.5, 0.5, 0.01, 0.01, 0.9, 0.03],
    [0.001],
    fl(rng.uniform(0, 0.2, size=15).round(8)),
    [0.04, 0.04, 0.04],
]
adjust_cases = [
    {"p": p, "holm": fl(multipletests(p, method="holm")[1]), "bonferroni": fl(multipletests(p, method="bonferroni")[1])}
    for p in p_sets
]

# ---------------------------------------------------------------- special functions (mpmath, 30 digits)
mpmath.mp.dps = 30
normal_cases = [
    {"z": z, "sf": float(mpmath.ncdf(-z)), "cdf": float(mpmath.ncdf(z))}
    for z in [-8.5, -3.2, -1.0, -0.3, 0.0, 0.1, 0.7, 1.2, 1.6448536269514722, 1.959963984540054, 2.5, 3.7, 5.0, 7.3, 10.0, 20.0, 35.0]
]
gamma_cases = [
    {"a": a, "x": x, "q": float(mpmath.gammainc(a, x, mpmath.inf, regularized=True))}
    for a, x in [(0.5, 0.2), (0.5, 3.0), (1.0, 2.0), (1.5, 0.7), (2.0, 10.0), (3.5, 2.0), (4.5, 30.0), (10.0, 8.0), (25.0, 40.0), (60.0, 55.0), (120.5, 200.0)]
]
beta_cases = [
    {"x": x, "a": a, "b": b, "i": float(mpmath.betainc(a, b, 0, x, regularized=True))}
    for x, a, b in [(0.3, 0.5, 0.5), (0.5, 2.0, 3.0), (0.9, 1.5, 14.0), (0.1, 7.5, 1.5), (0.97, 40.0, 2.0), (0.2, 20.0, 30.0), (0.6, 100.0, 80.0)]
]
log_gamma_cases = [{"x": x, "value": float(mpmath.loggamma(x))} for x in [0.1, 0.5, 1.0, 1.5, 2.5, 7.0, 14.9, 15.0, 33.5, 170.2, 1000.5]]

OUT.parent.mkdir(parents=True, exist_ok=True)
OUT.write_text(
    json.dumps(
        {
            "generator": "packages/stats/scripts/reference.py",
            "versions": {
                "scipy": scipy.__version__,
                "scikit-posthocs": sp.__version__,
                "statsmodels": statsmodels.__version__,
                "numpy": np.__version__,
                "mpmath": mpmath.__version__,
            },
            "pairs": {name: {"x": x, "y": y} for name, (x, y) in pairs.items()},
            "samples": {name: {"x": x, "y": y} for name, (x, y) in samples.items()},
            "friedman": friedman_cases,
            "dunn": dunn_cases,
            "wilcoxon": wilcoxon_cases,
            "mannWhitney": mann_whitney_cases,
            "adjustPValues": adjust_cases,
            "normal": normal_cases,
            "incompleteGamma": gamma_cases,
            "incompleteBeta": beta_cases,
            "logGamma": log_gamma_cases,
        },
        indent=1,
    )
    + "\n"
)
print(f"wrote {OUT.name}: {len(friedman_cases)} friedman, {len(dunn_cases)} dunn, {len(wilcoxon_cases)} wilcoxon, "
      f"{len(mann_whitney_cases)} mannWhitney, {len(adjust_cases)} adjust")
