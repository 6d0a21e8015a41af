"""The report document: a park's pages, or the fleet's pages with every park's pages as an appendix, laid
out on A4 with a header and numbered footer, written as PDF or rendered to images for a preview."""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround)

import datetime as _dt
import html
import os
import sys
from typing import Optional

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QFont, QGuiApplication, QTextDocument

from solarfleet.app.report.charts import ReportCharts
from solarfleet.app.report.fleet_pages import FleetPages
from solarfleet.app.report.paging import PagedDocument
from solarfleet.app.report.park_pages import ParkPages, ReportContext
from solarfleet.models.export.local_units import LocalUnits

__all__ = ["PdfReport", "write_report_pdf", "render_report_pages", "ensure_gui_application"]

#: Font families in order of preference: a Latin sans first (its digits stay searchable and copyable in
#: the PDF; Noto CJK's are not extracted by PDF readers), then CJK families for Chinese and Japanese text
#: on Linux, Windows and macOS. Qt falls back along the list glyph by glyph.
_FAMILIES = {"en": ["DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Noto Sans CJK SC"],
             "zh_CN": ["DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Noto Sans CJK SC", "Microsoft YaHei",
                       "PingFang SC"],
             "ja_JP": ["DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Noto Sans CJK JP", "Yu Gothic",
                       "Hiragino Sans"]}
_STYLE = ("h1{font-size:17pt;color:#1f3d5c} h2{font-size:12.5pt;color:#1f3d5c;margin-top:10px}"
          "h3{font-size:10pt;color:#1f3d5c} td,th{padding:2px 4px} th{background:#e8eef5;text-align:left}")


def report_font() -> QFont:
    from solarfleet.app.i18n import current_language
    f = QFont()
    f.setFamilies(_FAMILIES.get(current_language(), _FAMILIES["en"]))
    return f


def report_units(wan: Optional[bool] = None) -> LocalUnits:
    """The installed language's report conventions (万kWh and utilisation hours in Chinese, …);
    ``wan`` False writes MWh in a Chinese report too (None: the language's default)."""
    from solarfleet.app.i18n import current_language
    lang = current_language()
    return LocalUnits(lang if lang in ("zh_CN", "ja_JP") else "en", wan=wan)


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication (offscreen when there is no display)."""
    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1])
    return app


class PdfReport(QObject):
    """The report of a park or of the fleet.

    Parameters
    ----------
    store : solarfleet.models.store.Store
    park : str, optional
        None for the fleet report.
    run_id : int, optional
        Default: the newest run (holding the park).
    project : dict, optional
        Project fields; default those remembered in the store (:func:`~solarfleet.models.store.get_report_project`).
    include_study : bool
        P50/P90 from the newest stored yield study covering the scope.
    appendix : bool
        Fleet report: the park pages as an appendix (the export dialog's preview leaves them out).
    wan : bool, optional
        Chinese report: energies in 万kWh (True, the default) or MWh (False).
    """

    def __init__(self, store, park: Optional[str] = None, run_id: Optional[int] = None,
                 project: Optional[dict] = None, include_study: bool = True, appendix: bool = True,
                 wan: Optional[bool] = None):
        super().__init__()
        from solarfleet.models.export.tables import report_tables
        from solarfleet.models.store import get_report_project, load_fleet
        self.store = store
        self.include_study, self.appendix = include_study, appendix
        self.tables = report_tables(store, park, "monthly", run_id, with_study=include_study)
        self.park = self.tables.park
        self.study = self.tables.study
        self.ctx = ReportContext(store=store, project=project if project is not None else get_report_project(store),
                                 fleet_parks={p.name: p for p in load_fleet(store).parks},
                                 charts=ReportCharts(report_font()),
                                 created=_dt.date.today().isoformat(), units=report_units(wan))
        self._html: Optional[str] = None

    def title(self) -> str:
        return self.tr("Yield report") + " — " + (self.park or self.tr("Fleet"))

    def html(self) -> str:
        """The whole report as HTML (charts referenced as ``chart://`` resources)."""
        if self._html is None:
            if self.park:
                body = ParkPages(self.tables, self.ctx).html()
            else:
                body = FleetPages(self.tables, self.ctx).html() + (self._appendix() if self.appendix else "")
            self._html = "<html><body>" + body + "</body></html>"
        return self._html

    def _appendix(self) -> str:
        from solarfleet.models.export.tables import report_tables
        parts = []
        summary = self.tables.summary
        for i, name in enumerate(summary.index[summary["level"] == "park"]):
            t = report_tables(self.store, name, "monthly", self.tables.run_id, with_study=self.include_study)
            head = "<h1 style='page-break-before:always'>" + html.escape(
                self.tr("Appendix %1: %2").replace("%1", str(i + 1)).replace("%2", name)) + "</h1>"
            parts.append(head + ParkPages(t, self.ctx).html(first_page_break=False))
        return "".join(parts)

    def paged(self) -> PagedDocument:
        doc = QTextDocument()
        f = report_font()
        f.setPointSizeF(8.5)
        doc.setDefaultFont(f)
        doc.setDefaultStyleSheet(_STYLE)
        html_text = self.html()
        for url, img in self.ctx.images.items():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), img)
        pages = PagedDocument(doc, self.title(), self.ctx.project.get("project") or "")
        pages.set_html(html_text)
        return pages

    def write(self, path) -> int:
        """Write the PDF; return its page count."""
        return self.paged().write_pdf(path, self.title())


def _language(language: Optional[str]) -> None:
    app = ensure_gui_application()
    from solarfleet.app.i18n import install_language
    if language is not None or not getattr(app, "_solarfleet_language_set", False):
        install_language(language or "system")
        app._solarfleet_language_set = True


def write_report_pdf(store, path, park: Optional[str] = None, run_id: Optional[int] = None,
                     language: Optional[str] = None, project: Optional[dict] = None,
                     include_study: bool = True, wan: Optional[bool] = None) -> int:
    """Write the PDF report of ``park`` (or the fleet) to ``path``; return the page count.

    Parameters
    ----------
    language : {'en', 'zh_CN', 'ja_JP'}, optional
        Installs that language when given; otherwise the running application's language is kept
        (a new headless application follows the system's).
    project : dict, optional
        Project fields (default: those remembered in the store).
    wan : bool, optional
        Chinese report: energies in 万kWh (default) or, when False, MWh.
    """
    _language(language)
    return PdfReport(store, park, run_id, project, include_study, wan=wan).write(path)


def render_report_pages(store, park: Optional[str] = None, width_px: int = 500, max_pages: Optional[int] = None,
                        project: Optional[dict] = None, include_study: bool = True,
                        appendix: bool = True, wan: Optional[bool] = None) -> list:
    """The report's pages as QImages ``width_px`` wide (the first ``max_pages``), as the PDF will print them."""
    ensure_gui_application()
    pages = PdfReport(store, park, project=project, include_study=include_study, appendix=appendix, wan=wan).paged()
    n = pages.page_count() if max_pages is None else min(max_pages, pages.page_count())
    return pages.render(width_px, range(n))
