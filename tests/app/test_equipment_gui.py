"""File → Import module/inverter file (.PAN/.OND)…: read in a worker, stored undoably, listed by the picker at once;
a bad file or one already in the library stores nothing and says why in one line."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from solarfleet.models.simulation import catalog

FILES = Path(__file__).parents[1] / "models" / "equipment_files"
PAN, OND, HOSTILE = FILES / "acme_as550m.pan", FILES / "acme_ap100k.ond", FILES / "acme_hostile_vmp.pan"


def _rows(path) -> list:
    con = sqlite3.connect(path)  # a connection of its own: what is really in the file
    try:
        return [r[0] for r in con.execute("SELECT key FROM equipment ORDER BY key")]
    finally:
        con.close()


@pytest.fixture
def imports(qtbot, tmp_path):
    from solarfleet.app.gui.equipment_ui import EquipmentImports
    from solarfleet.app.gui.session import open_session
    session = open_session(tmp_path / "e.db")
    window = QWidget()
    qtbot.addWidget(window)
    yield EquipmentImports(session.store, session.fleet.undo_stack, session.pool, window), session
    session.close()
    for item in catalog.library_items():
        catalog.unregister(item.key)


def test_files_are_stored_listed_and_undoable(qtbot, imports):
    ctl, session = imports
    with qtbot.waitSignal(ctl.imported, timeout=20000) as got:
        ctl.import_files([PAN, OND])
    assert [i.label for i in got.args[0]] == ["Acme Solar AS-550M 549 W", "Acme Power AP-100K 100 kW"]
    keys = ["lib:Acme Power AP-100K", "lib:Acme Solar AS-550M"]
    assert _rows(session.path) == keys
    # the array editor's pickers search the catalog: the library items come first, by name
    assert catalog.search_modules("acme")[0].key == "lib:Acme Solar AS-550M"
    assert catalog.search_inverters("AP-100K")[0].name == "Acme Power AP-100K 100 kW"
    stack = session.fleet.undo_stack
    assert stack.undoText().startswith("Import Acme Solar AS-550M")
    stack.undo()
    assert _rows(session.path) == [] and not catalog.library_items()
    stack.redo()
    assert _rows(session.path) == keys and [i.key for i in catalog.library_items()] == keys
    qtbot.waitUntil(lambda: not session.pool.running(), timeout=5000)


@pytest.mark.parametrize("files, message", [
    ([PAN, HOSTILE], "acme_hostile_vmp.pan, line 27: V_mp_ref: 59.525 V must be below V_oc_ref 49.9 V"),
    ([FILES / "notes.txt"], "notes.txt: file: must be a PVsyst .PAN (module) or .OND (inverter) file"),
])
def test_a_bad_file_stores_nothing_and_says_where(qtbot, imports, files, message):
    ctl, session = imports
    with qtbot.waitSignal(ctl.failed, timeout=20000) as got:
        ctl.import_files(files)
    text = got.args[0]
    assert text == message + " (nothing was imported)" and "\n" not in text
    assert _rows(session.path) == [] and not catalog.library_items()
    assert session.fleet.undo_stack.count() == 0
    qtbot.waitUntil(lambda: ctl.act_import.isEnabled(), timeout=5000)


def test_an_item_already_in_the_library_is_refused(qtbot, imports):
    ctl, session = imports
    with qtbot.waitSignal(ctl.imported, timeout=20000):
        ctl.import_files([PAN])
    with qtbot.waitSignal(ctl.failed, timeout=20000) as got:
        ctl.import_files([OND, PAN])  # the whole second import is refused, the inverter too
    assert got.args[0] == ("acme_as550m.pan: Acme Solar AS-550M: already in the equipment library "
                           "(nothing was imported)")
    assert _rows(session.path) == ["lib:Acme Solar AS-550M"]
    assert [i.key for i in catalog.library_items()] == ["lib:Acme Solar AS-550M"]
    assert session.fleet.undo_stack.count() == 1
    qtbot.waitUntil(lambda: not session.pool.running(), timeout=5000)


def test_the_window_offers_it_in_the_file_menu(qtbot, tmp_path):
    from PySide6.QtCore import QSettings
    from solarfleet.app.gui.main_window import MainWindow
    from solarfleet.app.gui.session import open_session
    session = open_session(tmp_path / "w.db")
    w = MainWindow(session, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    try:
        texts = [a.text() for a in w.file_menu.actions()]
        assert texts.index("Import &module/inverter file (.PAN/.OND)…") < texts.index("&Quit")
        with qtbot.waitSignal(w.equipment.imported, timeout=20000):
            w.equipment.import_files([OND])
        assert w.statusBar().currentMessage() == "Added to the equipment library: Acme Power AP-100K 100 kW"
        assert w.act_undo.text() == "&Undo Import Acme Power AP-100K 100 kW"
        qtbot.waitUntil(lambda: not session.pool.running(), timeout=5000)
    finally:
        session.close()
        for item in catalog.library_items():
            catalog.unregister(item.key)
