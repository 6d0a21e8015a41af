"""The project fields a report carries (project, client, author, reference), remembered per database."""
from __future__ import annotations

from typing import Mapping

from solarfleet.models.store.connection import Store, StoreError

__all__ = ["REPORT_PROJECT_FIELDS", "get_report_project", "set_report_project"]

#: The fields, in the order a report shows them.
REPORT_PROJECT_FIELDS = ("project", "client", "author", "reference")
_MAX_LEN = 200


def get_report_project(store: Store) -> dict:
    """Every field as stored (``""`` when never set)."""
    got = dict(store.db.execute("SELECT field, value FROM report_project").fetchall())
    return {k: got.get(k, "") for k in REPORT_PROJECT_FIELDS}


def set_report_project(store: Store, fields: Mapping[str, str]) -> None:
    """Store the given fields (others kept), in one transaction.

    Raises
    ------
    StoreError
        An unknown field, a value that is not text, or one longer than 200 characters; nothing is written.
    """
    rows = []
    for k, v in fields.items():
        if k not in REPORT_PROJECT_FIELDS:
            raise StoreError(f"report project field {k!r} is unknown (use {', '.join(REPORT_PROJECT_FIELDS)})")
        if not isinstance(v, str):
            raise StoreError(f"report project field {k!r} must be text (got {type(v).__name__})")
        v = " ".join(v.split())
        if len(v) > _MAX_LEN:
            raise StoreError(f"report project field {k!r} is longer than {_MAX_LEN} characters")
        rows.append((k, v))
    with store.db.atomic():
        store.db.conn.executemany("INSERT INTO report_project(field, value) VALUES (?, ?) "
                                  "ON CONFLICT(field) DO UPDATE SET value = excluded.value", rows)
