"""The SQLite store: pragmas, transactions, schema versions and migrations."""
import sqlite3

import pytest

from solarfleet.models import store as store_mod
from solarfleet.models.demo import seed_if_empty
from solarfleet.models.fleet import Array, Fleet, Park, Roof
from solarfleet.models.store import NotASolarFleetFile, ParkExistsError, SchemaTooNewError, open_store
from solarfleet.models.store import delete_park, import_fleet, load_fleet, load_park, park_names


def test_file_store_uses_wal_foreign_keys_and_a_busy_timeout(file_store):
    db = file_store.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert file_store.schema_version == store_mod.SCHEMA_VERSION


def test_fleet_round_trips_through_the_store(file_store, demo_fleet):
    import_fleet(file_store, demo_fleet)
    assert load_fleet(file_store) == demo_fleet
    assert load_park(file_store, "xi'an asia no.1") == demo_fleet.park("Xi'an Asia No.1")
    with pytest.raises(KeyError):
        load_park(file_store, "Nowhere")


def test_demo_is_seeded_once_only(file_store, demo_fleet):
    assert seed_if_empty(file_store)
    assert len(park_names(file_store)) == len(demo_fleet.parks)
    for name in park_names(file_store):
        delete_park(file_store, name)
    assert not seed_if_empty(file_store), "a user who emptied the fleet must not get the demo back"


def _dump(store):
    return list(store.db.conn.iterdump())


def test_an_import_that_fails_midway_leaves_the_database_as_it_was(file_store, demo_fleet):
    import_fleet(file_store, Fleet(demo_fleet.parks[:3]))
    before = _dump(file_store)
    clash = Fleet(demo_fleet.parks[3:6] + (demo_fleet.parks[1],))
    with pytest.raises(ParkExistsError, match="already exists"):
        import_fleet(file_store, clash)
    assert _dump(file_store) == before


def test_on_conflict_replace_skip_rename(file_store, demo_fleet):
    import_fleet(file_store, Fleet(demo_fleet.parks[:2]))
    p0 = demo_fleet.parks[0]
    smaller = Park(name=p0.name, latitude=p0.latitude, longitude=p0.longitude,
                   roofs=(Roof(name="Only", arrays=(Array(name="A", pdc0=1000.0),)),))
    rep = import_fleet(file_store, Fleet((smaller,)), on_conflict="skip")
    assert rep["skipped"] == [p0.name] and load_park(file_store, p0.name) == p0
    rep = import_fleet(file_store, Fleet((smaller,)), on_conflict="rename")
    assert rep["renamed"] == {p0.name: f"{p0.name} (2)"}
    rep = import_fleet(file_store, Fleet((smaller,)), on_conflict="replace")
    assert rep["replaced"] == [p0.name] and load_park(file_store, p0.name) == smaller
    assert park_names(file_store)[0] == p0.name, "a replaced park keeps its place"
    # cascades removed the old roofs and arrays
    assert file_store.db.execute("SELECT count(*) FROM roofs WHERE park_id NOT IN (SELECT id FROM parks)").fetchone()[0] == 0


def test_a_newer_schema_is_refused_and_left_byte_identical(db_path):
    open_store(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute(f"PRAGMA user_version = {store_mod.SCHEMA_VERSION + 1}")
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="newer SolarFleet"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_foreign_files_are_refused(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("hello, this is not a database" * 10)
    with pytest.raises(NotASolarFleetFile):
        open_store(text)
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(NotASolarFleetFile):
        open_store(other)


def test_migration_backs_up_first_and_keeps_data(db_path, demo_fleet, monkeypatch):
    with open_store(db_path) as s:
        import_fleet(s, demo_fleet)

    def add_column(db):
        db.execute("ALTER TABLE parks ADD COLUMN colour TEXT")

    newer = store_mod.MIGRATIONS + ((store_mod.SCHEMA_VERSION + 1, add_column),)
    with open_store(db_path, migrations=newer) as s:
        assert s.schema_version == store_mod.SCHEMA_VERSION + 1
        assert load_fleet(s) == demo_fleet
        assert s.backup_path is not None and s.backup_path.exists()
        backup = sqlite3.connect(s.backup_path)
        assert backup.execute("PRAGMA user_version").fetchone()[0] == store_mod.SCHEMA_VERSION
        backup.close()


def test_a_failing_migration_rolls_back_and_keeps_the_backup(db_path, demo_fleet, monkeypatch):
    with open_store(db_path) as s:
        import_fleet(s, demo_fleet)
        before = _dump(s)

    def broken(db):
        db.execute("ALTER TABLE parks ADD COLUMN colour TEXT")
        raise RuntimeError("disk on fire")

    v = store_mod.SCHEMA_VERSION
    with pytest.raises(RuntimeError, match="disk on fire"):
        open_store(db_path, migrations=store_mod.MIGRATIONS + ((v + 1, broken),))
    backups = list(db_path.parent.glob(db_path.name + ".v*.bak"))
    assert len(backups) == 1
    with open_store(db_path) as s:
        assert s.schema_version == v and _dump(s) == before
