"""SolarFleet's domain and data layer: pure Python (pvlib, pandas, sqlite-utils), never Qt."""
