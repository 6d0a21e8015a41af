"""A file that reads in more than one way: show each reading with a sample of what it gives, let the user pick.

Takes an :class:`~solarfleet.models.import_question.ImportQuestion` (e.g. numeric dates that are valid both
day-first and month-first, or Chinese text in GBK) and emits :attr:`ImportQuestionDialog.answered` with the
importer argument and the value chosen; Cancel emits nothing and imports nothing.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QLabel, QRadioButton, QVBoxLayout, QWidget)

__all__ = ["ImportQuestionDialog", "reading_text"]


def reading_text(option: str, read: str) -> str:
    """``read`` (what a reading makes of a cell) for display: a date in the installed language's long form."""
    if option == "dayfirst":
        date = QDate.fromString(read[:10], "yyyy-MM-dd")
        if date.isValid():
            rest = read[10:].strip().lstrip("T")
            return QLocale().toString(date, QLocale.FormatType.LongFormat) + (f" {rest}" if rest else "")
    return read


class ImportQuestionDialog(QDialog):
    """One radio button per reading of the file, each with up to four cells as written → as read.

    Parameters
    ----------
    question : solarfleet.models.import_question.ImportQuestion
        ``option``, ``choices`` (each with ``value`` and ``samples``) and ``path`` (the file).

    Signals
    -------
    answered(str option, object value)
        The user chose a reading: import again with ``{option: value}``.
    """

    answered = Signal(str, object)

    def __init__(self, question, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.option = question.option
        self.values = [c.value for c in question.choices]
        self.setWindowTitle(self.tr("How should this file be read?"))
        name = Path(str(getattr(question, "path", ""))).name
        intro = QLabel(self._intro().replace("%1", name), self)
        intro.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        for i, choice in enumerate(question.choices):
            button = QRadioButton(self._choice_label(choice.value), self)
            self.group.addButton(button, i)
            self.buttons.append(button)
            lay.addWidget(button)
            sample = QLabel("\n".join(f"{written}  →  {reading_text(self.option, read)}"
                                      for written, read in choice.samples), self)
            sample.setIndent(24)
            lay.addWidget(sample)
        if self.buttons:
            self.buttons[0].setChecked(True)
        self.box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.box.accepted.connect(self._accept)
        self.box.rejected.connect(self.reject)
        lay.addWidget(self.box)

    def _intro(self) -> str:
        if self.option == "dayfirst":
            return self.tr("The dates in %1 can be read day first or month first, and both give valid dates. "
                           "Choose the reading that matches how the file was written; nothing is imported "
                           "until you do.")
        if self.option == "encoding":
            return self.tr("%1 is not UTF-8 text; it looks like Chinese text saved as GBK. Import it with that "
                           "encoding?")
        return self.tr("%1 can be read in more than one way. Choose one.")

    def _choice_label(self, value) -> str:
        if self.option == "dayfirst":
            return self.tr("Day first (dd/mm/yyyy)") if value else self.tr("Month first (mm/dd/yyyy)")
        if self.option == "encoding":
            return self.tr("Chinese GBK/GB18030 (%1)").replace("%1", str(value))
        return str(value)

    def choose(self, index: int) -> None:
        """Select reading ``index`` (as a click on its button would)."""
        self.buttons[index].setChecked(True)

    def chosen(self):
        """The value of the selected reading."""
        return self.values[self.group.checkedId()]

    def _accept(self) -> None:
        self.answered.emit(self.option, self.chosen())
        self.accept()
