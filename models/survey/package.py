"""Survey packages: surveyed parks carried from a laptop on the roof to the office database.

A package is one UTF-8 JSON file (``*.sfsurvey.json`` by convention)::

    {"format": "solarfleet-survey-package", "version": 1, "created_utc": "…", "generator": "SolarFleet …",
     "sites": [{"park": {…park as in a fleet file…},
                "survey": {…SiteSurvey.extras(): roofs, horizon, obstacles…} or null,
                "photos": [{"name": "roof-north.jpg", "media_type": "image/jpeg", "size": 123456,
                            "sha256": "…", "data": "<base64>"}]}],
     "sha256": "<SHA-256 of the document without this key, as canonical JSON>"}

Photos attached by path are copied into the package. :func:`read_survey_package` checks
everything — format, version, checksum, every park, survey and photo — before anything
touches a database, and raises :class:`SurveyPackageError` naming the file and the place
of the first problem. :func:`import_survey_package` then merges the parks in one
transaction, resolving name clashes by rename / replace / skip as the caller chose;
without a choice a clash refuses the whole import and the database is left as it was.
"""
from __future__ import annotations

import base64
import binascii
import datetime as _dt
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from solarfleet.models.fleet import FleetValueError, Park
from solarfleet.models.fleet_files import FleetFileError, fleet_from_dict, park_to_dict
from solarfleet.models.survey.site import SiteSurvey
from solarfleet.models.store import load_fleet

__all__ = ["FORMAT", "FORMAT_VERSION", "SurveyPackageError", "Photo", "PackageSite", "SurveyPackage",
           "photo_from_path", "build_survey_package", "write_survey_package", "read_survey_package",
           "export_survey_package", "import_survey_package", "package_conflicts", "canonical_json",
           "MAX_PHOTO_BYTES"]

FORMAT = "solarfleet-survey-package"
FORMAT_VERSION = 1
#: Largest photo accepted [bytes].
MAX_PHOTO_BYTES = 50 * 1024 * 1024
#: Largest package read [bytes]. Reading peaks at about twice the file in memory (the JSON text while it is
#: parsed, then the document and the decoded photos; the checksum is hashed as a stream), so 256 MB stays
#: near 0.5 GB (``tests/bench/survey_package_memory.py``).
MAX_PACKAGE_BYTES = 256 * 1024 * 1024
_SIGNATURES = (  # (magic bytes at offset, offset, media type)
    (b"\xff\xd8\xff", 0, "image/jpeg"), (b"\x89PNG\r\n\x1a\n", 0, "image/png"), (b"GIF8", 0, "image/gif"),
    (b"II*\x00", 0, "image/tiff"), (b"MM\x00*", 0, "image/tiff"), (b"WEBP", 8, "image/webp"),
    (b"ftypheic", 4, "image/heic"), (b"ftypheix", 4, "image/heic"), (b"ftypmif1", 4, "image/heic"),
)
_SAFE_NAME = re.compile(r"^[^/\\\x00-\x1f:*?\"<>|]{1,200}$")


class SurveyPackageError(ValueError):
    """A survey package cannot be read or imported; nothing was changed.

    Attributes
    ----------
    path : str
    where : str
        JSON path of the problem (``sites[1].photos[0].sha256``), if known.
    reason : str
    """

    def __init__(self, path, reason: str, where: str = ""):
        self.path, self.reason, self.where = str(path), reason, where
        super().__init__(f"{self.path}: {where + ': ' if where else ''}{reason}")


@dataclass(frozen=True)
class Photo:
    """A survey photo carried in a package.

    Parameters
    ----------
    name : str
        File name, no folders.
    media_type : str
        e.g. ``'image/jpeg'``.
    data : bytes
    """

    name: str
    media_type: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class PackageSite:
    """One park in a package: the fleet model's park, its survey (or ``None``) and photos."""

    park: Park
    survey: Optional[SiteSurvey]
    photos: tuple = ()


@dataclass(frozen=True)
class SurveyPackage:
    """A read or built survey package."""

    sites: tuple
    created_utc: str = ""
    generator: str = ""

    @property
    def names(self) -> list[str]:
        return [s.park.name for s in self.sites]


def _media_type(data: bytes) -> Optional[str]:
    for magic, offset, media in _SIGNATURES:
        if data[offset:offset + len(magic)] == magic:
            if media == "image/webp" and data[:4] != b"RIFF":
                continue
            return media
    return None


def photo_from_path(path, name: Optional[str] = None) -> Photo:
    """Read a photo file to attach to a package (JPEG, PNG, WebP, HEIC, GIF, TIFF).

    Raises
    ------
    SurveyPackageError
        Unreadable, empty, too large, or not an image of a known type.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise SurveyPackageError(path, f"photo is {size / 1e6:.0f} MB; at most "
                                           f"{MAX_PHOTO_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise SurveyPackageError(path, f"cannot read the photo ({exc.strerror or exc})") from None
    if not data:
        raise SurveyPackageError(path, "the photo file is empty")
    media = _media_type(data)
    if media is None:
        raise SurveyPackageError(path, "not a photo (JPEG, PNG, WebP, HEIC, GIF or TIFF expected)")
    name = name or path.name
    if not _SAFE_NAME.match(name):
        raise SurveyPackageError(path, f"photo name {name!r} may not contain folders or control characters")
    return Photo(name, media, data)


def build_survey_package(store, park_names: Optional[Iterable[str]] = None,
                         photos: Optional[dict] = None, generator: str = "SolarFleet") -> SurveyPackage:
    """Collect parks, their surveys and photos from ``store`` into a package.

    Parameters
    ----------
    store : solarfleet.models.store.Store
    park_names : iterable of str, optional
        Parks to export; default every park that holds a survey.
    photos : dict, optional
        ``{park name: [path, …]}`` photos to attach besides those stored with the survey.
    generator : str
        Program and version written into the package.

    Raises
    ------
    KeyError
        An unknown park.
    SurveyPackageError
        A photo cannot be read, or two photos of a park share a name.
    """
    from solarfleet.models import store as st
    names = list(park_names) if park_names is not None else st.surveyed_park_names(store)
    photos = {k.casefold(): v for k, v in (photos or {}).items()}
    fleet = load_fleet(store, names) if names else None
    known = {n.casefold() for n in names}
    for k in photos:
        if k not in known:
            raise KeyError(k)
    sites = []
    for park in (fleet.parks if fleet else ()):
        extras = st.load_survey(store, park.name)
        survey = SiteSurvey.from_park(park, extras) if extras is not None else None
        attached = [Photo(p["name"], p["media_type"], st.load_survey_photo(store, park.name, p["name"]))
                    for p in st.list_survey_photos(store, park.name)]
        for path in photos.get(park.name.casefold(), []):
            attached.append(photo_from_path(path))
        seen = set()
        for ph in attached:
            if ph.name.casefold() in seen:
                raise SurveyPackageError(ph.name, f"park {park.name!r} has two photos named {ph.name!r}")
            seen.add(ph.name.casefold())
        sites.append(PackageSite(park, survey, tuple(attached)))
    return SurveyPackage(tuple(sites), _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
                         generator)


def canonical_json(doc: dict) -> bytes:
    """``doc`` as canonical JSON (sorted keys, no spaces, UTF-8): the bytes the package checksum covers."""
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def canonical_sha256(doc: dict) -> str:
    """SHA-256 of :func:`canonical_json` of ``doc``, hashed piece by piece (no copy of the whole text)."""
    h = hashlib.sha256()
    encoder = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    for chunk in encoder.iterencode(doc):
        h.update(chunk.encode("utf-8"))
    return h.hexdigest()


def package_to_dict(package: SurveyPackage) -> dict:
    """The package as JSON-able data with its checksum."""
    doc = {"format": FORMAT, "version": FORMAT_VERSION, "created_utc": package.created_utc,
           "generator": package.generator, "sites": []}
    for site in package.sites:
        doc["sites"].append({
            "park": park_to_dict(site.park),
            "survey": site.survey.extras() if site.survey is not None else None,
            "photos": [{"name": p.name, "media_type": p.media_type, "size": len(p.data), "sha256": p.sha256,
                        "data": base64.b64encode(p.data).decode("ascii")} for p in site.photos]})
    doc["sha256"] = hashlib.sha256(canonical_json(doc)).hexdigest()
    return doc


def write_survey_package(package: SurveyPackage, path) -> None:
    """Write ``package`` to ``path`` atomically (a temp file renamed into place).

    The text is ASCII (other characters as ``\\uXXXX``): one Chinese or Japanese name would make Python hold
    the whole text, photos included, at two or four bytes a character when the package is read.
    """
    path = Path(path)
    text = json.dumps(package_to_dict(package), ensure_ascii=True, indent=1, allow_nan=False) + "\n"
    from solarfleet.models.atomic import replace_atomically
    with replace_atomically(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def export_survey_package(store, path, park_names=None, photos=None, generator: str = "SolarFleet") -> SurveyPackage:
    """Build a package from ``store`` (see :func:`build_survey_package`) and write it to ``path``."""
    package = build_survey_package(store, park_names, photos, generator)
    if not package.sites:
        raise SurveyPackageError(path, "nothing to export: no park holds a survey (name parks to export them)")
    write_survey_package(package, path)
    return package


def _reject_constant(name):
    raise ValueError(f"{name} is not allowed in a survey package")


def read_survey_package(path) -> SurveyPackage:
    """Read and fully validate a survey package.

    Raises
    ------
    SurveyPackageError
        Not a package, a newer format version, a checksum that does not match (damaged or
        truncated file), or any invalid park, survey or photo — naming where.
    """
    path = Path(path)
    try:
        return _parse(_load_json(path), path)
    except SurveyPackageError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError) as exc:
        raise SurveyPackageError(path, f"damaged or not a survey package ({type(exc).__name__}: {exc})") from None


def _read_text(path: Path) -> str:
    """The package's text, refused before reading when larger than :data:`MAX_PACKAGE_BYTES` (the bytes are
    dropped once decoded, so only one copy of the file is held)."""
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_PACKAGE_BYTES:
                raise SurveyPackageError(path, f"{size / 1024 ** 2:,.0f} MB is too large for a survey package "
                                               f"(at most {MAX_PACKAGE_BYTES // 1024 ** 2} MB); export fewer parks "
                                               "or photos per package")
            raw = fh.read(size + 1)  # read(n) reserves n bytes first: never more than the file
    except OSError as exc:
        raise SurveyPackageError(path, f"cannot read the file ({exc.strerror or exc})") from None
    if len(raw) > size:
        raise SurveyPackageError(path, "the file grew while it was read; read it again when it is complete")
    if not raw or raw.isspace():  # (strip() would copy the whole file)
        raise SurveyPackageError(path, "the file is empty")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SurveyPackageError(path, "not a SolarFleet survey package (not UTF-8 JSON text)") from None


def _load_json(path: Path):
    """The package's JSON document (its text is dropped on return: only the document stays in memory)."""
    text = _read_text(path)
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        hint = " — the file looks truncated" if exc.pos >= len(text.rstrip()) - 1 else ""
        raise SurveyPackageError(path, f"damaged: invalid JSON at line {exc.lineno}, column {exc.colno} "
                                       f"({exc.msg}){hint}") from None
    except (ValueError, RecursionError) as exc:  # an integer of thousands of digits, or absurd nesting
        raise SurveyPackageError(path, f"damaged: a value is too long or nested too deeply ({str(exc)[:60]})") \
            from None


def _parse(doc, path: Path) -> SurveyPackage:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise SurveyPackageError(path, f"not a SolarFleet survey package (no \"format\": \"{FORMAT}\")")
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise SurveyPackageError(path, f"must be a whole number (got {version!r})", "version")
    if version > FORMAT_VERSION:
        raise SurveyPackageError(path, f"written by a newer SolarFleet (package version {version}; this one reads "
                                       f"up to {FORMAT_VERSION})", "version")
    unknown = set(doc) - {"format", "version", "created_utc", "generator", "sites", "sha256"}
    if unknown:
        raise SurveyPackageError(path, "unknown field", sorted(unknown)[0])
    checksum = doc.pop("sha256", None)
    if not isinstance(checksum, str):
        raise SurveyPackageError(path, "damaged: the checksum (sha256) is missing")
    if canonical_sha256(doc) != checksum.lower():
        raise SurveyPackageError(path, "damaged: the content does not match its checksum (the file was changed "
                                       "or only partly copied); ask for the package again")
    for f in ("created_utc", "generator"):
        if not isinstance(doc.get(f, ""), str):
            raise SurveyPackageError(path, "must be text", f)
    sites_doc = doc.get("sites")
    if not isinstance(sites_doc, list) or not sites_doc:
        raise SurveyPackageError(path, "must be a non-empty list of sites", "sites")
    sites, names = [], set()
    for i, sd in enumerate(sites_doc):
        where = f"sites[{i}]"
        if not isinstance(sd, dict):
            raise SurveyPackageError(path, "must be an object", where)
        extra = set(sd) - {"park", "survey", "photos"}
        if extra:
            raise SurveyPackageError(path, "unknown field", f"{where}.{sorted(extra)[0]}")
        if not isinstance(sd.get("park"), dict):
            raise SurveyPackageError(path, "missing or not an object", f"{where}.park")
        try:
            park = fleet_from_dict(sd["park"], path).parks[0]
        except FleetFileError as exc:
            inner = ".".join(p for p in (exc.where, exc.field) if p).replace(".[", "[")
            raise SurveyPackageError(path, exc.reason, f"{where}.park" + (f".{inner}" if inner else "")) from None
        if park.name.casefold() in names:
            raise SurveyPackageError(path, f"park {park.name!r} appears twice", f"{where}.park.name")
        names.add(park.name.casefold())
        survey = None
        if sd.get("survey") is not None:
            try:
                survey = SiteSurvey.from_park(park, sd["survey"])
            except FleetValueError as exc:
                raise SurveyPackageError(path, f"{exc.reason} (got {exc.value!r})",
                                         f"{where}.survey" + (f".{exc.field}" if exc.field else "")) from None
            except TypeError as exc:
                raise SurveyPackageError(path, str(exc), f"{where}.survey") from None
        photos_doc = sd.get("photos", [])
        if not isinstance(photos_doc, list):
            raise SurveyPackageError(path, "must be a list", f"{where}.photos")
        photos, seen = [], set()
        for j, pd_ in enumerate(photos_doc):
            photos.append(_read_photo(pd_, path, f"{where}.photos[{j}]"))
            if photos[-1].name.casefold() in seen:
                raise SurveyPackageError(path, f"two photos named {photos[-1].name!r}", f"{where}.photos[{j}].name")
            seen.add(photos[-1].name.casefold())
        sites.append(PackageSite(park, survey, tuple(photos)))
    return SurveyPackage(tuple(sites), doc.get("created_utc", ""), doc.get("generator", ""))


def _read_photo(pd_, path, where) -> Photo:
    from solarfleet.models.store import PHOTO_MEDIA_TYPES
    if not isinstance(pd_, dict):
        raise SurveyPackageError(path, "must be an object", where)
    extra = set(pd_) - {"name", "media_type", "size", "sha256", "data"}
    if extra:
        raise SurveyPackageError(path, "unknown field", f"{where}.{sorted(extra)[0]}")
    name = pd_.get("name")
    if not isinstance(name, str) or not _SAFE_NAME.match(name):
        raise SurveyPackageError(path, f"must be a file name without folders (got {name!r})", f"{where}.name")
    if pd_.get("media_type") not in PHOTO_MEDIA_TYPES:
        raise SurveyPackageError(path, f"must be one of {', '.join(PHOTO_MEDIA_TYPES)}", f"{where}.media_type")
    data_text = pd_.get("data")
    if not isinstance(data_text, str):
        raise SurveyPackageError(path, "missing", f"{where}.data")
    try:
        data = base64.b64decode(data_text, validate=True)
        pd_["data"] = None  # the text is no longer needed: at most one photo is held twice
    except (binascii.Error, ValueError):
        raise SurveyPackageError(path, "is not valid base64", f"{where}.data") from None
    size = pd_.get("size")
    if isinstance(size, bool) or not isinstance(size, int) or size != len(data) or size == 0:
        raise SurveyPackageError(path, f"size {size!r} does not match the photo ({len(data)} bytes)",
                                 f"{where}.size")
    if len(data) > MAX_PHOTO_BYTES:
        raise SurveyPackageError(path, "photo too large", f"{where}.data")
    if pd_.get("sha256") != hashlib.sha256(data).hexdigest():
        raise SurveyPackageError(path, "photo does not match its checksum", f"{where}.sha256")
    actual = _media_type(data)
    if actual != pd_["media_type"]:
        raise SurveyPackageError(path, f"the bytes are {'not an image' if actual is None else actual}, not "
                                       f"{pd_['media_type']}", f"{where}.data")
    return Photo(name, pd_["media_type"], data)


def package_conflicts(store, package: SurveyPackage) -> list[str]:
    """Parks of ``package`` whose names the database already holds (for the user to resolve)."""
    from solarfleet.models.store import survey_conflicts
    return survey_conflicts(store, package.names)


def import_survey_package(store, source, on_conflict="error") -> dict:
    """Merge a survey package into the fleet of ``store``.

    Parameters
    ----------
    store : solarfleet.models.store.Store
    source : path or SurveyPackage
        A path is read and fully validated first (:func:`read_survey_package`).
    on_conflict : {'error', 'rename', 'replace', 'skip'} or dict
        Resolution of name clashes, for all parks or per park name; ``'error'`` refuses the
        whole import (:class:`solarfleet.models.store.SurveyConflictError` listing the clashes).

    Returns
    -------
    dict
        ``added``, ``replaced``, ``skipped``, ``renamed`` (old → new), ``photos``.
    """
    from solarfleet.models.store import import_surveyed_parks
    package = source if isinstance(source, SurveyPackage) else read_survey_package(source)
    items = []
    for site in package.sites:
        extras = site.survey.extras() if site.survey is not None else None
        items.append((site.park, extras,
                      [{"name": p.name, "media_type": p.media_type, "data": p.data} for p in site.photos]))
    return import_surveyed_parks(store, items, on_conflict=on_conflict)
