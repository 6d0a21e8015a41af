"""The PySide6 6.12.0 / Python 3.11 refcount workaround keeps None and True alive through many calls."""
import subprocess
import sys
from pathlib import Path


SCRIPT = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, sys.argv[1])
if sys.argv[2] == "fix":
    import solarfleet.widgets  # applies the workaround
from PySide6.QtCore import QObject, Signal
class O(QObject):
    s = Signal(int)
o = O()
o.s.connect(lambda v: None)
for i in range(30000):
    o.s.emit(i)
    o.setObjectName("x")
print("survived")
"""
REPO = str(Path(__file__).resolve().parents[2])


def _run(mode):
    return subprocess.run([sys.executable, "-c", SCRIPT, REPO, mode], capture_output=True, text=True, timeout=60)


def test_thirty_thousand_calls_do_not_abort():
    out = _run("fix")
    assert out.returncode == 0, out.stderr[-2000:]
    assert "survived" in out.stdout


def test_workaround_only_where_needed():
    import solarfleet.widgets._pyside_fix as fix
    if sys.version_info >= (3, 12):
        assert not fix.APPLIED
        return
    unprotected = _run("nofix")
    # PySide6 that leaks: without the workaround the interpreter aborts; a sound one survives either way
    assert fix.APPLIED == (unprotected.returncode != 0), unprotected.stderr[-500:]
