"""The fleet explorer: a filter box over a sortable tree, with a hint when the fleet is empty."""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QStackedWidget, QTreeView, QVBoxLayout, QWidget

from solarfleet.widgets.fleet_tree_model import PATH_ROLE, FleetFilterProxy, FleetTreeModel

__all__ = ["FleetPanel"]


class FleetPanel(QWidget):
    """Filter box + tree of :class:`FleetTreeModel`; emits the path of the selected node.

    Signals
    -------
    selectionChanged(tuple path)
        ``()`` when nothing (the fleet) is selected.
    filesDropped(tuple park_path, list paths)
        Local files were dropped on a park (or one of its roofs or arrays).
    """

    selectionChanged = Signal(tuple)
    filesDropped = Signal(tuple, list)

    def __init__(self, model: FleetTreeModel, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.model = model
        self.proxy = FleetFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter parks, roofs, arrays…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.view = QTreeView(self)
        self.view.setObjectName("fleetTree")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # stored order until the user sorts
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.header().setStretchLastSection(False)
        self.view.header().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.header().setSectionResizeMode(0, self.view.header().ResizeMode.Stretch)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.setAcceptDrops(True)
        self.view.viewport().setAcceptDrops(True)
        self.view.viewport().installEventFilter(self)
        self.empty_hint = QLabel(self.tr(
            "This fleet has no parks yet.\n\nUse Edit → Add park (Ctrl+Shift+N) to create one, "
            "or File → Open to open another database."), self)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setObjectName("emptyHint")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_hint)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.filter_edit)
        lay.addWidget(self.stack)
        model.modelReset.connect(self._after_reset)
        self._after_reset()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        if text:
            self.view.expandAll()

    def _after_reset(self) -> None:
        empty = self.model.rowCount() == 0
        self.stack.setCurrentWidget(self.empty_hint if empty else self.view)
        for c in (1, 2):  # numbers set the width, not their (longer, translated) headers: names keep the room
            wide = self.view.fontMetrics().horizontalAdvance("00,000.0")  # results may arrive after the reset
            self.view.setColumnWidth(c, max(self.view.sizeHintForColumn(c), wide) + 12)

    def park_at(self, pos) -> tuple:
        """Path ``(park,)`` of the row at viewport position ``pos``; ``()`` if none."""
        path = self.view.indexAt(pos).data(PATH_ROLE)
        return (path[0],) if path else ()

    @staticmethod
    def _local_files(mime) -> list:
        if not mime.hasUrls():
            return []
        urls = mime.urls()
        return [u.toLocalFile() for u in urls] if all(u.isLocalFile() for u in urls) else []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        t = event.type()
        if t in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            ok = bool(self._local_files(event.mimeData())) and bool(self.park_at(event.position().toPoint()))
            if ok:
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if t == QEvent.Type.Drop:
            files = self._local_files(event.mimeData())
            park = self.park_at(event.position().toPoint())
            if files and park:
                event.acceptProposedAction()
                self.filesDropped.emit(park, files)
            return True
        return super().eventFilter(obj, event)

    def is_showing_empty_hint(self) -> bool:
        return self.stack.currentWidget() is self.empty_hint

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self.selectionChanged.emit(tuple(current.data(PATH_ROLE) or ()))

    def current_path(self) -> tuple:
        return tuple(self.view.currentIndex().data(PATH_ROLE) or ())

    def select_path(self, path: tuple) -> bool:
        """Select (and reveal) the node at ``path``; False if the tree has no such node."""
        src = self.model.index_for_path(tuple(path))
        idx = self.proxy.mapFromSource(src)
        if not idx.isValid():
            self.view.setCurrentIndex(QModelIndex())
            self.selectionChanged.emit(())
            return False
        parent = idx.parent()
        while parent.isValid():
            self.view.expand(parent)
            parent = parent.parent()
        self.view.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(idx)
        return True
