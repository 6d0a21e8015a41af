"""A database this user may not write — the file mode 0444, or its folder read-only — and ``--read-only``: the CLI
refuses writes in one line and still reads; the app opens a read-only session whose banner says why; the file is
byte-identical afterwards.

Permissions only bind a user without CAP_DAC_OVERRIDE. Run as root (a container), the commands run in a user
namespace (``unshare --user --map-user=1000``) where this process's files belong to the unprivileged uid 1000,
exactly as for an ordinary user; elsewhere they run directly.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from solarfleet.app.cli import main

REPO = Path(__file__).resolve().parents[2]
PARK = "Kunshan Asia No.1"


def _unprivileged_prefix() -> list:
    if os.geteuid() != 0:
        return []
    unshare = shutil.which("unshare")
    probe = [unshare, "--user", "--map-user=1000", "--map-group=1000", "true"] if unshare else None
    if probe is None or subprocess.run(probe, capture_output=True).returncode != 0:
        pytest.skip("running as root without user namespaces: file permissions cannot bind this process")
    return probe[:-1]


def _run(args: list, env_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOLARFLEET_DATA_DIR": str(env_dir), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([*_unprivileged_prefix(), sys.executable, *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=240)


def _cli(db: Path, *argv, data: Path) -> subprocess.CompletedProcess:
    return _run(["-m", "solarfleet.app.cli", "--db", str(db), *argv], data)


def _fingerprint(db: Path) -> tuple:
    """The database's bytes, and the other files beside it (SQLite's -wal/-shm of a reader are allowed)."""
    others = sorted(p.name for p in db.parent.iterdir() if p != db and not p.name.endswith(("-wal", "-shm")))
    return hashlib.sha256(db.read_bytes()).hexdigest(), others


def locked_down_kind(db: Path) -> str:
    return "folder" if not os.stat(db.parent).st_mode & 0o200 else "file"


@pytest.fixture
def locked_down(tmp_path, request):
    """``(db, data dir)``: a demo database whose file (param 'file') or folder (param 'folder') is read-only."""
    folder = tmp_path / "dbs"
    db = folder / "fleet.db"
    assert main(["--db", str(db), "fleet", "list"]) == 0
    for extra in folder.glob("fleet.db*"):  # the lock file and WAL leftovers: only the database itself stays
        if extra != db:
            extra.unlink()
    if request.param == "file":
        db.chmod(0o444)
    else:
        folder.chmod(0o555)
    yield db, tmp_path / "data"
    folder.chmod(0o755)
    db.chmod(0o644)


@pytest.mark.parametrize("locked_down", ["file", "folder"], indirect=True)
def test_cli_refuses_writes_in_one_line_and_still_reads(locked_down):
    db, data = locked_down
    before = _fingerprint(db)
    write = _cli(db, "weather", "synth", PARK, data=data)
    lines = write.stderr.strip().splitlines()
    assert write.returncode == 1 and len(lines) == 1, write.stderr
    assert str(db) in lines[0] and "nothing was stored" in lines[0]
    assert ("file is read-only" in lines[0]) if locked_down_kind(db) == "file" else ("folder is not writable" in lines[0])
    flagged = _cli(db, "--read-only", "weather", "synth", PARK, data=data)
    assert flagged.returncode == 1 and len(flagged.stderr.strip().splitlines()) == 1
    assert "read-only" in flagged.stderr
    read = _cli(db, "fleet", "list", data=data)
    assert read.returncode == 0 and PARK in read.stdout, read.stderr
    assert _fingerprint(db) == before


@pytest.mark.parametrize("locked_down", ["file", "folder"], indirect=True)
def test_app_opens_a_read_only_session_that_says_why(locked_down):
    db, data = locked_down
    before = _fingerprint(db)
    got = _run(["-m", "tests.app.read_only_probe", str(db)], data)
    assert got.returncode == 0, got.stderr[-2000:]
    shown = json.loads(got.stdout.strip().splitlines()[-1])
    assert shown["opened"] and shown["read_only"] and not shown["errors"], shown
    assert "not writable" in shown["banner"] and "[read-only]" in shown["title"]
    assert not shown["can_run"] and not shown["can_import"]
    assert _fingerprint(db) == before
