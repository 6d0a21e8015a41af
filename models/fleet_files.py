"""Fleet files: the whole fleet (or one park) as JSON, arrays as CSV.

``write_fleet_json`` / ``read_fleet_json`` round-trip a :class:`~solarfleet.models.fleet.Fleet`
without loss. Readers validate everything before returning and raise
:class:`FleetFileError`, which names the file, the line and the JSON path or CSV
column of the first problem; they never return a partial fleet.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import json.decoder
import json.scanner
from pathlib import Path
from typing import Optional

from solarfleet.models.export.writers import DANGEROUS_PREFIXES, neutralise
from solarfleet.models.fleet import Array, Fleet, FleetValueError, Losses, Park, Roof

__all__ = ["FleetFileError", "FORMAT", "FORMAT_VERSION", "fleet_to_dict", "fleet_from_dict",
           "dumps_fleet", "write_fleet_json", "read_fleet_json", "write_arrays_csv", "read_arrays_csv",
           "ARRAY_CSV_COLUMNS", "fleet_equipment"]

FORMAT = "solarfleet-fleet"
FORMAT_VERSION = 1


class FleetFileError(ValueError):
    """A fleet file cannot be read.

    Attributes
    ----------
    path : str
        The file.
    line : int or None
        1-based line of the problem, where known.
    where : str
        JSON path (``parks[2].roofs[0].arrays[1]``) or CSV column of the problem.
    field : str
        The offending field, if one.
    reason : str
    """

    def __init__(self, path, reason: str, line: Optional[int] = None, where: str = "", field: str = ""):
        self.path, self.reason, self.line, self.where, self.field = str(path), reason, line, where, field
        loc = self.path + (f", line {line}" if line else "")
        at = ".".join(p for p in (where, field) if p).replace(".[", "[")
        super().__init__(f"{loc}: {at + ': ' if at else ''}{reason}")


# --- dict form ---------------------------------------------------------------------------------

def _array_dict(a: Array) -> dict:
    d = {}
    for f in dataclasses.fields(Array):
        v = getattr(a, f.name)
        if f.name == "losses":
            v = v.to_dict()
        elif f.name == "commissioned" and v is not None:
            v = v.isoformat()
        d[f.name] = v
    return d


def _roof_dict(r: Roof) -> dict:
    d = {f.name: getattr(r, f.name) for f in dataclasses.fields(Roof) if f.name != "arrays"}
    d["arrays"] = [_array_dict(a) for a in r.arrays]
    return d


def park_to_dict(p: Park) -> dict:
    d = {f.name: getattr(p, f.name) for f in dataclasses.fields(Park) if f.name != "roofs"}
    d["roofs"] = [_roof_dict(r) for r in p.roofs]
    return d


def fleet_to_dict(fleet: Fleet) -> dict:
    """The fleet as plain JSON-able data, with a format header, and (``equipment``) every library
    module and inverter its arrays use, so the file is complete on another machine."""
    d = {"format": FORMAT, "version": FORMAT_VERSION, "parks": [park_to_dict(p) for p in fleet.parks]}
    used = fleet_equipment(fleet)
    if used:
        d["equipment"] = [{"kind": i.kind, "manufacturer": i.manufacturer, "model": i.model, "source": i.source,
                           "source_file": i.source_file, "parameters": dict(i.parameters)} for i in used]
    return d


def fleet_equipment(fleet: Fleet) -> list:
    """The library items (:mod:`~solarfleet.models.simulation.equipment`) the fleet's arrays use."""
    from solarfleet.models.simulation import catalog
    keys = {k for p in fleet.parks for _, a in p.iter_arrays() for k in (a.module, a.inverter) if k}
    return [i for i in catalog.library_items() if i.key in keys]


def _equipment(data, err) -> None:
    """Check and register the ``equipment`` items of a fleet document, before its arrays are built."""
    from solarfleet.models.simulation import catalog, equipment as eq
    items = data.get("equipment", [])
    if not isinstance(items, list):
        err("", "equipment", "must be a list of modules and inverters", data)
    for n, d in enumerate(items):
        where = f"equipment[{n}]"
        if not isinstance(d, dict) or d.get("kind") not in ("module", "inverter"):
            err(where, "kind", "must be 'module' or 'inverter'", d if isinstance(d, dict) else data)
        for f in ("manufacturer", "model"):
            if not isinstance(d.get(f), str) or not d[f].strip():
                err(where, f, "must be a non-empty text", d)
        params = d.get("parameters")
        if not isinstance(params, dict):
            err(where, "parameters", "must be an object of numbers", d)
        check = eq.check_module if d["kind"] == "module" else eq.check_inverter
        try:
            clean = check(params, where)
        except eq.EquipmentError as exc:
            err(where, f"parameters.{exc.field}", str(exc).split(": ", 2)[-1], d)
        fields = eq.MODULE_FIELDS if d["kind"] == "module" else eq.INVERTER_FIELDS
        clean.update({k: float(params[k]) for k in fields if k not in clean and isinstance(params.get(k), (int, float))
                      and not isinstance(params.get(k), bool)})
        cls = eq.Module if d["kind"] == "module" else eq.Inverter
        source = d.get("source") if isinstance(d.get("source"), str) else "file"
        source_file = d.get("source_file") if isinstance(d.get("source_file"), str) else ""
        catalog.register(cls(d["manufacturer"].strip(), d["model"].strip(), clean, source, source_file))


def dumps_fleet(fleet: Fleet) -> str:
    """The fleet as JSON text (2-space indent, keys in field order, UTF-8 characters kept)."""
    return json.dumps(fleet_to_dict(fleet), indent=2, ensure_ascii=False) + "\n"


def write_fleet_json(fleet: Fleet, path) -> None:
    """Write ``fleet`` to ``path`` as JSON, atomically (a temp file renamed into place)."""
    from solarfleet.models.atomic import replace_atomically
    with replace_atomically(path, "w", encoding="utf-8") as fh:
        fh.write(dumps_fleet(fleet))


_FIELDS = {cls: {f.name for f in dataclasses.fields(cls)} for cls in (Array, Roof, Park, Losses)}
_REQUIRED = {Park: ("name", "latitude", "longitude"), Roof: ("name",), Array: ("name",), Losses: ()}


def _build(cls, data, where: str, err, children: Optional[tuple] = None):
    """Build ``cls`` from ``data`` at JSON path ``where``; ``err(where, field, reason, node)`` raises."""
    if not isinstance(data, dict):
        err(where, "", f"must be an object, not {type(data).__name__}", data)
    known = _FIELDS[cls]
    for key in data:
        if key not in known:
            err(where, key, "unknown field", data)
    for key in _REQUIRED[cls]:
        if key not in data:
            err(where, key, "missing required field", data)
    kwargs = {k: v for k, v in data.items() if k in known}
    if children:
        child_field, child_cls, grand = children
        items = data.get(child_field, [])
        if not isinstance(items, list):
            err(where, child_field, "must be a list", data)
        kwargs[child_field] = tuple(
            _build(child_cls, item, f"{where}.{child_field}[{i}]" if where else f"{child_field}[{i}]", err, grand)
            for i, item in enumerate(items))
    if cls is Array and "losses" in kwargs:
        kwargs["losses"] = _build(Losses, kwargs["losses"], f"{where}.losses", err)
    try:
        return cls(**kwargs)
    except FleetValueError as exc:
        node = data
        field = exc.field
        if field.startswith(("roofs[", "arrays[", "parks[")):  # duplicate child names: point at the child
            head, _, field = field.partition(".")
            where = f"{where}.{head}" if where else head
            idx = int(head.split("[")[1].rstrip("]"))
            node = data.get(head.split("[")[0], [None] * (idx + 1))[idx]
        err(where, field, f"{exc.reason} (got {exc.value!r})", node)


_ARRAY_TREE = ("arrays", Array, None)
_ROOF_TREE = ("roofs", Roof, _ARRAY_TREE)
_PARK_TREE = ("parks", Park, _ROOF_TREE)


def fleet_from_dict(data, path="<data>", lines: Optional[dict] = None) -> Fleet:
    """Build and validate a :class:`Fleet` from its dict form.

    Accepts a fleet document (``{"format": …, "parks": [...]}``) or a single park object.
    ``lines`` maps ``id(node)`` to ``(line, {key: line})`` for error messages.
    """
    lines = lines or {}

    def err(where, field, reason, node):
        line = None
        if id(node) in lines:
            line, keys = lines[id(node)]
            line = keys.get(field, line)
        raise FleetFileError(path, reason, line=line, where=where, field=field)

    if not isinstance(data, dict):
        err("", "", "the top level must be a JSON object (a fleet or a park)", data)
    if "parks" in data or "format" in data:
        fmt = data.get("format")
        if fmt != FORMAT:
            err("", "format", f"must be {FORMAT!r} (got {fmt!r})", data)
        version = data.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            err("", "version", f"must be a whole number (got {version!r})", data)
        if version > FORMAT_VERSION:
            err("", "version", f"this file was written by a newer SolarFleet (format version {version}, "
                               f"this one reads up to {FORMAT_VERSION})", data)
        extra = set(data) - {"format", "version", "parks", "sources", "equipment"}
        if extra:
            err("", sorted(extra)[0], "unknown field", data)
        sources = data.get("sources", [])
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
            err("", "sources", "must be a list of text lines", data)
        _equipment(data, err)
        return _fleet(data, err)
    return Fleet((_build(Park, data, "", err, _ROOF_TREE),))


def _fleet(data, err) -> Fleet:
    parks = data.get("parks")
    if not isinstance(parks, list):
        err("", "parks", "must be a list of parks", data)
    built = tuple(_build(Park, p, f"parks[{i}]", err, _ROOF_TREE) for i, p in enumerate(parks))
    try:
        return Fleet(built)
    except FleetValueError as exc:
        head = exc.field.partition(".")[0]
        idx = int(head.split("[")[1].rstrip("]"))
        err(head, "name", f"{exc.reason} (got {exc.value!r})", parks[idx])


# --- JSON with line numbers ----------------------------------------------------------------------

class _PosDict(dict):
    """A dict that remembers where it stood in the text."""


def _decoder_with_lines(text: str, lines: dict) -> json.JSONDecoder:
    """A JSON decoder that records, for every object, its line and the line of each key."""
    decoder = json.JSONDecoder()
    plain_object = json.decoder.JSONObject

    def parse_object(s_and_end, strict, scan_once, object_hook, object_pairs_hook, memo=None):
        s, start = s_and_end
        obj, end = plain_object(s_and_end, strict, scan_once, object_hook, object_pairs_hook, memo)
        first = s.count("\n", 0, start) + 1
        keys = {}
        pos = start
        for key in obj:
            needle = json.dumps(key)
            hit = s.find(needle, pos, end)
            if hit < 0:
                hit = s.find(json.dumps(key, ensure_ascii=False), pos, end)
            if hit >= 0:
                keys[key] = s.count("\n", 0, hit) + 1
                pos = hit
        obj = _PosDict(obj)
        lines[id(obj)] = (first, keys)
        return obj, end

    decoder.parse_object = parse_object
    decoder.scan_once = json.scanner.py_make_scanner(decoder)
    return decoder


def loads_fleet(text: str, path="<text>") -> Fleet:
    """Parse fleet JSON ``text``; errors name ``path``, the line and the JSON path."""
    lines: dict = {}
    try:
        data = _decoder_with_lines(text, lines).decode(text)
    except json.JSONDecodeError as exc:
        raise FleetFileError(path, f"not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno) from None
    except RecursionError:
        raise FleetFileError(path, "not valid JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits (Python's int conversion limit)
        raise FleetFileError(path, f"a number is far too long to be a fleet value ({str(exc)[:60]}…)") from None
    return fleet_from_dict(data, path, lines)


def read_fleet_json(path) -> tuple[Fleet, dict]:
    """Read a fleet or park JSON file.

    Returns
    -------
    fleet : Fleet
    metadata : dict
        ``path``, ``format``, ``version``, ``parks`` (count), ``arrays`` (count), ``equipment`` (the
        library items the arrays use, registered with the catalog; the caller stores them).
    """
    text = _read_text(path)
    fleet = loads_fleet(text, str(path))
    meta = {"path": str(path), "format": FORMAT, "version": FORMAT_VERSION, "parks": len(fleet.parks),
            "arrays": sum(len(r.arrays) for p in fleet.parks for r in p.roofs), "equipment": fleet_equipment(fleet)}
    return fleet, meta


def _read_text(path) -> str:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise FleetFileError(path, f"cannot be read: {exc.strerror or exc}") from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise FleetFileError(path, "is not UTF-8 text (save it as UTF-8; GBK files must be converted)",
                             line=line) from None


# --- arrays as CSV -------------------------------------------------------------------------------

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: Columns of the array CSV: where the array is, then its fields; losses flattened, soiling per month.
ARRAY_CSV_COLUMNS = (
    ["park", "roof", "name"]
    + [f.name for f in dataclasses.fields(Array) if f.name not in ("name", "losses")]
    + [f"soiling_{m}" for m in _MONTHS]
    + [f"loss_{n}" for n in Losses.SCALARS + Losses.AC_SCALARS + ("system_losses",)]
)
#: The loss fields that have a ``loss_`` column.
_LOSS_COLUMNS = Losses.SCALARS + Losses.AC_SCALARS + ("system_losses",)
_INT_FIELDS = {"modules_per_string", "strings", "inverters"}
_TEXT_FIELDS = {"park", "roof", "name", "dc_model", "module", "racking", "module_type", "inverter_model",
                "inverter", "commissioned", "temperature_model"}


def write_arrays_csv(fleet: Fleet, path) -> None:
    """Write every array of ``fleet`` as one CSV row (UTF-8 with BOM so Excel reads Chinese names)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(ARRAY_CSV_COLUMNS)
    for park in fleet.parks:
        for roof, a in park.iter_arrays():
            d = _array_dict(a)
            losses = d.pop("losses")
            row = {"park": park.name, "roof": roof.name, **d}
            row.update({f"soiling_{m}": v for m, v in zip(_MONTHS, losses["soiling"])})
            row.update({f"loss_{n}": losses[n] for n in _LOSS_COLUMNS})
            w.writerow(["" if row[c] is None else _csv_text(row[c]) for c in ARRAY_CSV_COLUMNS])
    from solarfleet.models.atomic import replace_atomically
    with replace_atomically(path, "w", encoding="utf-8-sig") as fh:
        fh.write(buf.getvalue())


def _csv_text(v) -> str:
    """Neutralise spreadsheet formulas in text cells; numbers are written as numbers."""
    if isinstance(v, str):
        return neutralise(v)
    return repr(v) if isinstance(v, float) else str(v)


def read_arrays_csv(path, fleet: Fleet) -> tuple[Fleet, dict]:
    """Read arrays from CSV into the parks and roofs of ``fleet``.

    A row whose (park, roof, name) exists replaces that array; a new name adds one.
    The park and roof must exist. Returns the new fleet and ``{"added", "replaced", "rows"}``.
    """
    text = _read_text(path)
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise FleetFileError(path, "is empty (expected a header row)", line=1) from None
    header = [h.strip() for h in header]
    missing = [c for c in ("park", "roof", "name") if c not in header]
    if missing:
        raise FleetFileError(path, f"missing column(s) {', '.join(missing)}", line=1)
    unknown = [h for h in header if h not in ARRAY_CSV_COLUMNS]
    if unknown:
        raise FleetFileError(path, f"unknown column {unknown[0]!r}", line=1, field=unknown[0])
    parks = {p.name.casefold(): p for p in fleet.parks}
    roofs_new: dict = {}
    added = replaced = rows = 0
    seen = set()
    for row in reader:
        line = reader.line_num
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(header):
            raise FleetFileError(path, f"has {len(row)} cells, the header has {len(header)}", line=line)
        rec = dict(zip(header, (c.strip() for c in row)))
        rec["park"], rec["roof"] = _parse_cell("park", rec["park"]) or "", _parse_cell("roof", rec["roof"]) or ""
        park = parks.get(rec["park"].casefold())
        if park is None:
            raise FleetFileError(path, f"no park named {rec['park']!r} in the fleet", line=line, field="park")
        roof = next((r for r in park.roofs if r.name.casefold() == rec["roof"].casefold()), None)
        if roof is None:
            raise FleetFileError(path, f"park {park.name!r} has no roof named {rec['roof']!r}", line=line,
                                 field="roof")
        key = (park.name, roof.name, rec["name"].casefold())
        if key in seen:
            raise FleetFileError(path, f"duplicate array {rec['name']!r} on roof {roof.name!r}", line=line,
                                 field="name")
        seen.add(key)
        kwargs, losses = {}, {}
        soiling = [None] * 12
        for col, cell in rec.items():
            if col in ("park", "roof"):
                continue
            try:
                value = _parse_cell(col, cell)
            except ValueError:
                raise FleetFileError(path, f"{cell!r} is not a number", line=line, field=col) from None
            if col.startswith("soiling_"):
                soiling[_MONTHS.index(col[8:])] = value
            elif col.startswith("loss_"):
                if value is not None:
                    losses[col[5:]] = value
            elif value is not None or col in ("surface_tilt", "surface_azimuth", "gcr"):
                kwargs[col] = value
        if any(s is not None for s in soiling):
            if any(s is None for s in soiling):
                m = _MONTHS[soiling.index(None)]
                raise FleetFileError(path, "give all 12 monthly soiling values or none", line=line,
                                     field=f"soiling_{m}")
            losses["soiling"] = tuple(soiling)
        try:
            kwargs["losses"] = Losses(**losses)
            array = Array(**kwargs)
        except FleetValueError as exc:
            col = exc.field
            if col.startswith("soiling["):
                col = "soiling_" + _MONTHS[int(col[8:-1])]
            elif col in _LOSS_COLUMNS:
                col = "loss_" + col
            raise FleetFileError(path, f"{exc.reason} (got {exc.value!r})", line=line, field=col) from None
        except TypeError as exc:
            raise FleetFileError(path, str(exc), line=line) from None
        arrays = list(roofs_new.get((park.name, roof.name), roof.arrays))
        idx = next((i for i, a in enumerate(arrays) if a.name.casefold() == array.name.casefold()), None)
        if idx is None:
            arrays.append(array)
            added += 1
        else:
            arrays[idx] = array
            replaced += 1
        roofs_new[(park.name, roof.name)] = tuple(arrays)
        rows += 1
    if rows == 0:
        raise FleetFileError(path, "holds no array rows", line=reader.line_num or 1)
    new_parks = []
    for p in fleet.parks:
        new_roofs = tuple(dataclasses.replace(r, arrays=roofs_new[(p.name, r.name)])
                          if (p.name, r.name) in roofs_new else r for r in p.roofs)
        new_parks.append(dataclasses.replace(p, roofs=new_roofs))
    return Fleet(tuple(new_parks)), {"rows": rows, "added": added, "replaced": replaced, "path": str(path)}


def _parse_cell(col: str, cell: str):
    if cell == "":
        return None
    if col in _TEXT_FIELDS:
        if cell.startswith("'") and cell[1:2] and cell[1] in DANGEROUS_PREFIXES:
            return cell[1:]
        return cell
    if col in _INT_FIELDS:
        f = float(cell)
        return int(f) if f.is_integer() else f
    return float(cell)
