"""Item model of a fleet: fleet → parks → roofs → arrays, with kWp and annual MWh columns.

:class:`FleetTreeModel` is fed a :class:`solarfleet.models.fleet.Fleet` and, once results exist, a mapping
of annual energy per node. :class:`FleetFilterProxy` sorts numerically and filters by name
(keeping the parents of a match).
"""
from __future__ import annotations

from typing import Mapping, Optional

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from solarfleet.models.fleet import Fleet

__all__ = ["FleetTreeModel", "FleetFilterProxy", "PATH_ROLE", "KIND_ROLE", "SORT_ROLE"]

PATH_ROLE = Qt.ItemDataRole.UserRole + 1   #: tuple path of the node: (park, roof, array)
KIND_ROLE = Qt.ItemDataRole.UserRole + 2   #: "park" | "roof" | "array"
SORT_ROLE = Qt.ItemDataRole.UserRole + 3   #: number for numeric columns, folded text for names

KINDS = ("fleet", "park", "roof", "array")


class _Node:
    __slots__ = ("path", "obj", "parent", "children", "row", "kwp")

    def __init__(self, path, obj, parent, row):
        self.path, self.obj, self.parent, self.row = path, obj, parent, row
        self.children: list[_Node] = []
        self.kwp = obj.dc_capacity / 1000.0 if obj is not None else 0.0

    @property
    def kind(self) -> str:
        return KINDS[len(self.path)]


class FleetTreeModel(QAbstractItemModel):
    """Parks, roofs and arrays of a fleet, with DC capacity and annual energy.

    Parameters
    ----------
    fleet : solarfleet.models.fleet.Fleet, optional

    Columns
    -------
    0 name, 1 DC capacity [kWp], 2 annual AC energy [MWh] (blank until results exist; blank for a
    roof or park while any of its arrays has no result — missing data never becomes zero).
    """

    COL_NAME, COL_KWP, COL_MWH = range(3)

    def __init__(self, fleet: Optional[Fleet] = None, parent: Optional[QObject] = None):
        super().__init__(parent)
        self._root = _Node((), None, None, 0)
        self._by_path: dict[tuple, _Node] = {}
        self._energy: dict[tuple, float] = {}
        self._stale: set[str] = set()
        self.set_fleet(fleet or Fleet(()))

    # -- feeding --
    def set_fleet(self, fleet: Fleet) -> None:
        """Show ``fleet`` (rebuilds the tree)."""
        self.beginResetModel()
        self.fleet = fleet
        self._root = _Node((), fleet, None, 0)
        self._by_path = {(): self._root}
        for pi, park in enumerate(fleet.parks):
            pn = _Node((park.name,), park, self._root, pi)
            self._root.children.append(pn)
            self._by_path[pn.path] = pn
            for ri, roof in enumerate(park.roofs):
                rn = _Node(pn.path + (roof.name,), roof, pn, ri)
                pn.children.append(rn)
                self._by_path[rn.path] = rn
                for ai, array in enumerate(roof.arrays):
                    an = _Node(rn.path + (array.name,), array, rn, ai)
                    rn.children.append(an)
                    self._by_path[an.path] = an
        self.endResetModel()

    def set_annual_energy(self, energy: Mapping[tuple, float], stale_parks=()) -> None:
        """Annual AC energy per node path [Wh]; arrays suffice (roofs and parks are summed).

        Parameters
        ----------
        energy : mapping of tuple to float
            ``{(park, roof, array): Wh, ...}``; parks or roofs may be given directly too.
        stale_parks : iterable of str
            Parks whose inputs changed since their result: shown greyed.
        """
        new = {tuple(k): float(v) for k, v in energy.items()}
        stale = {s.casefold() for s in stale_parks}
        changed = {k[0] for k in set(new) ^ set(self._energy)}
        changed |= {k[0] for k, v in new.items() if self._energy.get(k) != v}
        changed |= {n for n in stale ^ self._stale}
        self._energy, self._stale = new, stale
        for pn in self._root.children:  # only parks whose figures changed: a run updates one at a time
            if pn.path[0] in changed or pn.path[0].casefold() in changed:
                self._emit_subtree_changed(pn, self.COL_MWH)

    def _emit_subtree_changed(self, node, col):
        idx = self.createIndex(node.row, col, node)
        self.dataChanged.emit(idx, idx)
        stack = [node]
        while stack:
            n = stack.pop()
            if n.children:
                first = self.createIndex(0, col, n.children[0])
                last = self.createIndex(len(n.children) - 1, col, n.children[-1])
                self.dataChanged.emit(first, last)
                stack.extend(n.children)

    def annual_energy(self, path: tuple) -> Optional[float]:
        """Annual energy of the node at ``path`` [Wh], or None if any part has no result."""
        path = tuple(path)
        if path in self._energy:
            return self._energy[path]
        node = self._by_path.get(path)
        if node is None or not node.children:
            return None
        total = 0.0
        for c in node.children:
            v = self.annual_energy(c.path)
            if v is None:
                return None
            total += v
        return total

    def index_for_path(self, path: tuple) -> QModelIndex:
        node = self._by_path.get(tuple(path))
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    # -- Qt model API --
    def _node(self, index: QModelIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row, column, parent=QModelIndex()):
        node = self._node(parent)
        if 0 <= row < len(node.children) and 0 <= column < 3:
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        node = index.internalPointer()
        p = node.parent
        if p is None or p is self._root:
            return QModelIndex()
        return self.createIndex(p.row, 0, p)

    def rowCount(self, parent=QModelIndex()):
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent=QModelIndex()):
        return 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Name"), self.tr("kWp"), self.tr("MWh/yr"))[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return (self.tr("Park, roof or array"), self.tr("DC capacity at STC [kWp]"),
                    self.tr("Annual AC energy of the last run [MWh]"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        col = index.column()
        if role == PATH_ROLE:
            return node.path
        if role == KIND_ROLE:
            return node.kind
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            if col == self.COL_NAME:
                if role == SORT_ROLE:
                    return node.obj.name.casefold()
                if role == Qt.ItemDataRole.ToolTipRole:  # the full name: a narrow dock elides it
                    kind = {"park": self.tr("Park"), "roof": self.tr("Roof"), "array": self.tr("Array")}[node.kind]
                    return f"{node.obj.name} ({kind})"
                return node.obj.name
            if col == self.COL_KWP:
                kwp = node.kwp
                return kwp if role == SORT_ROLE else self._locale().toString(kwp, "f", 1)
            if col == self.COL_MWH:
                wh = self.annual_energy(node.path)
                if role == SORT_ROLE:
                    return -1.0 if wh is None else wh
                if wh is None:
                    return "" if role == Qt.ItemDataRole.DisplayRole else self.tr("No result yet")
                text = self._locale().toString(wh / 1e6, "f", 1)
                if role == Qt.ItemDataRole.ToolTipRole and self._is_stale(node):
                    return self.tr("Inputs changed since this result")
                return text
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and node.kind == "park" and col == 0:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_MWH and self._is_stale(node):
            return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def _is_stale(self, node: _Node) -> bool:
        return bool(node.path) and node.path[0].casefold() in self._stale

    @staticmethod
    def _locale():
        from PySide6.QtCore import QLocale
        return QLocale()


class FleetFilterProxy(QSortFilterProxyModel):
    """Sorts by the numbers behind the columns and filters names, keeping a match's parents and children."""

    def __init__(self, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(0)
