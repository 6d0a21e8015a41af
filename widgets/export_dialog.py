"""File → Export: choose scope, format, resolution and file, and see what will be written.

The dialog holds no export code: it is given ``tables_for(park, resolution)`` (normally
:func:`solarfleet.models.export.tables.report_tables` on the open store) for its table preview,
``pages_for(park, project)`` for the PDF's rendered pages, the remembered project fields and
``has_study(park)``; it emits :attr:`ExportDialog.exportRequested` with the chosen options; the caller
writes the file (in a worker) and remembers the project fields.
"""
from __future__ import annotations

from solarfleet.widgets import _pyside_fix  # noqa: F401

from pathlib import Path
from typing import Callable, Optional, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QPixmap
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea,
                               QStackedWidget, QVBoxLayout, QWidget)

__all__ = ["ExportDialog"]

FORMATS = ("xlsx", "csv", "json", "pdf")
RESOLUTIONS = ("hourly", "daily", "monthly")


def _num(v: float) -> str:
    """A number as the preview shows it: plain digits (no exponent), at most 3 decimals."""
    import numpy as np
    return np.format_float_positional(v, precision=3, trim="-")


class ExportDialog(QDialog):
    """Export options with a live preview.

    Parameters
    ----------
    parks : sequence of str
        Park names offered besides the whole fleet.
    tables_for : callable
        ``tables_for(park_or_None, resolution) -> solarfleet.models.export.tables.ReportTables``; may raise
        ``ValueError`` (shown in the preview).
    preview_for : callable
        ``preview_for(tables, fmt, english_headers) -> list of dict`` (the sheets as
        :func:`solarfleet.models.export.tables.preview` gives them, in the app's language unless English
        headers are kept).
    pages_for : callable, optional
        ``pages_for(park_or_None, project, include_study) -> (list of QImage, note)``: the PDF's first pages
        as rendered, and a note on what the preview leaves out ("" if nothing); may raise ``ValueError``.
    project : dict, optional
        Remembered project fields (``project``, ``client``, ``author``, ``reference``).
    has_study : callable, optional
        ``has_study(park_or_None) -> bool``: a stored yield study covers the scope (then P50/P90 are
        included by default).
    wan_choice : bool
        Offer the Chinese reports' choice of 万kWh (default) or MWh for energies; ``pages_for`` then also
        takes ``wan=``.

    Signals
    -------
    exportRequested(dict)
        ``format``, ``path``, ``park`` (None = fleet), ``resolution``, ``include_study`` (bool: P50/P90 in
        the file), ``yield_study`` (bool: compute a study first — included but none covers the scope),
        ``project`` (dict of the project fields), ``wan`` (bool or None: 万kWh in a Chinese report).
    """

    exportRequested = Signal(dict)
    PROJECT_FIELDS = ("project", "client", "author", "reference")

    def __init__(self, parks: Sequence[str], tables_for: Callable, preview_for: Callable,
                 start_dir: str = "", parent: Optional[QWidget] = None, pages_for: Optional[Callable] = None,
                 project: Optional[dict] = None, has_study: Optional[Callable] = None, wan_choice: bool = False):
        super().__init__(parent)
        self._pages_for = pages_for
        self._has_study = has_study or (lambda park: False)
        self._study_touched = False
        self.setObjectName("ExportDialog")
        self.setWindowTitle(self.tr("Export"))
        self._tables_for, self._preview_for = tables_for, preview_for
        self._start_dir = start_dir
        self.scope = QComboBox(self)
        self.scope.addItem(self.tr("Whole fleet"), None)
        for p in parks:
            self.scope.addItem(p, p)
        self.format = QComboBox(self)
        labels = {"xlsx": self.tr("Excel workbook (.xlsx)"), "csv": self.tr("CSV table (.csv)"),
                  "json": self.tr("JSON (.json)"), "pdf": self.tr("PDF report (.pdf)")}
        for f in FORMATS:
            self.format.addItem(labels[f], f)
        self.resolution = QComboBox(self)
        for r, label in zip(RESOLUTIONS, (self.tr("Hourly"), self.tr("Daily"), self.tr("Monthly"))):
            self.resolution.addItem(label, r)
        self.study = QCheckBox(self.tr("Include P50/P90 (the stored yield study; one is computed first if none "
                                       "covers the scope, about 1 s per park)"), self)
        self.study.clicked.connect(self._touch_study)
        self.english = QCheckBox(self.tr("Keep English sheet and column names (for machine use)"), self)
        self.english.setObjectName("english_headers")
        self.english.toggled.connect(lambda _: self._changed())
        self.wan = QCheckBox(self.tr("Energies in 万kWh (ten thousand kWh); untick for MWh"), self)
        self.wan.setObjectName("wan_units")
        self.wan.setChecked(True)
        self.wan.setVisible(wan_choice)
        self._wan_choice = wan_choice
        self.wan.toggled.connect(lambda _: self._changed())
        labels = {"project": self.tr("Project"), "client": self.tr("Client"), "author": self.tr("Author"),
                  "reference": self.tr("Reference")}
        self.project_edits = {}
        for k in self.PROJECT_FIELDS:
            e = QLineEdit((project or {}).get(k, ""), self)
            e.setMaxLength(200)
            e.setObjectName(f"project_{k}")
            self.project_edits[k] = (labels[k], e)
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(self.tr("File to write"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Scope"), self.scope)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Resolution"), self.resolution)
        form.addRow("", self.study)
        form.addRow("", self.english)
        form.addRow("", self.wan)
        fields = QGridLayout()  # two fields a row: the preview keeps the height
        for i, (label, e) in enumerate(self.project_edits.values()):
            fields.addWidget(QLabel(label, self), i // 2, 2 * (i % 2))
            fields.addWidget(e, i // 2, 2 * (i % 2) + 1)
            e.editingFinished.connect(self._changed)
        form.addRow(self.tr("Report"), fields)
        form.addRow(self.tr("File"), row)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("exportPreview")
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setMinimumSize(640, 260)
        self.pages = QWidget(self)
        self.pages.setObjectName("exportPages")
        self.pages_layout = QHBoxLayout(self.pages)
        self.pages_layout.setContentsMargins(6, 6, 6, 6)
        self.pages_scroll = QScrollArea(self)
        self.pages_scroll.setWidget(self.pages)
        self.pages_scroll.setWidgetResizable(True)
        self.pages_scroll.setMinimumSize(640, 300)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.preview)
        self.stack.addWidget(self.pages_scroll)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("Preview of what will be written:"), self))
        lay.addWidget(self.summary)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh_preview)
        for w in (self.scope, self.format, self.resolution):
            w.currentIndexChanged.connect(self._changed)
        self.path.textChanged.connect(self._update_buttons)
        self._changed()

    # -- options -----------------------------------------------------------------------------------
    def options(self) -> dict:
        include = self.study.isChecked()
        park = self.scope.currentData()
        return {"format": self.format.currentData(), "path": self.path.text().strip(),
                "park": park, "resolution": self.resolution.currentData(), "include_study": include,
                "yield_study": include and not self._has_study(park), "project": self.project(),
                "english_headers": self.english.isChecked(),
                "wan": self.wan.isChecked() if self._wan_choice else None}

    def project(self) -> dict:
        """The project fields as typed (surrounding spaces removed)."""
        return {k: e.text().strip() for k, (_, e) in self.project_edits.items()}

    def _touch_study(self) -> None:
        self._study_touched = True

    def _changed(self) -> None:
        fmt = self.format.currentData()
        if not self._study_touched:  # P50/P90 by default where a stored study covers the scope
            self.study.setChecked(bool(self._has_study(self.scope.currentData())))
        self.resolution.setEnabled(fmt != "pdf")
        self.wan.setEnabled(fmt == "pdf")
        text = self.path.text().strip()
        if text:
            p = Path(text)
            if p.suffix.lower().lstrip(".") in FORMATS and p.suffix.lower() != "." + fmt:
                self.path.setText(str(p.with_suffix("." + fmt)))
        if self.isVisible():  # an unshown dialog previews nothing; showEvent draws the first preview
            self._timer.start()
        self._update_buttons()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._timer.start()

    def hideEvent(self, event) -> None:
        self._timer.stop()  # no preview of a closed dialog (its store may be gone by then)
        super().hideEvent(event)

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(bool(self.path.text().strip()) and not getattr(self, "_error", None))

    def _browse(self) -> None:
        fmt = self.format.currentData()
        name = (self.scope.currentData() or "fleet").replace("/", "_") + "." + fmt
        start = str(Path(self._start_dir or Path.home()) / name)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), start, f"*.{fmt}")
        if path:
            if not path.lower().endswith("." + fmt):
                path += "." + fmt
            self.path.setText(path)

    def _accept(self) -> None:
        opts = self.options()
        folder = Path(opts["path"]).parent
        if not opts["path"] or not folder.is_dir():
            self.summary.setText(self.tr("The folder %1 does not exist.").replace("%1", str(folder)))
            return
        if not opts["path"].lower().endswith("." + opts["format"]):
            opts["path"] += "." + opts["format"]
        self.exportRequested.emit(opts)
        self.accept()

    # -- preview -----------------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Rebuild the preview from the current options (called after a short debounce)."""
        opts = self.options()
        self._error = None
        if opts["format"] == "pdf" and self._pages_for is not None:
            self._preview_pages(opts)
        else:
            self._preview_tables(opts)
        self._update_buttons()

    def _show_error(self, exc: Exception) -> None:
        self._error = str(exc)
        self.summary.setText(str(exc))
        self.preview.setPlainText("")
        self.stack.setCurrentWidget(self.preview)

    def _preview_pages(self, opts: dict) -> None:
        """The PDF's first pages, rendered as the file will print them."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            extra = {"wan": opts["wan"]} if self._wan_choice else {}
            images, note = self._pages_for(opts["park"], opts["project"], opts["include_study"], **extra)
        except ValueError as exc:
            self._show_error(exc)
            return
        finally:
            QApplication.restoreOverrideCursor()
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._page_images = list(images)
        height = max(200, self.pages_scroll.viewport().height() - 30)
        for img in images:
            label = QLabel(self.pages)
            pix = QPixmap.fromImage(img)
            label.setPixmap(pix.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
                            if pix.height() > height else pix)
            label.setStyleSheet("border: 1px solid #999999; background: white")
            self.pages_layout.addWidget(label)
        self.pages_layout.addStretch(1)
        head = self.tr("The PDF report's first %1 page(s), as they will print:").replace("%1", str(len(images)))
        self.summary.setText(head + (" " + note if note else ""))
        self.stack.setCurrentWidget(self.pages_scroll)

    def _preview_tables(self, opts: dict) -> None:
        try:
            tables = self._tables_for(opts["park"], "monthly" if opts["format"] == "pdf" else opts["resolution"])
            parts = self._preview_for(tables, opts["format"], opts["english_headers"])
        except ValueError as exc:
            self._show_error(exc)
            return
        if opts["format"] == "pdf":
            head = self.tr("A PDF report of run %1: key figures, monthly yield and consumption, losses, "
                           "P50/P90, CO₂ and assumptions. Its tables start like this:").replace("%1", str(tables.run_id))
        else:
            head = self.tr("Run %1, %2 table(s); units in the headers, times with their UTC offset:") \
                .replace("%1", str(tables.run_id)).replace("%2", str(len(parts)))
        self.summary.setText(head)
        lines = []
        for part in parts:
            n, m = part["shape"]
            size = self.tr("%1 rows × %2 columns").replace("%1", str(n)).replace("%2", str(m))
            lines.append(f"── {part['name']} ({size}) ──")
            lines.append(" | ".join(str(h) for h in part["header"]))
            for r in part["rows"]:
                lines.append(" | ".join("" if v is None else (_num(v) if isinstance(v, float) else str(v))
                                        for v in r))
            if n > len(part["rows"]):
                lines.append("…")
            lines.append("")
        self.preview.setPlainText("\n".join(lines))
        self.stack.setCurrentWidget(self.preview)
