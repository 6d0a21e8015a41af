"""Render File → Import module/inverter file and its refusal of a bad file to PNG in English, Chinese and Japanese:
``python tests/screenshots_equipment.py [OUTDIR]`` (run once as is for 1366×768, once with ``QT_SCALE_FACTOR=1.25``
for 1920×1080 at 125 %). Writes ``<lang>_<size>_equipment_menu.png`` (the File menu open) and
``<lang>_<size>_equipment_refused.png`` (the one-line error of the hand-written hostile .PAN file).
Offscreen, throw-away data dir.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tests.shot_tools import close_window, finish, screen_size, settle, throwaway_data_dir, wait_for  # noqa: E402
throwaway_data_dir()
HOSTILE = REPO / "tests" / "models" / "equipment_files" / "acme_hostile_vmp.pan"


def main(outdir: Path) -> int:
    import solarfleet.widgets as widgets  # noqa: F401
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    from solarfleet.app.gui import errors
    from solarfleet.app.gui.main_window import MainWindow
    from solarfleet.app.gui.session import open_session
    from solarfleet.app.i18n import install_language

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (held for the whole script)
    size_name, (width, height) = screen_size()
    outdir.mkdir(parents=True, exist_ok=True)
    data = Path(os.environ["SOLARFLEET_DATA_DIR"])
    session = open_session(data / "equipment.db", seed_demo=True)
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)


    written = []
    for lang in ("en", "zh_CN", "ja_JP"):
        install_language(lang)
        w = MainWindow(session, settings)
        w.resize(width, height)
        w.show()
        settle(300)
        menu = w.file_menu
        menu.popup(w.mapToGlobal(w.menuBar().geometry().bottomLeft()))
        settle(200)
        shot = w.grab()  # the window with the open menu drawn over it where it pops up
        painter = QPainter(shot)
        painter.drawPixmap(menu.pos() - w.pos(), menu.grab())
        painter.end()
        path = outdir / f"{lang}_{size_name}_equipment_menu.png"
        shot.save(str(path))
        written.append(path)
        menu.hide()
        got = []
        w.equipment.failed.connect(got.append)
        w.equipment.import_files([HOSTILE])
        wait_for(lambda: got, 30)
        settle(300)
        dialog = errors._open_dialogs[-1]
        path = outdir / f"{lang}_{size_name}_equipment_refused.png"
        dialog.grab().save(str(path))
        written.append(path)
        dialog.close()
        close_window(w)
    return finish(session, written, install_language)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots" / "equipment"))
