"""Name clashes of a survey package import: rename, replace or skip, chosen park by park."""
from __future__ import annotations

from typing import Optional, Sequence

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget)

__all__ = ["SurveyConflictDialog", "CHOICES"]

# Resolutions offered, in order (the first is the default: nothing is overwritten).
CHOICES = ("rename", "replace", "skip")


class SurveyConflictDialog(QDialog):
    """One row per clashing park name with a rename / replace / skip choice."""

    def __init__(self, names: Sequence[str], parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Parks already in the fleet"))
        labels = {"rename": self.tr("Import under a new name"), "replace": self.tr("Replace the park in the fleet"),
                  "skip": self.tr("Skip (keep the fleet's park)")}
        intro = QLabel(self.tr("These parks of the package have the same name as parks in the fleet. "
                               "Nothing is overwritten unless you choose Replace."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for name in names:
            c = QComboBox(self)
            for code in CHOICES:
                c.addItem(labels[code], code)
            form.addRow(name, c)
            self.combos[name] = c
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def set_choice(self, name: str, choice: str) -> None:
        c = self.combos[name]
        c.setCurrentIndex(c.findData(choice))

    def choices(self) -> dict:
        """``{park name: 'rename' | 'replace' | 'skip'}``."""
        return {n: c.currentData() for n, c in self.combos.items()}
