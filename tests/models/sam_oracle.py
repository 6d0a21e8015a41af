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
#: SAM's own 15-minute test file (hours 1–24, minutes at the interval centres).
LOS_ANGELES = "LosAngeles_WeatherFile_15min.csv"
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
    gamma_pdc: float = -0.0037   # [1/°C]; PVWatts v5's "standard" module: -0.0047


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


#: PVWatts v5's "standard" module temperature coefficient (SSC cmod_pvwattsv5, module_type 0) [1/°C].
PVWATTS5_GAMMA = -0.0047


def random_v5_configs(n: int, seed: int, files=HOURLY_FILES) -> list[Config]:
    """:func:`random_configs` for PVWatts v5: its standard module's coefficient, no soiling input
    (v5 has none), so itemised cases become system losses."""
    return [dataclasses.replace(c, soiling=(), gamma_pdc=PVWATTS5_GAMMA) for c in random_configs(n, seed, files)]


def pvwatts5_options() -> SimulationOptions:
    """The engine set up as PVWatts v5 computes (:data:`engine.PVWATTS5_CHOICES`)."""
    from solarfleet.models.simulation.engine import PVWATTS5_CHOICES
    return SimulationOptions(**PVWATTS5_CHOICES)


def read_weather(shared: Path, name: str):
    path = Path(shared) / "weather" / name
    reader = epw.read_epw if name.endswith(".epw") else nsrdb.read_sam_csv
    return reader(path)


def park_for(meta) -> Park:
    return Park("oracle", latitude=meta["latitude"], longitude=meta["longitude"], altitude=meta["altitude"],
                tz=meta["tz"])


def _local_months(index: pd.DatetimeIndex, tz: str) -> np.ndarray:
    return np.asarray(index.tz_convert(tz).month) - 1


def _monthly_kwh(ac: pd.Series, tz: str) -> np.ndarray:
    """Monthly energy [kWh] of a mean-power series [W] on regular intervals, by local month."""
    hours = (ac.index[1] - ac.index[0]) / pd.Timedelta(hours=1)
    return np.bincount(_local_months(ac.index, tz), weights=np.nan_to_num(ac.to_numpy()) * hours / 1000.0,
                       minlength=12)


def ours_pvwatts(cfg: Config, data, meta, options: SimulationOptions | None = None) -> np.ndarray:
    """Monthly AC energy of the engine for ``cfg`` [kWh], January first."""
    if cfg.soiling:
        losses = Losses(soiling=cfg.soiling, shading=0, snow=0, mismatch=cfg.losses, wiring=0, connections=0, lid=0,
                        nameplate_rating=0, availability=0)
    else:
        losses = Losses(system_losses=cfg.losses)
    array = Array("a", pdc0=cfg.kw * 1000, gamma_pdc=cfg.gamma_pdc, racking=cfg.mounting, surface_tilt=cfg.tilt,
                  surface_azimuth=cfg.azimuth, albedo=0.2, losses=losses, dc_ac_ratio=cfg.dc_ac_ratio,
                  eta_inv_nom=0.96, degradation=0.0)
    park = dataclasses.replace(park_for(meta), roofs=(Roof("r", arrays=(array,)),))
    r = simulate_park(park, data, meta, options or SimulationOptions())
    return _monthly_kwh(r.ac.iloc[:, 0], park.tz)


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


def _give_weather(m, cfg, shared: Path, data, meta, resource: Path | None) -> None:
    """SAM's weather for ``cfg``: ``resource`` if given, an EPW as data, a SAM CSV as its file."""
    if resource is not None:
        m.SolarResource.solar_resource_file = str(resource)
    elif cfg.file.endswith(".epw"):
        m.SolarResource.solar_resource_data = _resource_data(data, meta)
    else:
        m.SolarResource.solar_resource_file = str(Path(shared) / "weather" / cfg.file)


def sam_pvwatts(cfg: Config, shared: Path, data, meta, version: int = 8, resource: Path | None = None) -> np.ndarray:
    """Monthly AC energy of PySAM's PVWatts v8 (or v5) for ``cfg`` [kWh].

    ``resource``: a weather file to give SAM instead (e.g. :func:`write_hour_average_csv`).
    """
    if version == 8:
        import PySAM.Pvwattsv8 as pv
    else:
        import PySAM.Pvwattsv5 as pv
    if version == 8:
        m = pv.default("PVWattsNone")
    else:                      # PySAM ships no default configuration for v5: every input set here
        m = pv.new()
        m.Lifetime.system_use_lifetime_output = 0
        m.AdjustmentFactors.adjust_constant = 0.0
    _give_weather(m, cfg, shared, data, meta, resource)
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


# --- SAM's detailed model (Pvsamv1): CEC module, Sandia inverter, NOCT cell temperature -----------

#: SAM's NOCT "mounting standoff" class for our mounting (SSC ``cec_standoff``): 1 = more than 3.5 in
#: (no adjustment), 2 = 2.5–3.5 in (+2 °C), 5 = under 0.5 in (+18 °C) — the classes
#: :data:`solarfleet.models.simulation.thermal.MOUNTING_PARAMETERS` maps each mounting to.
SAM_STANDOFF = {"open_rack": 1, "close_mount": 2, "insulated_back": 5}
#: CEC modules and Sandia inverters of the detailed comparison: (module, inverter, modules per
#: string); sizes are chosen per case for the DC/AC ratio.
CEC_EQUIPMENT = (
    ("Canadian_Solar_Inc__CS6K_275M", "SMA_America__STP_33_US_41__480V_", 18),
    ("Jinko_Solar__Co___Ltd_JKM370M_72L", "ABB__TRIO_27_6_TL_OUTD_S_US_480__480V_", 14),
    ("LONGi_Green_Energy_Technology_Co___Ltd__LR6_60_280M", "Sungrow_Power_Supply_Co___Ltd___SG_60KU_M__480V_", 20),
    ("Trina_Solar_TSM_300DD05A_II_", "Huawei_Technologies_Co___Ltd___SUN2000_100KTL_USH0__800V_", 24),
)


@dataclasses.dataclass(frozen=True)
class CecConfig:
    """One single-diode comparison case (our ``dc_model='cec'`` against Pvsamv1)."""

    file: str
    tilt: float
    azimuth: float
    mounting: str
    module: str
    inverter: str
    modules_per_string: int
    strings: int
    inverters: int
    mismatch: float = 2.0      # [%]
    wiring: float = 2.0        # DC wiring [%]
    connections: float = 0.5   # [%]
    ac_wiring: float = 1.0     # [%]
    roof_height: float = 3.0   # [m]: SAM "one story"


def random_cec_configs(n: int, seed: int, files=HOURLY_FILES) -> list[CecConfig]:
    """``n`` seeded single-diode cases: tilt 0–60°, azimuth 90–270°, each mounting, DC/AC 1.0–1.5."""
    from solarfleet.models.simulation import catalog
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        module, inverter, mps = CEC_EQUIPMENT[i % len(CEC_EQUIPMENT)]
        ratio = rng.uniform(1.0, 1.5)
        strings = max(1, int(round(ratio * catalog.inverter_paco(inverter) / (catalog.module_stc(module) * mps))))
        out.append(CecConfig(file=files[i % len(files)], tilt=float(np.round(rng.uniform(0, 60), 1)),
                             azimuth=float(np.round(rng.uniform(90, 270), 1)),
                             mounting=("open_rack", "close_mount", "insulated_back")[i % 3], module=module,
                             inverter=inverter, modules_per_string=mps, strings=strings, inverters=1,
                             mismatch=float(np.round(rng.uniform(0, 3), 1)),
                             wiring=float(np.round(rng.uniform(0, 3), 1)),
                             ac_wiring=float(np.round(rng.uniform(0, 2), 1)),
                             roof_height=(3.0, 12.0)[(i // 3) % 2]))
    return out


def ours_cec(cfg: CecConfig, data, meta, options: SimulationOptions | None = None, hourly: bool = False):
    """Monthly AC energy of the engine for a single-diode case [kWh] (or the ParkResult if ``hourly``)."""
    losses = Losses(soiling=0, shading=0, snow=0, mismatch=cfg.mismatch, wiring=cfg.wiring,
                    connections=cfg.connections, lid=0, nameplate_rating=0, availability=0, ac_wiring=cfg.ac_wiring)
    array = Array("a", dc_model="cec", module=cfg.module, modules_per_string=cfg.modules_per_string,
                  strings=cfg.strings, racking=cfg.mounting, surface_tilt=cfg.tilt, surface_azimuth=cfg.azimuth,
                  albedo=0.2, losses=losses, inverter_model="cec", inverter=cfg.inverter, inverters=cfg.inverters,
                  degradation=0.0)
    park = dataclasses.replace(park_for(meta), roofs=(Roof("r", height=cfg.roof_height, arrays=(array,)),))
    r = simulate_park(park, data, meta, options or SimulationOptions())
    if hourly:
        return r
    return _monthly_kwh(r.ac.iloc[:, 0], park.tz)


def sam_cec_model(cfg: CecConfig, shared: Path, data, meta, resource: Path | None = None):
    """A PySAM Pvsamv1 model of ``cfg`` (not yet executed): the same CEC module parameters, the same
    Sandia inverter, SAM's NOCT cell temperature for the mounting, the same losses; no self-shading,
    no inverter temperature derating, no MPPT voltage window, no degradation."""
    import PySAM.Pvsamv1 as pv
    from solarfleet.models.simulation import catalog
    m = pv.default("FlatPlatePVNone")
    _give_weather(m, cfg, shared, data, meta, resource)
    m.SolarResource.use_wf_albedo = 0
    m.SolarResource.albedo = [0.2] * 12
    m.SolarResource.sky_model = 2          # Perez
    m.SolarResource.irrad_mode = 0         # beam and diffuse
    mod = catalog.module_parameters(cfg.module)
    c = m.CECPerformanceModelWithModuleDatabase
    for ours, theirs in (("a_ref", "a_ref"), ("Adjust", "adjust"), ("alpha_sc", "alpha_sc"), ("A_c", "area"),
                         ("beta_oc", "beta_oc"), ("I_L_ref", "i_l_ref"), ("I_mp_ref", "i_mp_ref"),
                         ("I_o_ref", "i_o_ref"), ("I_sc_ref", "i_sc_ref"), ("N_s", "n_s"), ("R_s", "r_s"),
                         ("R_sh_ref", "r_sh_ref"), ("T_NOCT", "t_noct"), ("V_mp_ref", "v_mp_ref"),
                         ("V_oc_ref", "v_oc_ref")):
        setattr(c, f"cec_{theirs}", float(mod[ours]))
    c.cec_temp_corr_mode = 0               # NOCT
    c.cec_standoff = SAM_STANDOFF[cfg.mounting]
    c.cec_height = 0 if cfg.roof_height <= 3.5 else 1
    c.cec_is_bifacial = 0
    m.Module.module_model = 1              # CEC with the database parameters
    inv = catalog.inverter_parameters(cfg.inverter)
    d = m.InverterCECDatabase
    for k in ("C0", "C1", "C2", "C3", "Paco", "Pdco", "Pnt", "Pso", "Vdco", "Vdcmax"):
        setattr(d, f"inv_snl_{k.lower()}", float(inv[k]))
    d.inv_tdc_cec_db = ((1500.0, 50.0, 0.0, 53.0, 0.0),)   # no temperature derating
    m.Inverter.inverter_model = 0
    m.Inverter.inverter_count = cfg.inverters
    m.Inverter.inv_num_mppt = 1
    m.Inverter.mppt_low_inverter = 0.0
    m.Inverter.mppt_hi_inverter = 1e5
    s = m.SystemDesign
    s.inverter_count = cfg.inverters
    s.subarray1_tilt, s.subarray1_azimuth = cfg.tilt, cfg.azimuth
    s.subarray1_track_mode = 0
    s.subarray1_modules_per_string, s.subarray1_nstrings = cfg.modules_per_string, cfg.strings
    s.subarray1_gcr = 0.3
    s.system_capacity = catalog.module_stc(cfg.module) * cfg.modules_per_string * cfg.strings / 1000.0
    m.Shading.subarray1_shade_mode = 0
    lo = m.Losses
    lo.subarray1_soiling = [0.0] * 12
    lo.subarray1_mismatch_loss, lo.subarray1_dcwiring_loss = cfg.mismatch, cfg.wiring
    lo.subarray1_diodeconn_loss, lo.subarray1_nameplate_loss = cfg.connections, 0.0
    lo.subarray1_tracking_loss, lo.dcoptimizer_loss, lo.subarray1_rack_shading = 0.0, 0.0, 0.0
    lo.acwiring_loss, lo.transmission_loss = cfg.ac_wiring, 0.0
    lo.transformer_load_loss, lo.transformer_no_load_loss = 0.0, 0.0
    lo.en_snow_model, lo.calculate_rack_shading = 0, 0
    m.Lifetime.system_use_lifetime_output = 0
    m.Lifetime.analysis_period = 1
    m.Lifetime.dc_degradation = [0.0]
    m.AdjustmentFactors.adjust_constant = 0.0
    return m


def sam_cec(cfg: CecConfig, shared: Path, data, meta, resource: Path | None = None) -> np.ndarray:
    """Monthly AC energy of PySAM's Pvsamv1 for ``cfg`` [kWh]."""
    m = sam_cec_model(cfg, shared, data, meta, resource)
    m.execute()
    return np.array(m.Outputs.monthly_energy)
