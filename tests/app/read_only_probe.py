"""Run as a separate process (``python -m tests.app.read_only_probe DB``) by ``test_read_only_files``: open the app
offscreen on DB, try to edit, and print one JSON line with what the user was shown."""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(db: str) -> None:
    from PySide6.QtWidgets import QApplication
    qapp = QApplication.instance() or QApplication([])
    import solarfleet.app.gui.application as application_module
    shown = []
    application_module.show_error = lambda summary, details, parent=None: shown.append(f"{summary} {details}")
    from solarfleet.app.gui.wiring import providers_for
    app = application_module.Application(application_module.make_settings(), providers_for=providers_for)
    opened = app.open(db)
    out = {"opened": opened, "errors": shown}
    if opened:
        s, w = app.session, app.window
        banner = getattr(w, "read_only_banner", None)
        out.update(read_only=s.read_only, banner=banner.text() if banner is not None else "",
                   title=w.windowTitle(), can_run=s.runs.available(), can_import=s.import_file is not None)
        app.shutdown()
    qapp.processEvents()
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
