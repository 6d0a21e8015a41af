"""The yield report (PDF, A4, in the app's language) of a park or the fleet.

:mod:`.document` builds it from :func:`solarfleet.models.export.tables.report_tables`; :mod:`.park_pages` and
:mod:`.fleet_pages` hold the sections, :mod:`.charts` the charts and :mod:`.paging` the A4 pages with header
and numbered footer, written as PDF or rendered to images (the export dialog's preview).
"""
from solarfleet.app.report.document import PdfReport, ensure_gui_application, render_report_pages, write_report_pdf

__all__ = ["PdfReport", "write_report_pdf", "render_report_pages", "ensure_gui_application"]
