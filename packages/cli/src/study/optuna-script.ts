/**
 * The Python side of {@link runOptunaTpe}, run as `python3 -c SCRIPT` (no file, no shell). Node is
 * the evaluation server: the script runs Optuna's multi-objective `TPESampler(multivariate=True,
 * seed=seed)` and asks Node for every trial's objectives and constraints.
 *
 * Frames, both ways: a little-endian uint32 byte length, then that many bytes of UTF-8 JSON.
 * Non-finite numbers travel as the strings "NaN", "Infinity" and "-Infinity".
 * 1. Python: `{"hello": {"python": "3.11.7", "optuna": "5.1.0"}}`, or
 *    `{"unavailable": "optuna", "message": "..."}` and it exits.
 * 2. Node: `{"start": {"seed", "trials", "directions": ["minimize" | "maximize", ...],
 *    "variables": [{"name", "type": "float" | "int", "low", "high"} | {"name", "type":
 *    "categorical", "choices": [0, 1, ...]}], "constraints": ["g1", ...]}}`.
 * 3. Per trial, Python: `{"ask": [x...], "trial": n}`; Node: `{"f": [...], "g": [...]}`.
 * 4. Python: `{"done": {"trials": n}}` and it exits; or `{"error": "...", "trace": "..."}` and exit 1.
 * End of stdin at any point ends the process quietly.
 *
 * Constraints (feasible when g <= 0, Optuna's convention too) reach the sampler through
 * `Trial.set_constraint` (Optuna >= 5, which deprecates `constraints_func`) or, on older releases,
 * `TPESampler(constraints_func=...)`; the sampler reads both the same way. A row with a NaN value
 * (a failed evaluation) is told to Optuna as a failed trial. Optuna's logging and any library
 * prints stay off the frame stream: file descriptor 1 points at stderr and the frames go to a
 * private duplicate of the original stdout. On Linux the process asks the kernel to kill it when
 * its parent dies (PR_SET_PDEATHSIG), so no run leaves an orphan even after a SIGKILL of Node.
 */
export const OPTUNA_SCRIPT = `import json, math, os, struct, sys, traceback, warnings

try:
    import ctypes
    ctypes.CDLL(None).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
except Exception:
    pass

frames = os.fdopen(os.dup(1), "wb", buffering=0)
os.dup2(2, 1)
source = sys.stdin.buffer


def read_exact(n):
    parts = []
    while n > 0:
        chunk = source.read(n)
        if not chunk:
            sys.exit(0)  # Node closed stdin: the run is over
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


def receive():
    (length,) = struct.unpack("<I", read_exact(4))
    return json.loads(read_exact(length))


def send(message):
    body = json.dumps(message, allow_nan=False).encode()
    frames.write(struct.pack("<I", len(body)) + body)


def number(value):
    return float(value)  # also "NaN", "Infinity", "-Infinity"


try:
    import optuna
except ImportError as error:
    send({"unavailable": "optuna", "message": str(error)})
    sys.exit(0)

optuna.logging.set_verbosity(optuna.logging.WARNING)
warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
send({"hello": {"python": sys.version.split()[0], "optuna": optuna.__version__}})


def suggest(trial, variable):
    if variable["type"] == "float":
        return trial.suggest_float(variable["name"], variable["low"], variable["high"])
    if variable["type"] == "int":
        return trial.suggest_int(variable["name"], variable["low"], variable["high"])
    return trial.suggest_categorical(variable["name"], variable["choices"])


def run(spec):
    names = spec["constraints"]
    legacy = len(names) > 0 and not hasattr(optuna.trial.Trial, "set_constraint")

    def objective(trial):
        x = [suggest(trial, v) for v in spec["variables"]]
        send({"ask": x, "trial": trial.number})
        reply = receive()
        f = [number(v) for v in reply["f"]]
        g = [number(v) for v in reply["g"]]
        if any(math.isnan(v) for v in f + g):
            return [math.nan] * len(f) if len(f) > 1 else math.nan  # a failed trial
        if legacy:
            trial.set_user_attr("constraints", g)
        else:
            for name, value in zip(names, g):
                trial.set_constraint(name, value)
        return f if len(f) > 1 else f[0]

    sampler = optuna.samplers.TPESampler(
        multivariate=True,
        seed=spec["seed"],
        **({"constraints_func": lambda t: t.user_attrs["constraints"]} if legacy else {}),
    )
    study = optuna.create_study(directions=spec["directions"], sampler=sampler)
    study.optimize(objective, n_trials=spec["trials"], gc_after_trial=False)
    send({"done": {"trials": len(study.trials)}})


try:
    run(receive()["start"])
except SystemExit:
    raise
except BaseException as error:
    send({"error": "%s: %s" % (type(error).__name__, error), "trace": traceback.format_exc()})
    sys.exit(1)
`;
