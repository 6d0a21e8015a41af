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


def build(argv: Optional[list] = None, providers_for: Optional[Callable] = None,
          on_first_window: Optional[Callable[[], None]] = None):
    """Set up logging, the exception hook, Qt, the language, a splash, then the main window.

    ``providers_for(store) -> Providers`` wires the models into every database opened (default
    :func:`solarfleet.app.gui.wiring.providers_for`: simulation, stored results, consumption, balance,
    file import). The splash is shown as soon as Qt is up (``on_first_window()`` is called then: the
    start-up benchmark times it); the slow preparation (imports, demo seeding on a first start) runs in a
    thread meanwhile, and the caches the window does not need at once (CEC tables, province outlines) fill
    in a worker afterwards (:mod:`solarfleet.app.gui.startup`). Returns ``(qapp, application)``;
    :func:`main` then runs the event loop.
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
    from solarfleet.app.gui.app_settings import make_settings
    from solarfleet.app.i18n import install_language
    settings = make_settings()
    install_language(args.lang or settings.value("language", "") or "")
    log.info("SolarFleet %s starting; log at %s", __version__, log_file)
    explicit = args.db or None
    last = settings.value("lastDatabase", "") or ""
    path = db_path(explicit) if explicit else (Path(last) if last and Path(last).exists() else db_path())
    splash = _show_splash(qapp, f"{APP_NAME} {__version__}")
    if on_first_window is not None:
        on_first_window()
    from solarfleet.app.gui.startup import prepare
    prepare(path, not args.no_demo, lambda *a: _splash_progress(splash, *a), qapp.processEvents)
    from PySide6.QtCore import QCoreApplication
    splash.set_progress(QCoreApplication.translate("Startup", "Opening the window…"), 1.0)
    qapp.processEvents()
    from solarfleet.app.gui.application import Application
    if providers_for is None:
        from solarfleet.app.gui.wiring import providers_for
    application = Application(settings, providers_for=providers_for, auto_run=True)
    if not application.open(path, seed_demo=not args.no_demo) and path != db_path():
        application.open(db_path(), seed_demo=not args.no_demo)
    splash.finish(application.window)
    if application.session is not None:
        from solarfleet.app.gui.startup import warm_up_job
        from solarfleet.app.gui.workers import Worker
        application.session.pool.start(Worker(warm_up_job, name="warm-up"))
    return qapp, application


def _show_splash(qapp, title: str):
    from PySide6.QtCore import QCoreApplication
    from solarfleet.widgets.splash import StartupSplash
    splash = StartupSplash(title)
    splash.set_progress(QCoreApplication.translate("Startup", "Starting…"), 0.0)
    splash.show()
    qapp.processEvents()
    return splash


def _splash_progress(splash, stage: str, done: int, total: int, label: str) -> None:
    """The splash's text and bar for a stage of :class:`solarfleet.app.gui.startup.Preparation`."""
    from PySide6.QtCore import QCoreApplication
    if stage == "seed" and total:
        splash.set_progress(QCoreApplication.translate("Startup", "First start: preparing the demo fleet — weather of %1 (%2 of %3)")
                            .replace("%1", label).replace("%2", str(done)).replace("%3", str(total)),
                            0.15 + 0.7 * done / total)
    elif stage == "seed":
        splash.set_progress(QCoreApplication.translate("Startup", "First start: preparing the demo fleet…"), 0.15)
    elif stage == "done":
        splash.set_progress(QCoreApplication.translate("Startup", "Opening the window…"), 0.9)
    else:
        splash.set_progress(QCoreApplication.translate("Startup", "Loading the modelling libraries…"), 0.1)


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
