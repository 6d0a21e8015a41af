"""A tab widget whose pages scroll instead of widening the window, and groups of related pages.

Each page is placed in a :class:`QScrollArea`, so a wide page (a live table, a long form) no longer sets
the window's minimum size: on a small screen it scrolls. Related views can share one tab as a
:class:`TabGroup` (inner tabs), so the top row of tabs fits between the side docks of a 1366 px window.
The page widgets stay the public face — ``indexOf``, ``widget``, ``currentWidget`` and ``setCurrentWidget``
speak of the page (also of a page inside a group), not of its scroll area.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

__all__ = ["ScrollingTabs", "TabGroup"]


class TabGroup(QTabWidget):
    """Related views under one top-level tab, each on an inner tab (e.g. a year's summary, heat map, months)."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setDocumentMode(True)


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
        """The page shown: inside a :class:`TabGroup`, its current inner page."""
        page = self.widget(self.currentIndex())
        return page.currentWidget() if isinstance(page, TabGroup) else page

    def indexOf(self, page: QWidget) -> int:  # noqa: N802
        """The top-level tab showing ``page`` (the group's tab for a page inside a group), or -1."""
        for i in range(self.count()):
            top = self.widget(i)
            if top is page or (isinstance(top, TabGroup) and top.indexOf(page) >= 0):
                return i
        return -1

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802
        i = self.indexOf(page)
        if i < 0:
            return
        top = self.widget(i)
        if isinstance(top, TabGroup) and top is not page:
            top.setCurrentWidget(page)
        self.setCurrentIndex(i)
