"""Property-based fuzzing of the fleet importers: random and mutated files never crash the reader,
every refusal is a FleetFileError naming the file, and a refused import leaves the database unchanged."""
import copy
import json

from hypothesis import HealthCheck, given, settings, strategies as st

from solarfleet.models.fleet import Fleet
from solarfleet.models.fleet_files import FleetFileError, dumps_fleet, loads_fleet, read_arrays_csv, write_arrays_csv
from solarfleet.models.demo import demo_fleet
from solarfleet.models.store import delete_park, import_fleet, is_empty

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
BASE = json.loads(dumps_fleet(Fleet(demo_fleet().parks[:3])))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, prefix + (i,))


ALL_PATHS = [p for p in _paths(BASE) if p]


def _check(text: str):
    try:
        fleet = loads_fleet(text, "fuzz.json")
    except FleetFileError as exc:
        assert str(exc).startswith("fuzz.json"), str(exc)
        assert exc.reason
        return None
    assert isinstance(fleet, Fleet)
    return fleet


@FUZZ
@given(path=st.sampled_from(ALL_PATHS), value=json_values, delete=st.booleans())
def test_mutated_fleet_documents(path, value, delete):
    doc = copy.deepcopy(BASE)
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    if delete and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    _check(json.dumps(doc))


@FUZZ
@given(cut=st.integers(0, len(dumps_fleet(Fleet(demo_fleet().parks[:3])))), junk=st.text(max_size=5))
def test_truncated_and_spliced_text(cut, junk):
    text = dumps_fleet(Fleet(demo_fleet().parks[:3]))
    _check(text[:cut] + junk)


@FUZZ
@given(data=st.binary(max_size=200))
def test_random_bytes(data):
    _check(data.decode("utf-8", errors="replace"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(row=st.integers(1, 6), col=st.integers(0, 40), cell=st.text(max_size=8))
def test_mutated_array_csv(tmp_path_factory, row, col, cell):
    fleet = Fleet(demo_fleet().parks[:2])
    path = tmp_path_factory.mktemp("csv") / "arrays.csv"
    write_arrays_csv(fleet, path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    row = min(row, len(lines) - 1)
    cells = lines[row].split(",")
    cells[min(col, len(cells) - 1)] = cell.replace(",", ";").replace("\n", " ").replace("\r", " ").replace('"', "")
    lines[row] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        result, _ = read_arrays_csv(path, fleet)
    except FleetFileError as exc:
        assert str(path) in str(exc)
    else:
        assert isinstance(result, Fleet)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(ALL_PATHS), value=json_values)
def test_refused_imports_leave_the_store_unchanged(memory_store, path, value):
    if is_empty(memory_store):
        import_fleet(memory_store, Fleet(demo_fleet().parks[5:7]))
    before = list(memory_store.db.conn.iterdump())
    doc = copy.deepcopy(BASE)
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    try:
        fleet = loads_fleet(json.dumps(doc), "fuzz.json")
        import_fleet(memory_store, fleet, on_conflict="error")
    except (FleetFileError, ValueError):
        assert list(memory_store.db.conn.iterdump()) == before
    else:
        for p in fleet.parks:
            delete_park(memory_store, p.name)
