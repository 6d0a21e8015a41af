"""Whole window, once: start on the demo fleet, select, edit, undo, run, cancel, see plots, switch language."""
import sqlite3

import numpy as np
import pytest
from PySide6.QtCore import Qt
from solarfleet.models.store import park_names

def _open_app(qtbot, providers_for):
    from solarfleet.app.gui.application import Application, make_settings
    app = Application(make_settings(), providers_for=providers_for)
    from solarfleet.app.paths import db_path
    assert app.open(db_path(), seed_demo=True)
    qtbot.addWidget(app.window)
    return app


def _shut(app):
    pool = app.session.pool
    app.shutdown()
    assert pool.pool.activeThreadCount() == 0  # no simulation left running


@pytest.fixture
def application(qtbot, isolated_data_dir):
    from solarfleet.app.gui.wiring import providers_for
    app = _open_app(qtbot, providers_for)
    yield app
    _shut(app)


def _count_arrays(path, name):
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM arrays WHERE name = ?", [name]).fetchone()[0]
    finally:
        con.close()


def test_smoke(qtbot, application):
    w = application.window
    s = application.session
    assert w.tree_model.rowCount() == 9
    park = s.fleet.fleet.parks[0]
    roof, array = park.roofs[0], park.roofs[0].arrays[0]
    # select an array, edit it in the editor, undo with the action
    assert w.panel.select_path((park.name, roof.name, array.name))
    assert w.editor_stack.currentWidget() is w.array_editor
    w.array_editor.widgets["name"].setText("Edited array")
    assert w.array_editor.apply()
    assert _count_arrays(s.path, "Edited array") == 1
    assert w.panel.current_path() == (park.name, roof.name, "Edited array")
    w.act_undo.trigger()
    assert _count_arrays(s.path, "Edited array") == 0
    assert w.panel.current_path() == (park.name, roof.name, array.name)
    # invalid value: marked, not applied
    w.array_editor.widgets["albedo"].setText("2")
    assert not w.array_editor.apply()
    assert s.fleet.undo_stack.count() == 1  # the undone edit only
    # run the fleet: plots fill park by park
    w.panel.select_path((park.name,))
    with qtbot.waitSignal(s.runs.finished, timeout=60000) as done:
        w.act_run.trigger()
        assert w.act_cancel.isEnabled() and not w.progress.isHidden()
    assert done.args == [False]
    w.yield_plot.flush()
    x, y = w.yield_plot.pv_curve.getOriginalDataset()
    assert len(x) > 8000 and np.nanmax(y) > 0
    assert w.dashboard.cards["annual_energy"].value.text() != "—"
    assert w.dashboard.cards["self_consumption"].value.text() != "—"
    assert w.tree_model.annual_energy((park.name,)) > 0
    assert w.progress.isHidden()
    # an edit makes the park's result stale
    w.park_editor.widgets["altitude"].setText("400")
    assert w.park_editor.apply()
    assert not w.dashboard.stale_badge.isHidden()


def test_cancel_midway(qtbot, application):
    w, s = application.window, application.session
    got = []
    s.results.changed.connect(got.append)

    def cancel_after_first(name):
        s.runs.cancel()
    s.results.changed.connect(cancel_after_first)
    with qtbot.waitSignal(s.runs.finished, timeout=60000) as done:
        w.act_run.trigger()
    assert done.args == [True]
    assert 1 <= len(got) < 9
    assert w.act_run.isEnabled()


def test_language_switch_rebuilds_window(qtbot, application):
    old = application.window
    application.set_language("zh_CN")
    w = application.window
    qtbot.addWidget(w)
    assert w is not old
    assert w.menuBar().actions()[0].text() == "文件(&F)"
    assert w.tabs.tabText(0) == "总览"
    application.set_language("ja_JP")
    qtbot.addWidget(application.window)
    assert application.window.menuBar().actions()[0].text() == "ファイル(&F)"
    application.set_language("en")
    qtbot.addWidget(application.window)


def test_settings_remember_selection(qtbot, application, isolated_data_dir):
    w = application.window
    park = application.session.fleet.fleet.parks[2]
    w.panel.select_path((park.name,))
    w.save_state()
    from solarfleet.app.gui.application import make_settings
    from solarfleet.app.gui.main_window import MainWindow
    w2 = MainWindow(application.session, make_settings())
    qtbot.addWidget(w2)
    assert w2.panel.current_path() == (park.name,)


@pytest.fixture
def seen_imports(qtbot, isolated_data_dir):
    """An application whose file importer only records what it is given; ``(app, seen)``."""
    import dataclasses
    from solarfleet.app.gui.wiring import providers_for
    seen = []

    def importer(park, path):
        seen.append((park.name, path))
        return f"imported {path} into {park.name}: 8760 rows, 0 missing"
    app = _open_app(qtbot, lambda store: dataclasses.replace(providers_for(store), import_file=importer))
    yield app, seen
    _shut(app)


def test_dropping_files_on_a_park_runs_the_importer(qtbot, seen_imports, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent
    application, seen = seen_imports
    w, s = application.window, application.session
    f = tmp_path / "load.csv"
    f.write_text("1\n")
    w.show()
    park = s.fleet.fleet.parks[1]
    idx = w.panel.proxy.mapFromSource(w.tree_model.index_for_path((park.name,)))
    pos = w.panel.view.visualRect(idx).center()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f))])
    ev = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(w.panel.filesDropped) as sig:
        w.panel.eventFilter(w.panel.view.viewport(), ev)
    assert sig.args == [(park.name,), [str(f)]]
    qtbot.waitUntil(lambda: seen == [(park.name, str(f))], timeout=5000)
    qtbot.waitUntil(lambda: s.pool.running() == [], timeout=5000)


def test_keyboard_delete_and_undo(qtbot, application):
    w, s = application.window, application.session
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    park = s.fleet.fleet.parks[4]
    w.panel.select_path((park.name,))
    w.panel.view.setFocus()
    qtbot.waitUntil(lambda: w.panel.view.hasFocus(), timeout=2000)
    qtbot.keyClick(w.panel.view, Qt.Key.Key_Delete)
    assert park.name not in park_names(s.store)
    qtbot.keyClick(w.panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert park_names(s.store)[4] == park.name
    qtbot.keyClick(w.panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert park.name not in park_names(s.store)
