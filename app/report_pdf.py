"""The PDF yield report; it lives in :mod:`solarfleet.app.report` (this name is kept for its callers)."""
from solarfleet.app.report import PdfReport, ensure_gui_application, render_report_pages, write_report_pdf

__all__ = ["PdfReport", "write_report_pdf", "render_report_pages", "ensure_gui_application"]
