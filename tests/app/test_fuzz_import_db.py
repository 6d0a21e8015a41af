"""Random files dropped on a park (solarfleet.app.gui.wiring.import_park_file, the GUI's importer): either one new weather
set or load series is stored, or a ValueError names the file and the database is exactly as before."""
import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.models.fuzz_counts import count
from tests.models.test_fuzz_importers import TOKENS, random_table
from solarfleet.models.store import load_fleet

DROPS = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


def _dump(db_path) -> str:
    import sqlite3
    con = sqlite3.connect(db_path)
    try:
        return hashlib.sha256("\n".join(con.iterdump()).encode()).hexdigest()
    finally:
        con.close()


_DB: dict = {}


def _db(tmp_path_factory):
    if not _DB:
        from solarfleet.models.demo import seed_if_empty
        from solarfleet.models.store import open_store
        path = tmp_path_factory.mktemp("drop") / "drop.db"
        with open_store(path) as s:
            seed_if_empty(s, with_data=False)
            park = load_fleet(s).parks[0]
        _DB.update(path=path, park=park)
    return _DB["path"], _DB["park"]


def _counts(db_path):
    import sqlite3
    con = sqlite3.connect(db_path)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("weather_sets", "load_series"))
    finally:
        con.close()


@DROPS
@given(table=random_table(["ghi", "dni", "dhi", "temp_air", "kW", "load", "x"]),
       suffix=st.sampled_from([".csv", ".txt"]), noise=st.one_of(st.none(), TOKENS))
def test_dropped_file_stores_whole_or_nothing(table, suffix, noise, tmp_path_factory):
    from solarfleet.app.gui.wiring import import_park_file
    db, park = _db(tmp_path_factory)
    text = table[0] + ("" if noise is None else noise)
    path = tmp_path_factory.mktemp("f") / f"dropped{sum(_counts(db))}{suffix}"  # a new meter name each time
    path.write_text(text, encoding="utf-8")
    count("dropped file (DB check)")
    before, counts = _dump(db), _counts(db)
    from solarfleet.models.store import StoreError
    try:
        report = import_park_file(db, park, path)
    except (ValueError, StoreError) as exc:  # StoreError: e.g. the park already has that meter
        assert path.name in str(exc) or path.stem in str(exc), str(exc)
        assert _dump(db) == before, "a refused file changed the database"
        return
    after = _counts(db)
    assert path.name in report
    assert sum(after) == sum(counts) + 1 and all(a >= b for a, b in zip(after, counts))
