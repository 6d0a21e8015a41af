"""``python -m solarfleet.app`` and the ``solarfleet`` gui-script: start the desktop app.

Absolute imports only: the PyInstaller bundle runs this file as a plain script, outside the package.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Callable, Optional

__all__ = ["main", "build"]

log = logging.getLogger("solarfleet")


def _parse(argv):
    p = argparse.ArgumentParser(prog="solarfleet", description="SolarFleet desktop app")
    p.add_argument("--db", metavar="PATH", help="database file to open")
    p.add_argument("--lang", choices=("en", "zh_CN", "ja_JP"), help="language (default: the OS's or the menu's)")
    p.add_argument("--no-demo", action="store_true", help="do not load the demo fleet into a new database")
    p.add_argument("--self-test", action="store_true",
                   help="headless check of the installation: pvlib data, a fresh database, one demo park "
                        "simulated; writes a report and exits 0 (1 on failure)")
    p.add_argument("--report-dir", metavar="DIR", help="with --self-test: where the report goes (default: a temp dir)")
    return p.parse_args(argv)


def build(argv: Optional[list] = None, providers_for: Optional[Callable] = None):
    """Set up logging, the exception hook, Qt, the language and the first window.

    ``providers_for(store) -> Providers`` wires the models into every database opened (default
    :func:`solarfleet.app.gui.wiring.providers_for`: simulation, stored results, consumption, balance,
    file import). Returns ``(qapp, application)``; :func:`main` then runs the event loop.
    """
    args = _parse(sys.argv[1:] if argv is None else argv)
    from solarfleet.app.logging_setup import setup_logging
    from solarfleet.app.paths import db_path, log_dir
    log_file = setup_logging(log_dir())
    from solarfleet.app.gui.errors import install_excepthook
    install_excepthook()
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication
    from solarfleet.app import APP_AUTHOR, APP_NAME, __version__
    qapp = QApplication.instance()
    if qapp is None:  # high-DPI: fractional scale factors as the OS sets them (crisp at 125 %, 150 %)
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        qapp = QApplication([sys.argv[0] if sys.argv else APP_NAME])
    qapp.setApplicationName(APP_NAME)
    qapp.setOrganizationName(APP_AUTHOR)
    qapp.setApplicationVersion(__version__)
    from solarfleet.app.gui.application import Application, make_settings
    if providers_for is None:
        from solarfleet.app.gui.wiring import providers_for
    from solarfleet.app.i18n import install_language
    settings = make_settings()
    install_language(args.lang or settings.value("language", "") or "")
    log.info("SolarFleet %s starting; log at %s", __version__, log_file)
    application = Application(settings, providers_for=providers_for, auto_run=True)
    explicit = args.db or None
    last = settings.value("lastDatabase", "") or ""
    path = db_path(explicit) if explicit else (Path(last) if last and Path(last).exists() else db_path())
    if not application.open(path, seed_demo=not args.no_demo) and path != db_path():
        application.open(db_path(), seed_demo=not args.no_demo)
    return qapp, application


def self_test(args) -> int:
    """``--self-test``: no window, no QApplication; see :mod:`solarfleet.app.self_test`."""
    from solarfleet.app.logging_setup import setup_logging
    from solarfleet.app.paths import log_dir
    setup_logging(log_dir())
    from solarfleet.app.self_test import run_self_test
    return run_self_test(args.report_dir)


def main(argv: Optional[list] = None) -> int:
    """Run the desktop app (or its ``--self-test``); returns the exit code."""
    args = _parse(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        return self_test(args)
    qapp, application = build(argv)
    if application.window is None:
        log.error("no database could be opened")
        return 1
    try:
        return qapp.exec()
    finally:
        application.shutdown()


if __name__ == "__main__":
    sys.exit(main())
