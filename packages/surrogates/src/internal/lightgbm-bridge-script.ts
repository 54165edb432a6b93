/**
 * The Python side of the LightGBM bridge, written into the bridge's temp folder and run as
 * `python3 bridge.py train|predict`. Data travel as raw little-endian float64 files, so LightGBM
 * sees exactly the doubles the caller gave. Exit code 3 means numpy or lightgbm is missing.
 * lightgbm imports scikit-learn, pandas and friends only for optional interfaces the bridge does
 * not use; marking them absent before the import saves about a second per process start.
 */
export const LIGHTGBM_BRIDGE_SCRIPT = `import json, sys

for optional in ("sklearn", "pandas", "dask", "matplotlib", "graphviz", "pyarrow", "cffi"):
    sys.modules.setdefault(optional, None)

try:
    import numpy as np
    import lightgbm as lgb
except ImportError as error:
    sys.stderr.write("paretokit lightgbm bridge: cannot import %s\\n" % error.name)
    sys.exit(3)

job = json.load(open("job.json"))
X = np.fromfile("X.f64", dtype="<f8").reshape(job["rows"], job["cols"])
if sys.argv[1] == "train":
    y = np.fromfile("y.f64", dtype="<f8")
    booster = lgb.train(job["params"], lgb.Dataset(X, y), num_boost_round=job["rounds"])
    booster.save_model("model.txt")
else:
    booster = lgb.Booster(model_file="model.txt")
    booster.predict(X).astype("<f8").tofile("pred.f64")
`;
