"""Screenshots of the live view during a simulated string fault (a real ParkSim polled on 127.0.0.1).

    QT_QPA_PLATFORM=offscreen python tests/screenshots_live.py OUTDIR 1366x768
    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=1.25 python tests/screenshots_live.py OUTDIR 1536x864

(1536×864 logical at 125 % is a 1920×1080 screen.) Writes ``live_detail_<lang>_<size>.png`` (strings
now) and ``live_history_<lang>_<size>.png`` (the stored detail history) for en, zh_CN and ja_JP.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main(outdir: Path, size: str) -> int:
    from PySide6.QtWidgets import QApplication

    from solarfleet.app.i18n import install_language
    from solarfleet.models.live.modbus_link import quiet_pymodbus
    from solarfleet.models.live.park_sim import ParkSim
    from solarfleet.models.live.session import LiveSession
    from solarfleet.models.live.source import Poller
    from solarfleet.models.store import live_details, open_store
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
            for lang in ("en", "zh_CN", "ja_JP"):
                install_language(lang)
                view = LiveView()
                view.set_park("Kunshan Asia No.1", "Asia/Shanghai")
                view.set_source({"kind": "devices"})
                view.set_state("running")
                view.detailHistoryRequested.connect(
                    lambda device, v=view: v.set_detail_history(device, live_details(reader, device)))
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
                path = outdir / f"live_history_{lang}_{size}.png"
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
