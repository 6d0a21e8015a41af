"""Survey storage and packages: export, import with clashes, damaged packages refused."""
import json

import pytest

from solarfleet.models.store import (SurveyConflictError, add_survey_photo, import_surveyed_parks, list_survey_photos, save_survey, load_survey, load_survey_photo, open_store, save_surveyed_park, surveyed_park_names)
from solarfleet.models.survey.site import KeepOut, RoofSurvey, SiteSurvey, survey_to_park
from solarfleet.models.survey.package import (SurveyPackageError, export_survey_package, import_survey_package, package_conflicts, photo_from_path, read_survey_package)
from solarfleet.models.store import add_park, delete_park, load_park, park_names, rename_park

MODULE = "Trina_Solar_TSM_360DE14A_II_"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + bytes(500)


def make_site(name="Jiading survey"):
    roof = RoofSurvey.rectangle("Warehouse A", 40.0, 20.0, module=MODULE, module_tilt=20.0, setback=1.0,
                                keepouts=(KeepOut(10, 6, 4, 2, name="skylight"),), allowed_load=25.0)
    return SiteSurvey(name, 31.38, 121.25, altitude=4.0, grid_region="east", roofs=(roof,),
                      horizon=((0, 2.0), (90, 4.0), (180, 3.0), (270, 5.0)),
                      obstacles=({"height": 10, "distance": 20, "azimuth": 150, "width": 10, "name": "tower"},),
                      horizon_source="typed")


def store_site(store, site, photos=()):
    save_surveyed_park(store, survey_to_park(site), site.extras())
    for name, data, media in photos:
        add_survey_photo(store, site.name, name, data, media)


def dump(store):
    return list(store.db.conn.iterdump())


@pytest.fixture
def field_laptop(tmp_path):
    """A surveyor's database with one surveyed park and a stored photo."""
    store = open_store(tmp_path / "laptop.db")
    store_site(store, make_site(), [("roof-north.png", PNG, "image/png")])
    yield store
    store.close()


@pytest.fixture
def package(field_laptop, tmp_path):
    photo = tmp_path / "hvac.jpg"
    photo.write_bytes(JPEG)
    path = tmp_path / "jiading.sfsurvey.json"
    export_survey_package(field_laptop, path, photos={"Jiading survey": [photo]})
    return path


def test_schema_has_survey_tables(memory_store):
    from solarfleet.models.store import SCHEMA_VERSION
    assert memory_store.schema_version == SCHEMA_VERSION
    tables = set(memory_store.db.table_names())
    assert {"survey_sites", "survey_photos"} <= tables


def test_survey_follows_rename_and_goes_with_delete(memory_store):
    store_site(memory_store, make_site(), [("a.png", PNG, "image/png")])
    rename_park(memory_store, "Jiading survey", "Jiading 2")
    assert load_survey(memory_store, "Jiading 2")["horizon_source"] == "typed"
    assert load_survey_photo(memory_store, "Jiading 2", "a.png") == PNG
    delete_park(memory_store, "Jiading 2")
    assert memory_store.db.execute("SELECT count(*) FROM survey_sites").fetchone()[0] == 0
    assert memory_store.db.execute("SELECT count(*) FROM survey_photos").fetchone()[0] == 0


def test_round_trip_into_another_database(package, tmp_path):
    pkg = read_survey_package(package)
    assert pkg.names == ["Jiading survey"]
    assert pkg.sites[0].survey == make_site()
    assert sorted(p.name for p in pkg.sites[0].photos) == ["hvac.jpg", "roof-north.png"]
    with open_store(tmp_path / "office.db") as office:
        report = import_survey_package(office, package)
        assert report == {"added": ["Jiading survey"], "replaced": [], "skipped": [], "renamed": {}, "photos": 2}
        assert surveyed_park_names(office) == ["Jiading survey"]
        again = SiteSurvey.from_park(load_park(office, "Jiading survey"), load_survey(office, "Jiading survey"))
        assert again == make_site()
        assert load_park(office, "Jiading survey") == survey_to_park(make_site())
        assert load_survey_photo(office, "Jiading survey", "hvac.jpg") == JPEG
        assert {p["name"] for p in list_survey_photos(office, "Jiading survey")} == {"hvac.jpg", "roof-north.png"}


def test_clash_refused_by_default_and_db_unchanged(package, tmp_path):
    db = tmp_path / "office.db"
    with open_store(db) as office:
        store_site(office, make_site())
    before = db.read_bytes()
    with open_store(db) as office:
        assert package_conflicts(office, read_survey_package(package)) == ["Jiading survey"]
        with pytest.raises(SurveyConflictError) as info:
            import_survey_package(office, package)
        assert info.value.names == ["Jiading survey"] and "rename, replace or skip" in str(info.value)
    assert db.read_bytes() == before


def test_clash_resolutions(package, memory_store):
    other = make_site()
    other = SiteSurvey(**{**other.__dict__, "notes": "office copy"})
    store_site(memory_store, other)
    rep = import_survey_package(memory_store, package, on_conflict="skip")
    assert rep["skipped"] == ["Jiading survey"] and rep["photos"] == 0
    assert load_park(memory_store, "Jiading survey").notes == "office copy"
    rep = import_survey_package(memory_store, package, on_conflict="rename")
    assert rep["renamed"] == {"Jiading survey": "Jiading survey (2)"}
    assert load_survey(memory_store, "Jiading survey (2)") == make_site().extras()
    assert load_park(memory_store, "Jiading survey").notes == "office copy"
    rep = import_survey_package(memory_store, package, on_conflict={"Jiading survey": "replace"})
    assert rep["replaced"] == ["Jiading survey"]
    assert load_park(memory_store, "Jiading survey").notes == ""
    assert park_names(memory_store) == ["Jiading survey", "Jiading survey (2)"]


def test_per_park_choices_and_unlisted_clash(memory_store):
    a, b = make_site("A"), make_site("B")
    store_site(memory_store, a)
    store_site(memory_store, b)
    items = [(survey_to_park(s), s.extras(), []) for s in (a, b, make_site("C"))]
    before = dump(memory_store)
    with pytest.raises(SurveyConflictError) as info:
        import_surveyed_parks(memory_store, items, on_conflict={"A": "skip"})
    assert info.value.names == ["B"]
    assert dump(memory_store) == before
    rep = import_surveyed_parks(memory_store, items, on_conflict={"A": "skip", "B": "rename"})
    assert rep["skipped"] == ["A"] and rep["renamed"] == {"B": "B (2)"} and rep["added"] == ["C"]


def _damage(path, how):
    raw = path.read_bytes()
    if how == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif how == "digit changed":
        text = raw.decode()
        i = text.index('"latitude": 31.38') + len('"latitude": 31.3')
        path.write_bytes((text[:i] + "9" + text[i + 1:]).encode())
    elif how == "not utf-8":
        path.write_bytes(b"\xff\xfe" + raw[2:])
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "other json":
        path.write_text(json.dumps({"format": "solarfleet-fleet", "version": 1, "parks": []}))
    elif how == "newer":
        doc = json.loads(raw)
        doc["version"] = 99
        path.write_text(json.dumps(doc))


@pytest.mark.parametrize("how, words", [
    ("truncated", "invalid JSON"),
    ("digit changed", "does not match its checksum"),
    ("not utf-8", "not UTF-8"),
    ("empty", "empty"),
    ("other json", "not a SolarFleet survey package"),
    ("newer", "newer SolarFleet"),
])
def test_damaged_package_refused_db_unchanged(package, tmp_path, how, words):
    db = tmp_path / "office.db"
    with open_store(db) as office:
        store_site(office, make_site("Kunshan"))
    before = db.read_bytes()
    _damage(package, how)
    with open_store(db) as office:
        with pytest.raises(SurveyPackageError) as info:
            import_survey_package(office, package, on_conflict="replace")
    assert words in str(info.value) and str(package) in str(info.value)
    assert db.read_bytes() == before


def _rewrite(path, change):
    """Change the document and re-seal its checksum, as a buggy or hostile writer would."""
    import hashlib
    from solarfleet.models.survey.package import canonical_json
    doc = json.loads(path.read_text())
    doc.pop("sha256")
    change(doc)
    doc["sha256"] = hashlib.sha256(canonical_json(doc)).hexdigest()
    path.write_text(json.dumps(doc))


@pytest.mark.parametrize("change, where", [
    (lambda d: d["sites"][0]["park"].update(latitude=123), "sites[0].park.latitude"),
    (lambda d: d["sites"][0]["survey"]["roofs"][0].update(setback=-2), "sites[0].survey.roofs[0].setback"),
    (lambda d: d["sites"][0]["survey"]["roofs"][0]["keepouts"][0].update(width="wide"),
     "sites[0].survey.roofs[0].keepouts[0].width"),
    (lambda d: d["sites"][0]["survey"].update(horizon=[[0, 100]]), "sites[0].survey.horizon"),
    (lambda d: d["sites"][0]["photos"][0].update(sha256="0" * 64), "sites[0].photos[0].sha256"),
    (lambda d: d["sites"][0]["photos"][0].update(name="../../etc/passwd"), "sites[0].photos[0].name"),
    (lambda d: d["sites"][0]["photos"][0].update(data="not base64!"), "sites[0].photos[0].data"),
    (lambda d: d["sites"].append(d["sites"][0]), "sites[1].park.name"),
    (lambda d: d.update(sites=[]), "sites"),
])
def test_invalid_content_named(package, change, where):
    _rewrite(package, change)
    with pytest.raises(SurveyPackageError) as info:
        read_survey_package(package)
    assert info.value.where == where, str(info.value)


def test_photo_must_be_an_image(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("not a photo")
    with pytest.raises(SurveyPackageError, match="not a photo"):
        photo_from_path(p)
    with pytest.raises(SurveyPackageError, match="cannot read"):
        photo_from_path(tmp_path / "missing.jpg")


def test_export_without_surveys_says_so(memory_store, tmp_path):
    with pytest.raises(SurveyPackageError, match="nothing to export"):
        export_survey_package(memory_store, tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists()


def test_replace_swaps_survey_and_photos_whole(package, memory_store):
    store_site(memory_store, make_site(), [("old.png", PNG, "image/png"), ("hvac.jpg", JPEG, "image/jpeg")])
    import_survey_package(memory_store, package, on_conflict="replace")
    names = {p["name"] for p in list_survey_photos(memory_store, "Jiading survey")}
    assert names == {"hvac.jpg", "roof-north.png"}  # the old-only photo is gone, no duplicate-name clash


def test_version_1_file_is_migrated_with_a_backup(tmp_path, make_old_db):
    import solarfleet.models.store as st
    db = make_old_db(tmp_path / "old.db", 1, lambda s: add_park(s, survey_to_park(make_site("Old park"))))
    with open_store(db) as s:
        assert s.schema_version == st.SCHEMA_VERSION and s.backup_path is not None and s.backup_path.exists()
        assert park_names(s) == ["Old park"] and load_survey(s, "Old park") is None
        save_survey(s, "Old park", make_site("Old park").extras())
        assert surveyed_park_names(s) == ["Old park"]


def test_package_text_is_ascii_and_older_utf8_packages_still_read(tmp_path):
    """Written as ASCII (a CJK name would otherwise make the reader hold the photos' text at 2–4 bytes a
    character); a package written with raw UTF-8 names by an earlier version reads the same (the checksum covers
    the canonical form, not the file's escaping)."""
    import dataclasses
    import json as _json
    from solarfleet.models.demo import demo_fleet
    from solarfleet.models.survey.package import (PackageSite, Photo, SurveyPackage, package_to_dict,
                                                  read_survey_package, write_survey_package)
    park = dataclasses.replace(demo_fleet().parks[0], name="昆山物流园 Asia No.1")
    photo = Photo("屋顶.jpg", "image/jpeg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40)
    package = SurveyPackage((PackageSite(park, None, (photo,)),), "2026-01-01T00:00:00Z", "test")
    ascii_path, utf8_path = tmp_path / "a.json", tmp_path / "u.json"
    write_survey_package(package, ascii_path)
    assert ascii_path.read_bytes().isascii()
    utf8_path.write_text(_json.dumps(package_to_dict(package), ensure_ascii=False, indent=1), encoding="utf-8")
    for path in (ascii_path, utf8_path):
        site = read_survey_package(path).sites[0]
        assert site.park.name == park.name and site.photos[0].name == "屋顶.jpg" and site.photos[0].data == photo.data
