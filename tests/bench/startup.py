"""Benchmark: time to the first window, on a first start (new data dir: demo seeded) and on later starts.

``python tests/bench/startup.py [--later 2] [--no-compile]``

Each start is a fresh Python process running the app's own start-up (``solarfleet.app.__main__.build``,
offscreen). The child prints when the first window (the splash on a first start, else the main window) is
on screen, when the main window is shown, and when the first fleet run has finished; the parent measures
from spawning the process. The first start uses an empty data dir; later starts reuse it. Ends with one
JSON line.

The project's own modules are byte-compiled first (``compileall``), as an installed wheel or the bundle has
them: with ``PYTHONDONTWRITEBYTECODE`` set a checkout would otherwise compile ~130 files on every start
(≈0.4 s that no user pays). ``--no-compile`` skips that.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CHILD = r"""
import sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication
from solarfleet.app.__main__ import build

def mark(name):
    print(name, flush=True)

qapp, application = build([], on_first_window=lambda: mark("FIRST_WINDOW"))
app = QApplication.instance()
deadline = time.perf_counter() + 300
while application.window is None and time.perf_counter() < deadline:
    app.processEvents(); time.sleep(0.005)
app.processEvents()
mark("MAIN_WINDOW")
s = application.session
while (s.runs.is_running() or not s.results.has_results()) and time.perf_counter() < deadline:
    app.processEvents(); time.sleep(0.01)
mark("RUN_DONE")
application.shutdown()
"""


def one_start(data_dir: str) -> dict:
    env = dict(os.environ, SOLARFLEET_DATA_DIR=data_dir, QT_QPA_PLATFORM="offscreen")
    env.pop("SOLARFLEET_DB", None)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", CHILD], cwd=str(REPO), env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    marks = {}
    for line in proc.stdout:
        name = line.strip()
        if name in ("FIRST_WINDOW", "MAIN_WINDOW", "RUN_DONE"):
            marks[name] = time.perf_counter() - t0
    proc.wait(timeout=60)
    return {"first_window_s": marks.get("FIRST_WINDOW", marks.get("MAIN_WINDOW")),
            "main_window_s": marks.get("MAIN_WINDOW"), "results_s": marks.get("RUN_DONE"),
            "exit_code": proc.returncode}


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--later", type=int, default=2, help="later starts to time (same data dir)")
    p.add_argument("--no-compile", action="store_true", help="do not byte-compile the project's modules first")
    args = p.parse_args(argv)
    if not args.no_compile:
        import compileall
        for folder in ("app", "widgets", "models", "resources"):
            compileall.compile_dir(str(REPO / folder), quiet=1)
    data_dir = tempfile.mkdtemp(prefix="solarfleet-startup-")
    first = one_start(data_dir)
    print(f"first start: first window {first['first_window_s']:.2f} s, main window {first['main_window_s']:.2f} s, "
          f"results {first['results_s']:.2f} s")
    later = []
    for i in range(args.later):
        r = one_start(data_dir)
        later.append(r)
        print(f"later start {i + 1}: first window {r['first_window_s']:.2f} s, main window "
              f"{r['main_window_s']:.2f} s, results {r['results_s']:.2f} s")
    best_later = min(r["first_window_s"] for r in later) if later else None
    print(json.dumps({"bench": "startup", "first_start_first_window_s": round(first["first_window_s"], 3),
                      "first_start_main_window_s": round(first["main_window_s"], 3),
                      "first_start_results_s": round(first["results_s"], 3),
                      "later_start_first_window_s": None if best_later is None else round(best_later, 3),
                      "later_starts": [{k: (round(v, 3) if isinstance(v, float) else v) for k, v in r.items()}
                                       for r in later],
                      "compiled": not args.no_compile, "target_s": 2.0}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
