"""Qt widgets and item models of SolarFleet. Each takes plain model objects and emits signals."""
from solarfleet.widgets import _pyside_fix  # noqa: F401  (before any widget emits: see the module's docstring)
