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


@pytest.mark.parametrize("lang", ["en", "zh_CN", "ja_JP"])
@pytest.mark.parametrize("size", [(1366, 768), (1536, 864)])
def test_live_page_fits_its_tab(qtbot, isolated_data_dir, lang, size):
    """The Live page is no wider than its tab: the add-device button and the replay badge are on screen."""
    from solarfleet.app.gui.application import Application, make_settings
    from solarfleet.app.gui.wiring import providers_for
    from solarfleet.app.i18n import install_language
    from solarfleet.app.paths import db_path
    install_language(lang)
    application = Application(make_settings(), providers_for=providers_for)
    try:
        assert application.open(db_path(), seed_demo=True)
        _check_live_fits(qtbot, application.window, lang, size)
    finally:
        application.shutdown()
        install_language("en")


def _check_live_fits(qtbot, w, lang, size):
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    w.tabs.setCurrentWidget(w.live_view)
    qtbot.wait(50)
    area = w.live_view.parentWidget().parentWidget()  # the tab's scroll area (its viewport holds the page)
    assert w.live_view.minimumSizeHint().width() <= area.viewport().width(), (lang, size)
    assert w.live_view.width() <= area.viewport().width()
    for widget in (w.live_view.add_button, w.live_view.start_button):
        assert _visible_in_window(widget, w), (lang, size, widget.text())


def test_docks_widen_with_the_window_until_the_user_sets_them(qtbot, application):
    w = application.window
    w.show()
    qtbot.waitExposed(w)
    w.resize(1366, 768)
    qtbot.waitUntil(lambda: w._dock_sizes is not None)
    narrow = w.fleet_dock.width()
    w.resize(1536, 864)
    qtbot.waitUntil(lambda: w.fleet_dock.width() > narrow)
    assert w.fleet_dock.width() >= 350 and w.detail_dock.width() >= 350  # park names show in full
    tree = w.panel.view
    assert tree.columnWidth(0) >= tree.sizeHintForColumn(0) - 20


def _tab_row_fits(bar) -> bool:
    """Every tab of ``bar`` is shown whole: no scroll arrows, no tab narrower than its label needs."""
    from PySide6.QtWidgets import QToolButton
    arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
    whole = all(bar.tabRect(i).width() >= bar.tabSizeHint(i).width() and bar.rect().contains(bar.tabRect(i))
                for i in range(bar.count()))
    return not arrows and whole


@pytest.mark.parametrize("lang", ["en", "zh_CN", "ja_JP"])
def test_every_tab_label_shows_whole(qtbot, isolated_data_dir, lang):
    """At 1366 × 768 and 1920 × 1080 @125 % the central tabs fit between the docks: no scroll arrows, no
    elided label (the typical year's views share one tab)."""
    from solarfleet.app.gui.application import Application, make_settings
    from solarfleet.app.gui.wiring import providers_for
    from solarfleet.app.i18n import install_language
    from solarfleet.app.paths import db_path
    install_language(lang)
    application = Application(make_settings(), providers_for=providers_for)
    try:
        assert application.open(db_path(), seed_demo=True)
        w = application.window
        w.show()
        qtbot.waitExposed(w)
        assert w.tabs.count() >= 8 and w.fleet_dock.isVisible() and w.detail_dock.isVisible()
        for size in ((1366, 768), (1536, 864)):
            w.resize(*size)
            qtbot.waitUntil(lambda: w.width() == size[0] and w._dock_sizes is not None)
            qtbot.wait(20)
            bar = w.tabs.tabBar()
            labels = [bar.tabText(i) for i in range(bar.count())]
            assert _tab_row_fits(bar), (lang, size, labels, bar.width())
            w.tabs.setCurrentWidget(w.heatmap)
            qtbot.wait(10)
            assert w.tabs.currentWidget() is w.heatmap and _tab_row_fits(w.year_tabs.tabBar()), (lang, size)
    finally:
        application.shutdown()
        install_language("en")
