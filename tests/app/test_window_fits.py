"""The window fits a 1366 × 768 laptop and a 1920 × 1080 screen at 125 % in every language (issue 16)."""
import pytest
from PySide6.QtCore import QPoint, QRect


@pytest.fixture
def application(qtbot, isolated_data_dir):
    from solarfleet.app.gui.application import Application, make_settings
    from solarfleet.app.gui.wiring import providers_for
    from solarfleet.app.paths import db_path
    app = Application(make_settings(), providers_for=providers_for)
    assert app.open(db_path(), seed_demo=True)
    qtbot.addWidget(app.window)
    yield app
    app.shutdown()


def _visible_in_window(widget, window) -> bool:
    """``widget`` is shown whole inside ``window`` (not clipped to a sliver by a too-narrow parent)."""
    top_left = widget.mapTo(window, QPoint(0, 0))
    rect = QRect(top_left, widget.size())
    return (widget.isVisible() and window.rect().contains(rect)
            and widget.width() >= widget.sizeHint().width() and widget.height() >= widget.sizeHint().height() - 2)


@pytest.mark.parametrize("lang", ["en", "zh_CN", "ja_JP"])
def test_minimum_size_fits_1280x720(qtbot, application, lang):
    application.set_language(lang)
    w = application.window
    qtbot.addWidget(w)
    hint = w.minimumSizeHint()
    assert hint.width() <= 1280 and hint.height() <= 720, (lang, hint)


@pytest.mark.parametrize("size", [(1366, 768), (1536, 864)])  # 1920 × 1080 at 125 % is 1536 × 864 logical px
def test_every_editor_shows_apply_and_revert(qtbot, application, size):
    w = application.window
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    park = application.session.fleet.fleet.parks[0]
    roof = park.roofs[0]
    for path, editor in (((park.name,), w.park_editor), ((park.name, roof.name), w.roof_editor),
                         ((park.name, roof.name, roof.arrays[0].name), w.array_editor)):
        assert w.panel.select_path(path)
        qtbot.wait(20)
        assert w.editor_stack.currentWidget() is editor
        for button in (editor.apply_button, editor.revert_button):
            assert _visible_in_window(button, w), (editor.title.text(), button.text(), button.geometry())
