"""Equipment catalog: the CEC module and inverter databases that ship inside pvlib.

The databases are read from pvlib's data folder (no network), once per process, and
kept in memory. Keys are the names as :func:`pvlib.pvsystem.retrieve_sam` spells them
(``'Jinko_Solar_Co___Ltd_JKM340M_72'``); the original names are kept for display.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd

__all__ = ["Equipment", "modules", "inverters", "has_module", "has_inverter", "module_stc",
           "inverter_paco", "module_parameters", "inverter_parameters", "search_modules", "search_inverters",
           "equipment_label"]


@dataclass(frozen=True)
class Equipment:
    """One catalog entry for a picker.

    Parameters
    ----------
    key : str
        Database key, as stored in an :class:`~solarfleet.models.fleet.Array`.
    name : str
        Name as the CEC lists it.
    power : float
        STC power of a module, or AC rating of an inverter [W].
    technology : str
        Cell technology of a module, or the inverter's CEC type.
    """

    key: str
    name: str
    power: float
    technology: str


@functools.lru_cache(maxsize=None)
def modules() -> pd.DataFrame:
    """The CEC module database, one row per module, indexed by key, with a ``Name`` column."""
    return _load("CECMod")


@functools.lru_cache(maxsize=None)
def inverters() -> pd.DataFrame:
    """The CEC (Sandia model) inverter database, one row per inverter, indexed by key."""
    return _load("CECInverter")


def _load(which: str) -> pd.DataFrame:
    import pvlib
    table = pvlib.pvsystem.retrieve_sam(which).T
    # retrieve_sam mangles names into identifiers; rebuild readable names from the keys for display
    table["Name"] = [re.sub(r"_+", " ", k).strip() for k in table.index]
    table["_search"] = table["Name"].str.casefold()
    return table


def has_module(key: str) -> bool:
    return key in modules().index


def has_inverter(key: str) -> bool:
    return key in inverters().index


@functools.lru_cache(maxsize=4096)  # called per array on every capacity sum
def module_stc(key: str) -> float:
    """STC power of module ``key`` [W]."""
    return float(modules().at[key, "STC"])


@functools.lru_cache(maxsize=4096)
def inverter_paco(key: str) -> float:
    """AC rating of inverter ``key`` [W]."""
    return float(inverters().at[key, "Paco"])


def module_parameters(key: str) -> dict:
    """Single-diode parameters of module ``key`` as a dict, as pvlib's ``calcparams_cec`` wants them."""
    row = modules().loc[key].drop(["Name", "_search"])
    return {k: (float(v) if isinstance(v, (int, float)) else v) for k, v in row.items()}


def inverter_parameters(key: str) -> dict:
    """Sandia inverter parameters of ``key`` as a dict."""
    row = inverters().loc[key].drop(["Name", "_search"])
    return {k: (float(v) if isinstance(v, (int, float)) else v) for k, v in row.items()}


def _search(table: pd.DataFrame, power_col: str, tech_col: str, text: str, pmin, pmax, limit: int):
    mask = pd.Series(True, index=table.index)
    for word in text.casefold().split():
        mask &= table["_search"].str.contains(word, regex=False)
    power = pd.to_numeric(table[power_col], errors="coerce")
    if pmin is not None:
        mask &= power >= pmin
    if pmax is not None:
        mask &= power <= pmax
    hits = table[mask]
    return [Equipment(k, row["Name"], float(row[power_col]), str(row[tech_col]))
            for k, row in hits.head(limit).iterrows()]


def search_modules(text: str = "", pmin: float | None = None, pmax: float | None = None,
                   limit: int = 200) -> list[Equipment]:
    """Modules whose name contains every word of ``text``, with STC power in [pmin, pmax] [W]."""
    return _search(modules(), "STC", "Technology", text, pmin, pmax, limit)


def search_inverters(text: str = "", pmin: float | None = None, pmax: float | None = None,
                     limit: int = 200) -> list[Equipment]:
    """Inverters whose name contains every word of ``text``, with AC rating in [pmin, pmax] [W]."""
    return _search(inverters(), "Paco", "CEC_Type", text, pmin, pmax, limit)


@functools.lru_cache(maxsize=1)
def _original_names() -> dict:
    """Database key → the name as the CEC files spell it (``"Huawei Technologies Co., Ltd.: SUN2000-…"``).

    The keys are rebuilt from the names of pvlib's own CSV files with pvlib's own normaliser, so a
    key maps back to exactly the text it was made from.
    """
    import os
    import pvlib
    from pvlib.pvsystem import _normalize_sam_product_names
    folder = os.path.join(os.path.dirname(pvlib.__file__), "data")
    out = {}
    for name in ("sam-library-cec-modules-2019-03-05.csv", "sam-library-cec-inverters-2019-03-05.csv"):
        names = pd.read_csv(os.path.join(folder, name), usecols=[0], skiprows=[1, 2]).iloc[:, 0].astype(str)
        out.update(zip(_normalize_sam_product_names(pd.Index(names)), names))
    return out


def equipment_label(key) -> str:
    """A module or inverter as people name it: manufacturer and model, never the database key.

    Parameters
    ----------
    key : str or None
        CEC key as stored in an Array (``'Huawei_Technologies_Co___Ltd___SUN2000_100KTL_USH0__800V_'``).

    Returns
    -------
    str
        ``"Huawei Technologies Co., Ltd. SUN2000-100KTL-USH0 [800V]"``; a key not in the catalog with
        its underscores read as spaces; ``""`` for None.
    """
    if not key:
        return ""
    name = _original_names().get(key)
    if name is None:
        return re.sub(r"_+", " ", str(key)).strip()
    name = re.sub(r"\bCo\.?[_\s-]+\s*Ltd\b\.?", "Co., Ltd.", name.replace(":", " "))  # CEC's "Co._ Ltd"
    return re.sub(r"\s+", " ", name).strip()
