"""Equipment catalog: the CEC module and inverter databases that ship inside pvlib, and the
equipment library (modules and inverters engineers brought: PVsyst files, datasheets).

The databases are read from pvlib's data folder (no network), once per process, and
kept in memory; a small index (key → rating) answers the key checks and kWp sums of opening a fleet, so
the full tables load only when equipment is searched or simulated. Keys are the names as :func:`pvlib.pvsystem.retrieve_sam` spells them
(``'Jinko_Solar_Co___Ltd_JKM340M_72'``); the original names are kept for display.

Library items (:mod:`~solarfleet.models.simulation.equipment`) are keyed ``lib:Manufacturer Model``
and registered here by the store when it loads them (:func:`register`); every lookup below
answers for them first, without loading the CEC tables.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd

__all__ = ["Equipment", "modules", "inverters", "has_module", "has_inverter", "module_stc",
           "inverter_paco", "module_parameters", "inverter_parameters", "search_modules", "search_inverters",
           "equipment_label", "display_name", "register", "unregister", "library_items"]

#: Library items by key (registered by the store's ``load_equipment`` / ``add_equipment``).
_LIBRARY: dict = {}


def register(item) -> None:
    """Make a library :class:`~solarfleet.models.simulation.equipment.Module` or ``Inverter`` known."""
    _LIBRARY[item.key] = item


def unregister(key: str) -> None:
    _LIBRARY.pop(key, None)


def library_items(kind: str | None = None) -> list:
    """Registered library items (``kind``: ``'module'`` or ``'inverter'``), by key."""
    return [v for k, v in sorted(_LIBRARY.items()) if kind is None or v.kind == kind]


def _library(key, kind: str):
    item = _LIBRARY.get(key) if isinstance(key, str) else None
    return item if item is not None and item.kind == kind else None


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


#: pvlib's CEC files behind ``retrieve_sam("CECMod")`` / ``("CECInverter")``, and the rating column the index keeps.
_FILES = {"CECMod": ("sam-library-cec-modules-2019-03-05.csv", "STC"),
          "CECInverter": ("sam-library-cec-inverters-2019-03-05.csv", "Paco")}


#: Folder where :func:`_index` keeps its key → rating files between runs (None: not kept; see
#: :func:`set_index_cache`).
_CACHE_DIR = None


def set_index_cache(folder) -> None:
    """Keep the key index in ``folder`` (the app's data dir): later starts read it without importing pvlib."""
    global _CACHE_DIR
    _CACHE_DIR = None if folder is None else str(folder)
    _index.cache_clear()


def _cache_file(which: str):
    """The index file of ``which`` for the installed pvlib (its version names the file), or None."""
    if _CACHE_DIR is None:
        return None
    import importlib.metadata
    import os
    return os.path.join(_CACHE_DIR, f"cec-index-{which}-pvlib-{importlib.metadata.version('pvlib')}.csv")


@functools.lru_cache(maxsize=None)
def _index(which: str) -> pd.Series:
    """Key → rating [W] of a CEC database: read from two columns of pvlib's file, or from the index file a
    previous run kept (:func:`set_index_cache`). Opening a fleet validates its keys and sums its kWp with
    it, without loading the full tables (or pvlib). Keys are made with pvlib's own normaliser, as
    :func:`pvlib.pvsystem.retrieve_sam` makes them."""
    import os
    cache = _cache_file(which)
    if cache is not None and os.path.exists(cache):
        try:
            kept = pd.read_csv(cache, index_col=0, keep_default_na=False, na_values=[""]).iloc[:, 0]
            return kept.astype(float).rename_axis(None).rename(None)
        except (ValueError, OSError, IndexError):
            pass  # an unreadable index file is rebuilt below
    import pvlib
    from pvlib.pvsystem import _normalize_sam_product_names
    name, col = _FILES[which]
    table = pd.read_csv(os.path.join(os.path.dirname(pvlib.__file__), "data", name), usecols=["Name", col],
                        skiprows=[1, 2])
    out = pd.Series(pd.to_numeric(table[col], errors="coerce").to_numpy(),
                    index=_normalize_sam_product_names(pd.Index(table["Name"].astype(str))))
    out = out[~out.index.duplicated(keep="first")]
    if cache is not None:
        try:
            from solarfleet.models.atomic import replace_atomically
            os.makedirs(os.path.dirname(cache), exist_ok=True)
            with replace_atomically(cache, "w", encoding="utf-8", newline="") as f:
                out.rename("rating").to_csv(f, index_label="key")
        except OSError:
            pass  # no cache: the next start reads pvlib's file again
    return out


def has_module(key: str) -> bool:
    return _library(key, "module") is not None or key in _index("CECMod").index


def has_inverter(key: str) -> bool:
    return _library(key, "inverter") is not None or key in _index("CECInverter").index


def module_stc(key: str) -> float:
    """STC power of module ``key`` [W]."""
    item = _library(key, "module")
    return float(item.parameters["STC"]) if item is not None else _cec_stc(key)


@functools.lru_cache(maxsize=4096)  # called per array on every capacity sum
def _cec_stc(key: str) -> float:
    return float(_index("CECMod").at[key])


def inverter_paco(key: str) -> float:
    """AC rating of inverter ``key`` [W]."""
    item = _library(key, "inverter")
    return float(item.parameters["Paco"]) if item is not None else _cec_paco(key)


@functools.lru_cache(maxsize=4096)
def _cec_paco(key: str) -> float:
    return float(_index("CECInverter").at[key])


def module_parameters(key: str) -> dict:
    """Single-diode parameters of module ``key`` as a dict, as pvlib's ``calcparams_cec`` wants them."""
    item = _library(key, "module")
    if item is not None:
        return dict(item.parameters)
    row = modules().loc[key].drop(["Name", "_search"])
    return {k: (float(v) if isinstance(v, (int, float)) else v) for k, v in row.items()}


def inverter_parameters(key: str) -> dict:
    """Sandia inverter parameters of ``key`` as a dict."""
    item = _library(key, "inverter")
    if item is not None:
        return dict(item.parameters)
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
    kind = "module" if power_col == "STC" else "inverter"
    words = text.casefold().split()
    own = [Equipment(i.key, i.label, float(i.parameters[power_col]), _LIBRARY_TECH)
           for i in library_items(kind) if all(w in i.label.casefold() for w in words)
           and (pmin is None or i.parameters[power_col] >= pmin) and (pmax is None or i.parameters[power_col] <= pmax)]
    return own[:limit] + [Equipment(k, row["Name"], float(row[power_col]), str(row[tech_col]))
                          for k, row in hits.head(max(0, limit - len(own))).iterrows()]


#: The "technology" column of library items in a picker.
_LIBRARY_TECH = "library"


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
    item = _LIBRARY.get(key) if isinstance(key, str) else None
    if item is not None:
        return item.label
    name = _original_names().get(key)
    if name is None:
        return re.sub(r"_+", " ", str(key)).strip()
    name = re.sub(r"\bCo\.?[_\s-]+\s*Ltd\b\.?", "Co., Ltd.", name.replace(":", " "))  # CEC's "Co._ Ltd"
    return re.sub(r"\s+", " ", name).strip()


def display_name(key, kind: str) -> str:
    """A module or inverter as a form shows it: ``"Manufacturer Model 550 W"`` / ``"… 100 kW"``.

    Parameters
    ----------
    key : str
        CEC database or library key.
    kind : {'module', 'inverter'}
    """
    if not key:
        return ""
    item = _library(key, kind)
    if item is not None:
        return item.label
    try:
        rating = module_stc(key) if kind == "module" else inverter_paco(key)
    except KeyError:
        return equipment_label(key)
    power = f"{rating:.0f} W" if kind == "module" else f"{rating / 1000:g} kW"
    return f"{equipment_label(key)} {power}"
