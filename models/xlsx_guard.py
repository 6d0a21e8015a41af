"""Refuse a spreadsheet that would cost minutes or gigabytes before any parser opens it.

An XLSX file is a ZIP of XML parts. A few hundred kilobytes can unpack to millions of cells (a
"decompression bomb"), which openpyxl and pandas would then parse cell by cell. :func:`check_xlsx`
reads only the ZIP directory and streams the worksheet XML once (bounded by the sizes the directory
declares, which :mod:`zipfile` enforces), counting cells, and refuses the file when it is out of
proportion — before the parser starts.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

__all__ = ["MAX_CELLS", "MAX_UNPACKED_BYTES", "MAX_RATIO", "check_xlsx"]

#: Most cells a table import reads: a year of 1-minute data in 8 columns is 4.2 million.
MAX_CELLS = 5_000_000
#: Most bytes the workbook's parts may unpack to [B].
MAX_UNPACKED_BYTES = 512 * 1024 ** 2
#: Largest unpacked / packed size of one part: ordinary sheets compress 5–30×, bombs thousands×.
MAX_RATIO = 200


def check_xlsx(path, max_cells: int = MAX_CELLS) -> int:
    """Count the cells of every worksheet of ``path``; raise :class:`ValueError` if the file is a bomb.

    Returns
    -------
    int
        Cells found (``<c`` elements in the worksheets).

    Raises
    ------
    ValueError
        Not a ZIP, unpacks to more than :data:`MAX_UNPACKED_BYTES`, a part compressed more than
        :data:`MAX_RATIO` times, or more than ``max_cells`` cells. The message names the file.
    """
    p = Path(path)
    try:
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ValueError(f"{p}: not a readable Excel workbook ({exc})") from None
    with zf:
        infos = zf.infolist()
        total = sum(i.file_size for i in infos)
        if total > MAX_UNPACKED_BYTES:
            raise ValueError(f"{p}: the workbook unpacks to {total / 1024 ** 2:,.0f} MB (at most "
                             f"{MAX_UNPACKED_BYTES / 1024 ** 2:,.0f} MB); split it or save it as CSV")
        for i in infos:
            if i.file_size > 1024 ** 2 and i.file_size > MAX_RATIO * max(i.compress_size, 1):
                raise ValueError(f"{p}: part {i.filename} is compressed {i.file_size // max(i.compress_size, 1):,}× "
                                 "— a decompression bomb, not a spreadsheet")
        cells = 0
        for i in infos:
            if i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml"):
                cells += _count_cells(zf, i, max_cells - cells, p)
    return cells


def _count_cells(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, p: Path) -> int:
    """``<c`` elements in one worksheet part, streamed; more than ``budget`` is a :class:`ValueError`."""
    count, tail = 0, b""
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(1 << 20):
                data = tail + chunk
                count += data.count(b"<c ") + data.count(b"<c>")
                tail = data[-2:]  # a 3-byte tag split across chunks is counted with the next one, never twice
                if count > budget:
                    raise ValueError(f"{p}: sheet {info.filename.rsplit('/', 1)[-1]} has more than "
                                     f"{MAX_CELLS:,} cells in all; split the file or save it as CSV")
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ValueError(f"{p}: damaged workbook ({exc})") from None
    return count
