"""Green certificates (绿证), green-power contracts, carbon targets and user-added emission factors.

Months are ``"YYYY-MM"`` strings: the park's local calendar month (the ledger's months). Energies are
stored in [Wh], factors in [kg CO₂/kWh].
"""
from __future__ import annotations

import re
from typing import Optional

from solarfleet.models.energy.carbon import CarbonError, EmissionFactors, check_user_factor, emission_factors
from solarfleet.models.energy.carbon_targets import CarbonTarget
from solarfleet.models.store.connection import Store, utc_now
from solarfleet.models.store.fleet import require_park_id

__all__ = ["set_certificates", "certificate_records", "set_green_contract", "green_contracts", "set_carbon_target",
           "get_carbon_target", "carbon_targets", "add_user_factor", "add_user_factors", "delete_user_factor",
           "user_factors",
           "factor_table", "check_month"]

_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def check_month(month: str) -> str:
    """``month`` if it is ``"YYYY-MM"``, else a ValueError naming the field."""
    if not isinstance(month, str) or not _MONTH.match(month):
        raise ValueError(f"month: expected YYYY-MM (got {month!r})")
    return month


def _count(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name}: a whole number ≥ 0 is needed (got {value!r})")
    return value


def set_certificates(store: Store, park_name: str, month: str, sold: int, retained: int, note: str = "") -> None:
    """Record how many of a park's certificates for ``month`` were sold and retained (0, 0 removes the record).

    Whether they exceed the certificates the month's PV earns is checked by the ledger, which knows the PV.
    """
    check_month(month)
    sold, retained = _count("sold", sold), _count("retained", retained)
    with store.db.atomic():
        pid = require_park_id(store, park_name)
        if sold == 0 and retained == 0:
            store.db.execute("DELETE FROM green_certificates WHERE park_id = ? AND month = ?", [pid, month])
            return
        store.db["green_certificates"].upsert({"park_id": pid, "month": month, "sold": sold, "retained": retained,
                                               "note": note, "updated_utc": utc_now()}, pk=("park_id", "month"))


def certificate_records(store: Store, park_name: Optional[str] = None) -> list[dict]:
    """Recorded certificate sales and retentions: ``park``, ``month``, ``sold``, ``retained``, ``note``."""
    sql = ("SELECT parks.name AS park, month, sold, retained, note FROM green_certificates "
           "JOIN parks ON parks.id = green_certificates.park_id")
    args: list = []
    if park_name is not None:
        sql += " WHERE parks.id = ?"
        args.append(require_park_id(store, park_name))
    return list(store.db.query(sql + " ORDER BY parks.position, month", args))


def set_green_contract(store: Store, park_name: str, month: str, energy_wh: float, supplier: str) -> None:
    """Record green power delivered to a park under a contract with ``supplier`` in ``month`` [Wh] (0 removes it)."""
    check_month(month)
    supplier = (supplier or "").strip()
    if not supplier:
        raise ValueError("supplier: a name is required")
    energy_wh = float(energy_wh)
    if not energy_wh >= 0.0:
        raise ValueError(f"energy: must be ≥ 0 Wh (got {energy_wh!r})")
    with store.db.atomic():
        pid = require_park_id(store, park_name)
        if energy_wh == 0.0:
            store.db.execute("DELETE FROM green_power_contracts WHERE park_id = ? AND month = ? AND supplier = ?",
                             [pid, month, supplier])
            return
        store.db["green_power_contracts"].upsert({"park_id": pid, "month": month, "supplier": supplier,
                                                  "energy": energy_wh, "updated_utc": utc_now()},
                                                 pk=("park_id", "month", "supplier"))


def green_contracts(store: Store, park_name: Optional[str] = None) -> list[dict]:
    """Green-power deliveries: ``park``, ``month``, ``supplier``, ``energy_wh`` [Wh]."""
    sql = ("SELECT parks.name AS park, month, supplier, energy AS energy_wh FROM green_power_contracts "
           "JOIN parks ON parks.id = green_power_contracts.park_id")
    args: list = []
    if park_name is not None:
        sql += " WHERE parks.id = ?"
        args.append(require_park_id(store, park_name))
    return list(store.db.query(sql + " ORDER BY parks.position, month, supplier", args))


def set_carbon_target(store: Store, target: CarbonTarget) -> None:
    """Set the fleet's (``target.park is None``) or a park's target, replacing the one it had."""
    with store.db.atomic():
        pid = None if target.park is None else require_park_id(store, target.park)
        store.db.execute("DELETE FROM carbon_targets WHERE COALESCE(park_id, 0) = ?", [pid or 0])
        d = target.to_dict()
        del d["park"]
        store.db["carbon_targets"].insert({"park_id": pid, **d, "updated_utc": utc_now()})


def get_carbon_target(store: Store, park_name: Optional[str] = None) -> Optional[CarbonTarget]:
    """The fleet's (``park_name=None``) or a park's target, or None."""
    pid = 0 if park_name is None else require_park_id(store, park_name)
    row = store.db.execute("SELECT peak_year, reduction_pct, target_year, neutrality_year FROM carbon_targets "
                           "WHERE COALESCE(park_id, 0) = ?", [pid]).fetchone()
    if row is None:
        return None
    name = None if park_name is None else store.db.execute("SELECT name FROM parks WHERE id = ?", [pid]).fetchone()[0]
    return CarbonTarget(park=name, peak_year=row[0], reduction_pct=row[1], target_year=row[2],
                        neutrality_year=row[3])


def carbon_targets(store: Store) -> list[CarbonTarget]:
    """Every target: the fleet's first, then the parks' in fleet order."""
    rows = store.db.execute("SELECT parks.name, peak_year, reduction_pct, target_year, neutrality_year "
                            "FROM carbon_targets LEFT JOIN parks ON parks.id = carbon_targets.park_id "
                            "ORDER BY carbon_targets.park_id IS NOT NULL, parks.position").fetchall()
    return [CarbonTarget(park=r[0], peak_year=r[1], reduction_pct=r[2], target_year=r[3], neutrality_year=r[4])
            for r in rows]


def user_factors(store: Store) -> list[dict]:
    """User-added factors: ``data_year``, ``region``, ``factor`` [kg CO₂/kWh], ``source``, ``added_utc``."""
    return list(store.db.query("SELECT data_year, region, factor, source, added_utc FROM user_emission_factors "
                               "ORDER BY data_year, region"))


def factor_table(store: Store) -> EmissionFactors:
    """The shipped factor table with the user's added values."""
    return emission_factors().with_user_factors(user_factors(store))


def add_user_factor(store: Store, data_year: int, region: str, factor: float, source: str) -> None:
    """Add a published factor for a year or region the table lacks.

    Raises
    ------
    CarbonError
        Unknown region, implausible value, no source, or a different figure for a value the table
        (shipped or user-added) has; nothing is stored.
    """
    if isinstance(data_year, bool) or not isinstance(data_year, int) or not 2000 <= data_year <= 2100:
        raise CarbonError(f"data_year: a year from 2000 to 2100 is needed (got {data_year!r})")
    source = (source or "").strip()
    if not source:
        raise CarbonError(f"{region} {data_year}: the source of the factor is required (publication and date)")
    with store.db.atomic():
        check_user_factor(factor_table(store), region, data_year, float(factor))
        store.db["user_emission_factors"].upsert({"data_year": data_year, "region": region, "factor": float(factor),
                                                  "source": source, "added_utc": utc_now()},
                                                 pk=("data_year", "region"))


def add_user_factors(store: Store, rows) -> int:
    """Add several factors (dicts as :func:`solarfleet.models.energy.carbon.read_emission_factors` returns)
    in one transaction: all of them or, on the first refusal, none; returns how many."""
    with store.db.atomic():
        for row in rows:
            try:
                add_user_factor(store, int(row["data_year"]), row["region"], float(row["factor"]), row["source"])
            except CarbonError as exc:
                raise CarbonError(f"{row['where']}: {exc}" if row.get("where") else str(exc)) from None
    return len(rows)


def delete_user_factor(store: Store, data_year: int, region: str) -> int:
    """Remove a user-added factor; returns how many rows went (shipped values cannot be removed)."""
    with store.db.atomic():
        return store.db.execute("DELETE FROM user_emission_factors WHERE data_year = ? AND region = ?",
                                [data_year, region]).rowcount
