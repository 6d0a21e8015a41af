"""One writer per database in the desktop app, against real second processes: the second instance is
told who writes and gets a read-only session (or another file); the lock goes with its process."""
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from solarfleet.models.store.lock import DatabaseLocked, WriterLock

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

HOLD = """
import sys, time
from solarfleet.models.store.lock import WriterLock
lock = WriterLock(sys.argv[1], program="SolarFleet (other window)").acquire()
print("held", flush=True)
time.sleep(60)
"""

TRY = """
import sys
from solarfleet.models.store.lock import DatabaseLocked, WriterLock
try:
    WriterLock(sys.argv[1]).acquire()
except DatabaseLocked as exc:
    print("locked", exc.holder.get("pid"))
else:
    print("acquired")
"""


@pytest.fixture
def db(tmp_path):
    from solarfleet.models.demo import seed_if_empty
    from solarfleet.models.store import open_store
    path = tmp_path / "fleet.db"
    with open_store(path) as store:
        seed_if_empty(store, with_data=False)
    return path


@pytest.fixture
def holder(db):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)
    proc.stdout.close()


@pytest.fixture
def make_app(qtbot, isolated_data_dir):
    """``make_app(answer, other) -> (app, asked)``: the user answers ``answer`` when the database is
    locked and picks ``other`` as "another file"; ``asked`` collects the locks reported."""
    from solarfleet.app.gui.application import Application, make_settings
    from solarfleet.app.gui.wiring import providers_for
    made = []

    def make(answer=None, other=""):
        asked = []
        app = Application(make_settings(), providers_for=providers_for,
                          ask_locked=lambda exc: (asked.append(exc), answer)[1], choose_file=lambda: other)
        made.append(app)
        return app, asked
    yield make
    for app in made:
        app.shutdown()
        if app.window is not None:
            app.window.close()


def _try_lock(db) -> str:
    return subprocess.run([sys.executable, "-c", TRY, str(db)], cwd=REPO, capture_output=True, text=True,
                          timeout=60).stdout.strip()


def test_second_instance_opens_read_only_with_the_holder_named(make_app, holder, db, qtbot):
    before = db.read_bytes()
    app, asked = make_app(answer="read_only")
    assert app.open(db)
    qtbot.addWidget(app.window)
    (exc,) = asked
    assert isinstance(exc, DatabaseLocked) and exc.holder["pid"] == holder.pid
    assert "read-only" in str(exc) and str(holder.pid) in str(exc)
    s, w = app.session, app.window
    assert s.read_only and s.lock is None
    assert w.read_only_banner is not None and str(holder.pid) in w.read_only_banner.text()
    assert "SolarFleet (other window)" in w.read_only_banner.text()
    assert "[read-only]" in w.windowTitle()
    assert w.tree_model.rowCount() == 9  # the fleet is shown
    for act in (w.act_run, w.act_add_park, w.act_add_roof, w.act_delete):
        assert not act.isEnabled()
    assert not s.runs.available() and s.import_file is None
    assert not w.park_editor.isEnabled()
    with pytest.raises(sqlite3.OperationalError):  # even a stray write cannot reach the file
        s.store.db.execute("DELETE FROM parks")
    app.shutdown()
    assert db.read_bytes() == before


def test_cancel_keeps_nothing_open(make_app, holder, db):
    app, _ = make_app(answer="cancel")
    assert not app.open(db)
    assert app.session is None and app.window is None


def test_another_file_instead(make_app, holder, db, tmp_path, qtbot):
    other = tmp_path / "other.db"
    app, _ = make_app(answer="other", other=str(other))
    assert app.open(db)
    qtbot.addWidget(app.window)
    assert app.session.path == other and not app.session.read_only and app.session.lock.held
    assert _try_lock(other) == f"locked {os.getpid()}"  # now this process is the writer of the other file


def test_lock_held_while_open_and_released_on_close(make_app, db, qtbot):
    app, asked = make_app()
    assert app.open(db)
    qtbot.addWidget(app.window)
    assert app.session.lock.held and not asked
    assert _try_lock(db) == f"locked {os.getpid()}"  # a real second process is refused
    assert app.open(db)  # reopening the file this window writes is not a conflict
    assert not asked
    app.shutdown()
    assert _try_lock(db) == "acquired"


def test_switching_files_releases_the_first(make_app, db, tmp_path, qtbot):
    app, _ = make_app()
    assert app.open(db)
    qtbot.addWidget(app.window)
    assert app.open(tmp_path / "second.db")
    qtbot.addWidget(app.window)
    assert _try_lock(db) == "acquired"
    assert _try_lock(tmp_path / "second.db") == f"locked {os.getpid()}"


def test_lock_of_a_killed_instance_is_recovered(make_app, holder, db, qtbot):
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=10)
    assert (db.parent / (db.name + ".lock")).exists()  # the file stays; the OS lock went with the process
    app, asked = make_app(answer="cancel")
    assert app.open(db)
    qtbot.addWidget(app.window)
    assert not asked and not app.session.read_only and app.session.lock.held
    assert WriterLock(db).holder()["pid"] == os.getpid()


def test_read_only_refuses_an_old_schema(tmp_path, make_old_db):
    from solarfleet.models.store import ReadOnlyOpenError, open_store_read_only
    old = tmp_path / "old.db"
    make_old_db(old, 3)
    with pytest.raises(ReadOnlyOpenError, match="schema version 3"):
        open_store_read_only(old)
    with pytest.raises(ReadOnlyOpenError, match="no such database"):
        open_store_read_only(tmp_path / "missing.db")
