"""The engine's single-diode chain against NREL's PySAM ``Pvsamv1`` (SAM's detailed model).

Same inputs on both sides: the CEC module parameters of pvlib's database copied into SAM's
``cec_*`` inputs (``module_model = 1``), the same Sandia inverter (``inverter_model = 0``,
``inv_snl_*``), SAM's NOCT cell temperature with the standoff class our mounting maps to, the
same DC and AC losses, the weather as an hour-average SAM CSV (see tests/models/sam_oracle.py).
SAM's extras are switched off on its side: self-shading, inverter temperature derating, MPPT
voltage window, degradation, snow.

Tolerances are issue 14's: annual energy within ±1 %, every month within ±2 %. Measured on the
12 cases below: worst annual 0.28 %, worst month 0.49 % (docs/validation.md has 60 cases); the
bounds leave room for other weather, not for a modelling gap — the glass cover without its
anti-reflective coating (our chain before this comparison) is 1.3 % low and fails them.
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))
import sam_oracle as so  # noqa: E402

pytest.importorskip("PySAM.Pvsamv1")

from solarfleet.models.simulation.engine import SimulationOptions  # noqa: E402

CONFIGS = so.random_cec_configs(12, seed=14)


# the same module-wide fixtures as the PVWatts comparison: the shared weather, as hour-average SAM CSVs
import test_sam_oracle as _pvwatts_oracle  # noqa: E402

shared, weather, hour_average_files = (_pvwatts_oracle.shared, _pvwatts_oracle.weather,
                                       _pvwatts_oracle.hour_average_files)


def test_cases_cover_mountings_files_and_equipment():
    assert {c.mounting for c in CONFIGS} == {"open_rack", "close_mount", "insulated_back"}
    assert {c.file for c in CONFIGS} == set(so.HOURLY_FILES)
    assert {c.module for c in CONFIGS} == {e[0] for e in so.CEC_EQUIPMENT}
    assert {c.roof_height for c in CONFIGS} == {3.0, 12.0}  # SAM's one and two stories


def test_single_diode_chain_agrees_with_pvsamv1(weather, shared, hour_average_files):
    failures = []
    for cfg in CONFIGS:
        data, meta = weather[cfg.file]
        ours = so.ours_cec(cfg, data, meta)
        sam = so.sam_cec(cfg, shared, data, meta, resource=hour_average_files[cfg.file])
        annual = ours.sum() / sam.sum() - 1.0
        month = np.max(np.abs(ours / sam - 1.0))
        if abs(annual) > 0.01 or month > 0.02:
            failures.append(f"{cfg}: annual {annual:+.3%}, worst month {month:.3%}")
    assert not failures, "\n".join(failures)


def test_pvsamv1_notices_an_uncoated_cover(weather, shared, hour_average_files):
    """The oracle is sharp enough to see the cover modelled without its anti-reflective coating."""
    cfg = CONFIGS[0]
    data, meta = weather[cfg.file]
    sam = so.sam_cec(cfg, shared, data, meta, resource=hour_average_files[cfg.file]).sum()
    uncoated = so.ours_cec(cfg, data, meta, SimulationOptions(aoi_model="desoto")).sum()
    assert uncoated / sam - 1.0 < -0.01
