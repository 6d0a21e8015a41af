"""The small key index answers exactly as pvlib's full CEC tables (retrieve_sam) do."""
import numpy as np
import pvlib
import pytest

from solarfleet.models.simulation import catalog


@pytest.mark.parametrize("which, col", [("CECMod", "STC"), ("CECInverter", "Paco")])
def test_index_matches_retrieve_sam(which, col):
    full = pvlib.pvsystem.retrieve_sam(which).T  # the oracle: pvlib's own reader
    index = catalog._index(which)
    assert set(index.index) == set(full.index)
    ratings = full[col].astype(float)
    assert np.allclose(index.reindex(ratings.index).to_numpy(), ratings.to_numpy(), equal_nan=True)


def test_key_checks_and_ratings_use_the_index():
    key = catalog._index("CECMod").index[1234]
    assert catalog.has_module(key) and not catalog.has_module(key + "_nope")
    assert catalog.module_stc(key) == pytest.approx(float(pvlib.pvsystem.retrieve_sam("CECMod")[key]["STC"]))
    inv = catalog._index("CECInverter").index[321]
    assert catalog.has_inverter(inv) and not catalog.has_inverter("nope")
    assert catalog.inverter_paco(inv) == pytest.approx(float(pvlib.pvsystem.retrieve_sam("CECInverter")[inv]["Paco"]))


def test_kept_index_reads_back_the_same_without_pvlib(tmp_path):
    import subprocess
    import sys
    catalog.set_index_cache(tmp_path)
    try:
        built = catalog._index("CECMod")
        assert list(tmp_path.glob("cec-index-CECMod-pvlib-*.csv"))
        code = ("import sys; from solarfleet.models.simulation import catalog as c; "
                f"c.set_index_cache({str(tmp_path)!r}); s = c._index('CECMod'); "
                "print(len(s), float(s.sum()), 'pvlib' in sys.modules)")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
        assert int(out[0]) == len(built) and float(out[1]) == pytest.approx(float(built.sum()))
        assert out[2] == "False"  # a later start checks keys without importing pvlib
        catalog._index.cache_clear()
        assert catalog._index("CECMod").equals(built)
    finally:
        catalog.set_index_cache(None)
