"""Random values for every field of every form's validator (hypothesis): the fleet dataclasses (Park,
Roof, Array, Losses), the survey's RoofSurvey and KeepOut, Battery, SyntheticLoadParams and Tariff.

Each value is either accepted — and the object is then valid (no NaN or infinity slipped in, and
validating it again gives the same object) — or refused with the validator's own exception whose
message names the field. Nothing else may escape. Case counts: see ``fuzz_counts`` below.
"""
import dataclasses
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solarfleet.models.energy.battery import Battery
from solarfleet.models.demo import demo_fleet
from solarfleet.models.fleet import FleetValueError, Losses
from solarfleet.models.survey.site import KeepOut, RoofSurvey
from solarfleet.models.energy.synthetic_load import SyntheticLoadParams
from solarfleet.models.energy.tariff import Tariff, TariffError, example_tariff

from .fuzz_counts import count

FORMS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Anything a form field or a hand-edited JSON could put in a field.
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**9, 10**9),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(-1e4, 1e4), st.floats(0, 1),
    st.text(max_size=12),
    st.sampled_from(["", " ", "nan", "inf", "-0", "1e400", "３０", "pvwatts", "cec", "flat", "pitched",
                     "open_rack", "glass_glass", "portrait", "Asia/Shanghai", "Mars/Olympus", "2024-02-30",
                     "2020-01-01", "peak", "valley", "self_consumption"]),
    st.lists(st.floats(-100, 100), max_size=4),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def _park():
    return demo_fleet().parks[0]


def _pvwatts_array():
    return next(a for _, a in demo_fleet().parks[0].iter_arrays() if a.dc_model == "pvwatts")


def _cec_array():
    return next(a for p in demo_fleet().parks for _, a in p.iter_arrays() if a.dc_model == "cec")


FORM_BASES = {
    "Park": (_park, FleetValueError),
    "Roof": (lambda: _park().roofs[0], FleetValueError),
    "Array(pvwatts)": (_pvwatts_array, FleetValueError),
    "Array(cec)": (_cec_array, FleetValueError),
    "Losses": (Losses, FleetValueError),
    "RoofSurvey": (lambda: RoofSurvey.rectangle("R1", 120.0, 80.0, module=None), FleetValueError),
    "KeepOut": (lambda: KeepOut(x=10.0, y=10.0, length=3.0, width=2.0), FleetValueError),
    "Battery": (lambda: Battery(capacity=500e3, power=250e3), FleetValueError),
    "SyntheticLoadParams": (lambda: SyntheticLoadParams(floor_area=2e5, ev_vehicles=10), FleetValueError),
    "Tariff": (example_tariff, TariffError),
}


def _finite_everywhere(obj, where="") -> None:
    """No NaN or infinity anywhere in an accepted object (fields, nested tuples, dicts)."""
    if isinstance(obj, float):
        assert math.isfinite(obj), f"{where}: accepted non-finite {obj!r}"
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            _finite_everywhere(getattr(obj, f.name), f"{where}.{f.name}")
    elif isinstance(obj, (tuple, list)):
        for i, x in enumerate(obj):
            _finite_everywhere(x, f"{where}[{i}]")
    elif isinstance(obj, dict):
        for k, x in obj.items():
            _finite_everywhere(x, f"{where}.{k}")


@pytest.mark.parametrize("form", sorted(FORM_BASES))
@FORMS
@given(data=st.data())
def test_random_field_values(form, data):
    make, error = FORM_BASES[form]
    base = make()
    fields = [f.name for f in dataclasses.fields(base)]
    changes = data.draw(st.dictionaries(st.sampled_from(fields), VALUES, min_size=1, max_size=3), label="changes")
    count(f"form {form}")
    try:
        obj = dataclasses.replace(base, **changes)
    except error as exc:
        text = str(exc)
        named = getattr(exc, "field", None) or text
        assert any(name in named or name in text for name in changes), \
            f"refusal does not name the field ({sorted(changes)}): {text}"
        assert len(text) > len(str(getattr(exc, "field", ""))) + 3, f"no reason given: {text!r}"
        return
    _finite_everywhere(obj, form)
    assert dataclasses.replace(obj) == obj  # validating an accepted object again changes nothing


@FORMS
@given(d=st.dictionaries(st.sampled_from(["name", "currency", "prices", "seasons", "export_price", "tz", "notes",
                                          "extra"]), VALUES, max_size=7))
def test_tariff_from_random_json(d):
    count("form Tariff.from_dict")
    try:
        Tariff.from_dict(d)
    except TariffError as exc:
        assert str(exc).split(":")[0].split(".")[0].split("[")[0] in (
            "name", "currency", "prices", "seasons", "export_price", "tz", "notes", "extra", "a tariff must be a JSON "
            "object"), str(exc)


@FORMS
@given(d=st.dictionaries(st.sampled_from([f.name for f in dataclasses.fields(SyntheticLoadParams)] + ["bogus"]),
                         VALUES, max_size=5))
def test_synthetic_load_from_random_json(d):
    count("form SyntheticLoadParams.from_dict")
    try:
        SyntheticLoadParams.from_dict(d)
    except FleetValueError as exc:
        assert exc.field in d or (exc.field == "floor_area" and "required" in str(exc)), str(exc)
