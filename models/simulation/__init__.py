"""Simulation: sun position, the vectorised fleet engine, the equipment catalog and where runs compute."""
