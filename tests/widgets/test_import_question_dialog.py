"""The import question dialog: each reading with sample dates as the user's language writes them."""
from PySide6.QtWidgets import QLabel

from solarfleet.models.datefmt import AmbiguousDates, date_order
from solarfleet.models.import_question import Choice, ImportQuestion
from solarfleet.widgets.import_question_dialog import ImportQuestionDialog


def _question():
    try:
        date_order(["03/04/2023 10:00", "03/04/2023 11:00"])
    except AmbiguousDates as exc:
        q = ImportQuestion("meter.csv: ambiguous", option="dayfirst", choices=exc.choices)
        q.path = "/data/meter.csv"
        return q
    raise AssertionError("not ambiguous")


def test_dialog_shows_both_readings_and_emits_the_choice(qtbot):
    dlg = ImportQuestionDialog(_question())
    qtbot.addWidget(dlg)
    text = "\n".join(lbl.text() for lbl in dlg.findChildren(QLabel))
    assert "meter.csv" in text
    assert "03/04/2023 10:00  →  Monday, April 3, 2023 10:00" in text  # day first
    assert "03/04/2023 10:00  →  Saturday, March 4, 2023 10:00" in text  # month first
    assert dlg.buttons[0].isChecked()
    dlg.choose(1)
    with qtbot.waitSignal(dlg.answered) as got:
        dlg.box.accepted.emit()
    assert got.args == ["dayfirst", False]


def test_cancel_emits_nothing(qtbot):
    dlg = ImportQuestionDialog(_question())
    qtbot.addWidget(dlg)
    with qtbot.assertNotEmitted(dlg.answered):
        dlg.box.rejected.emit()


def test_encoding_question(qtbot):
    q = ImportQuestion("gbk", option="encoding", choices=[Choice("gbk", (("\ufffd\ufffd", "时间"),))])
    dlg = ImportQuestionDialog(q)
    qtbot.addWidget(dlg)
    assert "gbk" in dlg.buttons[0].text()
    with qtbot.waitSignal(dlg.answered) as got:
        dlg.box.accepted.emit()
    assert got.args == ["encoding", "gbk"]
