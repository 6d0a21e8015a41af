"""Results on screen: per-park AC power from a run, and everything the views derive from it.

:class:`ResultsController` is the one place the GUI keeps simulation output. A fleet run
(:meth:`ingest`) or the loader of stored runs (:meth:`set_park_result`,
:func:`solarfleet.app.gui.wiring.load_stored_results`) hands it one park at a time; it answers the
views' questions for a tree path: the PV series [W], the consumption [W] (from the ``load_for``
provider), the KPIs, the loss waterfall, monthly energy per park and the map points. Missing
inputs give ``None`` — never zeros.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

import datetime as _dt
from dataclasses import dataclass, field
from typing import Callable, Mapping, Optional

import numpy as np
import pandas as pd
from PySide6.QtCore import QObject, Signal

from solarfleet.models.fleet import Fleet, Park
from solarfleet.widgets.dashboard import Kpis
from solarfleet.widgets.park_map import ParkPoint

__all__ = ["ParkOutput", "ResultsController"]


@dataclass
class ParkOutput:
    """What the GUI keeps of one park's result.

    Parameters
    ----------
    park : str
    ac : pandas.DataFrame
        AC power [W], tz-aware UTC interval-start index, one column per array keyed ``"roof/array"``.
    interval_minutes : int
    losses : dict, optional
        Park loss waterfall: first item the starting energy, then energies lost [Wh].
    performance_ratio : float, optional
        [-]
    computed_utc : str
        When the result was made (ISO 8601).
    """

    park: str
    ac: pd.DataFrame
    interval_minutes: int
    losses: Optional[dict] = None
    performance_ratio: Optional[float] = None
    array_energy: dict = field(default_factory=dict)  #: column -> energy over the result [Wh]
    computed_utc: str = field(default_factory=lambda: _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"))


def _sum_losses(value) -> Optional[dict]:
    """A park waterfall from ParkResult.losses: a dict of steps, a dict of per-array dicts, or a DataFrame."""
    if value is None:
        return None
    if isinstance(value, pd.DataFrame):  # steps × arrays, or arrays ("roof/array") × steps
        arrays_on_index = all("/" in str(k) for k in value.index) and not all("/" in str(c) for c in value.columns)
        frame = value.T if arrays_on_index else value
        return {str(k): float(v) for k, v in frame.sum(axis=1).items()}
    if isinstance(value, Mapping) and value and all(isinstance(v, Mapping) for v in value.values()):
        out: dict = {}
        for steps in value.values():
            for k, v in steps.items():
                out[k] = out.get(k, 0.0) + float(v)
        return out
    if isinstance(value, Mapping):
        return {str(k): float(v) for k, v in value.items()}
    return None


class ResultsController(QObject):
    """Holds park results and derives what the views show.

    Parameters
    ----------
    fleet : callable
        ``fleet() -> Fleet``: the fleet as edited now.
    load_for : callable, optional
        ``load_for(park) -> pandas.Series`` of consumption [W] (tz-aware) or None.
    balance_for : callable, optional
        ``balance_for(park, pv) -> dict`` or None: the park's balance row as
        :func:`solarfleet.models.energy.balance_report.balance_report` makes it (``pv_wh``, ``load_wh``,
        ``self_consumption_ratio``, ``self_sufficiency``, ``savings``, ``co2_kg`` …), ``pv`` being its
        AC power [W].

    Signals
    -------
    changed(str park)
        A park's result arrived or was marked stale; ``""`` after :meth:`clear`.
    """

    changed = Signal(str)

    def __init__(self, fleet: Callable[[], Fleet], load_for=None, balance_for=None,
                 parent: Optional[QObject] = None):
        super().__init__(parent)
        self.fleet = fleet
        self.load_for = load_for
        self.balance_for = balance_for
        self._balance: dict[str, Optional[dict]] = {}
        self.outputs: dict[str, ParkOutput] = {}
        self.stale: set[str] = set()
        self.last_run_utc: Optional[str] = None
        self._load_cache: dict[str, Optional[pd.Series]] = {}
        self._sums: dict[tuple, Optional[pd.Series]] = {}  # (park key, columns) -> summed AC [W]
        self._monthly: dict[str, pd.Series] = {}
        self._dc: dict[int, tuple] = {}  # id(node) -> (node, DC capacity [W]); nodes are immutable

    # -- feeding --
    def set_park_result(self, park: str, ac: pd.DataFrame, *, interval_minutes: Optional[int] = None,
                        losses=None, performance_ratio: Optional[float] = None) -> None:
        """Store the result of ``park``: AC power [W] per array (columns ``"roof/array"``)."""
        if not isinstance(ac, pd.DataFrame) or ac.index.tz is None:
            raise ValueError(f"result of {park!r}: ac must be a DataFrame with a tz-aware index")
        if interval_minutes is None:
            interval_minutes = int(round(np.median(np.diff(ac.index.as_unit("s").asi8)) / 60))
        out = ParkOutput(park, ac, int(interval_minutes), _sum_losses(losses), performance_ratio,
                         (ac.sum(min_count=1) * int(interval_minutes) / 60.0).to_dict())
        self._forget(park)
        self.outputs[park.casefold()] = out
        self.stale.discard(park.casefold())
        self.last_run_utc = out.computed_utc
        self.changed.emit(park)

    def ingest(self, result) -> None:
        """Take a :class:`solarfleet.models.simulation.engine.ParkResult`: its ``park`` (name), ``ac`` [W],
        ``interval_minutes``, ``losses`` and ``performance_ratio``."""
        self.set_park_result(result.park, result.ac, interval_minutes=result.interval_minutes,
                             losses=result.losses, performance_ratio=result.performance_ratio)

    def _forget(self, park: str) -> None:
        key = park.casefold()
        self._sums = {k: v for k, v in self._sums.items() if k[0] not in (key, "", "load")}
        self._monthly.pop(key, None)
        self._balance.pop(key, None)

    def close(self) -> None:
        """The session's store is closing: consumption and balance are unknown from now on (a view
        refreshed by a queued event must not reach the closed connection)."""
        self.load_for = self.balance_for = None

    def clear(self) -> None:
        self._balance.clear()
        self._sums.clear()
        self._monthly.clear()
        self.outputs.clear()
        self.stale.clear()
        self.changed.emit("")

    def energy_settings_changed(self, park: str) -> None:
        """The tariff, battery or load of ``park`` changed: its balance (savings, self-consumption) is recomputed."""
        self._load_cache.pop(park.casefold(), None)
        self._balance.pop(park.casefold(), None)
        self.changed.emit(park)

    def mark_stale(self, park: str) -> None:
        """Inputs of ``park`` changed: its result (if any) no longer matches them."""
        self._load_cache.pop(park.casefold(), None)
        self._forget(park)
        if park.casefold() in self.outputs:
            self.stale.add(park.casefold())
            self.changed.emit(park)

    def dc_capacity(self, node) -> float:
        """DC nameplate of a fleet, park, roof or array [W], remembered per (immutable) object."""
        hit = self._dc.get(id(node))
        if hit is None or hit[0] is not node:
            if len(self._dc) > 50000:
                self._dc.clear()
            hit = (node, node.dc_capacity)
            self._dc[id(node)] = hit
        return hit[1]

    def has_results(self) -> bool:
        return bool(self.outputs)

    # -- lookups --
    def _park_and_output(self, name: str):
        try:
            park = self.fleet().park(name)
        except KeyError:
            return None, None
        return park, self.outputs.get(park.name.casefold())

    @staticmethod
    def _columns(park: Park, path: tuple) -> list[str]:
        return [f"{r.name}/{a.name}" for r, a in park.iter_arrays()
                if len(path) < 2 or (r.name == path[1] and (len(path) < 3 or a.name == path[2]))]

    def pv_series(self, path: tuple) -> Optional[pd.Series]:
        """AC power of the node at ``path`` [W]; None if any part has no result."""
        path = tuple(path)
        if not path:
            names = tuple(p.name.casefold() for p in self.fleet().parks)
            key = ("", names)
            if key not in self._sums:
                parts = [self.pv_series((p.name,)) for p in self.fleet().parks]
                self._sums[key] = None if not parts or any(s is None for s in parts) else \
                    pd.concat(parts, axis=1).sum(axis=1, min_count=len(parts))
            return self._sums[key]
        park, out = self._park_and_output(path[0])
        if out is None:
            return None
        cols = tuple(self._columns(park, path))
        key = (park.name.casefold(), cols)
        if key not in self._sums:
            ok = cols and all(c in out.ac.columns for c in cols)
            self._sums[key] = out.ac[list(cols)].sum(axis=1, min_count=len(cols)) if ok else None
        return self._sums[key]

    def load_series(self, path: tuple) -> Optional[pd.Series]:
        """Consumption [W] of a park (or the fleet: the sum, if every park has one); None for roofs and arrays."""
        path = tuple(path)
        if self.load_for is None or len(path) > 1:
            return None
        if not path:
            key = ("load", tuple(p.name.casefold() for p in self.fleet().parks))
            if key not in self._sums:
                parts = [self.load_series((p.name,)) for p in self.fleet().parks]
                self._sums[key] = None if not parts or any(s is None for s in parts) else \
                    pd.concat(parts, axis=1).sum(axis=1, min_count=len(parts))
            return self._sums[key]
        park, _ = self._park_and_output(path[0])
        if park is None:
            return None
        key = park.name.casefold()
        if key not in self._load_cache:
            self._load_cache[key] = self.load_for(park)
        return self._load_cache[key]

    def tz(self, path: tuple) -> str:
        parks = self.fleet().parks
        if path:
            park, _ = self._park_and_output(path[0])
            return park.tz if park else "UTC"
        return parks[0].tz if parks else "UTC"

    def energy(self, path: tuple) -> Optional[float]:
        """AC energy over the result period [Wh]."""
        s = self.pv_series(path)
        if s is None:
            return None
        out = self._park_and_output(path[0])[1] if path else None
        minutes = out.interval_minutes if out else next(iter(self.outputs.values())).interval_minutes
        return float(s.sum() * minutes / 60.0)

    def annual_energy_map(self) -> dict:
        """``{(park, roof, array): Wh}`` for every array with a result (for the tree)."""
        out = {}
        for park in self.fleet().parks:
            res = self.outputs.get(park.name.casefold())
            if res is None:
                continue
            for r, a in park.iter_arrays():
                wh = res.array_energy.get(f"{r.name}/{a.name}")
                if wh is not None and np.isfinite(wh):
                    out[(park.name, r.name, a.name)] = float(wh)
        return out

    def stale_parks(self) -> list[str]:
        return [o.park for k, o in self.outputs.items() if k in self.stale]

    def is_stale(self, path: tuple) -> bool:
        if path:
            return path[0].casefold() in self.stale
        return bool(self.stale)

    def kpis(self, path: tuple) -> Kpis:
        """KPIs of the node at ``path`` (unknown ones None)."""
        path = tuple(path)
        fleet = self.fleet()
        node = fleet
        try:
            if path:
                node = fleet.park(path[0])
                if len(path) > 1:
                    node = next(r for r in node.roofs if r.name == path[1])
                if len(path) > 2:
                    node = next(a for a in node.arrays if a.name == path[2])
        except (KeyError, StopIteration):
            return Kpis()
        dc = self.dc_capacity(node)
        energy = self.energy(path)
        specific = None if energy is None or dc <= 0 else (energy / 1e3) / (dc / 1e3)
        sc = ss = savings = co2 = None
        example = False
        rows = self.balance_rows(path)
        if rows:
            # ratios as models/energy/balance.py defines them, weighted back into energies so parks add up
            # (self-sufficiency counts battery energy that came from the grid out; self-consumption does not)
            pv_wh = sum(r["pv_wh"] for r in rows)
            load_wh = sum(r["load_wh"] for r in rows)
            sc = sum((r["self_consumption_ratio"] or 0.0) * r["pv_wh"] for r in rows) / pv_wh if pv_wh > 0 else None
            ss = sum((r["self_sufficiency"] or 0.0) * r["load_wh"] for r in rows) / load_wh if load_wh > 0 else None
            if all(r.get("savings") is not None for r in rows):
                savings = sum(r["savings"] for r in rows)
                example = any(r.get("tariff_example") for r in rows)
            co2 = sum(r["co2_kg"] for r in rows)
        pr = self._pr(path)
        return Kpis(dc_capacity=dc, annual_energy=energy, specific_yield=specific, performance_ratio=pr,
                    self_consumption=sc, self_sufficiency=ss, savings=savings, savings_example=example,
                    co2_avoided=co2,
                    stale=self.is_stale(path))

    def balance_rows(self, path: tuple) -> Optional[list]:
        """Balance rows of the park at ``path``, or of every park for the fleet; None when any is
        unknown (no provider, no result or no consumption), and for roofs and arrays."""
        if self.balance_for is None or len(path) > 1:
            return None
        parks = [self.fleet().park(path[0])] if path else list(self.fleet().parks)
        rows = []
        for p in parks:
            key = p.name.casefold()
            if key not in self._balance:
                pv = self.pv_series((p.name,))
                self._balance[key] = None if pv is None else self.balance_for(p, pv)
            if self._balance[key] is None:
                return None
            rows.append(self._balance[key])
        return rows

    def _pr(self, path):
        if len(path) > 1:
            return None
        parks = [self.fleet().park(path[0])] if path else list(self.fleet().parks)
        vals = []
        for p in parks:
            out = self.outputs.get(p.name.casefold())
            if out is None or out.performance_ratio is None:
                return None
            vals.append((out.performance_ratio, self.dc_capacity(p)))
        total = sum(w for _, w in vals)
        return sum(v * w for v, w in vals) / total if vals and total > 0 else None

    def losses(self, path: tuple) -> Optional[dict]:
        """Loss waterfall of a park, or of the fleet (summed, if every park has one) [Wh]."""
        path = tuple(path)
        if len(path) > 1:
            return None
        parks = [path[0]] if path else [p.name for p in self.fleet().parks]
        total: dict = {}
        for name in parks:
            _, out = self._park_and_output(name)
            if out is None or not out.losses:
                return None
            for k, v in out.losses.items():
                total[k] = total.get(k, 0.0) + v
        return total or None

    def monthly_by_park(self) -> Optional[pd.DataFrame]:
        """AC energy per calendar month (park's local time) [Wh]: rows 1…12, a column per park with a result."""
        cols = {}
        for park in self.fleet().parks:
            key = park.name.casefold()
            if key not in self._monthly:
                s = self.pv_series((park.name,))
                if s is None:
                    continue
                local = s.tz_convert(park.tz)
                hours = self.outputs[key].interval_minutes / 60.0
                self._monthly[key] = (local * hours).groupby(local.index.month).sum(min_count=1)
            cols[park.name] = self._monthly[key]
        return pd.DataFrame(cols).reindex(range(1, 13)) if cols else None

    def map_points(self) -> list[ParkPoint]:
        pts = []
        for park in self.fleet().parks:
            e = self.energy((park.name,))
            dc = self.dc_capacity(park)
            sy = None if e is None or dc <= 0 else e / dc
            out = self.outputs.get(park.name.casefold())
            pts.append(ParkPoint(park.name, park.latitude, park.longitude, dc, sy,
                                 None if out is None else out.performance_ratio))
        return pts
