"""NREL's PySAM as an independent oracle: the same array through PVWatts v8/v5 (and SAM's detailed
model) and through our engine, monthly and annual energy side by side.

Used by tests/models/test_sam_oracle.py (a modest seeded sample) and by
tests/bench/sam_validation.py (the full-size comparison written up in docs/validation.md).

How each weather file reaches SAM: the SAM CSV files are given to SAM as files
(``SolarResource.solar_resource_file``). The EPW files are given as the data our EPW reader
returns (``solar_resource_data``, hour-beginning local standard time, stamped at minute 30),
because SSC reads an EPW whose minute field is 0 as instantaneous at the *start* of each hour
(measured: its sun positions match the hour starts to 0.08°), 30 minutes away from the interval
the EPW values describe. Either way SSC puts the sun at minute 30 of every hour, also in the
sunrise and sunset hours (data with a minute column are "instantaneous" to SSC); the engine puts
it at the middle of the sunlit part of those hours — a residual difference, measured in
docs/validation.md.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd

from solarfleet.models.fleet import Array, Losses, Park, Roof
from solarfleet.models.simulation.engine import SimulationOptions, simulate_park
from solarfleet.models.weather import epw, nsrdb

#: The hourly weather files used (the 15-minute LA file is in the full-size script only).
HOURLY_FILES = ("tucson_az_32.116521_-110.933042_psmv3_60_tmy.csv",
                "des_moines_ia_41.586835_-93.624959_psmv3_60_tmy.csv",
                "CHN_Beijing.Beijing.545110_CSWD.epw", "CHN_Shanghai.Shanghai.583620_CSWD.epw",
                "CHN_Sichuan.Chengdu.562940_CSWD.epw")
#: PVWatts array type for our mounting: open rack → fixed open rack, the roof mounts → fixed roof mount.
ARRAY_TYPE = {"open_rack": 0, "close_mount": 1, "insulated_back": 1}
MOUNTINGS = ("open_rack", "close_mount")


@dataclasses.dataclass(frozen=True)
class Config:
    """One PVWatts comparison case."""

    file: str
    tilt: float
    azimuth: float
    mounting: str
    dc_ac_ratio: float
    losses: float          # PVWatts "system losses" [%]
    soiling: tuple = ()    # monthly soiling on the light [%], empty for none
    kw: float = 100.0


def random_configs(n: int, seed: int, files=HOURLY_FILES) -> list[Config]:
    """``n`` seeded random cases: tilt 0–60°, azimuth 90–270°, each mounting, DC/AC 1.0–1.5, losses."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        soiling = tuple(np.round(rng.uniform(0, 5, 12), 1)) if i % 3 == 2 else ()
        out.append(Config(file=files[i % len(files)], tilt=float(np.round(rng.uniform(0, 60), 1)),
                          azimuth=float(np.round(rng.uniform(90, 270), 1)), mounting=MOUNTINGS[(i // 2) % 2],
                          dc_ac_ratio=float(np.round(rng.uniform(1.0, 1.5), 2)),
                          losses=float(np.round(rng.uniform(5, 20), 2)), soiling=soiling))
    return out


def read_weather(shared: Path, name: str):
    path = Path(shared) / "weather" / name
    reader = epw.read_epw if name.endswith(".epw") else nsrdb.read_sam_csv
    return reader(path)


def park_for(meta) -> Park:
    return Park("oracle", latitude=meta["latitude"], longitude=meta["longitude"], altitude=meta["altitude"],
                tz=meta["tz"])


def _local_months(index: pd.DatetimeIndex, tz: str) -> np.ndarray:
    return np.asarray(index.tz_convert(tz).month) - 1


def ours_pvwatts(cfg: Config, data, meta, options: SimulationOptions | None = None) -> np.ndarray:
    """Monthly AC energy of the engine for ``cfg`` [kWh], January first."""
    if cfg.soiling:
        losses = Losses(soiling=cfg.soiling, shading=0, snow=0, mismatch=cfg.losses, wiring=0, connections=0, lid=0,
                        nameplate_rating=0, availability=0)
    else:
        losses = Losses(system_losses=cfg.losses)
    array = Array("a", pdc0=cfg.kw * 1000, gamma_pdc=-0.0037, racking=cfg.mounting, surface_tilt=cfg.tilt,
                  surface_azimuth=cfg.azimuth, albedo=0.2, losses=losses, dc_ac_ratio=cfg.dc_ac_ratio,
                  eta_inv_nom=0.96, degradation=0.0)
    park = dataclasses.replace(park_for(meta), roofs=(Roof("r", arrays=(array,)),))
    r = simulate_park(park, data, meta, options or SimulationOptions())
    ac = r.ac.iloc[:, 0].to_numpy()
    return np.bincount(_local_months(r.ac.index, park.tz), weights=np.nan_to_num(ac) / 1000.0, minlength=12)


def _resource_data(data, meta) -> dict:
    local = data.index + pd.Timedelta(hours=meta["utc_offset"])
    d = {"lat": meta["latitude"], "lon": meta["longitude"], "tz": meta["utc_offset"], "elev": meta["altitude"],
         "year": [2019] * len(local), "month": list(local.month), "day": list(local.day), "hour": list(local.hour),
         "minute": [30] * len(local),
         "dn": data["dni"].tolist(), "df": data["dhi"].tolist(), "gh": data["ghi"].tolist(),
         "tdry": data["temp_air"].tolist(), "wspd": data["wind_speed"].tolist()}
    if "pressure" in data:
        d["pres"] = (data["pressure"] / 100.0).tolist()
    if "albedo" in data:
        d["alb"] = data["albedo"].tolist()
    return d


def write_hour_average_csv(data, meta, path: Path) -> Path:
    """The weather as a SAM CSV *without* a minute column, which SSC reads as hour averages
    (hour-beginning): it then places the sun at the middle of the sunlit part of each hour, as
    the engine does. Written to a temporary file for the test only."""
    local = data.index + pd.Timedelta(hours=meta["utc_offset"])
    head = ("Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,Elevation\n"
            f"test,0,-,-,-,{meta['latitude']},{meta['longitude']},{meta['utc_offset']},{meta['altitude']}\n")
    cols = {"Year": np.full(len(local), 2019), "Month": local.month, "Day": local.day, "Hour": local.hour,
            "GHI": data["ghi"], "DNI": data["dni"], "DHI": data["dhi"], "Temperature": data["temp_air"],
            "Wind Speed": data["wind_speed"]}
    if "pressure" in data:
        cols["Pressure"] = data["pressure"].to_numpy() / 100.0
    if "albedo" in data:
        cols["Surface Albedo"] = data["albedo"].to_numpy()
    frame = pd.DataFrame({k: np.asarray(v) for k, v in cols.items()})
    Path(path).write_text(head + frame.to_csv(index=False), encoding="utf-8")
    return Path(path)


def sam_pvwatts(cfg: Config, shared: Path, data, meta, version: int = 8, resource: Path | None = None) -> np.ndarray:
    """Monthly AC energy of PySAM's PVWatts v8 (or v5) for ``cfg`` [kWh].

    ``resource``: a weather file to give SAM instead (e.g. :func:`write_hour_average_csv`).
    """
    if version == 8:
        import PySAM.Pvwattsv8 as pv
    else:
        import PySAM.Pvwattsv5 as pv
    m = pv.default("PVWattsNone")
    if resource is not None:
        m.SolarResource.solar_resource_file = str(resource)
    elif cfg.file.endswith(".epw"):
        m.SolarResource.solar_resource_data = _resource_data(data, meta)
    else:
        m.SolarResource.solar_resource_file = str(Path(shared) / "weather" / cfg.file)
    sd = m.SystemDesign
    sd.system_capacity = cfg.kw
    sd.tilt, sd.azimuth = cfg.tilt, cfg.azimuth
    sd.array_type = ARRAY_TYPE[cfg.mounting]
    sd.dc_ac_ratio, sd.inv_eff, sd.losses = cfg.dc_ac_ratio, 96.0, cfg.losses
    sd.module_type = 0
    if version == 8:
        sd.gcr = 0.01          # open rack: rows far apart (the engine's array has no rows)
        sd.bifaciality = 0.0
        if cfg.soiling:
            sd.soiling = list(cfg.soiling)
    m.execute()
    return np.array(m.Outputs.monthly_energy)
