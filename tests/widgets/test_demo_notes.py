"""Demo parks' notes read in the UI language; editing another field keeps the stored (English) note."""
import csv

import pytest
from PySide6.QtCore import QLocale

from solarfleet.models.demo import demo_fleet, demo_note
from solarfleet.models.resources import resource_path
from solarfleet.widgets.park_editor import ParkEditor


def test_every_demo_note_has_both_translations():
    with open(resource_path("i18n", "demo_notes.csv"), encoding="utf-8", newline="") as f:
        rows = {r["en"]: r for r in csv.DictReader(f)}
    for park in demo_fleet().parks:
        assert park.notes in rows, park.name
        for lang in ("zh_CN", "ja_JP"):
            text = demo_note(park.notes, lang)
            assert text and text != park.notes and not text.isascii(), (park.name, lang)
    assert demo_note("my own note", "zh_CN") == "my own note"
    assert demo_note(demo_fleet().parks[0].notes, "en") == demo_fleet().parks[0].notes


@pytest.fixture
def chinese_locale():
    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    yield
    QLocale.setDefault(before)


def test_editor_shows_translated_note_and_keeps_the_stored_one(qtbot, chinese_locale):
    park = demo_fleet().parks[1]
    got = []
    ed = ParkEditor(commit=got.append)
    qtbot.addWidget(ed)
    ed.set_object(park)
    assert ed.widgets["notes"].text() == demo_note(park.notes, "zh_CN")
    ed.widgets["altitude"].setText("12")
    assert ed.apply()
    assert got[-1].notes == park.notes and got[-1].altitude == 12  # the stored note stays English
    ed.widgets["notes"].setText("屋顶已检修")
    assert ed.apply() and got[-1].notes == "屋顶已检修"
