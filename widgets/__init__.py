"""Qt widgets and item models of SolarFleet. Each takes plain model objects and emits signals."""
