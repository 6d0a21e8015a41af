"""The balance-branch models import without Qt."""
import subprocess
import sys


def test_models_import_without_qt():
    code = ("import sys; import models.load, models.synthetic_load, models.balance, models.battery, "
            "models.tariff, models.carbon; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'app', 'widgets')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
