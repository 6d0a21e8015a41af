"""The entry point: first start seeds the demo fleet, logs to a rotating file, survives exceptions,
never writes to a None stdout/stderr."""
import logging
import sys

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture
def built(qtbot, isolated_data_dir, monkeypatch):
    from solarfleet.app.__main__ import build
    old_hook = sys.excepthook
    qapp, application = build(["--lang", "en"])
    qtbot.addWidget(application.window)
    yield application
    application.shutdown()
    sys.excepthook = old_hook
    for h in list(logging.getLogger().handlers):
        if getattr(h, "_solarfleet", False):
            logging.getLogger().removeHandler(h)
            h.close()


def test_first_start_opens_demo_fleet(built, isolated_data_dir):
    assert built.window.tree_model.rowCount() == 9
    assert built.session.path == isolated_data_dir / "solarfleet.db"
    assert (isolated_data_dir / "logs" / "solarfleet.log").exists()
    assert built.settings.value("lastDatabase") == str(isolated_data_dir / "solarfleet.db")
    assert "solarfleet.db" in built.window.db_label.text()
    assert not built.window.act_run.isEnabled()  # the first start runs the demo fleet at once: Run waits for it


def test_excepthook_logs_and_shows_dialog(built, qtbot, isolated_data_dir):
    from solarfleet.app.gui import errors
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    dialogs = list(errors._open_dialogs)
    assert dialogs and "boom in a slot" in dialogs[-1].summary.text()
    assert not dialogs[-1].isModal()
    dialogs[-1].copy_details()
    assert "RuntimeError" in QApplication.clipboard().text()
    for d in dialogs:
        d.close()
    for h in logging.getLogger().handlers:
        h.flush()
    assert "boom in a slot" in (isolated_data_dir / "logs" / "solarfleet.log").read_text(encoding="utf-8")
    assert built.window.isVisible()


def test_logging_without_stderr(tmp_path, monkeypatch):
    from solarfleet.app.logging_setup import setup_logging
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "stdout", None)
    path = setup_logging(tmp_path / "logs")
    logging.getLogger("x").warning("no console here")
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "_solarfleet", False):
            h.flush()
            root.removeHandler(h)
            h.close()
    assert "no console here" in path.read_text(encoding="utf-8")


def test_bad_database_keeps_current(built, tmp_path, qtbot):
    from solarfleet.app.gui import errors
    bad = tmp_path / "not.db"
    bad.write_bytes(b"this is not sqlite" * 20)
    old = built.window
    assert not built.open(bad)
    assert built.window is old
    assert bad.read_bytes() == b"this is not sqlite" * 20
    for d in list(errors._open_dialogs):
        d.close()


def test_new_database_is_empty_with_hint(built, tmp_path, qtbot):
    built._new(str(tmp_path / "fresh.db"))
    qtbot.addWidget(built.window)
    assert built.window.panel.is_showing_empty_hint()
    assert built.recent()[0] == str(tmp_path / "fresh.db")
