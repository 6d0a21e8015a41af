"""Work around a reference-count bug of PySide6 6.12.0 that aborts the interpreter.

In PySide6 6.12.0 every ``SignalInstance.emit()`` called from Python returns ``True`` without
taking a new reference to it, so each emit lowers ``True``'s reference count by one. pyqtgraph
emits from Python on every pan and zoom; after some thousands of emits Python 3.11 aborts with
"Fatal Python error: bool_dealloc: deallocating True or False". From Python 3.12 on ``True`` is
immortal and the bug is harmless.

:func:`apply` measures whether the running PySide6 has the bug and, only then and only before
Python 3.12, gives ``True`` a large reserve of references (what Python 3.12 does for every
singleton), so the missing references can never bring it to zero. A fixed PySide6 needs nothing.
"""
from __future__ import annotations

import ctypes
import sys

__all__ = ["emit_leaks_true", "apply", "APPLIED"]

APPLIED = False
_RESERVE = 1 << 40


def emit_leaks_true() -> bool:
    """True if ``emit()`` of the installed PySide6 drops a reference to ``True``."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        fired = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:  # give back what the probe took
        ctypes.c_ssize_t.from_address(id(True)).value += lost
    return lost >= 8


def apply() -> bool:
    """Protect ``True`` against the PySide6 6.12.0 emit bug if needed; returns whether it did."""
    global APPLIED
    if APPLIED or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return APPLIED
    if emit_leaks_true():
        ctypes.c_ssize_t.from_address(id(True)).value += _RESERVE
        APPLIED = True
    return APPLIED


apply()
