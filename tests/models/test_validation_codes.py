"""Validation errors carry a stable code and arguments; every reason the models raise has one, worded in zh/ja."""
import ast
import re
from pathlib import Path

import pytest

from solarfleet.models.glossary import LANGUAGES, OTHER_ERROR, classify_reason, error_catalog, error_message
from solarfleet.models.survey.site import RoofSurvey, SiteSurvey
from solarfleet.models.validation import FleetValueError, SurveyValueError, as_survey_error, check_number

MODELS = Path(__file__).resolve().parents[2] / "models"


def _sample(node):
    """The text a reason argument gives, with each interpolated value replaced by ``7``; None if not literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "7" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and _sample(node.left) is not None:
        return _sample(node.left) + (_sample(node.right) or "a, b")
    return None


def _reasons():
    for path in sorted(MODELS.rglob("*.py")):
        for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(n, ast.Call) and getattr(n.func, "id", None) in ("FleetValueError", "SurveyValueError") \
                    and len(n.args) >= 3 and _sample(n.args[2]) is not None:
                code = n.args[3] if len(n.args) > 3 else None  # an explicit code, or one found from the text
                yield f"{path.relative_to(MODELS)}:{n.lineno}", _sample(n.args[2]), code


def test_every_literal_reason_in_the_models_has_a_code():
    found = list(_reasons())
    assert len(found) > 60
    missing = [(where, r) for where, r, code in found if code is None and classify_reason(r)[0] == OTHER_ERROR]
    explicit = [code for _, _, code in found if code is not None]
    assert all(isinstance(c, ast.IfExp) or (isinstance(c, ast.Constant) and c.value in error_catalog())
               for c in explicit)
    assert not missing, "add these to resources/i18n/errors.csv:\n" + "\n".join(map(str, missing))


def test_range_reasons_also_have_codes():
    cases = [(dict(value=5, lo=0, hi=1), "between", {"lo": "0", "hi": "1"}),
             (dict(value=0, lo=0, hi=1, lo_open=True), "between_exclusive", {"lo": "0", "hi": "1"}),
             (dict(value=-1, lo=0), "at_least", {"lo": "0"}), (dict(value=0, lo=0, lo_open=True), "greater_than",
                                                               {"lo": "0"}),
             (dict(value=2, hi=1), "at_most", {"hi": "1"}), (dict(value=1, hi=1, hi_open=True), "less_than",
                                                             {"hi": "1"}),
             (dict(value="a"), "not_number", {}), (dict(value=float("nan")), "not_finite", {}),
             (dict(value=None), "required", {})]
    for kw, code, params in cases:
        v = kw.pop("value")
        with pytest.raises(FleetValueError) as info:
            check_number("surface_tilt", v, **kw)
        assert (info.value.code, info.value.params) == (code, params)


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalog_rows_are_worded_with_the_same_arguments(code):
    for key, row in error_catalog().items():
        names = set(re.findall(r"\{(\w+)\}", row["en"]))
        assert set(re.findall(r"\{(\w+)\}", row[code])) <= names, (key, row[code])
        assert row[code].strip() and row[code] != row["en"], key
        assert not re.search(r"[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}", row[code]), (key, row[code])  # no English sentence


def test_codes_survive_field_paths_and_the_survey():
    with pytest.raises(SurveyValueError) as info:
        SiteSurvey("P", 31.4, 121.25, roofs=({"name": "R", "outline": [[0, 0], [10, 0], [10, 10], [0, 10]],
                                              "setback": 200},))
    e = info.value
    assert e.field == "roofs[0].setback" and e.code == "between" and e.params == {"lo": "0", "hi": "100"}
    assert error_message(e.code, e.params, "zh_CN") == "必须在 0 到 100 之间"
    assert error_message(e.code, e.params, "ja_JP") == "0～100 の範囲で入力してください"
    assert error_message(e.code, e.params, "en") == e.reason
    with pytest.raises(SurveyValueError) as info:
        RoofSurvey.rectangle("R", 10, 10, roof_type="flat", surface_tilt=8)
    assert info.value.code == "flat_pitch"
    wrapped = as_survey_error(FleetValueError("x", 1, "must be at least 7"), "roofs[1]")
    assert (wrapped.code, wrapped.params, wrapped.field) == ("at_least", {"lo": "7"}, "roofs[1].x")


def test_a_list_item_of_the_wrong_type():
    with pytest.raises(SurveyValueError) as info:
        SiteSurvey("P", 31.4, 121.25, roofs=(), obstacles=(3,))
    assert (info.value.code, info.value.params) == ("wrong_type_an", {"type": "Obstacle"})
    assert error_message(info.value.code, info.value.params, "ja_JP") == "Obstacle で指定してください"


def test_a_reason_without_a_code_is_shown_as_it_is():
    e = FleetValueError("horizon", "…", "azimuths must increase")
    assert e.code == OTHER_ERROR and error_message(e.code, e.params, "zh_CN") == "azimuths must increase"


def test_errors_keep_their_code_through_pickle():
    import pickle
    e = pickle.loads(pickle.dumps(SurveyValueError("roofs[0].gcr", 1.5, "must be between 0 and 1 (exclusive)")))
    assert type(e) is SurveyValueError and (e.field, e.value, e.code, e.params) == (
        "roofs[0].gcr", 1.5, "between_exclusive", {"lo": "0", "hi": "1"})
    assert str(e) == "roofs[0].gcr: must be between 0 and 1 (exclusive) (got 1.5)"
