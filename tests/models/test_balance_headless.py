"""The consumption, balance, tariff, battery and carbon models import without Qt."""
import subprocess
import sys


def test_models_import_without_qt():
    code = ("import sys; import solarfleet.models.energy.load, solarfleet.models.energy.synthetic_load, solarfleet.models.energy.balance, solarfleet.models.energy.battery, "
            "solarfleet.models.energy.tariff, solarfleet.models.energy.carbon; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'solarfleet.app', 'solarfleet.widgets'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
