"""One writer per database: a second process is told who holds it; a crashed holder leaves no stale lock."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from solarfleet.models.store.lock import DatabaseLocked, WriterLock

REPO = Path(__file__).resolve().parents[2]

HOLD = """
import sys, time
from solarfleet.models.store.lock import WriterLock
lock = WriterLock(sys.argv[1], program="holder").acquire()
print("held", flush=True)
time.sleep(60)
"""


def _start_holder(db):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_second_process_is_refused_with_the_holder_named(tmp_path):
    db = tmp_path / "f.db"
    proc = _start_holder(db)
    try:
        with pytest.raises(DatabaseLocked) as exc:
            WriterLock(db).acquire()
        assert str(proc.pid) in str(exc.value) and "holder" in str(exc.value) and "read-only" in str(exc.value)
    finally:
        proc.kill()
        proc.wait(timeout=10)


def test_a_killed_holder_leaves_no_stale_lock(tmp_path):
    db = tmp_path / "f.db"
    proc = _start_holder(db)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert (tmp_path / "f.db.lock").exists()
    with WriterLock(db) as lock:
        assert lock.held and lock.holder()["pid"] == os.getpid()


def test_release_lets_the_next_writer_in(tmp_path):
    db = tmp_path / "f.db"
    first = WriterLock(db).acquire()
    first.release()
    second = WriterLock(db).acquire()
    assert second.held
    second.release()
