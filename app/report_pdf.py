"""PDF yield report of a park or the fleet, made with Qt (QTextDocument printed on a QPdfWriter).

Contents: assumptions (location, weather source, equipment, losses), a KPI table, the monthly
yield against consumption, the loss waterfall, P50/P90 (from the newest stored yield study),
CO₂ avoided, and the software version and run id. Text goes through ``tr()`` (context
``PdfReport``), so the report is in the app's language; charts are drawn with QPainter.

Used headless by ``solarfleet-cli export --format pdf`` (:func:`write_report_pdf` starts an
offscreen QGuiApplication when none runs) and by the app's File → Export.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround)

import html
import math
import os
import sys
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QMarginsF, QObject, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (QColor, QFont, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter,
                           QPen, QTextDocument)
from solarfleet.models.store import load_fleet, load_run, load_yield_study, run_arrays, run_parks

__all__ = ["PdfReport", "write_report_pdf", "ensure_gui_application"]

_W, _H = 1800, 780  # chart image size [px]; placed at 100 % of the text width
_BLUE, _ORANGE, _GREY, _RED, _GREEN = "#2f6db5", "#e08a2e", "#7f8c8d", "#c0392b", "#27ae60"
#: Font families in order of preference: a Latin sans first (its digits stay searchable and copyable in
#: the PDF; Noto CJK's are not extracted by PDF readers), then CJK families for Chinese and Japanese text
#: on Linux, Windows and macOS. Qt falls back along the list glyph by glyph.
_FAMILIES = {"en": ["DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Noto Sans CJK SC"],
             "zh_CN": ["DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Noto Sans CJK SC", "Microsoft YaHei",
                       "PingFang SC"],
             "ja_JP": ["DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Noto Sans CJK JP", "Yu Gothic",
                       "Hiragino Sans"]}


def _font() -> QFont:
    from solarfleet.app.i18n import current_language
    f = QFont()
    f.setFamilies(_FAMILIES.get(current_language(), _FAMILIES["en"]))
    return f


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new QGuiApplication (offscreen when there is no display)."""
    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1])
    return app


def _fmt(v, digits: int = 0) -> str:
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return "–"
    return f"{v:,.{digits}f}"


class PdfReport(QObject):
    """Builds the report document; ``tr()`` strings live in the ``PdfReport`` translation context."""

    def __init__(self, store, park: Optional[str] = None, run_id: Optional[int] = None):
        super().__init__()
        from solarfleet.models.export.tables import report_tables
        self.store = store
        self.tables = report_tables(store, park, "monthly", run_id)
        self.park = self.tables.park
        sid = self.tables.meta.get("yield_study_id")
        self.study = None if sid is None else load_yield_study(store, sid)

    # -- charts --------------------------------------------------------------------------------------
    def _painter(self, image: QImage) -> QPainter:
        image.fill(QColor("white"))
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        f = _font()
        f.setPixelSize(26)
        p.setFont(f)
        return p

    def monthly_chart(self) -> QImage:
        """Monthly AC energy (bars) against consumption (bars beside) [MWh]."""
        m = self.tables.monthly
        total_col = [c for c in m.columns if c.endswith("ac_energy [kWh]")][-1]
        pv = (m[total_col] / 1000.0).tolist()
        cons = (m["consumption [kWh]"] / 1000.0).tolist() if "consumption [kWh]" in m else None
        img = QImage(_W, _H, QImage.Format.Format_RGB32)
        p = self._painter(img)
        left, right, top, bottom = 140, 40, 70, 90
        w, h = _W - left - right, _H - top - bottom
        vmax = max([v for v in pv + (cons or []) if v == v] + [1e-9]) * 1.1
        step = _nice_step(vmax / 5)
        p.setPen(QPen(QColor("#dddddd"), 2))
        y = 0.0
        while y <= vmax:
            yy = top + h - y / vmax * h
            p.drawLine(QPointF(left, yy), QPointF(left + w, yy))
            p.setPen(QColor("#333333"))
            p.drawText(QRectF(0, yy - 18, left - 12, 36), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       _fmt(y, 0 if step >= 1 else 1))
            p.setPen(QPen(QColor("#dddddd"), 2))
            y += step
        p.setPen(QColor("#333333"))
        p.drawText(QRectF(0, 10, _W, 40), Qt.AlignmentFlag.AlignLeft, "  MWh")
        slot = w / 12.0
        bw = slot * (0.38 if cons else 0.7)
        months = [self.tr("Jan"), self.tr("Feb"), self.tr("Mar"), self.tr("Apr"), self.tr("May"), self.tr("Jun"),
                  self.tr("Jul"), self.tr("Aug"), self.tr("Sep"), self.tr("Oct"), self.tr("Nov"), self.tr("Dec")]
        for i in range(min(12, len(pv))):
            x0 = left + i * slot + slot * 0.1
            for j, (vals, color) in enumerate(((pv, _ORANGE), (cons, _BLUE))):
                if vals is None or vals[i] != vals[i]:
                    continue
                bh = vals[i] / vmax * h
                p.fillRect(QRectF(x0 + j * bw, top + h - bh, bw * 0.95, bh), QColor(color))
            p.drawText(QRectF(left + i * slot, top + h + 8, slot, 36), Qt.AlignmentFlag.AlignCenter, months[i])
        # legend
        items = [(self.tr("PV yield"), _ORANGE)] + ([(self.tr("Consumption"), _BLUE)] if cons else [])
        x = left + w - 520
        for label, color in items:
            p.fillRect(QRectF(x, 18, 30, 30), QColor(color))
            p.drawText(QRectF(x + 40, 12, 240, 40), Qt.AlignmentFlag.AlignVCenter, label)
            x += 280
        p.end()
        return img

    def waterfall_chart(self) -> QImage:
        """Loss waterfall from nominal POA energy to AC energy [MWh]; zero items left out."""
        losses = self.tables.losses["energy [kWh]"]
        nominal = float(losses.get("poa_nominal", float("nan")))
        ac = float(losses.get("ac", float("nan")))
        items = [(k, float(v)) for k, v in losses.items() if k not in ("poa_nominal", "ac") and abs(v) > 1e-6 * nominal]
        img = QImage(_W, _H + 200, QImage.Format.Format_RGB32)
        p = self._painter(img)
        left, right, top, bottom = 140, 40, 40, 300
        w, h = _W - left - right, _H + 200 - top - bottom
        vmax = nominal / 1000.0 * 1.05 if nominal == nominal and nominal > 0 else 1.0
        bars = [(self.tr("Nominal (POA)"), 0.0, nominal / 1000.0, _GREY)]
        level = nominal / 1000.0
        for k, v in items:
            v /= 1000.0
            bars.append((self._loss_name(k), level - v, level, _RED if v > 0 else _GREEN))
            level -= v
        bars.append((self.tr("AC output"), 0.0, ac / 1000.0, _ORANGE))
        slot = w / len(bars)
        p.setPen(QColor("#333333"))
        p.drawText(QRectF(0, 0, _W, 36), Qt.AlignmentFlag.AlignLeft, "  MWh")
        for i, (label, lo, hi, color) in enumerate(bars):
            y0, y1 = top + h - hi / vmax * h, top + h - lo / vmax * h
            x = left + i * slot + slot * 0.15
            p.fillRect(QRectF(x, y0, slot * 0.7, max(2.0, y1 - y0)), QColor(color))
            pct = (hi - lo) / (nominal / 1000.0) * 100 if nominal else float("nan")
            p.drawText(QRectF(left + i * slot - 10, y0 - 36, slot + 20, 34), Qt.AlignmentFlag.AlignCenter,
                       f"{pct:.1f} %" if 0 < i < len(bars) - 1 else _fmt(hi, 0))
            p.save()
            p.translate(left + i * slot + slot / 2 + 10, top + h + 12)
            p.rotate(-50)
            p.drawText(QRectF(-440, -20, 440, 40), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            p.restore()
        p.setPen(QPen(QColor("#333333"), 2))
        p.drawLine(QPointF(left, top + h), QPointF(left + w, top + h))
        p.end()
        return img

    def _loss_name(self, key: str) -> str:
        names = {"horizon_shading": self.tr("Horizon shading"), "row_shading": self.tr("Row shading"),
                 "aoi": self.tr("Angle of incidence"), "temperature_irradiance": self.tr("Temperature and irradiance"),
                 "soiling": self.tr("Soiling"), "shading": self.tr("Near shading"), "snow": self.tr("Snow"),
                 "mismatch": self.tr("Mismatch"), "wiring": self.tr("DC wiring"), "connections": self.tr("Connections"),
                 "lid": self.tr("Light-induced degradation"), "nameplate_rating": self.tr("Nameplate rating"),
                 "availability": self.tr("Availability"), "degradation": self.tr("Ageing"),
                 "inverter": self.tr("Inverter"), "clipping": self.tr("Inverter clipping")}
        return names.get(key, key)

    # -- the document --------------------------------------------------------------------------------
    def html(self) -> str:
        t = self.tables
        esc = html.escape
        k = t.kpi
        name = t.park if t.park else self.tr("Fleet")
        a = t.assumptions["value"]
        parts = [f"<h1>" + esc(self.tr("Yield report")) + f" — {esc(name)}</h1>",
                 "<p style='color:#555'>" + esc(self.tr("Run %1 · SolarFleet %2 · created %3")
                                                .replace("%1", str(t.run_id))
                                                .replace("%2", str(t.meta.get("software_version") or "?"))
                                                .replace("%3", t.meta["created_utc"])) + "</p>"]
        # KPIs
        rows = [(self.tr("DC capacity"), _fmt(k["dc_capacity_w"] / 1000.0, 1) + " kWp"),
                (self.tr("Annual AC energy"), _fmt(k["energy_wh"] / 1e6, 1) + " MWh"),
                (self.tr("Specific yield"), _fmt(k["specific_yield"], 0) + " kWh/kWp"),
                (self.tr("Performance ratio"), _fmt(100 * k["performance_ratio"] if k["performance_ratio"] else None, 1)
                 + " %"),
                (self.tr("Capacity factor"), _fmt(100 * k["capacity_factor"] if k["capacity_factor"] else None, 1)
                 + " %"),
                (self.tr("CO₂ avoided per year"), _fmt(k["co2_t"], 0) + " t")]
        parts.append(f"<h2>" + esc(self.tr("Key figures")) + f"</h2>" + _table(rows))
        # per entity
        head = [self.tr("Array") if t.park else self.tr("Park"), "kWp", "MWh", "kWh/kWp", "PR"]
        body = []
        for n, r in t.summary.iterrows():
            body.append([self.tr("Fleet") if r["level"] == "fleet" else n, _fmt(r["dc_capacity [kWp]"], 1), _fmt(r["ac_energy [kWh]"] / 1000.0, 1),
                         _fmt(r["specific_yield [kWh/kWp]"], 0), _fmt(r["performance_ratio [-]"], 3)])
        parts.append(_grid(head, body))
        # monthly chart
        parts.append(f"<h2>" + esc(self.tr("Monthly yield and consumption")) + f"</h2>"
                     "<p><img src='chart://monthly' width='600'></p>")
        if "consumption [kWh]" not in t.monthly:
            parts.append(f"<p><i>" + esc(self.tr("No consumption is stored for this scope.")) + f"</i></p>")
        # P50/P90
        parts.append(f"<h2 style='page-break-before:always'>" + esc(self.tr("Long-term yield (P50/P90)")) + f"</h2>")
        if self.study is None:
            parts.append(f"<p><i>" + esc(self.tr("No yield study yet: run solarfleet-cli yield or File → Export.")) + f"</i></p>")
        else:
            st = self.study.table
            sel = (st["level"] == ("park" if t.park else "fleet")) & (st["period"] == "year")
            if t.park:
                sel &= st["park"] == t.park
            if sel.any():
                r = st[sel].iloc[0]
                probs = [c for c in st.columns if c.startswith("P") and c[1:].isdigit()]
                parts.append(_grid([self.tr("Probability of exceedance")] + [c for c in probs],
                                   [[self.tr("Annual AC energy") + " [MWh]"] + [_fmt(r[c] / 1e6, 1) for c in probs]]))
                pr = self.study.projection
                pr = pr[(pr["level"] == ("park" if t.park else "fleet")) & (pr["park"] == (t.park or ""))]
                years = [pr.iloc[i] for i in (0, 9, len(pr) - 1) if i < len(pr)]
                parts.append(_grid([self.tr("Year"), self.tr("Degradation factor"), "P50 [MWh]", "P90 [MWh]"],
                                   [[str(int(y["year"])), f"{y['factor']:.3f}", _fmt(y["P50"] / 1e6, 1),
                                     _fmt(y["P90"] / 1e6, 1)] for y in years]))
                u = self.study.parameters.get("model_uncertainty", 0) * 100
                counts: dict = {}
                for pn, v in self.study.parks.items():
                    if not t.park or pn == t.park:
                        label = {"synthetic ensemble": self.tr("synthetic ensemble"),
                                 "measured years": self.tr("measured years")}.get(v["method"], v["method"])
                        counts.setdefault(f"{label} ({len(v['members'])})", []).append(pn)
                method = "; ".join(f"{m}: {', '.join(ps)}" if t.park else f"{m} × {len(ps)}"
                                   for m, ps in counts.items())
                parts.append("<p style='font-size:small'>" + esc(
                    self.tr("P50 is the median of the weather years simulated; P90 = P50 − 1.28 σ with σ combining "
                            "the year-to-year spread and a model uncertainty of %1 %. Weather years: %2.")
                    .replace("%1", f"{u:g}").replace("%2", method)) + "</p>")
        # losses
        parts.append(f"<h2>" + esc(self.tr("Losses")) + f"</h2><p><img src='chart://waterfall' width='600'></p>")
        # CO2
        factors = [float(v) for item, v in a.items() if item.endswith("co2.factor [kg/kWh]") and v is not None]
        shown = (f"{factors[0]:.3f}" if len(set(factors)) == 1 else f"{min(factors):.3f}–{max(factors):.3f}") \
            if factors else "–"
        parts.append(f"<h2>" + esc(self.tr("CO₂ avoided")) + f"</h2><p>" + esc(
            self.tr("%1 t of CO₂ per year, assuming all PV energy is used on site or exported, with the grid "
                    "emission factor of each park's region (%2 kg/kWh).")
            .replace("%1", _fmt(k["co2_t"], 0)).replace("%2", shown)) + "</p>")
        # assumptions
        parts.append(f"<h2 style='page-break-before:always'>" + esc(self.tr("Assumptions")) + f"</h2>")
        parts.append(self._assumptions_html())
        parts.append("<p style='color:#555;font-size:small'>" + esc(
            self.tr("Made with SolarFleet %1 (pvlib %2) from simulation run %3.")
            .replace("%1", str(t.meta.get("software_version") or "?"))
            .replace("%2", str(a.get("software.pvlib", "?"))).replace("%3", str(t.run_id))) + "</p>")
        return "<html><body>" + "".join(parts) + "</body></html>"

    def _assumptions_html(self) -> str:
        """Location, weather, equipment and loss parameters as tables (from the fleet and the run)."""
        t = self.tables
        esc = html.escape
        fleet = {p.name: p for p in load_fleet(self.store).parks}
        runs = {p["park"]: p for p in run_parks(self.store, t.run_id)}
        out = []
        opts = load_run(self.store, t.run_id).get("options") or {}
        out.append("<p>" + esc(self.tr("Model: transposition %1, angle-of-incidence %2, cell temperature %3, "
                                       "row shading %4.")
                               .replace("%1", str(opts.get("transposition"))).replace("%2", str(opts.get("aoi_model")))
                               .replace("%3", str(opts.get("temperature_model")))
                               .replace("%4", self.tr("on") if opts.get("row_shading") else self.tr("off"))) + "</p>")
        names = [t.park] if t.park else [n for n in runs]
        head = [self.tr("Park"), self.tr("Latitude"), self.tr("Longitude"), self.tr("Altitude"),
                self.tr("Time zone"), self.tr("Weather"), self.tr("Weather source")]
        body, sources = [], []
        for n in names:
            p, r = fleet.get(n), runs.get(n, {})
            w = r.get("weather") or {}
            kind = {"tmy": self.tr("typical year (TMY)"), "measured": self.tr("measured"),
                    "synthetic": self.tr("synthetic"), "clearsky": self.tr("clear sky")}.get(w.get("kind"),
                                                                                          str(w.get("kind")))
            if w.get("year"):
                kind += f" {w['year']}"
            src = str(w.get("source", "")) or "–"
            if src not in sources:
                sources.append(src)
            body.append([n, f"{p.latitude:.4f}°" if p else "–", f"{p.longitude:.4f}°" if p else "–",
                         f"{p.altitude:g} m" if p else "–", p.tz if p else "–", kind, f"[{sources.index(src) + 1}]"])
        out.append(_grid(head, body, small=True))
        out.append("<p style='font-size:7.5pt'>" + "<br>".join(f"[{i + 1}] {esc(x)}" for i, x in enumerate(sources))
                   + "</p>")
        if t.park and t.park in fleet:
            p = fleet[t.park]
            head = [self.tr("Array"), self.tr("Model"), self.tr("Module"), self.tr("Inverter"), "kWp",
                    self.tr("Tilt"), self.tr("Azimuth"), self.tr("Degradation")]
            arrays = {f"{r.roof}/{r.array}": r for r in run_arrays(self.store, t.run_id, t.park).itertuples()}
            body, lbody = [], []
            for roof, a in p.iter_arrays():
                key = f"{roof.name}/{a.name}"
                r = arrays.get(key)
                body.append([key, a.dc_model.upper(), a.module or "–",
                             a.inverter or f"PVWatts, DC/AC {a.dc_ac_ratio:g}",
                             _fmt(r.dc_capacity / 1000.0, 1) if r is not None else "–",
                             f"{r.surface_tilt:g}°" if r is not None else "–",
                             f"{r.surface_azimuth:g}°" if r is not None else "–", f"{a.degradation:g} %/a"])
                lo = a.losses
                lbody.append([key, f"{sum(lo.soiling) / len(lo.soiling):.1f}", f"{lo.shading:g}", f"{lo.snow:g}",
                              f"{lo.mismatch:g}", f"{lo.wiring:g}", f"{lo.connections:g}", f"{lo.lid:g}",
                              f"{lo.nameplate_rating:g}", f"{lo.availability:g}"])
            out.append(f"<h3>" + esc(self.tr("Equipment")) + f"</h3>" + _grid(head, body, small=True))
            labels = [self.tr("Soiling (mean)"), self.tr("Near shading"), self.tr("Snow"), self.tr("Mismatch"),
                      self.tr("DC wiring"), self.tr("Connections"), self.tr("Light-induced degradation"),
                      self.tr("Nameplate rating"), self.tr("Availability")]
            transposed = [[label] + [row[i + 1] for row in lbody] for i, label in enumerate(labels)]
            out.append(f"<h3>" + esc(self.tr("Loss parameters [%]")) + f"</h3>" + _grid(
                [self.tr("Loss")] + [row[0] for row in lbody], transposed, small=True))
        return "".join(out)

    def document(self) -> QTextDocument:
        doc = QTextDocument()
        f = _font()
        f.setPointSizeF(9.5)
        doc.setDefaultFont(f)
        doc.setDefaultStyleSheet("h1{font-size:18pt;color:#1f3d5c} h2{font-size:13pt;color:#1f3d5c;margin-top:14px}"
                                 "td,th{padding:3px 6px} th{background:#e8eef5;text-align:left}")
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://monthly"), self.monthly_chart())
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("chart://waterfall"), self.waterfall_chart())
        doc.setHtml(self.html())
        return doc

    def write(self, path) -> int:
        """Write the PDF; return its page count."""
        from solarfleet.models.atomic import temp_path_beside
        path = Path(path)
        with temp_path_beside(path) as tmp:  # a unique new file: never a planted symlink
            writer = QPdfWriter(str(tmp))
            writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                             QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
            writer.setResolution(300)
            writer.setTitle(self.tr("Yield report") + " — " + (self.park or self.tr("Fleet")))
            writer.setCreator("SolarFleet")
            doc = self.document()
            doc.print_(writer)
            del writer  # flush and close the file
            data = tmp.read_bytes()
            if not data.startswith(b"%PDF"):
                raise OSError(f"{path}: Qt did not write a PDF (disk full or not writable?)")
        return data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page>") or 1


def _nice_step(x: float) -> float:
    if x <= 0:
        return 1.0
    e = 10 ** math.floor(math.log10(x))
    for m in (1, 2, 2.5, 5, 10):
        if m * e >= x:
            return m * e
    return 10 * e


def _numeric(text) -> bool:
    t = str(text).replace(",", "").replace("°", "").replace("%", "").split(" ")[0]
    try:
        float(t)
        return True
    except ValueError:
        return False


def _table(rows) -> str:
    return ("<table cellspacing='0' border='0'>" + "".join(
        f"<tr><td>{html.escape(str(a))}</td><td align='right'><b>{html.escape(str(b))}</b></td></tr>" for a, b in rows)
            + "</table>")


def _grid(head, body, small: bool = False) -> str:
    style = " style='font-size:7.5pt'" if small else ""
    width = "" if small else " width='100%'"
    out = [f"<table cellspacing='0' border='1' style='border-collapse:collapse;border-color:#bbbbbb'{width}>"]
    out.append("<tr>" + "".join(f"<th{style}>{html.escape(str(h))}</th>" for h in head) + "</tr>")
    for r in body:
        out.append("<tr>" + "".join(f"<td{style}" + (" align='right'" if i and _numeric(c) else "")
                                    + f">{html.escape(str(c))}</td>" for i, c in enumerate(r)) + "</tr>")
    return "".join(out) + "</table>"


def write_report_pdf(store, path, park: Optional[str] = None, run_id: Optional[int] = None,
                     language: Optional[str] = None) -> int:
    """Write the PDF report of ``park`` (or the fleet) to ``path``; return the page count.

    Parameters
    ----------
    language : {'en', 'zh_CN', 'ja_JP'}, optional
        Installs that language when given; otherwise the running application's language is kept
        (a new headless application follows the system's).
    """
    app = ensure_gui_application()
    from solarfleet.app.i18n import install_language
    if language is not None or not getattr(app, "_solarfleet_language_set", False):
        install_language(language or "system")
        app._solarfleet_language_set = True
    report = PdfReport(store, park, run_id)
    return report.write(path)
