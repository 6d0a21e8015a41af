"""models/ must import and run without Qt (CLI, batch workers, tests use it headless)."""
import pkgutil
import subprocess
import sys
from pathlib import Path

import solarfleet.models as models

REPO = Path(__file__).resolve().parents[2]


def test_models_import_without_pyside6():
    names = sorted(m.name for m in pkgutil.walk_packages(models.__path__, "solarfleet.models."))
    code = ("import importlib, sys\n"
            f"for n in {names!r}: importlib.import_module(n)\n"
            "from solarfleet.models.demo import demo_fleet; demo_fleet()\n"
            "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph', 'solarfleet.app', 'solarfleet.widgets')))\n"
            "print(','.join(bad))\n")
    res = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "", f"models pulled in: {res.stdout.strip()}"
    assert len(names) >= 5
