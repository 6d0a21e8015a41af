"""A grid of KPI cards that takes as many columns as its width allows, so a row of cards never widens a page."""
from __future__ import annotations

from typing import Optional, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QWidget

__all__ = ["CardGrid", "place_in_rows"]


def place_in_rows(grid: QGridLayout, widgets: Sequence[QWidget], columns: int,
                  alignment: Qt.AlignmentFlag = Qt.AlignmentFlag(0)) -> None:
    """Put ``widgets`` into ``grid`` left to right, ``columns`` to a row (taken out of it first)."""
    for w in widgets:
        grid.removeWidget(w)
    for i, w in enumerate(widgets):
        grid.addWidget(w, i // columns, i % columns, alignment)


class CardGrid(QWidget):
    """Lays ``cards`` out left to right, wrapping to more rows when the width is short.

    Its minimum width is that of ``min_columns`` cards (set explicitly, so the grid's widest arrangement
    does not become the page's minimum); every resize re-flows the cards.

    Parameters
    ----------
    cards : sequence of QWidget
    min_columns : int
        Columns the grid never goes below.
    """

    def __init__(self, cards: Sequence[QWidget], min_columns: int = 2, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.cards = list(cards)
        self.min_columns = min_columns
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        self._place(len(self.cards))

    def card_width(self) -> int:
        """The width one card needs [px]: its size hint, at least nine em."""
        em = self.fontMetrics().horizontalAdvance("M")
        return max([9 * em] + [c.sizeHint().width() for c in self.cards])

    def columns_for(self, width: int) -> int:
        """Columns for ``width`` [px]: as few rows as fit, the cards shared evenly between them (7 cards in
        two rows are 4 + 3, not 6 + 1); never fewer than ``min_columns``."""
        n = len(self.cards)
        step = self.card_width() + self.grid.horizontalSpacing()
        fit = max(1, min(n, (width + self.grid.horizontalSpacing()) // max(step, 1)))
        rows = -(-n // fit)
        return max(self.min_columns, -(-n // rows))

    def _place(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        place_in_rows(self.grid, self.cards, columns)
        rows = -(-len(self.cards) // columns)
        height = max((c.minimumSizeHint().height() for c in self.cards), default=0)
        self.setMinimumSize(self.min_columns * (self.card_width() + self.grid.horizontalSpacing()),
                            rows * (height + self.grid.verticalSpacing()))

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place(self.columns_for(event.size().width()))
