"""Screenshots of the live view during a simulated string fault (a real ParkSim polled on 127.0.0.1).

    QT_QPA_PLATFORM=offscreen python tests/screenshots_live.py OUTDIR 1366x768
    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=1.25 python tests/screenshots_live.py OUTDIR 1536x864

(1536×864 logical at 125 % is a 1920×1080 screen.) Writes ``live_detail_<lang>_<size>.png`` (strings
now), ``live_history_<lang>_<size>.png`` (the stored detail history of the last day: 1-minute snapshots) and
``live_history_year_<lang>_<size>.png`` (a year span: hourly roll-ups of 60 seeded days, mean and min–max
band) for en, zh_CN and ja_JP.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def seed_past(store, days: int = 60) -> None:
    """Snapshots every 15 min for ``days`` days before today, from each device's first stored one with a
    diurnal course (park time UTC+8) and PV3 of inv-01 weakening over the last weeks; then rolled up."""
    import math

    import pandas as pd

    from solarfleet.models.store import add_live_details, live_detail_maintenance, live_details
    now = pd.Timestamp.now(tz="UTC").floor("h")
    for device in ("inv-01", "inv-02"):
        (t_first, first), = live_details(store, device, last=None)[:1]
        snaps = []
        for k in range(days * 96):
            t = now - pd.Timedelta(days=days + 1) + pd.Timedelta(minutes=15 * k)
            sun = max(0.0, math.sin(math.pi * ((t.hour + 8 + t.minute / 60) % 24 - 6) / 12))
            weak = 0.35 if device == "inv-01" and k > (days - 20) * 96 else 1.0

            def scale(key, v, label=None):
                if not isinstance(v, float) or key not in ("ac_power", "dc_power", "dc_current", "current",
                                                           "current_a", "current_b", "current_c"):
                    return v
                return v * sun * (weak if label == "PV3" else 1.0) * (0.9 + 0.1 * math.sin(k / 7.0))
            snaps.append((device, t, {u: {key: ([{kk: scale(kk, vv, tr.get("label")) for kk, vv in tr.items()}
                                                 for tr in v] if key == "mppt" else scale(key, v))
                                          for key, v in q.items()} for u, q in first.items()}))
        add_live_details(store, snaps, park="Kunshan Asia No.1")
    live_detail_maintenance(store)


def main(outdir: Path, size: str) -> int:
    from PySide6.QtWidgets import QApplication

    from solarfleet.app.i18n import install_language
    from solarfleet.models.live.modbus_link import quiet_pymodbus
    from solarfleet.models.live.park_sim import ParkSim
    from solarfleet.models.live.session import LiveSession
    from solarfleet.models.live.source import Poller
    from solarfleet.models.store import live_detail_chart, live_details, open_store
    from solarfleet.widgets.live_view import LiveView

    quiet_pymodbus()
    app = QApplication.instance() or QApplication([])
    w_px, h_px = (int(v) for v in size.split("x"))
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, ParkSim(4, 2, lambda t: 200e3, lambda t: 260e3) as sim:
        db = Path(tmp) / "shots.db"
        open_store(db).close()
        # detail snapshots every 0.5 s (the app's default is one a minute) so a few seconds of polling
        # store a trend: healthy strings first, then PV3 of inv-01 fading and inv-03 in a ground fault
        session = LiveSession(Poller(sim.devices(), interval=0.3), db, park="Kunshan Asia No.1",
                              flush_interval=0.3, detail_interval=0.5)
        session.start()
        try:
            for k in range(60):
                if k == 30:
                    sim.string_fault(0, 2, 0.35)
                    sim.fault(2, "ground_fault")
                session.poll()
                time.sleep(0.1)
            reader = open_store(db)
            seed_past(reader)

            def history(view, device):
                import pandas as pd
                now = pd.Timestamp.now(tz="UTC")
                since = now - pd.Timedelta(days=view.detail.span_days())
                view.set_detail_history(device, live_details(reader, device, last=1),
                                        live_detail_chart(reader, device, since, now, now=now))
            for lang in ("en", "zh_CN", "ja_JP"):
                install_language(lang)
                view = LiveView()
                view.set_park("Kunshan Asia No.1", "Asia/Shanghai")
                view.set_source({"kind": "devices"})
                view.set_state("running")
                view.detailHistoryRequested.connect(lambda device, v=view: history(v, device))
                view.resize(w_px, h_px)
                view.show()
                t0 = time.monotonic()
                while time.monotonic() - t0 < 2.5:
                    view.apply_update(session.poll())
                    app.processEvents()
                    time.sleep(0.1)
                view.device_table.selectRow(0)
                view.apply_update(session.poll())
                view.flush()
                app.processEvents()
                path = outdir / f"live_detail_{lang}_{size}.png"
                view.grab().save(str(path))
                print(path)
                view.detail.tabs.setCurrentIndex(1)   # the stored history of the selected device
                app.processEvents()
                from PySide6.QtWidgets import QScrollArea
                area = view.detail.parentWidget()
                while not isinstance(area, QScrollArea):
                    area = area.parentWidget()
                bar = area.verticalScrollBar()
                bar.setValue(bar.maximum())           # scrolled down to the chart, as a user on a small screen
                app.processEvents()
                path = outdir / f"live_history_{lang}_{size}.png"
                view.grab().save(str(path))
                print(path)
                box = view.detail.span_box
                box.setCurrentIndex(box.findData("year"))
                box.activated.emit(box.currentIndex())    # as the user's choice: the view asks for the year
                app.processEvents()
                path = outdir / f"live_history_year_{lang}_{size}.png"
                view.grab().save(str(path))
                print(path)
                view.close()
                view.deleteLater()
                app.processEvents()
            reader.close()
        finally:
            session.stop()
            install_language("en")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "1366x768"))
