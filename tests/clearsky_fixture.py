"""TEST AND SCREENSHOT FIXTURE — not product data, not the simulation.

Plausible park results for exercising the GUI before the simulation branch is merged:
pvlib clear-sky irradiance (Ineichen, Linke turbidity from pvlib's table), isotropic
transposition, SAPM cell temperature at a fixed 20 °C / 1 m/s, PVWatts DC and inverter, the
array's PVWatts loss percentages. Clear sky overstates yield (no clouds) by design; a synthetic
warehouse load shape (base plus a day shift) stands in for metered consumption.
"""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pvlib

__all__ = ["clearsky_park_result", "clearsky_job_factory", "synthetic_load"]


def clearsky_park_result(park, year: int = 2023, freq: str = "h"):
    """A ParkResult-like namespace for ``park``: ``.park``, ``.ac`` [W] per ``"roof/array"``,
    ``.interval_minutes``, ``.losses`` [Wh], ``.performance_ratio``."""
    times = pd.date_range(f"{year}-01-01", f"{year + 1}-01-01", freq=freq, tz="UTC", inclusive="left")
    minutes = int(pd.Timedelta(pd.tseries.frequencies.to_offset(freq)).total_seconds() // 60)
    mid = times + pd.Timedelta(minutes=minutes / 2)  # sun at the middle of each interval
    loc = park.to_location()
    sp = loc.get_solarposition(mid)
    cs = loc.get_clearsky(mid, solar_position=sp)
    hours = minutes / 60
    cols, nominal, dc_tot, ac_tot, temp_loss, sys_loss, yr = {}, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0
    soil_loss = 0.0
    for roof, array in park.iter_arrays():
        tilt, az = array.tilt_on(roof), array.azimuth_on(roof)
        poa = pvlib.irradiance.get_total_irradiance(tilt, az, sp["apparent_zenith"], sp["azimuth"],
                                                    cs["dni"], cs["ghi"], cs["dhi"], albedo=array.albedo,
                                                    model="isotropic")["poa_global"].fillna(0.0)
        params = pvlib.temperature.TEMPERATURE_MODEL_PARAMETERS["sapm"]["close_mount_glass_glass"]
        tcell = pvlib.temperature.sapm_cell(poa, 20.0, 1.0, **params)
        pdc0 = array.dc_capacity
        dc_ideal = pvlib.pvsystem.pvwatts_dc(poa, tcell, pdc0, array.gamma_pdc)
        keep_soil = 1 - np.array([array.losses.soiling[m - 1] for m in times.month]) / 100.0
        dc_soiled = dc_ideal * keep_soil
        dc = dc_soiled * (1 - array.losses.other_fraction())
        pac0 = array.ac_capacity
        ac = pvlib.inverter.pvwatts(dc, pac0 / array.eta_inv_nom if array.inverter_model == "pvwatts" else pac0,
                                    eta_inv_nom=array.eta_inv_nom).clip(lower=0)
        ac.index = times
        cols[f"{roof.name}/{array.name}"] = ac.to_numpy()
        e_nom = float((poa / 1000.0 * pdc0).sum() * hours)
        nominal += e_nom
        yr += e_nom
        temp_loss += e_nom - float(dc_ideal.sum() * hours)
        soil_loss += float((dc_ideal - dc_soiled).sum() * hours)
        sys_loss += float((dc_soiled - dc).sum() * hours)
        dc_tot += float(dc.sum() * hours)
        ac_tot += float(ac.sum() * hours)
    frame = pd.DataFrame(cols, index=times)
    losses = {"poa_nominal": nominal, "temperature": temp_loss, "soiling": soil_loss, "system": sys_loss,
              "inverter": dc_tot - ac_tot}
    return SimpleNamespace(park=park.name, ac=frame, interval_minutes=minutes, losses=losses,
                           performance_ratio=ac_tot / yr if yr else None)


def clearsky_job_factory(year: int = 2023, freq: str = "h"):
    """``factory(fleet) -> job(progress, cancelled)`` yielding :func:`clearsky_park_result` per park."""
    def factory(fleet):
        def job(progress, cancelled):
            n = len(fleet.parks)
            for i, park in enumerate(fleet.parks):
                if cancelled():
                    return
                result = clearsky_park_result(park, year, freq)
                progress(i + 1, n, park.name)
                yield result
        return job
    return factory


def synthetic_load(park, year: int = 2023, freq: str = "h") -> pd.Series:
    """A warehouse consumption shape [W]: base load plus a 07–22 h shift, weekdays higher,
    scaled to ~2 × the park's DC capacity × 1,100 h a year."""
    times = pd.date_range(f"{year}-01-01", f"{year + 1}-01-01", freq=freq, tz="UTC", inclusive="left")
    local = times.tz_convert(park.tz)
    h = local.hour + local.minute / 60
    shift = ((h >= 7) & (h < 22)).astype(float)
    weekday = np.where(local.day_of_week < 5, 1.0, 0.75)
    shape = (0.45 + 0.55 * shift) * weekday
    annual_wh = 2.0 * park.dc_capacity * 1100.0
    hours = pd.Timedelta(pd.tseries.frequencies.to_offset(freq)).total_seconds() / 3600
    return pd.Series(shape / (shape.sum() * hours) * annual_wh, index=times)


#: Grid emission factors 2023 [kg CO2/kWh] (MEE + NBS, see ../shared/reference/README.md) — screenshot fixture.
_CO2_2023 = {"north": 0.6361, "northeast": 0.5122, "east": 0.5500, "central": 0.5271, "northwest": 0.5543,
             "south": 0.4042, "southwest": 0.2472, "national": 0.5306}


def fixture_co2(park, pv) -> float:
    """CO₂ avoided [kg]: PV energy × the park's 2023 regional grid factor (fixture for screenshots/tests)."""
    hours = float(np.median(np.diff(pv.index.as_unit("s").asi8))) / 3600
    return float(pv.sum() * hours / 1e3 * _CO2_2023[park.grid_region])


def fixture_savings(park, pv, load, price=0.75) -> float:
    """Bill saved [CNY] at a flat ``price`` [CNY/kWh] on self-consumed PV (fixture; tariffs belong to balance)."""
    hours = float(np.median(np.diff(pv.index.as_unit("s").asi8))) / 3600
    used = np.minimum(pv.to_numpy(), load.reindex(pv.index).to_numpy())
    return float(np.nansum(used) * hours / 1e3 * price)
