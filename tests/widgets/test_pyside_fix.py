"""The PySide6 6.12.0 emit bug workaround keeps True alive through many emits."""
import subprocess
import sys

SCRIPT = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, sys.argv[1])
import widgets  # applies the workaround
from PySide6.QtCore import QObject, Signal
class O(QObject):
    s = Signal(int)
o = O()
o.s.connect(lambda v: None)
for i in range(20000):
    o.s.emit(i)
print("survived", sys.getrefcount(True) > 0)
"""


def test_twenty_thousand_emits_do_not_abort(tmp_path):
    from pathlib import Path
    repo = str(Path(__file__).resolve().parents[2])
    out = subprocess.run([sys.executable, "-c", SCRIPT, repo], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "survived True" in out.stdout
