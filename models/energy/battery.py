"""Battery storage behind the meter: parameters and a dispatch vectorised across parks.

:func:`dispatch` steps through time once and, at each step, handles every park with numpy
operations on arrays of length ``P`` (parks). A state of charge depends on the previous
step, so time cannot be vectorised; parks can. A fleet-year of 100 parks at hourly
resolution is 8,760 steps of ~20 small array operations (see ``tests/bench/battery_speed.py``).

Model
-----
* Round-trip efficiency ``η`` is split evenly: charging keeps ``√η`` of the AC energy put in,
  discharging delivers ``√η`` of the energy taken out of the cells.
* ``soc`` [Wh] stays within ``[min_soc · capacity, capacity]``; charge and discharge power
  (AC side) within ``power``.
* Energy books per interval: ``charge·Δt = discharge·Δt + losses·Δt + ΔSoC`` exactly.
* The battery never exports: discharge is limited to the park's net load (load − PV), and
  it charges from PV surplus; only ``tou_arbitrage`` also charges from the grid.

Strategies
----------
``"self_consumption"``
    Charge from PV surplus, discharge into any net load, whatever the hour.
``"tou_arbitrage"``
    Valley hours: charge at full power (PV surplus first, then the grid). Peak and
    critical-peak hours: discharge into net load (and still store any PV surplus).
    Flat hours: store PV surplus only, hold the charge for the next peak.

An interval where PV or load is missing (NaN) leaves the battery idle.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np

from solarfleet.models.validation import FleetValueError, check_choice, check_number

__all__ = ["Battery", "DispatchResult", "dispatch", "STRATEGIES", "PERIOD_CODES"]

STRATEGIES = ("self_consumption", "tou_arbitrage")
#: Integer codes of tariff periods used by the arbitrage strategy (see solarfleet.models.energy.tariff.PERIODS).
PERIOD_CODES = {"valley": 0, "flat": 1, "peak": 2, "critical_peak": 3}


@dataclass(frozen=True)
class Battery:
    """A park's battery.

    Parameters
    ----------
    capacity : float
        Energy capacity [Wh].
    power : float
        Maximum charge and discharge power, AC side [W].
    efficiency : float
        Round-trip efficiency [-], 0 < η ≤ 1.
    min_soc : float
        Lowest state of charge as a fraction of capacity [-].
    strategy : {'self_consumption', 'tou_arbitrage'}
    initial_soc : float, optional
        State of charge at the start, fraction of capacity [-]; default ``min_soc``.
    """

    capacity: float
    power: float
    efficiency: float = 0.9
    min_soc: float = 0.1
    strategy: str = "self_consumption"
    initial_soc: Optional[float] = None

    def __post_init__(self):
        set_ = lambda n, v: object.__setattr__(self, n, v)  # noqa: E731
        set_("capacity", check_number("capacity", self.capacity, 0, 1e12, lo_open=True))
        set_("power", check_number("power", self.power, 0, 1e12, lo_open=True))
        set_("efficiency", check_number("efficiency", self.efficiency, 0, 1, lo_open=True))
        set_("min_soc", check_number("min_soc", self.min_soc, 0, 1, hi_open=True))
        check_choice("strategy", self.strategy, STRATEGIES)
        init = check_number("initial_soc", self.initial_soc, 0, 1, allow_none=True)
        if init is not None and init < self.min_soc:
            raise FleetValueError("initial_soc", init, f"must be at least min_soc ({self.min_soc:g})")
        set_("initial_soc", init)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


@dataclass
class DispatchResult:
    """What the batteries did; arrays of shape ``(T, P)`` (time × parks) unless noted.

    Attributes
    ----------
    charge : numpy.ndarray
        AC power into the battery [W] (from PV surplus and grid).
    charge_from_grid : numpy.ndarray
        Part of ``charge`` drawn from the grid [W].
    discharge : numpy.ndarray
        AC power delivered to the park's loads [W].
    losses : numpy.ndarray
        Conversion losses [W] (mean over the interval).
    soc : numpy.ndarray
        Stored energy at the END of each interval [Wh].
    soc_initial : numpy.ndarray
        Stored energy before the first interval [Wh], shape ``(P,)``.
    interval_minutes : int
    """

    charge: np.ndarray
    charge_from_grid: np.ndarray
    discharge: np.ndarray
    losses: np.ndarray
    soc: np.ndarray
    soc_initial: np.ndarray
    interval_minutes: int


def _param(batteries, name):
    return np.array([getattr(b, name) for b in batteries], dtype=float)


def dispatch(pv, load, batteries: Sequence[Optional[Battery]], interval_minutes: int,
             period=None) -> DispatchResult:
    """Dispatch one battery per park over a period.

    Parameters
    ----------
    pv, load : array_like
        PV output and consumption [W], shape ``(T, P)`` (or ``(T,)`` for one park).
    batteries : sequence of Battery or None
        One per park; ``None`` means no battery (all flows zero).
    interval_minutes : int
        Interval length [min].
    period : array_like of int, optional
        Tariff period code per interval (:data:`PERIOD_CODES`), shape ``(T,)`` or ``(T, P)``;
        required when any battery uses ``"tou_arbitrage"``.

    Returns
    -------
    DispatchResult
    """
    pv = np.asarray(pv, dtype=float)
    load = np.asarray(load, dtype=float)
    if pv.ndim == 1:
        pv, load = pv[:, None], load[:, None]
    if pv.shape != load.shape:
        raise ValueError(f"pv and load must have the same shape (got {pv.shape} and {load.shape})")
    T, P = pv.shape
    if len(batteries) != P:
        raise ValueError(f"need one battery (or None) per park: {P} parks, {len(batteries)} batteries")
    if interval_minutes <= 0:
        raise ValueError("interval_minutes must be positive")
    present = np.array([b is not None for b in batteries])
    real = [b if b is not None else Battery(capacity=1.0, power=1.0) for b in batteries]
    cap = _param(real, "capacity") * present
    power = _param(real, "power") * present
    eta = np.sqrt(_param(real, "efficiency"))
    soc_min = _param(real, "min_soc") * cap
    init = np.array([b.initial_soc if b.initial_soc is not None else b.min_soc for b in real]) * cap
    arbitrage = np.array([b is not None and b.strategy == "tou_arbitrage" for b in batteries])
    if arbitrage.any():
        if period is None:
            raise ValueError("the tou_arbitrage strategy needs the tariff periods (period=...)")
        period = np.asarray(period)
        if period.ndim == 1:
            period = np.broadcast_to(period[:, None], (T, P))
        if period.shape != (T, P):
            raise ValueError(f"period must have shape ({T},) or ({T}, {P}) (got {period.shape})")
    h = interval_minutes / 60.0

    net = load - pv
    valid = np.isfinite(net)
    net = np.where(valid, net, 0.0)
    surplus_all = np.maximum(-net, 0.0) * valid
    deficit_all = np.maximum(net, 0.0) * valid

    charge = np.zeros((T, P))
    grid = np.zeros((T, P))
    dis = np.zeros((T, P))
    soc_out = np.zeros((T, P))
    soc = init.copy()
    inv_eta_h = 1.0 / (eta * h)
    eta_h = eta / h
    zeros = np.zeros(P)
    any_arb = bool(arbitrage.any())
    for t in range(T):
        room = np.maximum(cap - soc, 0.0)
        avail = np.maximum(soc - soc_min, 0.0)
        max_ch = np.minimum(power, room * inv_eta_h)
        max_dis = np.minimum(power, avail * eta_h)
        sur = surplus_all[t]
        ch = np.minimum(sur, max_ch)
        d = np.minimum(deficit_all[t], max_dis)
        if any_arb:
            code = period[t]
            v = valid[t]
            valley = arbitrage & (code == 0) & v
            hold = arbitrage & (code == 1)
            ch = np.where(valley, max_ch, ch)
            d = np.where(valley | hold, zeros, d)
            g = np.where(valley, max_ch - np.minimum(sur, max_ch), zeros)
            grid[t] = g
        charge[t] = ch
        dis[t] = d
        soc = soc + (ch * eta - d / eta) * h
        soc = np.minimum(np.maximum(soc, soc_min), cap)  # only rounding can push it out
        soc_out[t] = soc
    losses = charge * (1.0 - eta) + dis * (1.0 / eta - 1.0)
    return DispatchResult(charge=charge, charge_from_grid=grid, discharge=dis, losses=losses, soc=soc_out,
                          soc_initial=init, interval_minutes=interval_minutes)
