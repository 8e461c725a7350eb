"""Helpers of the real-Optuna check (optuna.test.ts): they read an exported study script's data and
training, and a study in an Optuna storage, and print JSON for the TypeScript side to compare.

    python3 inspect_study.py data SCRIPT                  the prepared data and the 2-D toy sets
    python3 inspect_study.py train SCRIPT CASES_JSON      dev curves of train() for [{optimizer, values}]
    python3 inspect_study.py study STORAGE STUDY_NAME     every trial of a stored study (optuna.load_study)
    python3 inspect_study.py yaml FILE                    a YAML file as PyYAML reads it (the W&B sweep)
    python3 inspect_study.py parse FILE                   whether a file is valid Python (the Ray Tune space)
"""
import importlib.util
import json
import math
import sys


def load_script(path):
    spec = importlib.util.spec_from_file_location("exported_study", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def floats(a):
    # float32 → double is exact, and JSON keeps a double exactly: the TS side compares with ===.
    return a.astype(float).ravel().tolist()


def data(path):
    m = load_script(path)
    d = m.prepared_data()
    toy = {}
    for name in m.JITTER:
        x, y = m.toy_set(name, m.NETWORK["toy_set_size"], m.NETWORK["noise"], m.SEED)
        toy[name] = {"x": floats(x), "y": y.tolist()}
    return {
        "seed": m.SEED,
        "x_train": floats(d["x_train"]),
        "y_train": d["y_train"].tolist(),
        "x_dev": floats(d["x_dev"]),
        "y_dev": d["y_dev"].tolist(),
        "toy": toy,
    }


def train(path, cases):
    m = load_script(path)
    out = []
    for case in cases:
        m.OPTIMIZER = case["optimizer"]
        result = m.train(case["values"])
        out.append({k: result[k] for k in ("status", "reason", "steps", "dev_cost", "curve")})
    return out


def study(storage, name):
    import optuna

    s = optuna.load_study(study_name=name, storage=storage)
    trials = []
    for t in s.get_trials(deepcopy=False):
        value = t.value
        trials.append({
            "number": t.number,
            "state": t.state.name,
            "params": t.params,
            # JSON has no infinity: a diverged trial's value is written as the string "inf".
            "value": None if value is None else (value if math.isfinite(value) else str(value)),
            "worker": t.user_attrs.get("worker"),
            "status": t.user_attrs.get("outcome", {}).get("status"),
            "reported": len(t.intermediate_values),
        })
    return {"optuna": optuna.__version__, "trials": trials}


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "data":
        result = data(sys.argv[2])
    elif command == "train":
        result = train(sys.argv[2], json.loads(sys.argv[3]))
    elif command == "study":
        result = study(sys.argv[2], sys.argv[3])
    elif command == "yaml":
        import yaml

        with open(sys.argv[2], encoding="utf-8") as f:
            result = yaml.safe_load(f)
    elif command == "parse":
        import ast

        with open(sys.argv[2], encoding="utf-8") as f:
            ast.parse(f.read(), sys.argv[2])
        result = {"ok": True}
    else:
        sys.exit("unknown command " + command)
    json.dump(result, sys.stdout)
