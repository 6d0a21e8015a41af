"""The demo fleet shipped in ``resources/demo_fleet.json``, loaded into an empty database."""
from __future__ import annotations

import functools
from typing import Callable, Optional

from solarfleet.models.fleet import Fleet
from solarfleet.models.fleet_files import read_fleet_json
from solarfleet.models.resources import resource_path
from solarfleet.models.store import get_meta, import_fleet, is_empty, set_meta

__all__ = ["demo_fleet", "seed_if_empty", "demo_note"]


@functools.lru_cache(maxsize=1)
def demo_fleet() -> Fleet:
    """The demo fleet of logistics parks modelled on JD's Asia No.1 parks (sources in the file)."""
    fleet, _ = read_fleet_json(resource_path("demo_fleet.json"))
    return fleet


@functools.lru_cache(maxsize=1)
def _note_translations() -> dict:
    """English demo note → ``{language: text}``, from ``resources/i18n/demo_notes.csv``."""
    import csv
    with open(resource_path("i18n", "demo_notes.csv"), encoding="utf-8", newline="") as f:
        return {row["en"]: row for row in csv.DictReader(f)}


def demo_note(text: str, language: str) -> str:
    """A demo park's note in ``language`` (``"zh_CN"``, ``"ja_JP"``; others: English).

    Only the shipped English notes are translated; a note the user wrote or edited is returned as it is.
    """
    row = _note_translations().get(text)
    return row.get(language) or text if row is not None else text


def seed_if_empty(store, *, with_data: bool = True,
                  progress: Optional[Callable[[int, int, str], None]] = None) -> bool:
    """Load the demo fleet into ``store`` if it holds no parks and was never seeded.

    With ``with_data`` each park also gets an offline synthetic typical weather year (its default
    weather set), a synthetic logistics-park load driven by that weather's air temperature, the
    example TOU tariff and, where the set-up names one, a battery — all in one transaction.

    ``progress(done, total, park_name)`` is called after each park's weather (a start-up splash shows it).
    Returns True if it seeded. A user who deleted every park is not given the demo again.
    """
    if not is_empty(store) or get_meta(store, "demo_seeded"):
        return False
    from solarfleet.models.demo_load import seed_demo_loads
    from solarfleet.models.weather.park_weather import weather_for_park
    with store.db.atomic():
        fleet = demo_fleet()
        import_fleet(store, fleet)
        if with_data:
            for i, park in enumerate(fleet.parks):
                weather_for_park(store, park)
                if progress is not None:
                    progress(i + 1, len(fleet.parks), park.name)
            seed_demo_loads(store)
        set_meta(store, "demo_seeded", "1")
    return True
