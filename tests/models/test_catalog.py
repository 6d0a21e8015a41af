"""The CEC equipment catalog read from pvlib's bundled databases."""
from solarfleet.models.simulation import catalog


def test_search_modules_by_words_and_power():
    hits = catalog.search_modules("jinko 72", pmin=330, pmax=345)
    assert hits and all(330 <= h.power <= 345 for h in hits)
    assert all("jinko" in h.name.lower() for h in hits)


def test_search_inverters_by_name():
    hits = catalog.search_inverters("sun2000 36ktl")
    assert any(h.key == "Huawei_Technologies_Co___Ltd___SUN2000_36KTL_US" for h in hits)


def test_parameters_are_the_single_diode_inputs():
    p = catalog.module_parameters("Jinko_Solar_Co___Ltd_JKM340M_72")
    for key in ("alpha_sc", "a_ref", "I_L_ref", "I_o_ref", "R_sh_ref", "R_s", "Adjust", "STC"):
        assert isinstance(p[key], float)
    assert catalog.inverter_paco("Huawei_Technologies_Co___Ltd___SUN2000_36KTL_US") == 36000


def test_catalog_is_loaded_once():
    assert catalog.modules() is catalog.modules()
