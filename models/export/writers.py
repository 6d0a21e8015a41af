"""Writing tables that engineers hand on: CSV, XLSX and JSON, safe to open in a spreadsheet.

Rules every writer keeps:

* Units in the column headers (``ac [kW]``, ``energy [kWh]``); timestamps as ISO 8601 with an
  explicit UTC offset (``2023-06-18T12:00:00+08:00``), so a reader never guesses the zone.
* Numbers are written as numbers (negative ones too); missing values as empty cells, never 0.
* Text that a spreadsheet would run as a formula — a cell starting with ``=``, ``+``, ``-``, ``@``,
  a tab or a carriage return — is neutralised with a leading apostrophe (OWASP "CSV injection"),
  and the XLSX writer stores every text cell as a string, so the workbook holds no formula cells.
* Files are written whole or not at all: into a temporary file with a unique name in the target
  folder (:func:`tempfile.mkstemp`, created exclusively, so a planted symlink is never followed),
  flushed to disk, then renamed over the target; on any failure the temporary file is removed and
  the target is left as it was.
"""
from __future__ import annotations

import datetime as _dt
import io
import json
import math
from typing import Mapping

import numpy as np
import pandas as pd

from solarfleet.models.atomic import replace_atomically

__all__ = ["neutralise", "write_csv", "write_xlsx", "write_json", "format_timestamp", "table_rows",
           "DANGEROUS_PREFIXES", "replace_atomically"]

#: Leading characters that make a spreadsheet evaluate a cell.
DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """``text`` made inert for spreadsheets: a leading ``'`` before a formula trigger."""
    if text and text[0] in DANGEROUS_PREFIXES:
        return "'" + text
    return text


def format_timestamp(ts) -> str:
    """ISO 8601 with an explicit UTC offset; a naive timestamp is refused rather than guessed."""
    ts = pd.Timestamp(ts)
    if ts.tzinfo is None:
        raise ValueError(f"timestamp {ts} has no time zone; refusing to write an ambiguous time")
    return ts.isoformat()


def _cell(v, safe: bool = True):
    """One value as it should reach a file: number, ISO text, (neutralised) text or None."""
    if v is None:
        return None
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return None if math.isnan(v) or math.isinf(v) else float(v)
    if isinstance(v, (pd.Timestamp, _dt.datetime)):
        return format_timestamp(v)
    if isinstance(v, _dt.date):
        return v.isoformat()
    if v is pd.NaT:
        return None
    return neutralise(str(v)) if safe else str(v)


def table_rows(df: pd.DataFrame, index: bool, safe: bool = True):
    """Yield the header and then each row of ``df`` as the cells a writer puts in a file.

    Parameters
    ----------
    df : pandas.DataFrame
    index : bool
        Put the index (its level names in the header) before the columns.
    safe : bool
        Neutralise text that a spreadsheet would run as a formula (:func:`neutralise`);
        ``False`` keeps text exactly (JSON).

    Yields
    ------
    list
        The header (text), then one list per row of numbers, ISO timestamps, text or ``None``.
    """
    frame = df.reset_index() if index else df
    header = [neutralise(str(c)) if safe else str(c) for c in frame.columns]
    yield header
    for row in frame.itertuples(index=False, name=None):
        yield [_cell(v, safe) for v in row]


def write_csv(df: pd.DataFrame, path, *, index: bool = True) -> None:
    """Write ``df`` as UTF-8 CSV (with BOM, so Excel reads Chinese and Japanese names)."""
    import csv
    with replace_atomically(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")  # RFC 4180; cells holding CR or LF get quoted
        for row in table_rows(df, index):
            w.writerow(["" if v is None else (repr(v) if isinstance(v, float) else v) for v in row])


def write_xlsx(sheets: Mapping[str, pd.DataFrame], path, *, index: bool = True) -> None:
    """Write each DataFrame to its own sheet; text stays text, numbers numbers, no formulas; the header row
    (and the index columns) frozen.

    Parameters
    ----------
    sheets : mapping of str to DataFrame
        Sheet name (≤ 31 characters) → table.
    path : path-like
    index : bool
        Write each frame's index as its first column(s).
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    for name, df in sheets.items():
        ws = wb.create_sheet(title=str(name)[:31])
        ws.freeze_panes = f"{get_column_letter((df.index.nlevels if index else 0) + 1)}2"  # header and index stay
        for n, row in enumerate(table_rows(df, index)):
            cells = []
            for v in row:
                c = WriteOnlyCell(ws, value=v)
                if isinstance(v, str):
                    c.data_type = "s"  # never "f": a text starting with '=' stays text
                if n == 0:
                    c.font = bold
                cells.append(c)
            ws.append(cells)
    buffer = io.BytesIO()  # built in memory, so a full disk shows as an OSError from the file write
    wb.save(buffer)
    with replace_atomically(path, "wb") as fh:
        fh.write(buffer.getbuffer())


def write_json(tables: Mapping[str, pd.DataFrame], path, *, meta: Mapping | None = None) -> None:
    """Write tables as ``{"meta": …, "<name>": [{column: value, …}, …]}`` records."""
    doc = {"meta": dict(meta or {})}
    for name, df in tables.items():
        rows = table_rows(df, True, safe=False)  # JSON is read by scripts: text kept exactly
        header = next(rows)
        doc[name] = [dict(zip(header, r)) for r in rows]
    text = json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False, default=str)
    with replace_atomically(path, "w", encoding="utf-8") as fh:
        fh.write(text)
