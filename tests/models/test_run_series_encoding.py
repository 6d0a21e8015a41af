"""Stored run series: only a park's active intervals kept, the same float32 numbers as a full series,
runs stored before still read, and a run streamed in park by park stores what a whole list stores."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from sim_reference import weather_year  # noqa: E402

import solarfleet.models.store as st  # noqa: E402
from solarfleet.models.fleet import Fleet  # noqa: E402
from solarfleet.models.simulation.engine import SimulationOptions, run_metadata, simulate_fleet  # noqa: E402
from solarfleet.models.store import load_run, load_run_ac, open_store, run_energy, run_parks, save_run  # noqa: E402
from solarfleet.models.store.run_rows import aggregate_run, decode_park_series, encode_park_series  # noqa: E402

#: A PVWatts park and a CEC park whose Sandia inverters draw their night tare (AC below 0 W in the dark).
PARKS = ["Shanghai Asia No.1 (Jiading)", "Chengdu Asia No.1 (Xindu)"]


@pytest.fixture(scope="module")
def fleet(demo_fleet):
    return Fleet(tuple(demo_fleet.park(n) for n in PARKS))


@pytest.fixture(scope="module")
def results(fleet):
    weather = {p.name: weather_year(p, seed=60 + i, holes=[(3000, 24)] if i == 0 else [])
               for i, p in enumerate(fleet.parks)}
    return list(simulate_fleet(fleet, lambda p: weather[p.name]))


def _meta(fleet):
    return run_metadata(fleet, SimulationOptions(), time.time(), 1.0)


def test_active_intervals_decode_to_the_full_float32_series(results):
    tare = 0
    for r in results:
        ac = r.ac.to_numpy().T
        active, base, values = encode_park_series(ac)
        back = decode_park_series(active, ac.shape[1], base, [row.tobytes() for row in values])
        full32 = ac.astype("<f4").astype(np.float64)  # what a full float32 blob holds
        assert np.array_equal(back, full32, equal_nan=True)
        assert values.shape[1] < 0.62 * ac.shape[1]  # the dark half of the year is not stored
        tare += int((base < 0).sum())
        assert np.isnan(back).sum() == np.isnan(ac).sum()  # missing weather stays missing, never 0
    assert tare > 0, "the CEC park's Sandia inverters must exercise a non-zero base (night tare)"


def test_no_weather_at_all_is_every_interval_missing():
    ac = np.full((3, 48), np.nan)
    active, base, values = encode_park_series(ac)
    assert values.shape == (3, 48)
    assert np.isnan(decode_park_series(active, 48, base, [v.tobytes() for v in values])).all()


def test_a_run_streamed_park_by_park_stores_the_same_as_a_list(fleet, results):
    with open_store(":memory:") as a, open_store(":memory:") as b:
        st.import_fleet(a, fleet)
        st.import_fleet(b, fleet)
        whole = save_run(a, _meta(fleet), results)
        # as a cluster sends them back: one park's rows at a time, from a generator
        streamed = save_run(b, _meta(fleet), (aggregate_run([r]) for r in results))
        ra, rb = load_run(a, whole), load_run(b, streamed)
        for k in ("parks", "arrays", "dc_capacity", "energy", "specific_yield", "performance_ratio",
                  "capacity_factor", "missing_intervals", "losses", "weather"):
            assert ra[k] == rb[k], k
        assert run_parks(a, whole) == run_parks(b, streamed)
        for level in ("array", "roof", "park", "fleet"):
            ea, eb = run_energy(a, whole, level, "month"), run_energy(b, streamed, level, "month")
            assert ea.equals(eb), level
        for r in results:
            assert load_run_ac(a, whole, r.park).equals(load_run_ac(b, streamed, r.park))


def test_runs_stored_before_the_encoding_still_read(tmp_path, fleet, results, make_old_db):
    names = [fn.__name__ for _, fn in st.MIGRATIONS]
    before = st.MIGRATIONS[names.index("add_active_interval_series") - 1][0]
    path = make_old_db(tmp_path / "old.db", before, fill=lambda s: (st.import_fleet(s, fleet),
                                                                  save_run(s, _meta(fleet), results)))
    with open_store(path) as s:
        assert s.schema_version == st.SCHEMA_VERSION
        old_id = st.latest_run_id(s)
        # the old run holds every interval; a new one only the active ones
        new_id = save_run(s, _meta(fleet), results)
        sizes = {rid: s.db.execute("SELECT sum(length(ac)) FROM sim_arrays WHERE run_id = ?", [rid]).fetchone()[0]
                 for rid in (old_id, new_id)}
        assert sizes[new_id] < 0.62 * sizes[old_id]
        for r in results:
            old, new = load_run_ac(s, old_id, r.park), load_run_ac(s, new_id, r.park)
            assert old.equals(new)
            np.testing.assert_array_equal(new.to_numpy(), r.ac.to_numpy().astype("<f4").astype(np.float64))
        assert run_energy(s, old_id, "array", "day").equals(run_energy(s, new_id, "array", "day"))


def test_an_empty_run_is_refused_and_leaves_nothing(fleet):
    with open_store(":memory:") as s:
        st.import_fleet(s, fleet)
        with pytest.raises(st.StoreError, match="at least one park"):
            save_run(s, _meta(fleet), iter(()))
        assert s.db.execute("SELECT count(*) FROM sim_runs").fetchone()[0] == 0
