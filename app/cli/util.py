"""Small helpers shared by the CLI commands: tables, JSON, errors, progress."""
from __future__ import annotations

import json
import sys
import time
from solarfleet.models.store import load_park


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 1."""


#: Largest row id SQLite stores (a signed 64-bit integer).
MAX_ID = 2 ** 63 - 1


def db_id(text: str) -> int:
    """An argparse ``type``: a stored object's id, a whole number from 1 to :data:`MAX_ID`."""
    import argparse
    t = str(text).strip()
    if not t.isdigit() or len(t) > 19 or not 1 <= int(t) <= MAX_ID:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not an id (a whole number from 1 to {MAX_ID})")
    return int(t)


def out(text: str = "") -> None:
    """Print to stdout if there is one (a windowed bundle has none)."""
    if sys.stdout is not None:
        print(text)


def err(text: str) -> None:
    if sys.stderr is not None:
        print(text, file=sys.stderr)


def emit_json(data) -> None:
    out(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False, default=_default))


def _default(o):
    if hasattr(o, "isoformat"):
        return o.isoformat()
    raise TypeError(f"not JSON-able: {type(o).__name__}")


def _width(s: str) -> int:
    """Display width, counting CJK characters as two columns."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def print_table(rows: list[dict], columns: list[tuple[str, str, str]]) -> None:
    """Print ``rows`` as an aligned table.

    ``columns`` is a list of ``(key, heading, format)``; a format like ``',.1f'`` right-aligns.
    """
    cells = [[h for _, h, _ in columns]]
    for r in rows:
        line = []
        for key, _, fmt in columns:
            v = r.get(key)
            line.append("–" if v is None else (format(v, fmt) if fmt else str(v)))
        cells.append(line)
    widths = [max(_width(row[i]) for row in cells) for i in range(len(columns))]
    for n, row in enumerate(cells):
        parts = []
        for i, (c, (_, _, fmt)) in enumerate(zip(row, columns)):
            pad = " " * (widths[i] - _width(c))
            parts.append(pad + c if fmt and n > 0 else c + pad)
        out("  ".join(parts).rstrip())
        if n == 0:
            out("  ".join("-" * w for w in widths))


class Progress:
    """A progress bar on stderr, shown only once the work has lasted ``delay`` seconds."""

    def __init__(self, label: str, delay: float = 1.0, enabled: bool = True):
        self.label, self.delay, self.start = label, delay, time.monotonic()
        self.enabled = enabled and sys.stderr is not None
        self.shown = False

    def __call__(self, done: int, total: int, text: str = "") -> None:
        if not self.enabled or time.monotonic() - self.start < self.delay:
            return
        frac = done / total if total else 1.0
        bar = "#" * int(frac * 30)
        sys.stderr.write(f"\r{self.label} [{bar:<30}] {done}/{total} {text[:30]:<30}")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()


def find_park(store, name: str):
    """The stored park called ``name`` (case-insensitive), or a :class:`CliError` saying how to list them."""
    try:
        return load_park(store, name)
    except KeyError:
        raise CliError(f"no park named {name!r}; try: solarfleet-cli fleet list") from None


def add_backend_arguments(p) -> None:
    """--cluster ADDRESS | --processes N, and --retries, for commands that can run parks elsewhere."""
    g = p.add_mutually_exclusive_group()
    g.add_argument("--cluster", metavar="ADDRESS",
                   help="run the parks on a Dask scheduler, e.g. tcp://10.0.0.5:8786 "
                        "(needs: pip install 'solarfleet[cluster]')")
    g.add_argument("--processes", type=int, metavar="N", help="run the parks in N local processes")
    p.add_argument("--retries", type=int, default=2, metavar="N",
                   help="on a cluster, rerun a failed park task up to N times (default: 2)")


def make_cli_backend(args):
    """The backend chosen on the command line (in-process when neither option is given)."""
    from solarfleet.models.simulation.backends import BackendError, make_backend
    if args.processes is not None and args.processes < 1:
        raise CliError(f"--processes: must be at least 1 (got {args.processes})")
    if args.retries < 0:
        raise CliError(f"--retries: must be 0 or more (got {args.retries})")
    try:
        return make_backend(args.cluster, args.processes, retries=args.retries)
    except BackendError as exc:
        raise CliError(str(exc)) from None
