"""What a stored series is: the provenance vocabulary shared by every table family.

``measured``  read from a meter, logger or device (``origin`` names it)
``imported``  someone else's data taken from a file or service (a typical year, PVGIS)
``modelled``  made by our models (synthetic weather or load, clear sky)
``replay``    a model played back as if live — never stored or counted as measured
``forecast``  a forecast
"""
from __future__ import annotations

__all__ = ["PROVENANCES", "MEASURED_PROVENANCES", "check_provenance", "provenance_fields"]

PROVENANCES = ("measured", "imported", "modelled", "replay", "forecast")
#: Provenances that may count as actuals (measurements of what happened).
MEASURED_PROVENANCES = ("measured",)


def check_provenance(value: str) -> str:
    """``value`` if it is one of :data:`PROVENANCES`, else :class:`ValueError`."""
    if value not in PROVENANCES:
        raise ValueError(f"provenance must be one of {', '.join(PROVENANCES)} (got {value!r})")
    return value


def provenance_fields(store, table: str, provenance: str, origin: str = "") -> dict:
    """``{"provenance", "origin"}`` for a row of ``table`` — empty for a file older than the columns
    (a store function may write to a file opened at an earlier schema, as the migration tests do)."""
    check_provenance(provenance)
    columns = {r[1] for r in store.db.execute(f"PRAGMA table_info({table})").fetchall()}
    out = {}
    if "provenance" in columns:
        out["provenance"] = provenance
    if "origin" in columns:
        out["origin"] = str(origin)
    return out
