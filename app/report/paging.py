"""A4 pages from a QTextDocument: a page header, the body and a numbered footer, painted on any device.

The document is laid out once at :data:`DPI` (a 96-dpi image is its layout device, so the layout does not
depend on the screen); each page is then painted, scaled, on a :class:`QPdfWriter` (the report file) or on
a :class:`QImage` (the export dialog's preview) — the same pages on both.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround)

from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen, QTextDocument

__all__ = ["PagedDocument", "DPI", "PAGE_MM"]

#: Layout resolution of the document [dots per inch]; HTML pixel sizes are at this resolution.
DPI = 96.0
#: A4 portrait [mm].
PAGE_MM = (210.0, 297.0)
_MARGIN_MM = (15.0, 20.0, 15.0, 18.0)  # left, top (header), right, bottom (footer)


def _px(mm: float) -> float:
    return mm / 25.4 * DPI


class PagedDocument(QObject):
    """A laid-out document with a header and a "page n of N" footer on every page.

    Parameters
    ----------
    doc : QTextDocument
        Its HTML is set after construction (:meth:`set_html`), so the layout happens at :data:`DPI`.
    header_left, header_right : str
        Header texts (e.g. the report title and the project).
    """

    def __init__(self, doc: QTextDocument, header_left: str, header_right: str = ""):
        super().__init__()
        self.doc = doc
        self.header_left, self.header_right = header_left, header_right
        self._layout_device = QImage(8, 8, QImage.Format.Format_RGB32)
        dpm = int(round(DPI / 0.0254))
        self._layout_device.setDotsPerMeterX(dpm)
        self._layout_device.setDotsPerMeterY(dpm)
        doc.documentLayout().setPaintDevice(self._layout_device)
        self.page_size = QSizeF(_px(PAGE_MM[0]), _px(PAGE_MM[1]))
        left, top, right, bottom = (_px(v) for v in _MARGIN_MM)
        self.body = QRectF(left, top, self.page_size.width() - left - right,
                           self.page_size.height() - top - bottom)
        doc.setPageSize(self.body.size())
        doc.setDocumentMargin(0)

    def set_html(self, html: str) -> None:
        self.doc.setHtml(html)
        self._pages = None

    def page_count(self) -> int:
        if getattr(self, "_pages", None) is None:  # laying out is not free: once per document
            self._pages = self.doc.pageCount()
        return self._pages

    def paint_page(self, p: QPainter, n: int) -> None:
        """Paint page ``n`` (0-based) in :data:`DPI` units, origin at the page's top-left corner."""
        b = self.body
        total = self.page_count()
        font = self.doc.defaultFont()
        font.setPixelSize(int(round(_px(2.7))))  # pixels of the layout resolution: the same on every device
        p.setFont(font)
        p.setPen(QColor("#555555"))
        line_y = b.top() - _px(3)
        p.drawText(QRectF(b.left(), b.top() - _px(11), b.width() * 0.6, _px(7)),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, self.header_left)
        p.drawText(QRectF(b.left() + b.width() * 0.4, b.top() - _px(11), b.width() * 0.6, _px(7)),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, self.header_right)
        p.setPen(QPen(QColor("#1f3d5c"), 0.8))
        p.drawLine(QPointF(b.left(), line_y), QPointF(b.right(), line_y))
        p.drawLine(QPointF(b.left(), b.bottom() + _px(4)), QPointF(b.right(), b.bottom() + _px(4)))
        p.setPen(QColor("#555555"))
        footer = self.tr("Page %1 of %2").replace("%1", str(n + 1)).replace("%2", str(total))
        p.drawText(QRectF(b.left(), b.bottom() + _px(5), b.width(), _px(7)),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, footer)
        p.drawText(QRectF(b.left(), b.bottom() + _px(5), b.width() * 0.7, _px(7)),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, "SolarFleet")
        p.save()
        p.translate(b.left(), b.top() - n * b.height())
        clip = QRectF(0, n * b.height(), b.width(), b.height())
        p.setClipRect(clip)
        self.doc.drawContents(p, clip)
        p.restore()

    def write_pdf(self, path, title: str = "") -> int:
        """Write every page to ``path`` through a uniquely named temp file beside it (never a planted symlink;
        removed on any failure); return the page count."""
        from solarfleet.models.atomic import temp_path_beside
        with temp_path_beside(Path(path)) as tmp:
            self._print(tmp, title)
            if not tmp.read_bytes().startswith(b"%PDF"):
                raise OSError(f"{path}: Qt did not write a PDF (disk full or not writable?)")
        return self.page_count()

    def _print(self, target: Path, title: str) -> None:
        writer = QPdfWriter(str(target))
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
        writer.setResolution(300)
        writer.setTitle(title)
        writer.setCreator("SolarFleet")
        p = QPainter(writer)
        scale = writer.resolution() / DPI
        try:
            for n in range(self.page_count()):
                if n:
                    writer.newPage()
                p.save()
                p.scale(scale, scale)
                self.paint_page(p, n)
                p.restore()
        finally:
            p.end()
            del writer  # flush and close the file

    def render(self, width_px: int, pages=None) -> list:
        """Pages as white QImages ``width_px`` wide (all pages, or the 0-based indices in ``pages``)."""
        scale = width_px / self.page_size.width()
        out = []
        for n in (range(self.page_count()) if pages is None else pages):
            img = QImage(int(width_px), int(round(self.page_size.height() * scale)), QImage.Format.Format_RGB32)
            img.fill(QColor("white"))
            p = QPainter(img)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            p.scale(scale, scale)
            self.paint_page(p, n)
            p.end()
            out.append(img)
        return out
