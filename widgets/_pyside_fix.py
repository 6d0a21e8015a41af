"""Work around the reference-count bugs of PySide6 6.12.0 on Python < 3.12, which abort the interpreter.

Measured here (tests/widgets/test_pyside_fix.py): with PySide6 6.12.0 on CPython 3.11 every call of
a method that returns nothing (``setText``, ``processEvents``, ``QTimer.start`` …) returns ``None``
without a new reference, and every ``SignalInstance.emit()`` does the same with ``True``. Each
call lowers the singleton's reference count by one; after some thousands of calls (pyqtgraph makes
hundreds per pan) Python aborts with "Fatal Python error: none_dealloc" / "bool_dealloc".
PySide6 6.11.3 does not do this, and from Python 3.12 on these singletons are immortal, so the
bug is harmless there. The real fix is in packaging (pyproject.toml keeps PySide6 below 6.12 on
Python < 3.12); this module keeps an installation that already has 6.12.0 from crashing.

:func:`apply` measures whether the running PySide6 leaks and, only then and only before Python
3.12, gives ``None``, ``True`` and ``False`` a large reserve of references — what Python 3.12
does for every singleton — so the lost references can never bring them to zero.
"""
from __future__ import annotations

import ctypes
import sys

__all__ = ["leaks", "apply", "APPLIED"]

APPLIED = False
_RESERVE = 1 << 40
_SINGLETONS = (None, True, False)


def _add_refs(obj, n: int) -> None:
    ctypes.c_ssize_t.from_address(id(obj)).value += n


def leaks() -> dict:
    """References lost per call by the installed PySide6: ``{'void': n, 'emit': n}`` (0 when sound)."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        fired = Signal()

    probe = _Probe()
    calls = 16
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("probe")  # returns void
    lost_none = before - sys.getrefcount(None)
    before = sys.getrefcount(True)
    for _ in range(calls):
        probe.fired.emit()
    lost_true = before - sys.getrefcount(True)
    if lost_none > 0:  # give back what the probe took
        _add_refs(None, lost_none)
    if lost_true > 0:
        _add_refs(True, lost_true)
    return {"void": lost_none / calls, "emit": lost_true / calls}


def apply() -> bool:
    """Protect the singletons if the running PySide6 needs it; returns whether it did."""
    global APPLIED
    if APPLIED or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return APPLIED
    found = leaks()
    if found["void"] >= 0.5 or found["emit"] >= 0.5:
        for obj in _SINGLETONS:
            _add_refs(obj, _RESERVE)
        APPLIED = True
    return APPLIED


apply()
