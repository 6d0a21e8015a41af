"""The dual-carbon ledger (models/energy/ledger.py, carbon_targets.py, store/carbon.py), checked by hand."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from solarfleet.models.energy.battery import Battery
from solarfleet.models.energy.carbon import CarbonError
from solarfleet.models.energy.carbon_targets import CarbonTarget, TargetError, target_path, trajectory, what_if
from solarfleet.models.energy.ledger import build_ledger, ledger_tables, summary
from solarfleet.models.store import (add_load_series, add_user_factor, carbon_targets, certificate_records,
                                     factor_table, get_carbon_target, import_fleet, set_carbon_target,
                                     set_certificates, set_green_contract, user_factors)

KUNSHAN, GUAN = "Kunshan Asia No.1", "Gu'an Asia No.1 (Langfang)"
F_EAST_2023, F_NORTH_2023, F_MARKET_2023 = 0.5500, 0.6361, 0.6096   # shared/reference/README.md
TZ = "Asia/Shanghai"


def _index(year=2023, months=2):
    """Hourly UTC interval starts covering local January (and February) of ``year``."""
    start = pd.Timestamp(f"{year}-01-01", tz=TZ).tz_convert("UTC")
    end = (pd.Timestamp(f"{year}-01-01", tz=TZ) + pd.DateOffset(months=months)).tz_convert("UTC")
    return pd.date_range(start, end, freq="h", inclusive="left")


def _load(idx, base_w):
    hour = idx.tz_convert(TZ).hour.to_numpy()
    return pd.Series(base_w * (1.0 + 0.5 * ((hour >= 8) & (hour < 20))), index=idx)


def _pv(idx, peak_w):
    hour = idx.tz_convert(TZ).hour.to_numpy()
    return pd.Series(np.maximum(0.0, np.sin((hour - 6) / 12 * np.pi)) * peak_w, index=idx)


@pytest.fixture
def store(file_store, demo_fleet):
    import_fleet(file_store, demo_fleet)
    idx = _index()
    add_load_series(file_store, KUNSHAN, _load(idx, 800e3), {"interval_minutes": 60}, meter="main")
    add_load_series(file_store, GUAN, _load(idx, 1.5e6), {"interval_minutes": 60}, meter="synthetic",
                    kind="synthetic")
    return file_store


PEAKS = {KUNSHAN: 2.0e6, GUAN: 1.2e6}


def pv_for(park):
    return _pv(_index(), PEAKS[park.name])


def _parks(demo_fleet):
    return [demo_fleet.park(KUNSHAN), demo_fleet.park(GUAN)]


def _by_hand(name, month):
    """Import and export of one park and local month [kWh], without the balance code (no battery)."""
    idx = _index()
    load, pv = _load(idx, 800e3 if name == KUNSHAN else 1.5e6), pv_for(type("P", (), {"name": name}))
    sel = idx.tz_convert(TZ).month == month
    imp = np.maximum(load - pv, 0.0)[sel].sum() / 1000.0
    exp = np.maximum(pv - load, 0.0)[sel].sum() / 1000.0
    return imp, exp, pv[sel].sum() / 1000.0


def test_scope2_per_park_and_month_recomputed_by_hand(store, demo_fleet):
    led = build_ledger(store, pv_for, _parks(demo_fleet))
    for name, f_loc in ((KUNSHAN, F_EAST_2023), (GUAN, F_NORTH_2023)):
        rows = led.park(name)
        assert list(rows.index) == ["2023-01", "2023-02"]
        for m, month in ((1, "2023-01"), (2, "2023-02")):
            imp, exp, pv = _by_hand(name, m)
            r = rows.loc[month]
            assert r["import_wh"] / 1000 == pytest.approx(imp, rel=1e-12)
            assert r["location_factor"] == f_loc and r["location_factor_year"] == 2023
            assert r["scope2_location_kg"] == pytest.approx(imp * f_loc, rel=1e-12)
            assert r["scope2_market_kg"] == pytest.approx(imp * F_MARKET_2023, rel=1e-12)
            assert r["avoided_export_kg"] == pytest.approx(exp * f_loc, rel=1e-12)
            assert r["certificates_issued"] == np.floor(pv / 1000)   # one per whole MWh
    assert led.park(KUNSHAN)["consumption_source"].eq("measured").all()
    assert led.park(GUAN)["consumption_source"].eq("modelled").all()
    assert (led.monthly["pv_source"] == "modelled").all()
    fleet = led.fleet_monthly()
    assert fleet.loc["2023-01", "scope2_location_kg"] == pytest.approx(
        _by_hand(KUNSHAN, 1)[0] * F_EAST_2023 + _by_hand(GUAN, 1)[0] * F_NORTH_2023, rel=1e-12)


def test_retained_certificates_make_the_whole_difference(store, demo_fleet):
    base = build_ledger(store, pv_for, _parks(demo_fleet)).park(KUNSHAN).loc["2023-01"]
    set_certificates(store, KUNSHAN, "2023-01", sold=100, retained=50)
    with_certs = build_ledger(store, pv_for, _parks(demo_fleet)).park(KUNSHAN).loc["2023-01"]
    imp_kwh = base["import_wh"] / 1000
    assert imp_kwh > 50_000   # the certificates do not cover the whole import
    assert with_certs["scope2_location_kg"] == base["scope2_location_kg"]
    # the bases differ by exactly the retained certificates' energy
    assert with_certs["import_wh"] - with_certs["market_basis_wh"] == pytest.approx(50 * 1e6, abs=1e-6)
    assert base["market_basis_wh"] == base["import_wh"]
    # every retained certificate (1 MWh) takes exactly 1,000 kWh × the market factor off market-based Scope 2
    assert base["scope2_market_kg"] - with_certs["scope2_market_kg"] == pytest.approx(50 * 1000 * F_MARKET_2023,
                                                                                       rel=1e-12)
    # location − market = import × (f_loc − f_mkt) + retained MWh × 1000 × f_mkt
    assert with_certs["scope2_location_kg"] - with_certs["scope2_market_kg"] == pytest.approx(
        imp_kwh * (F_EAST_2023 - F_MARKET_2023) + 50 * 1000 * F_MARKET_2023, rel=1e-12)
    # sold certificates change nothing in Scope 2
    set_certificates(store, KUNSHAN, "2023-01", sold=0, retained=50)
    again = build_ledger(store, pv_for, _parks(demo_fleet)).park(KUNSHAN).loc["2023-01"]
    assert again["scope2_market_kg"] == with_certs["scope2_market_kg"]


def test_contracts_and_instruments_beyond_import_are_not_negative(store, demo_fleet):
    set_green_contract(store, KUNSHAN, "2023-02", 10e6, "Jiangsu wind farm")   # 10 MWh
    r = build_ledger(store, pv_for, _parks(demo_fleet)).park(KUNSHAN).loc["2023-02"]
    assert r["scope2_market_kg"] == pytest.approx((r["import_wh"] - 10e6) / 1000 * F_MARKET_2023, rel=1e-12)
    set_certificates(store, KUNSHAN, "2023-02", sold=0, retained=int(r["certificates_issued"]))
    r2 = build_ledger(store, pv_for, _parks(demo_fleet)).park(KUNSHAN).loc["2023-02"]
    if r2["certificates_retained"] * 1e6 + 10e6 > r2["import_wh"]:
        assert r2["scope2_market_kg"] == 0.0
        assert r2["instruments_unused_wh"] == pytest.approx(r2["certificates_retained"] * 1e6 + 10e6
                                                            - r2["import_wh"])


def test_exported_pv_never_reduces_scope2(store, demo_fleet):
    base = build_ledger(store, pv_for, _parks(demo_fleet))
    idx = _index()
    load = _load(idx, 800e3)

    def more_export(park):   # extra PV only where PV already exceeds consumption: it can only be exported
        p = pv_for(park)
        return p + np.where(p >= load, 1.0e6, 0.0) if park.name == KUNSHAN else p
    more = build_ledger(store, more_export, _parks(demo_fleet))
    set_certificates(store, KUNSHAN, "2023-01", sold=300, retained=0)
    sold = build_ledger(store, more_export, _parks(demo_fleet))
    a, b, c = base.park(KUNSHAN), more.park(KUNSHAN), sold.park(KUNSHAN)
    assert (b["export_wh"] > a["export_wh"]).all() and (b["avoided_export_kg"] > a["avoided_export_kg"]).all()
    for col in ("scope2_location_kg", "scope2_market_kg", "import_wh"):
        assert b[col].tolist() == a[col].tolist() == c[col].tolist()


def test_what_if_changes_only_that_park_and_the_fleet(store, demo_fleet):
    led = build_ledger(store, pv_for, _parks(demo_fleet))
    w = what_if(led, GUAN, add_w=5e6, battery=Battery(capacity=2e6, power=1e6))
    dc = demo_fleet.park(GUAN).dc_capacity
    assert w.scale == pytest.approx((dc + 5e6) / dc)
    assert w.after["pv_wh"] == pytest.approx(w.before["pv_wh"] * w.scale, rel=1e-12)
    assert w.after["self_sufficiency"] > w.before["self_sufficiency"]
    pd.testing.assert_frame_equal(w.ledger.park(KUNSHAN), led.park(KUNSHAN))
    assert (w.ledger.park(GUAN)["scope2_location_kg"] < led.park(GUAN)["scope2_location_kg"]).all()
    assert (w.ledger.fleet_monthly()["scope2_location_kg"] < led.fleet_monthly()["scope2_location_kg"]).all()
    assert (w.ledger.park(GUAN)["certificates_issued"] > led.park(GUAN)["certificates_issued"]).all()
    with pytest.raises(TargetError, match="cannot remove"):
        what_if(led, GUAN, add_w=-dc - 1e3)
    removed = what_if(led, GUAN, add_w=-dc)
    assert removed.after["pv_wh"] == 0 and removed.ledger.park(GUAN)["certificates_issued"].eq(0).all()


def test_missing_factor_year_uses_nearest_and_says_so_or_is_refused(file_store, demo_fleet):
    import_fleet(file_store, demo_fleet)
    idx = _index(2025, months=1)
    add_load_series(file_store, KUNSHAN, _load(idx, 800e3), {"interval_minutes": 60}, meter="main")
    parks = [demo_fleet.park(KUNSHAN)]

    def pv25(park):
        return _pv(idx, 2e6)
    led = build_ledger(file_store, pv25, parks)
    r = led.park(KUNSHAN).loc["2025-01"]
    assert r["location_factor_year"] == 2023 and r["location_factor"] == F_EAST_2023
    assert "2025: no published factor, the 2023 factor is used" in led.warnings
    with pytest.raises(CarbonError, match="no published east emission factor for data year 2025"):
        build_ledger(file_store, pv25, parks, strict_years=True)
    add_user_factor(file_store, 2025, "east", 0.5200, "MEE announcement, data year 2025 (entered by hand)")
    add_user_factor(file_store, 2025, "national_excl_market_green", 0.6000, "MEE 2025")
    led = build_ledger(file_store, pv25, parks, strict_years=True)
    r = led.park(KUNSHAN).loc["2025-01"]
    assert (r["location_factor"], r["location_factor_year"], r["market_factor"]) == (0.52, 2025, 0.60)
    assert r["scope2_location_kg"] == pytest.approx(r["import_wh"] / 1000 * 0.52, rel=1e-12)
    src = ledger_tables(led)["factors"]
    assert "entered by hand" in src[src["Region"] == "east"]["Source"].iloc[0]


def test_user_factor_never_replaces_a_published_value(file_store):
    with pytest.raises(CarbonError, match="already has a east factor of 0.55"):
        add_user_factor(file_store, 2023, "east", 0.50, "somewhere")
    with pytest.raises(CarbonError, match="source of the factor is required"):
        add_user_factor(file_store, 2024, "east", 0.50, " ")
    with pytest.raises(CarbonError, match="unknown factor region"):
        add_user_factor(file_store, 2024, "mars", 0.50, "x")
    with pytest.raises(CarbonError, match="outside"):
        add_user_factor(file_store, 2024, "east", 0.0, "x")
    assert user_factors(file_store) == []
    add_user_factor(file_store, 2024, "east", 0.53, "MEE 2026")
    with pytest.raises(CarbonError, match="already has a east factor of 0.53"):
        add_user_factor(file_store, 2024, "east", 0.54, "MEE 2026 corrected")
    assert factor_table(file_store).factor("east", 2024) == (0.53, 2024)
    assert factor_table(file_store).factor("east") == (0.53, 2024)   # latest year now 2024


def test_missing_month_is_nan_not_zero(file_store, demo_fleet):
    import_fleet(file_store, demo_fleet)
    idx = _index()
    load = _load(idx, 800e3)
    load[idx.tz_convert(TZ).month == 2] = np.nan
    add_load_series(file_store, KUNSHAN, load, {"interval_minutes": 60}, meter="main")
    add_load_series(file_store, GUAN, _load(idx, 1.5e6), {"interval_minutes": 60}, meter="main")
    led = build_ledger(file_store, pv_for, _parks(demo_fleet))
    feb = led.park(KUNSHAN).loc["2023-02"]
    assert np.isnan(feb["scope2_location_kg"]) and feb["missing_intervals"] == 28 * 24
    assert np.isnan(led.fleet_monthly().loc["2023-02", "scope2_location_kg"])
    assert summary(led)["fleet"]["scope2_location_kg"] is None


def test_certificates_over_recorded_warn(store, demo_fleet):
    set_certificates(store, KUNSHAN, "2023-01", sold=10**6, retained=0)
    set_certificates(store, KUNSHAN, "2022-06", sold=1, retained=0)
    led = build_ledger(store, pv_for, _parks(demo_fleet))
    assert any("2023-01: 1000000 certificates recorded" in w for w in led.warnings)
    assert any("2022-06: certificate record outside" in w for w in led.warnings)
    assert [r["month"] for r in certificate_records(store, KUNSHAN)] == ["2022-06", "2023-01"]
    set_certificates(store, KUNSHAN, "2022-06", 0, 0)
    assert [r["month"] for r in certificate_records(store)] == ["2023-01"]
    with pytest.raises(ValueError, match="month: expected YYYY-MM"):
        set_certificates(store, KUNSHAN, "2023-13", 1, 1)
    with pytest.raises(ValueError, match="retained"):
        set_certificates(store, KUNSHAN, "2023-01", 1, -1)


def test_target_path_by_hand():
    t = CarbonTarget(None, peak_year=2026, reduction_pct=30, target_year=2035, neutrality_year=2060)
    p = target_path(t, range(2024, 2062), 1000.0)
    assert np.isnan(p[2025]) and p[2026] == 1000.0 and p[2035] == pytest.approx(700.0)
    assert p[2030] == pytest.approx(1000 - 300 * 4 / 9) and p[2060] == 0 and p[2061] == 0
    assert p[2050] == pytest.approx(700 * (10 / 25))
    with pytest.raises(TargetError, match="peak_year ≤ target_year"):
        CarbonTarget(None, 2040, 30, 2035, 2060)
    with pytest.raises(TargetError, match="reduction_pct"):
        CarbonTarget(None, 2030, 130, 2035, 2060)


def test_trajectory_needs_a_complete_year_and_targets_round_trip(store, demo_fleet):
    led = build_ledger(store, pv_for, _parks(demo_fleet))
    with pytest.raises(TargetError, match="no complete year"):
        trajectory(led)
    t = CarbonTarget(KUNSHAN, 2027, 40, 2035, 2055)
    set_carbon_target(store, t)
    set_carbon_target(store, CarbonTarget(None, 2028, 30, 2035, 2060))
    set_carbon_target(store, CarbonTarget(None, 2029, 30, 2035, 2060))
    assert get_carbon_target(store, KUNSHAN) == t
    assert [x.park for x in carbon_targets(store)] == [None, KUNSHAN]
    assert get_carbon_target(store).peak_year == 2029 and get_carbon_target(store, GUAN) is None


def test_trajectory_projects_degradation_by_hand(file_store, demo_fleet):
    import_fleet(file_store, demo_fleet)
    idx = _index(2023, months=12)
    add_load_series(file_store, KUNSHAN, _load(idx, 800e3), {"interval_minutes": 60}, meter="main")
    park = demo_fleet.park(KUNSHAN)
    led = build_ledger(file_store, lambda p: _pv(idx, 2e6), [park])
    t = CarbonTarget(None, 2026, 30, 2035, 2060)
    tr = trajectory(led, KUNSHAN, t)
    a = led.annual(KUNSHAN).loc[2023]
    caps = [(arr.dc_capacity, arr.degradation) for _, arr in park.iter_arrays()]
    d = sum(c * g for c, g in caps) / sum(c for c, _ in caps) / 100
    assert d > 0
    assert tr.loc[2023, "kind"] == "ledger" and tr.loc[2023, "scope2_location_kg"] == a["scope2_location_kg"]
    keep = (1 - d) ** 3
    imp = a["import_wh"] + a["self_consumed_wh"] * (1 - keep)
    assert tr.loc[2026, "kind"] == "projected"
    assert tr.loc[2026, "scope2_location_kg"] == pytest.approx(imp / 1000 * F_EAST_2023, rel=1e-12)
    assert tr.loc[2026, "pv_wh"] == pytest.approx(a["pv_wh"] * keep, rel=1e-12)
    assert "2026: no published factor, the 2023 factor is used" in tr.loc[2026, "factor_note"]
    assert tr.loc[2026, "target_kg"] == tr.loc[2026, "scope2_location_kg"]
    assert tr.loc[2035, "target_kg"] == pytest.approx(0.7 * tr.loc[2026, "scope2_location_kg"])
    assert tr.index[-1] == 2060 and tr.loc[2060, "target_kg"] == 0
    fleet = trajectory(led, None, t)
    assert fleet["scope2_location_kg"].tolist() == tr["scope2_location_kg"].tolist()


def test_what_if_trajectory_keeps_the_base_target(file_store, demo_fleet):
    from solarfleet.models.energy.carbon_targets import peak_level
    import_fleet(file_store, demo_fleet)
    idx = _index(2023, months=12)
    add_load_series(file_store, KUNSHAN, _load(idx, 800e3), {"interval_minutes": 60}, meter="main")
    led = build_ledger(file_store, lambda p: _pv(idx, 2e6), [demo_fleet.park(KUNSHAN)])
    t = CarbonTarget(None, 2026, 30, 2035, 2060)
    base = trajectory(led, None, t)
    w = what_if(led, KUNSHAN, add_w=2e6)
    moved = trajectory(w.ledger, None, t)
    kept = trajectory(w.ledger, None, t, peak_level_kg=peak_level(base, t))
    assert kept["target_kg"].equals(base["target_kg"])
    assert (moved.loc[2026:2059, "target_kg"] < base.loc[2026:2059, "target_kg"]).all()   # 2060: both 0
    assert (kept["scope2_location_kg"] < base["scope2_location_kg"]).all()


def test_ledger_modules_import_without_qt():
    import subprocess
    import sys
    code = ("import sys; import solarfleet.models.energy.ledger, solarfleet.models.energy.carbon_targets, "
            "solarfleet.models.store.carbon; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'solarfleet.app', "
            "'solarfleet.widgets'))]; print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr


def test_measured_pv_used_when_it_covers_the_consumption(store, demo_fleet):
    from solarfleet.models.store import add_measured_ac
    idx = _index()
    add_measured_ac(store, KUNSHAN, _pv(idx, 2e6)[: len(idx) // 2] * 0.9, 60, "meter file")
    led = build_ledger(store, pv_for, _parks(demo_fleet))
    assert led.park(KUNSHAN)["pv_source"].eq("modelled").all()      # half a period: the simulation, not a mix
    add_measured_ac(store, KUNSHAN, _pv(idx, 2e6) * 0.9, 60, "meter file")
    led = build_ledger(store, pv_for, _parks(demo_fleet))
    k = led.park(KUNSHAN)
    assert k["pv_source"].eq("measured").all() and led.park(GUAN)["pv_source"].eq("modelled").all()
    sel = idx.tz_convert(TZ).month == 1
    assert k.loc["2023-01", "pv_wh"] == pytest.approx(_pv(idx, 2e6)[sel].sum() * 0.9, rel=1e-12)


def test_a_given_balance_is_reused_for_modelled_pv_only(store, demo_fleet, monkeypatch):
    """``build_ledger(..., balance=)``: parks with modelled PV come from the given balance (not balanced again);
    a park with measured PV is balanced again with it, and every figure equals the ledger built alone."""
    from solarfleet.models.energy import balance_report as br
    from solarfleet.models.store import add_measured_ac
    add_measured_ac(store, KUNSHAN, _pv(_index(), 2e6) * 0.9, 60, "meter file")
    parks = _parks(demo_fleet)
    alone = ledger_tables(build_ledger(store, pv_for, parks))
    given = br.balance_report(store, parks, pv_for)  # what the report made with the simulated PV
    balanced = []
    real = br.balance_report
    monkeypatch.setattr(br, "balance_report", lambda s, ps, *a, **k: (balanced.extend(p.name for p in ps),
                                                                     real(s, ps, *a, **k))[1])
    reused = ledger_tables(build_ledger(store, pv_for, parks, balance=given))
    assert balanced == [KUNSHAN]  # Gu'an (modelled PV) was not balanced a second time
    for name in alone:
        pd.testing.assert_frame_equal(reused[name], alone[name], check_exact=False, rtol=1e-12)
    m = reused["monthly"]
    assert set(m.loc[m["Park"] == KUNSHAN, "PV data"]) == {"measured"}


def test_ledger_tables_for_report_and_xlsx(store, demo_fleet):
    set_certificates(store, KUNSHAN, "2023-01", sold=3, retained=7)
    led = build_ledger(store, pv_for, _parks(demo_fleet))
    t = ledger_tables(led)
    assert set(t) == {"monthly", "annual", "certificates", "factors"}
    m = t["monthly"]
    assert all("[" in c for c in m.columns if c not in ("Park", "Month", "Consumption data", "PV data",
                                                          "Grid factor data year", "Missing intervals"))
    k = m[(m["Park"] == KUNSHAN) & (m["Month"] == "2023-01")].iloc[0]
    imp, exp, _ = _by_hand(KUNSHAN, 1)
    assert k["Grid import [MWh]"] == pytest.approx(imp / 1000, rel=1e-12)
    assert k["Scope 2 location-based [t CO2]"] == pytest.approx(imp * F_EAST_2023 / 1000, rel=1e-12)
    assert k["Certificates retained [MWh]"] == 7 and k["Consumption data"] == "measured"
    fleet = m[(m["Park"] == "Fleet") & (m["Month"] == "2023-01")].iloc[0]
    both = (_by_hand(KUNSHAN, 1)[0] * F_EAST_2023 + _by_hand(GUAN, 1)[0] * F_NORTH_2023) / 1000
    assert fleet["Scope 2 location-based [t CO2]"] == pytest.approx(both, rel=1e-12)
    a = t["annual"]
    assert list(a["Park"]) == [KUNSHAN, GUAN, "Fleet"] and (a["Months"] == 2).all()
    c = t["certificates"]
    row = c[(c["Park"] == KUNSHAN) & (c["Month"] == "2023-01")].iloc[0]
    assert row["Not yet sold or retained"] == row["Certificates issued"] - 10
    f = t["factors"]
    assert set(f["Region"]) == {"east", "north", "national_excl_market_green"}
    assert f["Source"].str.contains("MEE").all()


def test_scaled_park_matches_the_what_if(demo_fleet):
    from solarfleet.models.energy.carbon_targets import scaled_park
    park = demo_fleet.park(GUAN)
    new, ratio = scaled_park(park, 1.5)
    assert new.dc_capacity == pytest.approx(park.dc_capacity * ratio) and abs(ratio - 1.5) < 0.05
    assert [r.name for r in new.roofs] == [r.name for r in park.roofs]
    with pytest.raises(TargetError, match="removes all PV"):
        scaled_park(park, 0.0)
