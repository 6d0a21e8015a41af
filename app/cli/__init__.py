"""``solarfleet-cli``: headless commands over the same models and database as the app.

Each topic lives in its own module (``cli_fleet``, …) with a ``register(subparsers)``
function that adds its commands; a command is a function ``run(args, ctx) -> int``.
"""
from __future__ import annotations

import argparse
import sys
from typing import Optional

from solarfleet.app import __version__
from solarfleet.app.cli.util import CliError, err

#: Modules that add commands, in help order.
COMMAND_MODULES = ("solarfleet.app.cli.fleet", "solarfleet.app.cli.weather", "solarfleet.app.cli.simulate", "solarfleet.app.cli.load", "solarfleet.app.cli.balance",
                   "solarfleet.app.cli.live", "solarfleet.app.cli.survey", "solarfleet.app.cli.forecast",
                   "solarfleet.app.cli.carbon", "solarfleet.app.cli.equipment")


class Context:
    """What a command needs: the database, opened on first use."""

    def __init__(self, args):
        self.args = args
        self._store = None
        self._lock = None

    def store(self, seed_demo: bool = True, write: bool = True):
        """The open store; a new, empty database gets the demo fleet unless ``seed_demo`` is False.

        ``write=True`` takes the database's writer lock first: a database open for writing in
        the app (or another command) is refused with a message naming the holder. ``write=False``
        (a command that only reads) opens the file read-only without the lock, so it works while
        another process writes; a file that does not exist yet, or needs an upgrade, is opened as for
        writing. ``--read-only`` opens every command's database read-only.
        """
        if self._store is None:
            from solarfleet.models.store.lock import WriterLock
            from solarfleet.models.demo import seed_if_empty
            from solarfleet.models.store import load_equipment, open_store
            from solarfleet.app.paths import db_path
            path = db_path(self.args.db)
            if getattr(self.args, "read_only", False) or not write:
                self._store = self._open_read_only(path, required=getattr(self.args, "read_only", False))
                if self._store is not None:
                    load_equipment(self._store)  # library modules/inverters the fleet may use
                    return self._store
            _refuse_unwritable(path)
            self._lock = WriterLock(path, program="solarfleet-cli").acquire()
            self._store = open_store(path)
            load_equipment(self._store)
            if seed_demo and not self.args.no_demo:
                seed_if_empty(self._store)
        return self._store

    @staticmethod
    def _open_read_only(path, required: bool):
        """The database opened read-only — no lock needed, SQLite's WAL lets it read while another
        process writes. None when it cannot be (no file yet, an older schema) and not ``required``."""
        from solarfleet.models.store import open_store_read_only
        from solarfleet.models.store.connection import ReadOnlyOpenError
        try:
            return open_store_read_only(path)
        except ReadOnlyOpenError as exc:
            if required:
                raise CliError(f"--read-only: {exc}") from None
            return None

    def close(self):
        if self._store is not None:
            self._store.close()
        if self._lock is not None:
            self._lock.release()


def _refuse_unwritable(path) -> None:
    """A command that writes, on a database this user may not write: one line, before anything is touched."""
    from solarfleet.models.store import write_blocker
    blocker = write_blocker(path)
    if blocker == "file":
        raise CliError(f"{path}: the database file is read-only for you — nothing was stored (commands that "
                       "only read work; add --read-only to say so)")
    if blocker == "folder":
        raise CliError(f"{path}: the database's folder is not writable for you, so SQLite cannot change the file "
                       "there — nothing was stored (commands that only read work; add --read-only)")


def build_parser() -> argparse.ArgumentParser:
    import importlib
    parser = argparse.ArgumentParser(
        prog="solarfleet-cli",
        description="SolarFleet: model rooftop PV across a fleet of logistics parks.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="PATH", help="database file (default: $SOLARFLEET_DB or the user data dir)")
    parser.add_argument("--no-demo", action="store_true", help="do not load the demo fleet into a new database")
    parser.add_argument("--read-only", action="store_true",
                        help="open the database for reading only (works while another process writes; commands "
                             "that change it are refused)")
    sub = parser.add_subparsers(dest="topic", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Optional[list[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    ctx = Context(args)
    try:
        return int(args.func(args, ctx) or 0)
    except KeyboardInterrupt:
        err("solarfleet-cli: interrupted; nothing partial was stored")
        return 130
    except CliError as exc:
        err(f"solarfleet-cli: error: {exc}")
        return 1
    except Exception as exc:  # known input errors carry their own precise message
        from solarfleet.models.fleet import FleetValueError
        from solarfleet.models.fleet_files import FleetFileError
        from solarfleet.models.store.lock import DatabaseLocked
        from solarfleet.models.store import StoreError
        if isinstance(exc, (FleetFileError, StoreError, FleetValueError, DatabaseLocked)):
            err(f"solarfleet-cli: error: {exc}")
            return 1
        message = _system_error(exc, args)
        if message is not None:
            err(f"solarfleet-cli: error: {message}")
            return 1
        raise
    finally:
        ctx.close()


def _system_error(exc: BaseException, args) -> Optional[str]:
    """One line for a failure of the machine rather than the input: a full disk, a read-only or locked
    file, a number too large — naming the database or file; None for anything else."""
    import errno
    import sqlite3
    try:
        from solarfleet.app.paths import db_path
        db = str(db_path(getattr(args, "db", None)))
    except Exception:  # the message must not fail on its way out
        db = getattr(args, "db", None) or "the database"
    if isinstance(exc, sqlite3.OperationalError) or isinstance(exc, sqlite3.DatabaseError):
        text = str(exc).lower()
        if "full" in text:
            return f"{db}: the disk is full — nothing was stored (free some space and try again)"
        if "readonly" in text or "read-only" in text or "query_only" in text or "attempt to write" in text:
            return (f"{db}: the database is read-only (opened with --read-only, or the file or its folder is "
                    "not writable) — nothing was stored")
        if "disk i/o" in text:
            return f"{db}: the disk could not be written (full, removed or failing) — nothing was stored"
        if "locked" in text or "busy" in text:
            return f"{db}: the database is busy in another process; try again in a moment"
        if "malformed" in text or "not a database" in text:
            return f"{db}: the database file is damaged ({exc}); restore it from a backup (*.bak beside it)"
        return f"{db}: database error: {exc} — nothing was stored"
    if isinstance(exc, OSError):
        name = getattr(exc, "filename", None)
        where = f"{name}: " if name else ""
        if exc.errno == errno.ENOSPC:
            return f"{where}the disk is full — nothing was written"
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return f"{where}not allowed to write here ({exc.strerror})"
        return f"{where}{exc.strerror or exc}"
    if isinstance(exc, (OverflowError, MemoryError)) or (isinstance(exc, ValueError) and "digits" in str(exc)):
        return f"a number is too large to handle ({exc})"
    return None


if __name__ == "__main__":
    sys.exit(main())
