"""Site surveys: what the fleet model does not hold (roof outlines, setbacks, keep-outs, layout
choices, horizon, obstacles: one JSON document per park) and photos. Both hang off ``parks`` with
ON DELETE CASCADE, so deleting or replacing a park drops its survey; renaming keeps it.
"""
from __future__ import annotations

import hashlib
import json
from typing import Optional

from solarfleet.models.fleet import Fleet, Park
from solarfleet.models.store.connection import Store, StoreError, utc_now
from solarfleet.models.store.fleet import (
    ON_CONFLICT,
    find_park_id,
    import_fleet,
    write_park,
)

__all__ = ["SurveyConflictError", "save_survey", "load_survey", "surveyed_park_names", "add_survey_photo",
           "list_survey_photos", "load_survey_photo", "save_surveyed_park", "delete_survey", "survey_conflicts",
           "import_surveyed_parks", "PHOTO_MEDIA_TYPES"]


#: Media types a survey photo may have.
PHOTO_MEDIA_TYPES = ("image/jpeg", "image/png", "image/webp", "image/heic", "image/gif", "image/tiff")


class SurveyConflictError(StoreError, ValueError):
    """Parks of a survey package already exist and no resolution was chosen."""

    def __init__(self, names: list):
        self.names = list(names)
        super().__init__("the database already holds park(s) " + ", ".join(repr(n) for n in self.names)
                         + "; choose rename, replace or skip (nothing was imported)")


def _survey_park_id(store: Store, park_name: str) -> int:
    pid = find_park_id(store, park_name)
    if pid is None:
        raise KeyError(park_name)
    return pid


def save_survey(store: Store, park_name: str, survey: dict) -> None:
    """Store (or replace) the survey document of an existing park (``KeyError`` if none)."""
    text = json.dumps(survey, ensure_ascii=False, allow_nan=False)
    with store.db.atomic():
        pid = _survey_park_id(store, park_name)
        store.db.execute("INSERT INTO survey_sites(park_id, survey, updated_utc) VALUES (?, ?, ?) "
                         "ON CONFLICT(park_id) DO UPDATE SET survey = excluded.survey, "
                         "updated_utc = excluded.updated_utc", [pid, text, utc_now()])


def load_survey(store: Store, park_name: str) -> Optional[dict]:
    """The survey document of a park, ``None`` if it has none (``KeyError`` for an unknown park)."""
    pid = _survey_park_id(store, park_name)
    row = store.db.execute("SELECT survey FROM survey_sites WHERE park_id = ?", [pid]).fetchone()
    return None if row is None else json.loads(row[0])


def surveyed_park_names(store: Store) -> list[str]:
    """Names of the parks that hold a survey, in fleet order."""
    return [r[0] for r in store.db.execute(
        "SELECT parks.name FROM parks JOIN survey_sites ON survey_sites.park_id = parks.id "
        "ORDER BY parks.position, parks.id")]


def add_survey_photo(store: Store, park_name: str, name: str, data: bytes, media_type: str,
                     *, replace: bool = False) -> str:
    """Attach a photo to a park's survey; returns its SHA-256 (hex).

    Raises ``KeyError`` for an unknown park and ``ValueError`` for a name already used
    (unless ``replace``), an empty photo or an unknown media type.
    """
    if media_type not in PHOTO_MEDIA_TYPES:
        raise ValueError(f"photo {name!r}: media type {media_type!r} is not one of {', '.join(PHOTO_MEDIA_TYPES)}")
    if not isinstance(data, (bytes, bytearray)) or not data:
        raise ValueError(f"photo {name!r} is empty")
    digest = hashlib.sha256(data).hexdigest()
    with store.db.atomic():
        pid = _survey_park_id(store, park_name)
        exists = store.db.execute("SELECT 1 FROM survey_photos WHERE park_id = ? AND name = ?",
                                  [pid, name]).fetchone()
        if exists and not replace:
            raise ValueError(f"park {park_name!r} already has a photo named {name!r}")
        store.db.execute("DELETE FROM survey_photos WHERE park_id = ? AND name = ?", [pid, name])
        store.db.execute("INSERT INTO survey_photos(park_id, name, media_type, sha256, size, data, added_utc) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [pid, name, media_type, digest, len(data), bytes(data), utc_now()])
    return digest


def list_survey_photos(store: Store, park_name: str) -> list[dict]:
    """``name``, ``media_type``, ``sha256``, ``size`` [bytes] of a park's photos (no data)."""
    pid = _survey_park_id(store, park_name)
    return [dict(r) for r in store.db.query(
        "SELECT name, media_type, sha256, size FROM survey_photos WHERE park_id = ? ORDER BY id", [pid])]


def load_survey_photo(store: Store, park_name: str, name: str) -> bytes:
    """The bytes of one photo (``KeyError`` if the park or photo is unknown)."""
    pid = _survey_park_id(store, park_name)
    row = store.db.execute("SELECT data FROM survey_photos WHERE park_id = ? AND name = ?", [pid, name]).fetchone()
    if row is None:
        raise KeyError(name)
    return bytes(row[0])


def save_surveyed_park(store: Store, park: Park, survey: Optional[dict], *, replace: bool = False) -> None:
    """Store a park built from a survey and its survey document in one transaction."""
    with store.db.atomic():
        write_park(store, park, replace=replace)
        if survey is not None:
            save_survey(store, park.name, survey)



def delete_survey(store: Store, park_name: str) -> bool:
    """Drop the survey document of a park (its photos stay); True if it had one (``KeyError`` if no park)."""
    with store.db.atomic():
        pid = _survey_park_id(store, park_name)
        cur = store.db.execute("DELETE FROM survey_sites WHERE park_id = ?", [pid])
    return cur.rowcount > 0


def survey_conflicts(store: Store, names) -> list[str]:
    """Which of ``names`` are parks the database already holds (case-insensitive)."""
    return [n for n in names if find_park_id(store, n) is not None]


def import_surveyed_parks(store: Store, sites, on_conflict="error") -> dict:
    """Merge surveyed parks into the fleet, in one transaction.

    Parameters
    ----------
    sites : iterable of (Park, dict or None, list of dict)
        Each park with its survey document and photos (``name``, ``media_type``, ``data``).
    on_conflict : {'error', 'rename', 'replace', 'skip'} or dict
        What to do with a park whose name is taken; a dict maps a park name to its own choice
        (names not in it get ``'error'``). ``'error'`` refuses the whole import with
        :class:`SurveyConflictError` listing every clash, leaving the database unchanged.

    Returns
    -------
    dict
        ``added``, ``replaced``, ``skipped`` (lists of names), ``renamed`` (old → new) and
        ``photos`` (number stored).
    """
    sites = list(sites)
    per_name = {}
    for park, _, _ in sites:
        choice = on_conflict.get(park.name, on_conflict.get(park.name.casefold(), "error")) \
            if isinstance(on_conflict, dict) else on_conflict
        if choice not in ON_CONFLICT:
            raise ValueError(f"on_conflict for {park.name!r} must be one of {', '.join(ON_CONFLICT)} "
                             f"(got {choice!r})")
        per_name[park.name] = choice
    clashes = [p.name for p, _, _ in sites if per_name[p.name] == "error" and find_park_id(store, p.name) is not None]
    if clashes:
        raise SurveyConflictError(clashes)
    report = {"added": [], "replaced": [], "skipped": [], "renamed": {}, "photos": 0}
    with store.db.atomic():
        for park, survey, photos in sites:
            rep = import_fleet(store, Fleet((park,)), on_conflict=per_name[park.name])
            if rep["skipped"]:
                report["skipped"] += rep["skipped"]
                continue
            report["added"] += rep["added"]
            report["replaced"] += rep["replaced"]
            report["renamed"].update(rep["renamed"])
            final = rep["renamed"].get(park.name, park.name)
            if rep["replaced"]:  # the package's survey replaces the old one whole, photos included
                pid = _survey_park_id(store, final)
                store.db.execute("DELETE FROM survey_sites WHERE park_id = ?", [pid])
                store.db.execute("DELETE FROM survey_photos WHERE park_id = ?", [pid])
            if survey is not None:
                save_survey(store, final, survey)
            for ph in photos:
                add_survey_photo(store, final, ph["name"], ph["data"], ph["media_type"])
                report["photos"] += 1
    return report
