"""File → Import module/inverter file (.PAN/.OND)…: read in a worker, stored undoably, listed by the picker at once;
a bad file or one already in the library stores nothing and says why in one line."""
from __future__ import annotations

import json
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
    answers = []  # what the user answers when an item is already in the library (REPLACE, KEEP_BOTH, CANCEL)
    ctl = EquipmentImports(session.store, session.fleet.undo_stack, session.pool, window, fleet=session.fleet,
                           ask=lambda items: answers.pop(0))
    ctl.answers = answers
    yield ctl, session
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


def _params(path, key) -> dict:
    con = sqlite3.connect(path)
    try:
        return json.loads(con.execute("SELECT parameters FROM equipment WHERE key = ?", [key]).fetchone()[0])
    finally:
        con.close()


def _newer_pan(tmp_path) -> Path:
    """The same module (manufacturer and model) with another STC power: a new datasheet revision."""
    text = PAN.read_text(encoding="latin-1")
    assert "PNom=549.0" in text and "Imp=13.222" in text
    out = tmp_path / "acme_as550m_rev2.pan"
    out.write_text(text.replace("PNom=549.0", "PNom=552.3").replace("Imp=13.222", "Imp=13.300"), encoding="latin-1")
    return out


def test_an_item_already_in_the_library_asks_cancel_stores_nothing(qtbot, imports):
    from solarfleet.app.gui.equipment_ui import CANCEL
    ctl, session = imports
    with qtbot.waitSignal(ctl.imported, timeout=20000):
        ctl.import_files([PAN])
    ctl.answers.append(CANCEL)
    with qtbot.assertNotEmitted(ctl.imported), qtbot.assertNotEmitted(ctl.failed):
        w = ctl.import_files([OND, PAN])  # the whole second import is cancelled, the inverter too
        qtbot.waitUntil(lambda: w not in session.pool.running() and ctl.act_import.isEnabled(), timeout=20000)
    assert _rows(session.path) == ["lib:Acme Solar AS-550M"] and not ctl.answers
    assert [i.key for i in catalog.library_items()] == ["lib:Acme Solar AS-550M"]
    assert session.fleet.undo_stack.count() == 1
    with qtbot.waitSignal(ctl.failed, timeout=20000) as got:
        ctl.import_files([OND, OND])
    assert got.args[0] == ("acme_ap100k.ond: Acme Power AP-100K: the same item twice in one import "
                           "(nothing was imported)")
    qtbot.waitUntil(lambda: not session.pool.running(), timeout=5000)


def test_replace_overwrites_and_undo_puts_the_old_parameters_back(qtbot, imports, tmp_path):
    from solarfleet.app.gui.equipment_ui import REPLACE
    ctl, session = imports
    key = "lib:Acme Solar AS-550M"
    with qtbot.waitSignal(ctl.imported, timeout=20000):
        ctl.import_files([PAN])
    old = _params(session.path, key)
    ctl.answers.append(REPLACE)
    with qtbot.waitSignal(ctl.imported, timeout=20000):
        ctl.import_files([_newer_pan(tmp_path)])
    new = _params(session.path, key)
    assert _rows(session.path) == [key] and new != old
    assert catalog.module_stc(key) == pytest.approx(new["STC"]) and new["STC"] > old["STC"]
    stack = session.fleet.undo_stack
    assert stack.undoText().startswith("Replace Acme Solar AS-550M")
    stack.undo()
    assert _params(session.path, key) == old and catalog.module_stc(key) == pytest.approx(old["STC"])
    stack.redo()
    assert _params(session.path, key) == new
    qtbot.waitUntil(lambda: not session.pool.running(), timeout=5000)


def test_keep_both_stores_a_numbered_model_undoably(qtbot, imports, tmp_path):
    from solarfleet.app.gui.equipment_ui import KEEP_BOTH
    ctl, session = imports
    with qtbot.waitSignal(ctl.imported, timeout=20000):
        ctl.import_files([PAN])
    old = _params(session.path, "lib:Acme Solar AS-550M")
    for n in (2, 3):
        ctl.answers.append(KEEP_BOTH)
        with qtbot.waitSignal(ctl.imported, timeout=20000) as got:
            ctl.import_files([_newer_pan(tmp_path)])
        assert [i.key for i in got.args[0]] == [f"lib:Acme Solar AS-550M ({n})"]
    assert _rows(session.path) == ["lib:Acme Solar AS-550M", "lib:Acme Solar AS-550M (2)",
                                   "lib:Acme Solar AS-550M (3)"]
    assert _params(session.path, "lib:Acme Solar AS-550M") == old  # the first one untouched
    session.fleet.undo_stack.undo()
    assert _rows(session.path) == ["lib:Acme Solar AS-550M", "lib:Acme Solar AS-550M (2)"]
    assert not catalog.has_module("lib:Acme Solar AS-550M (3)")
    qtbot.waitUntil(lambda: not session.pool.running(), timeout=5000)


def test_undoing_an_import_is_refused_while_an_array_uses_it(qtbot, imports):
    """An array that came to use the module by another route than the stack (here a park written to the file
    and read again, as a fleet-file import does): Undo says so in one line and changes nothing."""
    from solarfleet.models.fleet import Array, Park, Roof
    from solarfleet.models.store import add_park
    ctl, session = imports
    with qtbot.waitSignal(ctl.imported, timeout=20000):
        ctl.import_files([PAN])
    a = Array("a1", dc_model="cec", module="lib:Acme Solar AS-550M", modules_per_string=20, strings=10)
    add_park(session.store, Park("P", latitude=31.4, longitude=121.4, altitude=5, tz="Asia/Shanghai",
                                 roofs=(Roof("r", area=2000, arrays=(a,)),)))
    session.fleet.reload(("P",), "P")
    stack = session.fleet.undo_stack
    with qtbot.waitSignal(ctl.failed) as got:
        stack.undo()
    assert got.args[0] == ("Not undone: P / r / a1 use the imported equipment; change their module or inverter "
                           "first (nothing was changed)")
    assert _rows(session.path) == ["lib:Acme Solar AS-550M"] and catalog.has_module("lib:Acme Solar AS-550M")
    assert stack.count() == 0 and not stack.canUndo() and not stack.canRedo()  # the refused import left the stack
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
