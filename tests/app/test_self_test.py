"""``python -m app --self-test``: headless, a real fresh database and a real simulation; and the
windowed entry never writes to a None stdout/stderr."""
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

NO_CONSOLE = r'''
import sys
sys.stdout = None   # what a windowed PyInstaller build gives the program
sys.stderr = None
from solarfleet.app.__main__ import main
rc = main(sys.argv[1:])
sys.exit(rc)
'''


def _env(tmp_path):
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", SOLARFLEET_DATA_DIR=str(tmp_path / "data"))


def test_self_test_passes_without_a_console(tmp_path):
    """The whole self-test in a subprocess whose sys.stdout and sys.stderr are None."""
    report = tmp_path / "report"
    proc = subprocess.run([sys.executable, "-c", NO_CONSOLE, "--self-test", "--report-dir", str(report)],
                          cwd=REPO, env=_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr + (report / "self_test.txt").read_text(encoding="utf-8")
    assert proc.stdout == ""  # nothing printed, nothing crashed on the None stream
    data = json.loads((report / "self_test.json").read_text(encoding="utf-8"))
    assert data["ok"] and not data["frozen"]
    steps = {s["step"]: s for s in data["steps"]}
    assert steps["pvlib clear-sky (Linke turbidity)"]["linke_turbidity"] > 1.0
    assert steps["CEC module and inverter databases"]["cec_modules"] > 10000
    assert steps["fresh database with the demo fleet"]["demo_parks"] == 9
    sim = steps["simulate and store one demo park"]
    assert sim["run_id"] == 1 and 600 < sim["specific_yield_kWh_kWp"] < 2200
    assert "PASSED" in (report / "self_test.txt").read_text(encoding="utf-8")
    assert (report / "self_test.db").is_file()
    log = (tmp_path / "data" / "logs" / "solarfleet.log").read_text(encoding="utf-8")
    assert "self-test passed" in log


def test_self_test_prints_report_path_with_a_console(tmp_path, monkeypatch, capsys):
    from solarfleet.app import self_test
    monkeypatch.setattr(self_test, "STEPS", self_test.STEPS[:4])  # the data steps; the DB ones run above
    assert self_test.run_self_test(tmp_path) == 0
    out = capsys.readouterr().out
    assert "PASSED" in out and str(tmp_path / "self_test.json") in out


def test_self_test_failure_names_the_step(tmp_path, monkeypatch, capsys):
    from solarfleet.app import self_test

    def broken(ctx):
        raise self_test.SelfTestFailed("resources missing under /nowhere: demo_fleet.json")
    monkeypatch.setattr(self_test, "STEPS", (self_test.STEPS[0], ("resources and translations", broken),
                                             self_test.STEPS[-1]))
    assert self_test.run_self_test(tmp_path) == 1
    out = capsys.readouterr().out
    assert "FAIL  resources and translations: SelfTestFailed: resources missing" in out
    data = json.loads((tmp_path / "self_test.json").read_text(encoding="utf-8"))
    assert not data["ok"] and len(data["steps"]) == 2  # stops at the failing step
    assert "demo_fleet.json" in data["steps"][1]["error"]
    assert "FAILED at resources and translations" in (tmp_path / "self_test.txt").read_text(encoding="utf-8")


GUI_NO_CONSOLE = r'''
import sys, logging
sys.stdout = None
sys.stderr = None
from solarfleet.app.__main__ import build
qapp, application = build(["--no-demo", "--db", sys.argv[1], "--lang", "en"])
print("a stray print must not crash a windowed build")        # print() to None is a no-op
logging.getLogger("solarfleet.test").warning("warning without a console")
try:
    raise RuntimeError("uncaught in a slot, no console")
except RuntimeError:
    sys.excepthook(*sys.exc_info())                              # the dialog, not a crash
from solarfleet.app.gui import errors
ok = bool(errors._open_dialogs) and "no console" in errors._open_dialogs[-1].summary.text()
for d in list(errors._open_dialogs):
    d.close()
application.shutdown()
sys.exit(0 if ok and application.window is not None else 3)
'''


def test_gui_entry_with_none_stdout(tmp_path):
    """The windowed entry builds its window, logs, and survives an exception with no console at all."""
    db = tmp_path / "x.db"
    proc = subprocess.run([sys.executable, "-c", GUI_NO_CONSOLE, str(db)], cwd=REPO, env=_env(tmp_path),
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    log = (tmp_path / "data" / "logs" / "solarfleet.log").read_text(encoding="utf-8")
    assert "warning without a console" in log
    assert "uncaught in a slot, no console" in log and "Traceback" in log


def test_log_rotates(tmp_path):
    """The log file rotates at 2 MB and keeps 5 old files."""
    import logging
    from solarfleet.app.logging_setup import LOG_FILENAME, setup_logging
    path = setup_logging(tmp_path)
    root = logging.getLogger()
    try:
        lg = logging.getLogger("solarfleet.rotation")
        line = "x" * 1000
        for _ in range(2600):  # ~2.6 MB
            lg.info(line)
    finally:
        for h in list(root.handlers):
            if getattr(h, "_solarfleet", False):
                root.removeHandler(h)
                h.close()
    assert path.name == LOG_FILENAME
    assert (tmp_path / (LOG_FILENAME + ".1")).is_file()
    assert path.stat().st_size <= 2_000_000
