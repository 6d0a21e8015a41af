"""Languages of the app: English, Simplified Chinese, Japanese, through Qt's translators.

``.ts`` sources and compiled ``.qm`` files live in ``resources/i18n/``. Rebuild the ``.qm`` files with
``pyside6-lrelease resources/i18n/*.ts`` (it ships in the PySide6-Essentials wheel) and refresh the
sources from the code with ``pyside6-lupdate app widgets -ts resources/i18n/solarfleet_zh_CN.ts …``.
"""
from __future__ import annotations

import solarfleet.widgets as widgets  # noqa: F401  (first: the PySide6 6.12.0 refcount workaround, widgets/_pyside_fix.py)

import logging
from typing import Optional

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from solarfleet.models.resources import resource_path

__all__ = ["LANGUAGES", "system_language", "install_language", "current_language"]

log = logging.getLogger(__name__)

#: (code, name in its own language). Names are never translated: a user must find their own.
LANGUAGES = (("en", "English"), ("zh_CN", "简体中文"), ("ja_JP", "日本語"))

_installed: list[QTranslator] = []
_current = "en"


def system_language(locale: Optional[QLocale] = None) -> str:
    """The supported language closest to the OS (or ``locale``): ``'en'``, ``'zh_CN'`` or ``'ja_JP'``."""
    loc = locale or QLocale.system()
    for lang in loc.uiLanguages():
        low = lang.lower().replace("_", "-")
        if low.startswith("zh"):
            return "zh_CN"  # Traditional-script users read Simplified more easily than English
        if low.startswith("ja"):
            return "ja_JP"
        if low.startswith("en"):
            return "en"
    return "en"


def current_language() -> str:
    return _current


def install_language(code: str) -> str:
    """Install the translators of ``code`` ('' or 'system' = follow the OS) on the running application.

    Also sets the default :class:`QLocale`, so numbers and dates follow the language.
    Returns the code installed.
    """
    global _current
    app = QCoreApplication.instance()
    if code in ("", "system", None):
        code = system_language()
    if code not in {c for c, _ in LANGUAGES}:
        log.warning("unknown language %r, using English", code)
        code = "en"
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if code != "en":
        ours = QTranslator(app)
        if ours.load(str(resource_path("i18n", f"solarfleet_{code}.qm"))):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("translation %s not found", code)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator(app)  # Qt's own strings (dialog buttons, context menus)
        if qtbase.load(f"qtbase_{code}", qt_dir) or qtbase.load(f"qtbase_{code.split('_')[0]}", qt_dir):
            app.installTranslator(qtbase)
            _installed.append(qtbase)
    QLocale.setDefault(QLocale("en_US" if code == "en" else code))
    _current = code
    return code
