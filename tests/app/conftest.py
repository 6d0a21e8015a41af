"""App tests: English locale and settings in the temp data dir."""
import pytest


@pytest.fixture(autouse=True)
def english(qapp):
    from solarfleet.app.i18n import install_language
    install_language("en")
    yield
    install_language("en")


@pytest.fixture
def demo_application(qtbot, isolated_data_dir):
    """The app on a new database with the demo fleet seeded (not run), as a first start opens it."""
    from solarfleet.app.gui.application import Application, make_settings
    from solarfleet.app.gui.wiring import providers_for
    from solarfleet.app.paths import db_path
    app = Application(make_settings(), providers_for=providers_for)
    assert app.open(db_path(), seed_demo=True)
    qtbot.addWidget(app.window)
    yield app
    app.shutdown()
