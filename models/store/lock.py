"""One writer per database: an OS file lock beside the database file.

The lock lives in ``<db>.lock`` and is held with ``fcntl.flock`` (POSIX) or
``msvcrt.locking`` (Windows). The operating system drops it when the holding process
ends, however it ends, so a lock left behind by a crash is never stale: the next
instance simply acquires it. The file's text (PID, host, program, UTC time) only
serves the message shown to the second instance.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import socket
import sys
from pathlib import Path

__all__ = ["DatabaseLocked", "WriterLock"]


class DatabaseLocked(RuntimeError):
    """Another SolarFleet process is writing to this database.

    Attributes
    ----------
    holder : dict
        What the lock file says of the holder: ``pid``, ``host``, ``program``, ``since_utc``.
    """

    def __init__(self, db_path: Path, holder: dict):
        self.db_path, self.holder = db_path, holder
        who = f"process {holder.get('pid', '?')} ({holder.get('program', 'SolarFleet')}) on {holder.get('host', '?')}"
        since = holder.get("since_utc")
        super().__init__(f"{db_path} is open for writing in another SolarFleet {who}"
                         + (f" since {since}" if since else "")
                         + ". Open it read-only, or choose another database.")


class WriterLock:
    """An exclusive, crash-safe writer lock for the database at ``db_path``.

    Parameters
    ----------
    db_path : path-like
        The database file; the lock file is ``<db_path>.lock``.
    program : str
        A label for the holder, shown to a second instance.

    Examples
    --------
    >>> lock = WriterLock(path)
    >>> lock.acquire()        # raises DatabaseLocked if another process holds it
    >>> lock.release()
    """

    def __init__(self, db_path, program: str = "SolarFleet"):
        self.db_path = Path(db_path)
        # keyed on the real file: a symlink or another spelling of the path takes the same lock
        real = Path(os.path.realpath(self.db_path))
        self.path = real.with_name(real.name + ".lock")
        self.program = program
        self._fh = None

    @property
    def held(self) -> bool:
        return self._fh is not None

    def acquire(self) -> "WriterLock":
        if self._fh is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = _open_lock_file(self.path)
        try:
            _lock(fh)
        except OSError:
            fh.seek(0)
            holder = _parse(fh.read())
            fh.close()
            raise DatabaseLocked(self.db_path, holder) from None
        fh.seek(0)
        fh.truncate()
        info = {"pid": os.getpid(), "host": socket.gethostname(), "program": self.program,
                "since_utc": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")}
        # Windows locks a byte range: keep byte 0 locked and write the info after it
        fh.write(b"\n" + json.dumps(info).encode())
        fh.flush()
        self._fh = fh
        return self

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            _unlock(self._fh)
        finally:
            self._fh.close()
            self._fh = None

    def holder(self) -> dict:
        """Who holds the lock, as the lock file says (empty if unknown)."""
        try:
            return _parse(self.path.read_bytes())
        except OSError:
            return {}

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


def _open_lock_file(path: Path):
    """The lock file opened for reading and writing, created if absent; a symlink there is refused."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as exc:
        if path.is_symlink():
            raise OSError(exc.errno, f"{path} is a symbolic link; remove it (SolarFleet never writes through a "
                                     "link)") from None
        raise
    return os.fdopen(fd, "r+b")


def _parse(raw: bytes) -> dict:
    try:
        return json.loads(raw.strip() or b"{}")
    except ValueError:
        return {}


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(fh):
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh):
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fh):
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh):
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
