"""The fleet report's own pages: project, one summary table of every park with fleet totals, the fleet's
monthly balance, P50/P90 and carbon. The park pages follow as an appendix (:mod:`.park_pages`)."""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround)

import html

from PySide6.QtCore import QObject

from solarfleet.app.report.park_pages import _BOLD, ParkPages, ReportContext, _h, fmt, grid, kv_table
from solarfleet.models.glossary import term

__all__ = ["FleetPages"]


class FleetPages(QObject):
    """HTML of the fleet's pages.

    Parameters
    ----------
    tables : solarfleet.models.export.tables.ReportTables
        Of the fleet (``tables.park`` None).
    ctx : ReportContext
    """

    def __init__(self, tables, ctx: ReportContext):
        super().__init__()
        self.t, self.ctx = tables, ctx
        self.shared = ParkPages(tables, ctx)  # its P50/P90 and carbon sections take any scope

    def html(self) -> str:
        return "".join([self.project_page(), self.summary(), self.balance(), self.shared.exceedance_of(self.t),
                        self.shared.carbon_of(self.t)])

    def project_page(self) -> str:
        t, ctx = self.t, self.ctx
        pr = ctx.project
        rows = [(self.tr("Project"), pr.get("project") or "–"), (self.tr("Client"), pr.get("client") or "–"),
                (self.tr("Author"), pr.get("author") or "–"), (self.tr("Reference"), pr.get("reference") or "–"),
                (self.tr("Date"), ctx.date()),
                (self.tr("Software"), f"SolarFleet {t.meta.get('software_version') or '?'}"),
                (self.tr("Simulation run"), str(t.run_id)),
                (self.tr("Parks"), str(int((t.summary["level"] == "park").sum()))),
                (self.tr("DC capacity"), fmt(t.kpi["dc_capacity_w"] / 1000.0, 1) + " kWp")]
        out = [_h("h1", self.tr("Fleet yield report")), _h("h2", self.tr("Project")), kv_table(rows)]
        sites = [(n, q.latitude, q.longitude) for n, q in ctx.fleet_parks.items()]
        if sites:
            out.append(ctx.image("map", ctx.site_map(sites, None)[0], 420))
        return "".join(out)

    def summary(self) -> str:
        t, ctx = self.t, self.ctx
        rep = t.balance_report
        e, ratio, ut = ctx.energy, ctx.ratio, ctx.unit_text
        out = [_h("h2", self.tr("Summary per park"), True)]
        currency = rep.totals.get("currency") if rep is not None else None  # set when the parks share one
        savings = self.tr("Savings")
        if currency:
            money = lambda v: ctx.money_number(v, currency)[0]  # noqa: E731
            savings += f" [{ctx.money_number(0.0, currency)[1]}]"
        else:  # several currencies (or no tariff): each park's figure in its own, as the note says
            money = lambda v: fmt(v, 0)  # noqa: E731
        head = [self.tr("Park"), "kWp", ut("MWh"), "kWh/kWp", "PR", ut("P50 [MWh]"), ut("P90 [MWh]"), "SCR", "SSR",
                savings, self.tr("CO₂ [t]")]
        if ctx.units.use_hours:  # Chinese reports: specific yield as utilisation hours, numerically equal
            head[3] = term("utilisation_hours", ctx.units.language) + " [h]"
        body = []
        for name, r in t.summary.iterrows():
            b = rep.row(name) if rep is not None and r["level"] == "park" else None
            c = t.carbon["co2_avoided [t]"].get(name) if t.carbon is not None and len(t.carbon) else None
            cells = [name, fmt(r["dc_capacity [kWp]"], 1), e(r["ac_energy [kWh]"]),
                     fmt(r["specific_yield [kWh/kWp]"], 0), ratio(r["performance_ratio [-]"]),
                     e(r.get("P50 [kWh]", float("nan"))), e(r.get("P90 [kWh]", float("nan")))]
            if r["level"] == "fleet":
                tot = rep.totals if rep is not None else {}
                cells[0] = self.tr("Fleet")
                cells += [ratio(tot.get("self_consumption_ratio")), ratio(tot.get("self_sufficiency")),
                          money(tot.get("savings")), fmt(t.carbon["co2_avoided [t]"].sum() if t.carbon is not None
                                                          and len(t.carbon) else None, 1)]
                body.append([_BOLD] + cells)
            else:
                cells += [ratio(None if b is None else b["self_consumption_ratio"]),
                          ratio(None if b is None else b["self_sufficiency"]),
                          money(None if b is None else b["savings"]), fmt(c, 1)]
                body.append(cells)
        out.append(grid(head, body, small=True))
        out.append("<p style='font-size:7pt;color:#444'>" + html.escape(self.tr(
            "Energies: the simulation run's AC energy; P50/P90: one-year values of the newest yield study; SCR: "
            "self-consumed / PV; SSR: load met by own PV; savings in the tariffs' currency.")) + "</p>")
        return "".join(out)

    def balance(self) -> str:
        b = self.t.balance
        out = [_h("h2", self.tr("Fleet monthly balance"))]
        if b is None:
            out.append("<p><i>" + html.escape(self.tr("Not every park has a consumption: no fleet balance.")) +
                       "</i></p>")
            return "".join(out)
        months = self.ctx.charts.months()
        e, ratio, ut = self.ctx.energy, self.ctx.ratio, self.ctx.unit_text
        body = [[months[m - 1], e(r["pv [kWh]"]), e(r["consumption [kWh]"]), e(r["self_consumed [kWh]"]),
                 e(r["exported [kWh]"]), e(r["imported [kWh]"]), ratio(r["self_consumption_ratio [-]"]),
                 ratio(r["self_sufficiency [-]"])] for m, r in b.iterrows()]
        tot = self.t.balance_report.totals
        body.append([_BOLD, self.tr("Year"), e(tot["pv_wh"] / 1e3), e(tot["load_wh"] / 1e3),
                     e(tot["self_consumed_wh"] / 1e3), e(tot["export_wh"] / 1e3), e(tot["import_wh"] / 1e3),
                     ratio(tot["self_consumption_ratio"]), ratio(tot["self_sufficiency"])])
        out.append(grid([self.tr("Month"), ut("PV [MWh]"), ut(self.tr("Load [MWh]")), ut(self.tr("Self-cons. [MWh]")),
                         ut(self.tr("Export [MWh]")), ut(self.tr("Import [MWh]")), "SCR", "SSR"], body, small=True))
        return "".join(out)
