"""Data the product ships (demo fleet, climate table, emission factors, tariffs, live register maps,
compiled translations): package data of ``solarfleet.resources``, read through :mod:`importlib.resources`."""
