"""Render the Carbon view to PNG in English, Chinese and Japanese: ``python tests/screenshots_carbon.py OUTDIR``.

The demo fleet as a new user gets it (synthetic weather and loads), one real simulation run, the ledger with
a few certificates and a fleet target, and a what-if on Gu'an. Runs offscreen in a throw-away data dir; set
``QT_SCALE_FACTOR=1.25`` for the scaled shots. Writes ``carbon_<lang>_<tab>_<W>x<H>[@1.25].png``.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tests.shot_tools import throwaway_data_dir  # noqa: E402
throwaway_data_dir("solarfleet-carbon-shots-")


def ledger_and_targets(db):
    from solarfleet.app.cli import main as cli
    from solarfleet.models.energy.carbon_targets import what_if
    from solarfleet.models.energy.ledger import build_ledger
    from solarfleet.models.store import carbon_targets, latest_park_ac, open_store, set_certificates
    assert cli(["--db", str(db), "simulate"]) == 0
    assert cli(["--db", str(db), "carbon", "target", "set", "--fleet", "--peak-year", "2026", "--reduction-pct",
                "30", "--target-year", "2035", "--neutrality-year", "2060"]) == 0
    store = open_store(db)
    for m in range(1, 7):
        set_certificates(store, "Gu'an Asia No.1 (Langfang)", f"2023-{m:02d}", sold=200, retained=150)
    led = build_ledger(store, lambda p: latest_park_ac(store, p.name)[0])
    targets = {t.park: t for t in carbon_targets(store)}
    w = what_if(led, "Gu'an Asia No.1 (Langfang)", 5e6)
    store.close()
    return led, targets, w


def main(outdir: Path, sizes=((1366, 768), (1920, 1080))) -> int:
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from solarfleet.app.i18n import install_language
    from solarfleet.widgets.carbon_view import CarbonView
    outdir.mkdir(parents=True, exist_ok=True)
    led, targets, w = ledger_and_targets(Path(os.environ["SOLARFLEET_DATA_DIR"]) / "shots.db")
    scale = os.environ.get("QT_SCALE_FACTOR")
    for lang in ("en", "zh_CN", "ja_JP"):
        install_language(lang)
        for width, height in sizes:
            v = CarbonView()
            v.set_ledger(led, targets)
            v.resize(int(width / float(scale or 1)), int(height / float(scale or 1)))
            v.show()
            for tab, (scope, what) in enumerate([("", None), ("", None), ("Gu'an Asia No.1 (Langfang)", None)]):
                v.scope.setCurrentIndex(v.scope.findData(scope))
                v.tabs.setCurrentIndex(tab)
                if tab == 1:
                    v.scope.setCurrentIndex(v.scope.findData("Gu'an Asia No.1 (Langfang)"))
                    v.add_kwp.setValue(5000)
                    v.set_what_if(w)
                    v.scope.setCurrentIndex(v.scope.findData(""))   # the fleet: its target and the what-if
                for _ in range(5):
                    app.processEvents()
                v.monthly.flush()
                v.trajectory.flush()
                app.processEvents()
                name = f"carbon_{lang}_{['monthly', 'trajectory', 'certificates'][tab]}_{width}x{height}"
                path = outdir / (name + (f"@{scale}" if scale else "") + ".png")
                v.grab().save(str(path))
                print(path)
            from solarfleet.widgets.carbon_view import FactorDialog
            d = FactorDialog(led.inputs.factors, v)
            d.show()
            app.processEvents()
            path = outdir / (f"carbon_{lang}_factors_{width}x{height}" + (f"@{scale}" if scale else "") + ".png")
            d.grab().save(str(path))
            print(path)
            d.close()
            v.close()
            v.deleteLater()
    install_language("en")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "build" / "carbon-shots"))
