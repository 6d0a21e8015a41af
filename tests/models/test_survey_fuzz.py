"""Property-based fuzzing of the coordinate parser and the survey-package reader (bounded, fast)."""
import hashlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solarfleet.models.survey.geo import CoordinateError, format_coordinates, parse_coordinates
from solarfleet.models.store import open_store
from solarfleet.models.survey.site import KeepOut, RoofSurvey, SiteSurvey, survey_to_park
from solarfleet.models.survey.package import (PackageSite, SurveyPackage, SurveyPackageError, canonical_json, import_survey_package, package_to_dict, read_survey_package, Photo)
from solarfleet.models.store import add_park, park_names

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
COORD_TOKENS = st.lists(
    st.sampled_from(list("0123456789.,;/ -+NSEWnsew°'\"′″xd\t") + ["北纬", "东经", "31", "121.25"]),
    max_size=25).map("".join)


@FAST
@given(COORD_TOKENS | st.text(max_size=30))
def test_parser_returns_valid_coordinates_or_a_coordinate_error(text):
    try:
        lat, lon = parse_coordinates(text)
    except CoordinateError as exc:
        assert str(exc).startswith("cannot read coordinates")
        return
    assert -90 <= lat <= 90 and -180 <= lon <= 180


@FAST
@given(st.floats(-90, 90, allow_nan=False), st.floats(-180, 180, allow_nan=False))
def test_formatted_coordinates_read_back(lat, lon):
    assert parse_coordinates(format_coordinates(lat, lon, digits=6)) == pytest.approx((lat, lon), abs=1e-6)
    # fixed-point text (no exponent: "1e-05" would read as 1 East); 12 decimals is far below a millimetre
    assert parse_coordinates(f"{lat:.12f}, {lon:.12f}") == pytest.approx((lat, lon), abs=1e-12)


@FAST
@given(st.integers(0, 89), st.integers(0, 59), st.integers(0, 59), st.integers(0, 179), st.integers(0, 59),
       st.sampled_from("NS"), st.sampled_from("EW"))
def test_dms_values(d, m, s, d2, m2, ns, ew):
    lat, lon = parse_coordinates(f"{d}°{m}'{s}\"{ns} {d2}°{m2}'{ew}")
    assert lat == pytest.approx((d + m / 60 + s / 3600) * (-1 if ns == "S" else 1))
    assert lon == pytest.approx((d2 + m2 / 60) * (-1 if ew == "W" else 1))


def _package_doc():
    roof = RoofSurvey.rectangle("A", 12.0, 8.0, module="Trina_Solar_TSM_360DE14A_II_", module_tilt=15.0,
                                setback=0.5, keepouts=(KeepOut(2, 2, 1, 1),))
    site = SiteSurvey("Fuzz park", 31.38, 121.25, roofs=(roof,), horizon=((0, 1.0), (180, 2.0)),
                      obstacles=({"height": 3, "distance": 9, "azimuth": 100, "width": 2},))
    pkg = SurveyPackage((PackageSite(survey_to_park(site), site, (Photo("p.png", "image/png",
                                                                        b"\x89PNG\r\n\x1a\n" + b"1" * 40),)),),
                        "2026-01-01T00:00:00+00:00", "test")
    return package_to_dict(pkg)


DOC = _package_doc()
RAW = json.dumps(DOC, indent=1).encode()


@pytest.fixture(scope="module")
def target(tmp_path_factory):
    """An office database holding a park, and its bytes."""
    path = tmp_path_factory.mktemp("fuzz") / "office.db"
    with open_store(path) as s:
        add_park(s, survey_to_park(SiteSurvey("Existing", 30.0, 120.0)))
    return path, path.read_bytes()


def _try_import(path, pkg_path):
    """Import; on refusal the database must be byte-identical."""
    db, before = path
    with open_store(db) as s:
        try:
            import_survey_package(s, pkg_path, on_conflict="rename")
        except SurveyPackageError:
            pass
        else:
            return True
    assert db.read_bytes() == before
    return False


@FAST
@given(st.data())
def test_mutated_bytes_refused_cleanly(target, tmp_path_factory, data):
    raw = bytearray(RAW)
    kind = data.draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
    i = data.draw(st.integers(0, len(raw) - 1))
    if kind == "flip":
        raw[i] ^= data.draw(st.integers(1, 255))
    elif kind == "truncate":
        raw = raw[:i]
    elif kind == "insert":
        raw[i:i] = data.draw(st.binary(min_size=1, max_size=8))
    else:
        del raw[i:i + data.draw(st.integers(1, 50))]
    p = tmp_path_factory.mktemp("pkg") / "p.json"
    p.write_bytes(bytes(raw))
    try:
        read_survey_package(p)
    except SurveyPackageError:
        assert not _try_import(target, p)
        return
    # only a change JSON ignores (whitespace) may pass; the content is then the original's
    assert json.loads(bytes(raw)) == DOC


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, prefix + (i,))


PATHS = [p for p in _paths({k: v for k, v in DOC.items() if k != "sha256"}) if p]


@FAST
@given(st.sampled_from(PATHS), JSON_VALUES)
def test_resealed_structural_changes_refused_cleanly(target, tmp_path_factory, path, value):
    """A writer that seals bad content with a valid checksum: every field is still validated."""
    doc = json.loads(json.dumps(DOC))
    doc.pop("sha256")
    node = doc
    for k in path[:-1]:
        node = node[k]
    node[path[-1]] = value
    doc["sha256"] = hashlib.sha256(canonical_json(doc)).hexdigest()
    p = tmp_path_factory.mktemp("pkg") / "p.json"
    p.write_text(json.dumps(doc))
    try:
        read_survey_package(p)
    except SurveyPackageError as exc:
        assert str(p) in str(exc)
        assert not _try_import(target, p)
        return
    # accepted: it must import whole, as a valid park
    db, _ = target
    with open_store(db) as s:
        import_survey_package(s, p, on_conflict="rename")
        assert len(park_names(s)) >= 2
    # restore the fixture's bytes for later examples
    db.write_bytes(target[1])
    for suffix in ("-wal", "-shm"):
        w = db.with_name(db.name + suffix)
        if w.exists():
            w.unlink()


def _point_in_polygon(px, py, poly):
    """Winding-number test, independent of the layout code's ray casting."""
    wn = 0
    n = len(poly)
    for i in range(n):
        (x0, y0), (x1, y1) = poly[i], poly[(i + 1) % n]
        cross = (x1 - x0) * (py - y0) - (px - x0) * (y1 - y0)
        if y0 <= py < y1 and cross > 0:
            wn += 1
        elif y1 <= py < y0 and cross < 0:
            wn -= 1
    return wn != 0


def _segment_distance(px, py, a, b):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(5, 16), min_size=5, max_size=9), st.floats(0, 2), st.sampled_from(["flat", "pitched"]),
       st.sampled_from(["portrait", "landscape"]), st.floats(0, 25),
       st.lists(st.tuples(st.floats(-20, 20), st.floats(-20, 20), st.floats(0.5, 6), st.floats(0.5, 6)),
                max_size=3))
def test_random_roofs_modules_inside_clear_and_apart(radii, setback, roof_type, orientation, tilt, keepouts):
    """Star-shaped roofs: every module lies inside the roof, at least the setback from every edge,
    clear of keep-outs and of every other module."""
    import math as m
    from solarfleet.models.survey.layout import layout_roof
    from solarfleet.models.validation import SurveyValueError
    n = len(radii)
    outline = [(r * m.cos(2 * m.pi * i / n), r * m.sin(2 * m.pi * i / n)) for i, r in enumerate(radii)]
    kos = tuple(KeepOut(x, y, a, b) for x, y, a, b in keepouts)
    try:
        roof = RoofSurvey("Star", outline, roof_type=roof_type, surface_tilt=tilt if roof_type == "pitched" else 0,
                          setback=setback, keepouts=kos, module="Trina_Solar_TSM_360DE14A_II_",
                          orientation=orientation, module_tilt=tilt)
        lay = layout_roof(roof, 31.4)
    except SurveyValueError as exc:
        assert exc.field == "setback"  # only a walkway too wide for the shape may refuse
        return
    mods = lay.modules
    for x, y, dx, dy in mods:
        pts = [(x, y), (x + dx, y), (x + dx, y + dy), (x, y + dy), (x + dx / 2, y), (x + dx / 2, y + dy),
               (x, y + dy / 2), (x + dx, y + dy / 2)]
        for px, py in pts:
            assert _point_in_polygon(px, py, outline) or min(
                _segment_distance(px, py, outline[i], outline[(i + 1) % n]) for i in range(n)) < 1e-6
            edge = min(_segment_distance(px, py, outline[i], outline[(i + 1) % n]) for i in range(n))
            assert edge >= setback - 1e-6
        for k in kos:
            assert not (x < k.x + k.length - 1e-9 and x + dx > k.x + 1e-9 and
                        y < k.y + k.width - 1e-9 and y + dy > k.y + 1e-9)
    if len(mods) > 1:
        x, y, dx, dy = mods.T
        ox = (x[:, None] < (x + dx)[None, :] - 1e-9) & ((x + dx)[:, None] > x[None, :] + 1e-9)
        oy = (y[:, None] < (y + dy)[None, :] - 1e-9) & ((y + dy)[:, None] > y[None, :] + 1e-9)
        overlap = ox & oy
        overlap[range(len(mods)), range(len(mods))] = False
        assert not overlap.any()
