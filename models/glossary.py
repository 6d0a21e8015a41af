"""The trade's vocabulary in English, Chinese and Japanese: one table for the app, reports and exports.

``resources/i18n/glossary.csv`` holds one row per term:

``key``
    Stable identifier (loss-step codes such as ``"clipping"``, KPI names, rule names).
``kind``
    ``loss`` (a loss-waterfall step), ``kpi`` (a key figure), ``term`` (a general word),
    ``rule`` (a row-spacing rule), ``unit``.
``term``, ``variants``
    The English text, and other English source texts (``;``-separated) that name the same thing;
    a variant written ``Context:text`` applies in that Qt context only.
``contexts``, ``match``
    Where the term appears in the Qt translation files (``;``-separated context names; empty:
    everywhere; ``-``: nowhere, the text is produced by :mod:`solarfleet.models`), and how a
    message is matched: ``exact`` (the whole source text) or ``word`` (the term inside it).
``definition``, ``zh_CN``, ``ja_JP``, ``source``
    What it means (our own words), the one translation per language, and the standard or
    guidance the translation follows.

The translation files are checked against this table (``tests/app/test_glossary.py``);
:mod:`solarfleet.models` uses :func:`term` for the texts it writes itself (reports, layouts),
since it never imports Qt.

``resources/i18n/errors.csv`` is the catalog of validation messages: one row per error code with
its English text (``{name}`` marks an argument) and its Chinese and Japanese wording.
:func:`classify_reason` finds the code and arguments of an English reason (the first row whose
text matches wins, so specific rows come before general ones); :func:`error_message` words a code
in a language.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from solarfleet.models.resources import resource_path

__all__ = ["GlossaryEntry", "LANGUAGES", "load_glossary", "term", "error_catalog", "classify_reason",
           "error_message", "OTHER_ERROR"]

#: Code of a reason no catalog row matches (its English text is shown as it is).
OTHER_ERROR = "other"

#: Languages the glossary translates into, besides English.
LANGUAGES = ("zh_CN", "ja_JP")


@dataclass(frozen=True)
class GlossaryEntry:
    """One row of the glossary (see the module docstring for the fields)."""

    key: str
    kind: str
    term: str
    variants: tuple
    contexts: tuple
    match: str
    definition: str
    zh_CN: str
    ja_JP: str
    source: str

    def sources_in(self, context: str) -> tuple:
        """The English source texts that name this term in the Qt translation context ``context``."""
        out = []
        general = "-" not in self.contexts and (not self.contexts or context in self.contexts)
        for v in (self.term, *self.variants):
            ctx, sep, text = v.partition(":")
            if sep and ctx == context:
                out.append(text)
            elif not sep and general:
                out.append(v)
        return tuple(out)

    def text(self, language: str) -> str:
        """The term in ``language`` (``"en"``, ``"zh_CN"`` or ``"ja_JP"``; anything else gives English)."""
        return getattr(self, language) if language in LANGUAGES else self.term


def _split(cell: str) -> tuple:
    return tuple(p.strip() for p in cell.split(";") if p.strip())


@lru_cache(maxsize=1)
def load_glossary() -> dict:
    """The glossary as ``{key: GlossaryEntry}``, in file order.

    Raises
    ------
    ValueError
        A row lacks a key, a translation or a known ``match``, or repeats a key; the message
        names the line of ``glossary.csv``.
    """
    path = resource_path("i18n", "glossary.csv")
    out = {}
    with open(path, encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            entry = GlossaryEntry(key=row["key"].strip(), kind=row["kind"].strip(), term=row["term"],
                                  variants=_split(row["variants"]), contexts=_split(row["contexts"]),
                                  match=row["match"].strip(), definition=row["definition"],
                                  zh_CN=row["zh_CN"], ja_JP=row["ja_JP"], source=row["source"])
            _check_row(path, line, entry, out)
            out[entry.key] = entry
    return out


def _check_row(path, line: int, entry: GlossaryEntry, seen: dict) -> None:
    where = f"{path.name} line {line}"
    if not entry.key or entry.key in seen:
        raise ValueError(f"{where}: key: missing or repeated ({entry.key!r})")
    if not (entry.term and entry.zh_CN and entry.ja_JP):
        raise ValueError(f"{where}: {entry.key}: term, zh_CN and ja_JP are required")
    if entry.match not in ("exact", "word"):
        raise ValueError(f"{where}: match: must be 'exact' or 'word' (got {entry.match!r})")


def term(key: str, language: str = "en") -> str:
    """Glossary term ``key`` in ``language`` (``"en"``, ``"zh_CN"``, ``"ja_JP"``).

    Raises
    ------
    KeyError
        ``key`` is not in the glossary.
    """
    return load_glossary()[key].text(language)


@lru_cache(maxsize=1)
def error_catalog() -> dict:
    """``{code: {"en": …, "zh_CN": …, "ja_JP": …, "pattern": compiled regex}}``, in file order."""
    out = {}
    with open(resource_path("i18n", "errors.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            parts = re.split(r"\{(\w+)\}", row["en"])
            regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
            out[row["code"]] = {**{k: row[k] for k in ("en", *LANGUAGES)}, "pattern": re.compile(f"^{regex}$")}
    return out


def classify_reason(reason: str) -> tuple:
    """The error code and arguments of an English validation reason.

    Returns
    -------
    code : str
        A catalog code, or :data:`OTHER_ERROR` with ``{"text": reason}`` when none matches.
    params : dict
        The arguments, as text.
    """
    for code, row in error_catalog().items():
        m = row["pattern"].match(reason)
        if m:
            return code, m.groupdict()
    return OTHER_ERROR, {"text": reason}


def error_message(code: str, params: dict, language: str = "en") -> str:
    """Error ``code`` worded in ``language`` with its ``params`` filled in (unknown codes: ``params["text"]``)."""
    row = error_catalog().get(code)
    if row is None:
        return str(params.get("text", code))
    text = row[language] if language in LANGUAGES else row["en"]
    return re.sub(r"\{(\w+)\}", lambda m: str(params.get(m.group(1), m.group(0))), text)
