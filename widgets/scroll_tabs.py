"""A tab widget whose pages scroll instead of widening the window.

Each page is placed in a :class:`QScrollArea`, so a wide page (a live table, a long form) no longer sets
the window's minimum size: on a small screen it scrolls. The page widgets stay the public face —
``indexOf``, ``widget``, ``currentWidget`` and ``setCurrentWidget`` speak of the page, not of its scroll area.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

__all__ = ["ScrollingTabs"]


class ScrollingTabs(QTabWidget):
    """A :class:`QTabWidget` whose pages scroll when the window is smaller than a page's minimum size."""

    def _wrap(self, page: QWidget) -> QScrollArea:
        area = QScrollArea(self)
        area.setObjectName(f"scroll_{page.objectName() or type(page).__name__}")
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        area.setWidget(page)
        return area

    def addTab(self, page: QWidget, label: str) -> int:  # noqa: N802 (Qt's name)
        return super().addTab(self._wrap(page), label)

    def insertTab(self, index: int, page: QWidget, label: str) -> int:  # noqa: N802
        return super().insertTab(index, self._wrap(page), label)

    def widget(self, index: int) -> Optional[QWidget]:
        area = super().widget(index)
        return area.widget() if isinstance(area, QScrollArea) else area

    def currentWidget(self) -> Optional[QWidget]:  # noqa: N802
        return self.widget(self.currentIndex())

    def indexOf(self, page: QWidget) -> int:  # noqa: N802
        for i in range(self.count()):
            if self.widget(i) is page:
                return i
        return -1

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802
        i = self.indexOf(page)
        if i >= 0:
            self.setCurrentIndex(i)
