"""The translations speak with one vocabulary: resources/i18n/glossary.csv.

Checks, per language:

* every message whose source text *is* a loss-step or KPI term (or a listed variant) in the
  glossary's contexts carries exactly the glossary's translation — so a term translated two ways
  fails;
* every message that *mentions* a general term (park, inverter, forecast, …) uses its one translation;
* the loss waterfall's step names come from one table (``widgets/loss_labels.py``) that both the
  dashboard and the PDF report use, and each step translates to the glossary's term.
"""
import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from solarfleet.models.glossary import LANGUAGES, load_glossary, term

REPO = Path(__file__).resolve().parents[2]
TS = {code: REPO / "resources" / "i18n" / f"solarfleet_{code}.ts" for code in LANGUAGES}

#: Messages that mention a general term but rightly do not repeat its translation, with the reason.
EXEMPT = {
    ("ArrayEditor", "Modules per string"): "直列枚数 / 每串组件数: the trade's word for it",
    ("LiveView", "of expected for"): "middle of a split sentence; the term sits in its first part",
    ("SurveyForm", "Modules up a row"): "列あたりの段数 / 每排纵向组件数: modules stacked up a row, counted in 段",
}


def _messages(path):
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.find("name").text
        for m in ctx.iter("message"):
            tr = m.find("translation")
            texts = [f.text for f in tr.findall("numerusform")] or [tr.text]
            out.append((name, m.find("source").text, texts))
    return out


def _mentions(source, word):
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", source.replace("&", ""), re.I) is not None


@pytest.mark.parametrize("code", LANGUAGES)
def test_exact_terms_have_one_translation(code):
    wrong = []
    for ctx, src, texts in _messages(TS[code]):
        for e in load_glossary().values():
            if e.match == "exact" and src in e.sources_in(ctx) and (ctx, src) not in EXEMPT:
                wrong += [(ctx, src, t, e.text(code)) for t in texts if t != e.text(code)]
    assert not wrong, "\n".join(f"[{c}] {s!r}: {t!r}, glossary {g!r}" for c, s, t, g in wrong)


@pytest.mark.parametrize("code", LANGUAGES)
def test_general_terms_translated_one_way(code):
    wrong = []
    for ctx, src, texts in _messages(TS[code]):
        if any(e.match == "exact" and src in e.sources_in(ctx) for e in load_glossary().values()):
            continue  # a term of its own (e.g. "Inverter clipping"), checked exactly above
        for e in load_glossary().values():
            if e.match != "word" or (ctx, src) in EXEMPT:
                continue
            if any(_mentions(src, w) for w in e.sources_in(ctx)):
                wrong += [(ctx, src, t, e.key, e.text(code)) for t in texts if e.text(code) not in t]
    assert not wrong, "\n".join(f"[{c}] {s!r}: {t!r} lacks {k} = {g!r}" for c, s, t, k, g in wrong)


def _label_table(path, func, call):
    """``{code: English label}`` from the dict literal in ``func`` of ``path`` whose values call ``call``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    fn = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == func)
    table = next(n for n in ast.walk(fn) if isinstance(n, ast.Dict))
    out = {}
    for k, v in zip(table.keys, table.values):
        assert isinstance(v, ast.Call) and call(v.func), ast.dump(v)
        out[k.value] = v.args[-1].value
    return out


def test_screen_and_report_name_loss_steps_from_one_table():
    table = _label_table(REPO / "widgets" / "loss_labels.py", "loss_label",
                         lambda f: isinstance(f, ast.Attribute) and f.attr == "translate")
    assert len(table) >= 10
    users = {"dashboard": REPO / "widgets" / "dashboard.py"}
    users.update({p.stem: p for p in (REPO / "app" / "report").glob("*.py")})
    importing = {k for k, p in users.items() if "from solarfleet.widgets.loss_labels import loss_label" in p.read_text()}
    assert "dashboard" in importing and len(importing) >= 2, f"loss steps named outside the shared table: {importing}"
    steps = {e.term: e for e in load_glossary().values() if e.kind == "loss"}  # glossary loss steps by English name
    assert sum(label in steps for label in table.values()) >= 10, "the shared table's steps are not in the glossary"
    for code in LANGUAGES:
        tr = {(c, s): t[0] for c, s, t in _messages(TS[code])}
        differ = {k: (tr[("Losses", label)], steps[label].text(code)) for k, label in table.items()
                  if label in steps and tr[("Losses", label)] != steps[label].text(code)}
        assert not differ, (code, differ)


def test_glossary_rows_are_complete_and_distinct():
    g = load_glossary()
    assert {"clipping", "soiling", "availability", "specific_yield", "dc_capacity", "row_rule_gb50797"} <= set(g)
    for code in LANGUAGES:
        seen = {}
        for e in g.values():
            if e.kind in ("loss", "kpi"):
                other = seen.setdefault(e.text(code), e.key)
                assert other == e.key or {other, e.key} <= {"degradation_loss", "degradation_rate"}, \
                    (code, e.text(code), other, e.key)
    # the words the issue names as wrong stay out of the clipping and soiling terms
    assert "限发" not in term("clipping", "zh_CN") and "出力制限" not in term("clipping", "ja_JP")
    assert "遮挡" not in term("soiling", "zh_CN")
    assert term("dc_capacity", "ja_JP") == "太陽電池容量（DC）"


#: Messages whose half-width colon is input syntax the user types (the parser reads ASCII ':'), not punctuation.
SYNTAX = {("TariffEditor", "One season per line: name: months | 24 letters from 00:00, v valley, f flat, p peak, "
                           "c critical peak")}


@pytest.mark.parametrize("code", LANGUAGES)
def test_full_width_punctuation_in_running_text(code):
    """Colons and parentheses in Chinese/Japanese text are full-width; file filters and (&X) accelerators stay ASCII."""
    cjk = r"[\u3040-\u30ff\u4e00-\u9fff（）]"
    bad = [(c, s, t) for c, s, texts in _messages(TS[code]) for t in texts if (c, s) not in SYNTAX
           and re.search(rf"{cjk}\s*[:;]\s|{cjk}(: |:$)|{cjk}\s?\((?![*&.])", t)]
    assert not bad, "\n".join(map(repr, bad))


def test_array_editor_loss_fields_read_as_the_glossary_steps():
    """The array editor labels a loss field "%1 loss" around the step's name: the result is the glossary term."""
    tree = ast.parse((REPO / "widgets" / "array_editor.py").read_text(encoding="utf-8"))
    table = next(n for n in ast.walk(tree) if isinstance(n, ast.Dict) and any(
        isinstance(k, ast.Constant) and k.value == "availability" for k in n.keys))
    labels = {k.value: v.args[0].value for k, v in zip(table.keys, table.values)}
    assert len(labels) == 8
    for code in LANGUAGES:
        tr = {(c, s): t[0] for c, s, t in _messages(TS[code])}
        loss = {"zh_CN": "损失", "ja_JP": "損失"}[code]
        for key, src in labels.items():
            composed = tr[("ArrayEditor", "%1 loss")].replace("%1", tr[("ArrayEditor", src)])
            want = term(key, code)
            assert composed in (want, want.removesuffix(loss) + loss) and not composed.endswith(loss + loss), \
                (code, key, composed, want)


def test_form_errors_are_worded_by_code_in_the_installed_language(qapp):
    from solarfleet.app.i18n import install_language
    from solarfleet.models.survey.layout import layout_roof
    from solarfleet.models.survey.site import RoofSurvey
    from solarfleet.models.validation import SurveyValueError
    from solarfleet.widgets.form_editor import reason_text
    with pytest.raises(SurveyValueError) as info:
        layout_roof(RoofSurvey.rectangle("R", 10, 4, module="Trina_Solar_TSM_360DE14A_II_", setback=2.5), 31.4)
    try:
        shown = {}
        for code in ("zh_CN", "ja_JP", "en"):
            install_language(code)
            shown[code] = (reason_text(info.value), reason_text("must be between 0 and 90"))
    finally:
        install_language("en")
    assert info.value.code.startswith("setback_")
    assert shown["zh_CN"][0].startswith("对该屋顶形状过大") and shown["zh_CN"][1] == "必须在 0 到 90 之间"
    assert shown["ja_JP"][0].startswith("屋根の形状に対して大きすぎます") and shown["ja_JP"][1] == "0～90 の範囲で入力してください"
    assert shown["en"] == (info.value.reason, "must be between 0 and 90")


def test_every_waterfall_step_the_engine_reports_has_a_name():
    from solarfleet.models.simulation.engine import LOSS_ITEMS
    table = _label_table(REPO / "widgets" / "loss_labels.py", "loss_label",
                         lambda f: isinstance(f, ast.Attribute) and f.attr == "translate")
    unnamed = [c for c in ("poa_nominal",) + LOSS_ITEMS + ("ac",) if c not in table]
    assert not unnamed, f"loss steps shown by their code (untranslated): {unnamed}"
