"""Fixtures for every test: isolated data dirs, databases, the shared reference data."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Fuzzers explore new random cases on every developer run; in CI (``CI`` set) they replay a fixed, derandomised
# set, so that a landing is judged on the code, not on the draw. Anything a developer's run finds is kept as a
# regression case (hypothesis' example database, and explicit cases in the tests).
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
#: ``../shared/`` beside the checkout: real weather and load files (not shipped with the product).
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path, monkeypatch):
    """Point the app's data dir (database, logs, caches) at a temp dir: tests never touch the user's."""
    data = tmp_path / "solarfleet-data"
    monkeypatch.setenv("SOLARFLEET_DATA_DIR", str(data))
    monkeypatch.delenv("SOLARFLEET_DB", raising=False)
    return data


@pytest.fixture(autouse=True)
def no_leftover_threads():
    """Fail a test that leaves a non-daemon thread running."""
    before = set(threading.enumerate())
    yield
    left = [t for t in threading.enumerate()
            if t not in before and t.is_alive() and not t.daemon]
    for t in left:
        t.join(timeout=5)
    left = [t.name for t in left if t.is_alive()]
    assert not left, f"threads left running: {left}"


def require_shared() -> Path:
    """``../shared``: skipped (saying why) in a bare clone, a failure in CI (``CI`` set), where it must be."""
    if not SHARED.is_dir():
        why = f"no shared reference data at {SHARED} (it sits beside the checkout in CI and dev machines)"
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    return SHARED


@pytest.fixture
def shared_dir() -> Path:
    """``../shared`` (see :func:`require_shared`)."""
    return require_shared()


@pytest.fixture
def memory_store():
    """An empty in-memory store."""
    from solarfleet.models.store import open_store
    store = open_store(":memory:")
    yield store
    store.close()


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def file_store(db_path):
    """An empty store in a temp file."""
    from solarfleet.models.store import open_store
    store = open_store(db_path)
    yield store
    store.close()


@pytest.fixture(scope="session")
def demo_fleet():
    from solarfleet.models.demo import demo_fleet as load
    return load()


@pytest.fixture
def make_old_db():
    """``make_old_db(path, version, fill=None)``: a database file at an earlier schema ``version``,
    built by running only the migrations up to it; ``fill(store)`` may add data at that version."""
    import solarfleet.models.store as st

    def make(path, version, fill=None):
        with st.open_store(path, migrations=[x for x in st.MIGRATIONS if x[0] <= version]) as s:
            if fill is not None:
                fill(s)
        return path
    return make


def pytest_terminal_summary(terminalreporter):
    """Print how many fuzz cases ran (tests/models/fuzz_counts.py), when fuzz tests ran."""
    import json
    import os
    import sys
    mod = sys.modules.get("tests.models.fuzz_counts")
    if mod is None or not mod.CASES:
        return
    cases = dict(sorted(mod.CASES.items()))
    terminalreporter.write_line(f"fuzz cases: {sum(cases.values())} in all; " +
                                ", ".join(f"{k}: {v}" for k, v in cases.items()))
    out = os.environ.get("SOLARFLEET_FUZZ_REPORT")
    if out:
        with open(out, "w", encoding="utf-8") as fh:
            json.dump({"total": sum(cases.values()), "cases": cases}, fh, indent=1)


@pytest.fixture
def no_live_threads():
    """Bound a live-monitoring test in time (a hang dumps the stacks and exits) and check that no live
    or simulated-server thread outlives it (those are daemon threads, which ``no_leftover_threads`` ignores)."""
    import faulthandler
    import time
    faulthandler.dump_traceback_later(60, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        left = [t.name for t in threading.enumerate() if t.name.startswith(("live-", "sim-modbus"))]
        if not left:
            return
        time.sleep(0.05)
    raise AssertionError(f"live threads left running: {left}")

