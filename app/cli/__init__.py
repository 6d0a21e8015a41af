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
                   "solarfleet.app.cli.carbon")


class Context:
    """What a command needs: the database, opened on first use."""

    def __init__(self, args):
        self.args = args
        self._store = None
        self._lock = None

    def store(self, seed_demo: bool = True, write: bool = True):
        """The open store; a new, empty database gets the demo fleet unless ``seed_demo`` is False.

        ``write=True`` takes the database's writer lock first: a database open for writing in
        the app (or another command) is refused with a message naming the holder.
        """
        if self._store is None:
            from solarfleet.models.store.lock import WriterLock
            from solarfleet.models.demo import seed_if_empty
            from solarfleet.models.store import open_store
            from solarfleet.app.paths import db_path
            path = db_path(self.args.db)
            if write:
                self._lock = WriterLock(path, program="solarfleet-cli").acquire()
            self._store = open_store(path)
            if seed_demo and not self.args.no_demo and write:
                seed_if_empty(self._store)
        return self._store

    def close(self):
        if self._store is not None:
            self._store.close()
        if self._lock is not None:
            self._lock.release()


def build_parser() -> argparse.ArgumentParser:
    import importlib
    parser = argparse.ArgumentParser(
        prog="solarfleet-cli",
        description="SolarFleet: model rooftop PV across a fleet of logistics parks.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="PATH", help="database file (default: $SOLARFLEET_DB or the user data dir)")
    parser.add_argument("--no-demo", action="store_true", help="do not load the demo fleet into a new database")
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
        if isinstance(exc, (FleetFileError, StoreError, FleetValueError, DatabaseLocked, OSError)):
            err(f"solarfleet-cli: error: {exc}")
            return 1
        raise
    finally:
        ctx.close()


if __name__ == "__main__":
    sys.exit(main())
