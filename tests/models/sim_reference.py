"""Helpers for the simulation tests: a seeded weather year and pvlib's own ModelChain for one array.

The ModelChain is built here from the fleet objects directly (not from the engine's
``ArraySpec``), so the comparison checks the engine's parameter mapping as well as its physics.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pvlib
from pvlib.modelchain import ModelChain
from pvlib.pvsystem import FixedMount, PVSystem
from pvlib.pvsystem import Array as PvArray

from solarfleet.models.simulation import catalog

SAPM = {("open_rack", "glass_glass"): "open_rack_glass_glass",
        ("open_rack", "glass_polymer"): "open_rack_glass_polymer",
        ("close_mount", "glass_glass"): "close_mount_glass_glass",
        ("close_mount", "glass_polymer"): "close_mount_glass_glass",
        ("insulated_back", "glass_glass"): "insulated_back_glass_polymer",
        ("insulated_back", "glass_polymer"): "insulated_back_glass_polymer"}
PVSYST = {"open_rack": "freestanding", "close_mount": "semi_integrated", "insulated_back": "insulated"}


def weather_year(park, year=2023, seed=0, holes=()):
    """An hourly year of interval-start weather: Ineichen clear sky at mid-interval × seeded clouds.

    ``holes`` is a list of ``(start_position, length)`` NaN gaps (all columns).
    """
    times = pd.date_range(f"{year}-01-01", f"{year + 1}-01-01", freq="h", tz=park.tz,
                          inclusive="left").tz_convert("UTC")
    loc = park.to_location()
    cs = loc.get_clearsky(times + pd.Timedelta(minutes=30))
    rng = np.random.default_rng(seed)
    # day-to-day cloudiness with hourly wobble; diffuse share grows as the sky darkens
    daily = np.repeat(rng.uniform(0.25, 1.0, len(times) // 24 + 2), 24)[:len(times)]
    k = np.clip(daily * rng.uniform(0.85, 1.1, len(times)), 0.05, 1.0)
    ghi = cs["ghi"].to_numpy() * k
    dni = cs["dni"].to_numpy() * k ** 2
    zen = loc.get_solarposition(times + pd.Timedelta(minutes=30))["zenith"].to_numpy()
    dhi = np.clip(ghi - dni * np.clip(np.cos(np.radians(zen)), 0, None), 0, None)
    hours = np.arange(len(times))
    lat = abs(park.latitude)
    temp_air = 15 - 0.3 * (lat - 30) - 12 * np.cos(2 * np.pi * (hours / 8760.0)) + 5 * np.sin(
        2 * np.pi * (hours % 24 - 9) / 24) + rng.normal(0, 1.5, len(times))
    wind = np.abs(rng.normal(2.5, 1.2, len(times)))
    data = pd.DataFrame({"ghi": ghi, "dni": dni, "dhi": dhi, "temp_air": temp_air, "wind_speed": wind},
                        index=times)
    for start, length in holes:
        data.iloc[start:start + length] = np.nan
    meta = {"interval_minutes": 60, "label": "start", "source": "test clear sky × clouds", "kind": "synthetic",
            "latitude": park.latitude, "longitude": park.longitude, "altitude": park.altitude, "tz": park.tz,
            "year": year}
    return data, meta


def modelchain_ac(park, roof, array, data, *, transposition="perez", aoi_model="physical",
                  temperature_model="sapm", dc_model=None, year=2023, quantity="ac") -> pd.Series:
    """AC power [W] of one array by pvlib's ModelChain, indexed like ``data`` (interval starts); with
    ``quantity="dc"`` its DC power after the DC losses [W] (PVWatts DC) instead."""
    dc_model = dc_model or array.dc_model
    if dc_model == "cec" and array.module is None:
        dc_model = "pvwatts"
    if temperature_model == "sapm":
        tparams = pvlib.temperature.TEMPERATURE_MODEL_PARAMETERS["sapm"][SAPM[(array.racking, array.module_type)]]
    else:
        tparams = pvlib.temperature.TEMPERATURE_MODEL_PARAMETERS["pvsyst"][PVSYST[array.racking]]
    if array.dc_model == "cec":
        stc = catalog.module_stc(array.module) * array.modules_per_string * array.strings
    else:
        stc = array.pdc0
    if dc_model == "cec":
        module_parameters = catalog.module_parameters(array.module)
        layout = dict(modules_per_string=array.modules_per_string, strings=array.strings)
    else:
        gamma = array.gamma_pdc if array.dc_model == "pvwatts" else \
            catalog.module_parameters(array.module)["gamma_r"] / 100
        module_parameters = {"pdc0": stc, "gamma_pdc": gamma}
        layout = {}
    if array.inverter_model == "cec":
        inv = catalog.inverter_parameters(array.inverter)
        n = array.inverters
        if dc_model == "cec":
            inverter_parameters = dict(inv)
            for key in ("Paco", "Pdco", "Pso", "Pnt"):
                inverter_parameters[key] = inv[key] * n
            inverter_parameters["C0"] = inv["C0"] / n
            ac_model = "sandia"
        else:
            inverter_parameters = {"pdc0": inv["Pdco"] * n, "eta_inv_nom": inv["Paco"] / inv["Pdco"]}
            ac_model = "pvwatts"
    else:
        ac_rating = stc / array.dc_ac_ratio
        inverter_parameters = {"pdc0": ac_rating / array.eta_inv_nom, "eta_inv_nom": array.eta_inv_nom}
        ac_model = "pvwatts"
    mount = FixedMount(surface_tilt=array.tilt_on(roof), surface_azimuth=array.azimuth_on(roof))
    pv_array = PvArray(mount, albedo=array.albedo, module_parameters=module_parameters,
                       temperature_model_parameters=tparams, **layout)
    system = PVSystem(arrays=[pv_array], inverter_parameters=inverter_parameters)
    years = 0.0
    if array.commissioned is not None:
        import datetime as dt
        years = max(0.0, (dt.date(year, 7, 1) - array.commissioned).days / 365.25)
    degradation = (1 - array.degradation / 100) ** years
    losses = array.losses
    others = 1.0
    for name in losses.SCALARS:
        others *= 1 - getattr(losses, name) / 100

    def loss_chain(mc):
        month = mc.results.dc.index.tz_convert(park.tz).month.to_numpy() - 1
        keep = (1 - np.array(losses.soiling) / 100)[month] * others * degradation
        if isinstance(mc.results.dc, pd.DataFrame):
            mc.results.dc["p_mp"] = mc.results.dc["p_mp"] * keep
        else:
            mc.results.dc = mc.results.dc * keep
        return mc

    if ac_model == "pvwatts" and dc_model == "cec":
        # ModelChain's own pvwatts_inverter passes the whole single-diode DataFrame; feed it p_mp
        def ac_model(mc):
            mc.results.ac = pvlib.inverter.pvwatts(mc.results.dc["p_mp"], **inverter_parameters)
            return mc

    mc = ModelChain(system, park.to_location(), transposition_model=transposition, aoi_model=aoi_model,
                    spectral_model="no_loss", temperature_model=temperature_model, dc_model=dc_model,
                    ac_model=ac_model, losses_model=loss_chain)
    shifted = data.copy()
    shifted.index = data.index + pd.Timedelta(minutes=30)  # sun at the interval mid-point
    mc.run_model(shifted)
    out = (mc.results.ac if quantity == "ac" else mc.results.dc).copy()
    out.index = data.index
    return out
