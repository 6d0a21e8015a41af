"""Render the main views to PNG in English, Chinese and Japanese: ``python tests/screenshots.py [OUTDIR]``.

The app runs as a new user starts it: demo fleet, its synthetic weather and loads, the real simulation
(app/gui/wiring.py). Runs offscreen in a throw-away data dir; writes ``resources/screenshots/<lang>_<view>.png``
at the true size of a 1366 × 768 laptop. With ``SOLARFLEET_SHOT=1920`` it renders a 1920 × 1080 screen at
125 % instead (QT_SCALE_FACTOR=1.25, a 1536 × 864 window in logical pixels) and names the files
``<lang>_<view>_1920@125.png``.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tests.shot_tools import settle, throwaway_data_dir, wait_for  # noqa: E402
throwaway_data_dir()
HIGH = os.environ.get("SOLARFLEET_SHOT") == "1920"
if HIGH:
    os.environ["QT_SCALE_FACTOR"] = "1.25"
SIZE = (1536, 864) if HIGH else (1366, 768)  # logical pixels of the window: the whole screen
SUFFIX = "_1920@125" if HIGH else ""


def main(outdir: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from solarfleet.app.__main__ import build

    qapp, application = build(["--lang", "en"])
    app = QApplication.instance()
    outdir.mkdir(parents=True, exist_ok=True)


    s = application.session
    wait_for(lambda: not s.runs.is_running(), 120, step_ms=100)  # auto-run on first start
    shanghai = next(p for p in s.fleet.fleet.parks if "Shanghai" in p.name)
    # live view: the replay of Shanghai from 06:00 today at 2400× (40 min of model time per real second)
    import pandas as pd
    from solarfleet.app.gui.live_controller import SourceSpec
    live = s.live
    today = pd.Timestamp.now(tz=shanghai.tz).normalize()
    live.set_source(SourceSpec(kind="replay", speed=2400.0, tick=0.25, start=today + pd.Timedelta(hours=6)))
    live.flush_interval = 0.5
    live.set_park(shanghai.name)
    written = []

    def worker_done(worker):
        return worker not in s.pool.running()

    for lang in ("en", "zh_CN", "ja_JP"):
        application.set_language(lang)
        w = application.window
        w.resize(*SIZE)
        settle(200)

        def shot(name):
            for plot in (w.yield_plot, w.heatmap, w.monthly, w.park_map, w.dashboard.waterfall, w.live_view):
                plot.flush()
            settle(250)
            path = outdir / f"{lang}_{name}{SUFFIX}.png"
            w.grab().save(str(path))
            written.append(path)

        w.panel.select_path((shanghai.name,))
        w.tabs.setCurrentWidget(w.overview.view)
        settle(1500)  # the overview is computed in a worker
        shot("overview")
        w.tabs.setCurrentWidget(w.dashboard)
        shot("dashboard")
        w.tabs.setCurrentWidget(w.yield_plot)  # opens on the typical week at today's date
        shot("yield")
        w.tabs.setCurrentWidget(w.forecast.view)
        worker = w.forecast.make_forecast(shanghai.name, "day", "")
        wait_for(lambda: worker is None or worker_done(worker), 60, step_ms=100)
        shot("forecast")
        w.tabs.setCurrentWidget(w.heatmap)
        shot("heatmap")
        w.panel.select_path(())
        w.tabs.setCurrentWidget(w.monthly)
        shot("monthly")
        w.tabs.setCurrentWidget(w.park_map)
        shot("map")
        roof = shanghai.roofs[0]
        w.panel.select_path((shanghai.name, roof.name, roof.arrays[0].name))
        w.array_editor.widgets["surface_tilt"].setText("95")
        w.array_editor.apply()  # refused: shows the reason in the editor
        w.tabs.setCurrentWidget(w.dashboard)
        shot("editor")
        w.array_editor.set_object(w.array_editor.obj)
    # the Live tab in each language, one after the other so the replay's model time moves little between them
    for lang in ("en", "zh_CN", "ja_JP"):
        application.set_language(lang)
        w = application.window
        w.resize(*SIZE)
        w.panel.select_path((shanghai.name,))
        w.tabs.setCurrentWidget(w.live_view)  # starts the replay the first time
        wait_for(lambda: live.state == "running", 30, step_ms=100)
        settle(10000 if lang == "en" else 1000)  # ~10 s of replay: 06:00 to about 12:40 model time
        w.live_view.flush()
        settle(250)
        w.grab().save(str(outdir / f"{lang}_live{SUFFIX}.png"))
        written.append(outdir / f"{lang}_live{SUFFIX}.png")
    live.stop()
    # dark scheme (what the OS's dark mode gives Qt): Fusion with a dark palette, window rebuilt in it
    from PySide6.QtGui import QColor, QPalette
    app.setStyle("Fusion")
    dark = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
                        (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#262626"),
                        (QPalette.ColorRole.Text, "#e6e6e6"), (QPalette.ColorRole.Button, "#353535"),
                        (QPalette.ColorRole.ButtonText, "#e6e6e6"), (QPalette.ColorRole.Highlight, "#2f65ca"),
                        (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.Mid, "#555555")):
        dark.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        dark.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    app.setPalette(dark)
    application.set_language("en")
    w = application.window
    w.resize(*SIZE)
    w.panel.select_path((shanghai.name,))
    w.tabs.setCurrentWidget(w.yield_plot)
    settle(200)
    w.yield_plot.flush()
    settle(200)
    w.grab().save(str(outdir / f"en_dark_yield{SUFFIX}.png"))
    written.append(outdir / f"en_dark_yield{SUFFIX}.png")
    application.shutdown()
    for p in written:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "resources" / "screenshots"))
