"""SolarFleet desktop application: entry points, main window, workers, paths."""

APP_NAME = "SolarFleet"
APP_AUTHOR = "SolarFleet"
__version__ = "0.1.0"
