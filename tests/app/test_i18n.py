"""Translations: complete, placeholders kept, in step with the code, loadable; OS language mapping."""
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from solarfleet.app.i18n import LANGUAGES, install_language, system_language

REPO = Path(__file__).resolve().parents[2]
TS = {code: REPO / "resources" / "i18n" / f"solarfleet_{code}.ts" for code in ("zh_CN", "ja_JP")}


def _messages(path):
    for ctx in ET.parse(path).getroot().iter("context"):
        for m in ctx.iter("message"):
            yield ctx.find("name").text, m


@pytest.mark.parametrize("code", TS)
def test_every_message_translated_with_placeholders(code):
    n = 0
    for ctx, m in _messages(TS[code]):
        n += 1
        src = m.find("source").text
        tr = m.find("translation")
        assert tr.get("type") not in ("unfinished", "obsolete", "vanished"), (ctx, src)
        texts = [f.text for f in tr.findall("numerusform")] or [tr.text]
        for text in texts:
            assert text and text.strip(), (ctx, src)
            assert sorted(re.findall(r"%\d|%n", src)) == sorted(re.findall(r"%\d|%n", text)), (ctx, src, text)
            assert src.count("&") <= 1 and (("&" in src) == ("&" in text)), (ctx, src, text)
    assert n > 200


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="pyside6-lupdate not installed")
def test_ts_files_are_in_step_with_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p.relative_to(REPO)) for d in ("app", "widgets") for p in (REPO / d).rglob("*.py"))
    subprocess.run(["pyside6-lupdate", *files, "-ts", str(fresh), "-no-obsolete"], cwd=REPO, check=True,
                   capture_output=True)
    wanted = {(c, m.find("source").text) for c, m in _messages(fresh)}
    have = {(c, m.find("source").text) for c, m in _messages(TS["zh_CN"])}
    assert wanted - have == set(), "run pyside6-lupdate and translate the new strings (resources/i18n/README.md)"


def test_install_switches_text_and_locale(qapp):
    try:
        install_language("zh_CN")
        assert QCoreApplication.translate("Dashboard", "Self-consumption") == "自发自用率"
        assert QCoreApplication.translate("Dashboard", "Self-sufficiency") == "自给率"
        assert QLocale().language() == QLocale.Language.Chinese
        install_language("ja_JP")
        assert QCoreApplication.translate("Dashboard", "Self-consumption") == "自家消費率"
        assert QLocale().language() == QLocale.Language.Japanese
    finally:
        install_language("en")
    assert QCoreApplication.translate("Dashboard", "Self-consumption") == "Self-consumption"


@pytest.mark.parametrize("name, code", [("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"), ("ja_JP", "ja_JP"),
                                        ("en_GB", "en"), ("de_DE", "en")])
def test_system_language(name, code):
    assert system_language(QLocale(name)) == code
    assert code in {c for c, _ in LANGUAGES}
