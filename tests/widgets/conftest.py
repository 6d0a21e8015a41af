"""Widget tests run in a fixed English (US) locale so number formats are predictable."""
import pytest
from PySide6.QtCore import QLocale


@pytest.fixture(autouse=True)
def english_locale(qapp):
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(old)
