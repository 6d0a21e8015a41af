"""App tests: English locale and settings in the temp data dir."""
import pytest


@pytest.fixture(autouse=True)
def english(qapp):
    from solarfleet.app.i18n import install_language
    install_language("en")
    yield
    install_language("en")
