/**
 * The Python side of {@link surrogateBridge}, run as `python3 -u -c SCRIPT` (no file, no shell).
 * It serves training and prediction requests of LightGBM and XGBoost (their PyPI packages) one at
 * a time over stdin/stdout until stdin closes.
 *
 * Frames, both ways: 8 bytes (little-endian uint32 body length, uint32 header length), then the
 * body: a JSON header followed by raw little-endian float64 arrays whose sizes the header gives.
 * Requests: `{ id, op: "hello" }`, `{ id, op: "train", library, rows, cols, rounds, params }` +
 * X + y, `{ id, op: "predict", library, rows, cols, model }` + X. Replies: `{ id, ok: true,
 * seconds, ... }` followed by the model text (UTF-8) after a training or the float64 predictions,
 * or `{ id, ok: false, kind: "unavailable" | "library", message, trace }`.
 *
 * The libraries' own output must never reach the frame stream, so file descriptor 1 is pointed at
 * stderr and the frames go to a private duplicate of the original stdout. On Linux the process asks
 * the kernel to kill it when its parent dies (no orphans even after a SIGKILL of Node). lightgbm and
 * xgboost import scikit-learn, pandas and friends only for interfaces not used here; marking them
 * absent saves about a second per start.
 */
export const BRIDGE_SERVER_SCRIPT = `import json, os, struct, sys, time, traceback

for optional in ("sklearn", "pandas", "dask", "matplotlib", "graphviz", "pyarrow", "cffi", "cupy", "polars"):
    sys.modules.setdefault(optional, None)

try:
    import ctypes
    ctypes.CDLL(None).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
except Exception:
    pass

frames = os.fdopen(os.dup(1), "wb", buffering=0)
os.dup2(2, 1)
source = sys.stdin.buffer

try:
    import numpy as np
except ImportError:
    np = None


class Unavailable(Exception):
    pass


MODULES = {}


def library(name):
    if name not in ("lightgbm", "xgboost"):
        raise ValueError("unknown library %r" % name)
    if name not in MODULES:
        if np is None:
            raise Unavailable("numpy")
        try:
            MODULES[name] = __import__(name)
        except ImportError as error:
            raise Unavailable(name) from error
    return MODULES[name]


def read_exact(n):
    parts = []
    while n > 0:
        chunk = source.read(n)
        if not chunk:
            return None
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


def send(header, payload=b""):
    head = json.dumps(header).encode()
    frames.write(struct.pack("<II", len(head) + len(payload), len(head)) + head + payload)


def arrays(blob, rows, cols, with_y):
    X = np.frombuffer(blob, dtype="<f8", count=rows * cols).reshape(rows, cols)
    if not with_y:
        return X, None
    return X, np.frombuffer(blob, dtype="<f8", count=rows, offset=rows * cols * 8)


def train(req, blob):
    X, y = arrays(blob, req["rows"], req["cols"], True)
    if req["library"] == "lightgbm":
        lgb = library("lightgbm")
        booster = lgb.train(req["params"], lgb.Dataset(X, y), num_boost_round=req["rounds"])
        return {}, booster.model_to_string().encode()
    xgb = library("xgboost")
    booster = xgb.train(req["params"], xgb.DMatrix(X, label=y), num_boost_round=req["rounds"])
    return {}, bytes(booster.save_raw("json"))


def predict(req, blob):
    X, _ = arrays(blob, req["rows"], req["cols"], False)
    if req["library"] == "lightgbm":
        out = library("lightgbm").Booster(model_str=req["model"]).predict(X)
    else:
        xgb = library("xgboost")
        booster = xgb.Booster()
        booster.load_model(bytearray(req["model"].encode()))
        out = booster.predict(xgb.DMatrix(X))
    return {}, np.asarray(out, dtype="<f8").tobytes()


def hello(req, blob):
    found = {"python": sys.version.split()[0], "numpy": np.__version__ if np is not None else None}
    for name in req.get("libraries", []):
        try:
            found[name] = library(name).__version__
        except Unavailable:
            found[name] = None
    return {"versions": found}, b""


HANDLERS = {"hello": hello, "train": train, "predict": predict}

while True:
    head = read_exact(8)
    if head is None:
        break
    total, head_length = struct.unpack("<II", head)
    body = read_exact(total)
    if body is None:
        break
    req = json.loads(body[:head_length])
    try:
        started = time.perf_counter()
        reply, payload = HANDLERS[req["op"]](req, body[head_length:])
        send(dict(reply, id=req["id"], ok=True, seconds=time.perf_counter() - started), payload)
    except Unavailable as error:
        send({"id": req["id"], "ok": False, "kind": "unavailable", "message": str(error), "trace": ""})
    except Exception as error:
        trace = traceback.format_exc()[-4000:]
        send({"id": req["id"], "ok": False, "kind": "library", "message": repr(error), "trace": trace})
`;
